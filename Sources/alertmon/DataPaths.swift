import Foundation

/// Finds the directory holding `Samples/` and `Themes/` at run time, installed or in the source tree.
enum DataPaths {
    /// The first that exists of: `$ALERTMON_DATA_DIR`, `<real executable dir>/../share/alertmon`, the source tree.
    static func dataDirectory(
        environment env: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = realExecutable()
    ) -> String? {
        candidates(environment: env, executable: executable).first(where: isDirectory)
    }

    /// Every place looked at, in order (for error messages and tests).
    static func candidates(environment env: [String: String], executable: String?) -> [String] {
        var out: [String] = []
        if let d = env["ALERTMON_DATA_DIR"], !d.isEmpty { out.append(d) }
        if let exe = executable {
            let bin = (exe as NSString).deletingLastPathComponent
            out.append(
                ((bin as NSString).appendingPathComponent("../share/alertmon") as NSString)
                    .standardizingPath)
        }
        out.append(sourceTree)
        return out
    }

    /// The repository root this file was compiled from (Sources/alertmon/DataPaths.swift, two levels up).
    static let sourceTree: String = {
        let here = "\(#filePath)" as NSString
        return ((here.deletingLastPathComponent as NSString).deletingLastPathComponent as NSString)
            .deletingLastPathComponent
    }()

    /// The running binary with symlinks resolved, so a symlink in ~/bin still finds its share directory.
    static func realExecutable() -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return p
        }
        let arg0 = CommandLine.arguments.first ?? ""
        guard let resolved = realpath(arg0, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }
}
