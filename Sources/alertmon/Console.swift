import Foundation

/// Buffered writes to stdout and unbuffered one-liners to stderr.
enum Console {
    /// Prints `alertmon: <message>` on stderr.
    static func error(_ message: String) {
        note("alertmon: " + message)
    }

    /// Prints a line on stderr.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress is drawn only there).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Collects output and writes it to a file descriptor in large chunks (exports can be millions of lines).
struct OutputBuffer: TextOutputStream {
    private var bytes: [UInt8] = []
    let fd: Int32

    init(fd: Int32 = 1) {
        self.fd = fd
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func line(_ s: String) {
        write(s)
        write("\n")
    }

    mutating func flush() {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            off += n
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
