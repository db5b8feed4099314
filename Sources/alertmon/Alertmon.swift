import AlertStore
import ArgumentParser
import Foundation

@main
struct Alertmon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alertmon",
        abstract: "Follow per-city terror alert levels from news reports.",
        version: "0.1.0",
        subcommands: [
            ImportCommand.self,
            ExportCommand.self,
            StatusCommand.self,
            LogCommand.self,
            DemoCommand.self,
            ParseCommand.self,
            IngestCommand.self,
            WatchCommand.self,
            MonitorCommand.self,
            ReplayCommand.self,
        ],
        defaultSubcommand: MonitorCommand.self
    )

    /// Runs a command and turns every failure into one `alertmon: …` line and an exit code, never a trace.
    static func main() {
        // A process started from a worker thread (a test harness, a supervisor) inherits these blocked;
        // every command must still stop on Ctrl-C and SIGTERM.
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&set, s) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            Console.error(e.message)
            Foundation.exit(e.code)
        } catch let e as StoreError {
            Console.error(e.description)
            Foundation.exit(1)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            // Help, --version and completion scripts are "errors" that exit 0: let the parser print them.
            if exitCode(for: error) == .success { exit(withError: error) }
            let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Console.error(text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text)
            Foundation.exit(2)
        }
    }
}
