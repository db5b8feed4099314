import Foundation
import Glibc

/// Runs a command to completion with stdout and stderr captured in a temp file.
///
/// The child closes every inherited descriptor above 2 before exec: a daemon it starts (the tmux
/// server) would otherwise hold other pipes of this test process open forever.
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ args: [String], environment: [String: String]? = nil) throws -> Result {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alertmon-spawn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = """
            for p in /proc/$$/fd/*; do n=${p##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done
            exec "$@"
            """
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // The test runner's worker threads block signals; the child must not inherit that.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ["/bin/bash", "-c", script, "bash"] + args
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { cargv in
            withCStrings(env) { cenv in posix_spawn(&pid, "/bin/bash", &actions, &attr, cargv, cenv) }
        }
        guard rc == 0 else { throw SpawnError(message: "posix_spawn \(args.first ?? ""): \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, output: text)
    }

    /// The first executable named `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let p = "\(dir)/\(name)"
            if access(p, X_OK) == 0 { return p }
        }
        return nil
    }

    private static func withCStrings<R>(
        _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R
    ) -> R {
        var ptrs: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        ptrs.append(nil)
        defer { for p in ptrs { free(p) } }
        return body(ptrs)
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
