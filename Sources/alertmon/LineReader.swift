import Foundation

/// Reads a file descriptor in large chunks and hands out its lines as bytes, with 1-based numbers.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private(set) var lineNumber = 0
    /// Bytes consumed so far, for progress.
    private(set) var bytesRead: Int64 = 0

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline (and without a trailing CR), or nil at the end.
    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            let found = buffer.withUnsafeBufferPointer { b -> Int? in
                guard start < b.count, let p = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { return nil }
                return UnsafeRawPointer(p) - UnsafeRawPointer(b.baseAddress!)
            }
            if let nl = found {
                var end = nl
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = nl + 1
                lineNumber += 1
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private mutating func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var n: Int
        repeat {
            n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + old, chunk) }
        } while n < 0 && errno == EINTR
        if n < 0 {
            let reason = String(cString: strerror(errno))
            buffer.removeLast(chunk)
            throw CLIError("read failed: \(reason)")
        }
        buffer.removeLast(chunk - n)
        bytesRead += Int64(n)
        if n == 0 { eof = true }
    }
}

/// An input named on the command line: a file path or `-` for stdin.
struct InputFile {
    let name: String
    let fd: Int32
    /// The size when it is a regular file (for time-left estimates).
    let size: Int64?

    /// Opens `path`, or stdin for `-`; a missing or unreadable file is one clear line.
    init(path: String) throws {
        if path == "-" {
            name = "stdin"
            fd = 0
            size = nil
            return
        }
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CLIError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            Foundation.close(fd)
            throw CLIError("cannot read \(path): it is a directory")
        }
        name = path
        self.fd = fd
        size = info.st_mode & S_IFMT == S_IFREG ? Int64(info.st_size) : nil
    }

    func close() { if fd != 0 { Foundation.close(fd) } }
}
