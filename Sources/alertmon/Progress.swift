import Foundation

/// A one-line progress display on stderr: records done, rate and time left; silent unless stderr is a terminal.
struct Progress {
    let enabled: Bool
    let total: Int64?
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool, totalBytes: Int64?) {
        self.enabled = enabled
        total = totalBytes
    }

    /// Redraws at most five times a second.
    mutating func update(records: Int, bytes: Int64) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        var line = "importing: \(records) records, \(Int(Double(records) / elapsed))/s"
        if let total, total > 0, bytes > 0 {
            let left = elapsed * Double(total - bytes) / Double(bytes)
            line +=
                ", \(Int(Double(bytes) * 100 / Double(total)))%, about \(Progress.duration(left)) left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Erases the progress line before the summary is printed.
    mutating func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    static func duration(_ s: Double) -> String {
        let n = Int(s.rounded())
        return n < 60 ? "\(n) s" : "\(n / 60) min \(n % 60) s"
    }
}
