import ArgumentParser

/// `alertmon demo`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the bundled sample day (Almaty red, then yellow) from a temporary store.")

    func run() throws {
        // On a terminal the demo is the monitor itself; piped (or on TERM=dumb) it stays text.
        if Monitor.canOpen { return try Monitor.demo() }
        try DemoText.printText()
    }
}
