import ArgumentParser

/// `alertmon demo`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the bundled sample day (Almaty red, then yellow) from a temporary store.")

    func run() throws {
        try DemoText.printText()
    }
}
