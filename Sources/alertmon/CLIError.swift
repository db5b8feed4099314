/// A failure the user can act on: printed as `alertmon: <message>`, exiting with `code`.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    /// 1 for failures of the work, 2 for mistakes in the command line.
    var code: Int32

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}
