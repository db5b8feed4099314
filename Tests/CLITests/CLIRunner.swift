import Foundation

/// Runs the built `alertmon` binary as a user would, with a private HOME so no real store is touched.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The repository root (Tests/CLITests/CLIRunner.swift, two levels up).
    static let root: String = {
        let here = "\(#filePath)" as NSString
        return ((here.deletingLastPathComponent as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    }()

    /// The binary next to the test bundle (the same .build/debug), built first when missing.
    static let binary: String = {
        var dirs: [String] = []
        if let arg0 = CommandLine.arguments.first, let real = realpath(arg0, nil) {
            dirs.append((String(cString: real) as NSString).deletingLastPathComponent)
            free(real)
        }
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
        dirs.append(Bundle.main.bundlePath)
        dirs.append(root + "/.build/debug")
        for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/alertmon") { return d + "/alertmon" }
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "alertmon"]
        build.currentDirectoryURL = URL(fileURLWithPath: root)
        try? build.run()
        build.waitUntilExit()
        return root + "/.build/debug/alertmon"
    }()

    let home: String

    init(home: String) { self.home = home }

    func run(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:], cwd: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        var env = ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(extra) { _, b in b }
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? home)
        // Files rather than pipes: nothing can block on a full pipe buffer.
        let out = home + "/.out-" + UUID().uuidString
        let err = home + "/.err-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        if let stdin {
            let inFile = home + "/.in-" + UUID().uuidString
            try stdin.write(toFile: inFile, atomically: true, encoding: .utf8)
            p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inFile))
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
            stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}

/// A temporary directory removed when released.
final class TempDir {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "alertmon-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) throws -> String {
        let p = path + "/" + name
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}
