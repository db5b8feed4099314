/// Why a `:` jump text was refused; `message` is one line for the prompt.
public struct JumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The replay `:` prompt: "14:05" (same UTC day), "2016-07-18 14:05" or "2016-07-18", and relative
/// "-15m", "+1h", "+30s", "-2h30m", "+1d" from the replay clock.
public enum JumpTarget {
    static let usage = "use HH:MM, YYYY-MM-DD [HH:MM] or a relative time like -15m, +1h, -2h30m"

    /// The instant the text names, relative to `clock` where it is relative or time-only.
    public static func parse(_ text: String, clock: Timestamp) -> Result<Timestamp, JumpError> {
        let s = text.trimmingSpaces()
        guard !s.isEmpty else { return .failure(JumpError("empty jump: " + usage)) }
        if s.hasPrefix("+") || s.hasPrefix("-") { return relative(s, clock: clock) }
        if s.contains("-") {
            guard let t = Timestamp(iso: s) else {
                return .failure(JumpError("not a date and time: \"\(s)\"; " + usage))
            }
            return .success(t)
        }
        return timeOfDay(s, clock: clock)
    }

    private static func timeOfDay(_ s: String, clock: Timestamp) -> Result<Timestamp, JumpError> {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) })
        else { return .failure(JumpError("not a time of day: \"\(s)\"; " + usage)) }
        let h = Int(parts[0])!
        let m = Int(parts[1])!
        let sec = parts.count == 3 ? Int(parts[2])! : 0
        guard h < 24, m < 60, sec < 60 else { return .failure(JumpError("no such time of day: \"\(s)\"")) }
        return .success(Timestamp(seconds: clock.utcDay * 86_400 + Int64(h * 3600 + m * 60 + sec)))
    }

    private static func relative(_ s: String, clock: Timestamp) -> Result<Timestamp, JumpError> {
        let sign: Int64 = s.hasPrefix("-") ? -1 : 1
        var total: Int64 = 0
        var number: Int64?
        var units: Set<Character> = []
        for c in s.dropFirst() {
            if let d = c.wholeNumberValue, c.isASCIIDigit {
                let n = (number ?? 0) * 10 + Int64(d)
                guard n <= 1_000_000 else { return .failure(JumpError("relative jump too large: \"\(s)\"")) }
                number = n
                continue
            }
            let scale: Int64
            switch c {
            case "d": scale = 86_400
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            default: return .failure(JumpError("unknown unit \"\(c)\" in \"\(s)\"; " + usage))
            }
            guard let n = number else { return .failure(JumpError("a number must come before \"\(c)\" in \"\(s)\"")) }
            guard units.insert(c).inserted else { return .failure(JumpError("unit \"\(c)\" given twice in \"\(s)\"")) }
            total += n * scale
            number = nil
        }
        guard number == nil else { return .failure(JumpError("missing unit (d, h, m or s) in \"\(s)\"")) }
        guard !units.isEmpty else { return .failure(JumpError("empty relative jump: \"\(s)\"; " + usage)) }
        return .success(Timestamp(seconds: clock.seconds + sign * total))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
