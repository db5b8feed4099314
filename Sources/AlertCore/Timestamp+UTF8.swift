extension Timestamp {
    /// Parses ISO 8601 UTF-8 bytes exactly as `init?(iso:)` parses text (which calls this).
    public init?(isoUTF8 u: UnsafeBufferPointer<UInt8>) {
        var count = u.count
        while count > 0, u[count - 1] == 0x20 { count -= 1 }
        // A cursor struct rather than closures over `i`: this runs three times per imported record.
        var c = ISOCursor(u: u, count: count)
        guard let y = c.num(4), c.eat(0x2D), let mo = c.num(2), c.eat(0x2D), let d = c.num(2) else { return nil }
        guard (1...12).contains(mo), d >= 1, d <= CivilDate.daysIn(month: mo, year: y) else { return nil }
        let dayNumber = Int64(CivilDate.daysFromCivil(y, mo, d))
        if c.i == count {
            self.init(seconds: dayNumber * 86_400, precision: .day)
            return
        }
        guard c.eat(0x54) || c.eat(0x20) || c.eat(0x74) else { return nil }
        guard let h = c.num(2), c.eat(0x3A), let mi = c.num(2) else { return nil }
        var sec = 0
        var precision = Precision.minute
        if c.eat(0x3A) {
            guard let s = c.num(2) else { return nil }
            sec = s
            precision = .second
            if c.eat(0x2E) {  // fractional seconds are accepted and dropped
                while c.i < count, u[c.i] >= 0x30, u[c.i] <= 0x39 { c.i += 1 }
            }
        }
        guard h <= 24, mi <= 59, sec <= 60, !(h == 24 && (mi > 0 || sec > 0)) else { return nil }
        var offset = 0
        if c.i < count {
            if c.eat(0x5A) || c.eat(0x7A) {
                offset = 0
            } else if u[c.i] == 0x2B || u[c.i] == 0x2D {
                let sign = u[c.i] == 0x2D ? -1 : 1
                c.i += 1
                guard let oh = c.num(2) else { return nil }
                _ = c.eat(0x3A)
                let om = c.num(2) ?? 0
                guard oh <= 18, om <= 59 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard c.i == count else { return nil }
        let local = dayNumber * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        self.init(seconds: local - Int64(offset), precision: precision, utcOffset: Int32(offset))
    }
}

/// Reads digits and punctuation off ISO 8601 bytes.
struct ISOCursor {
    let u: UnsafeBufferPointer<UInt8>
    let count: Int
    var i = 0

    init(u: UnsafeBufferPointer<UInt8>, count: Int) {
        self.u = u
        self.count = count
    }

    @inline(__always) mutating func num(_ n: Int) -> Int? {
        guard i + n <= count else { return nil }
        var v = 0
        for k in 0..<n {
            let d = u[i + k] &- 0x30
            guard d <= 9 else { return nil }
            v = v * 10 + Int(d)
        }
        i += n
        return v
    }

    @inline(__always) mutating func eat(_ ch: UInt8) -> Bool {
        guard i < count, u[i] == ch else { return false }
        i += 1
        return true
    }
}
