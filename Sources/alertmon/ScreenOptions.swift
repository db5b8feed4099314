import ArgumentParser

/// How a full-screen command draws: the theme and the mouse (`monitor`, `watch`, `replay`).
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A bundled theme name or a theme file.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (selecting text).")
    var noMouse = false

    /// Whether the monitor takes mouse input.
    var mouse: Bool { !noMouse }
}
