extension Timestamp {
    /// Parses ISO 8601 UTF-8 bytes exactly as `init?(iso:)` parses text (which calls this).
    public init?(isoUTF8 u: UnsafeBufferPointer<UInt8>) {
        var count = u.count
        while count > 0, u[count - 1] == 0x20 { count -= 1 }
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = u[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < count && u[i] == c {
                i += 1
                return true
            }
            return false
        }
        guard let y = num(4), eat(0x2D), let mo = num(2), eat(0x2D), let d = num(2) else { return nil }
        guard (1...12).contains(mo), d >= 1, d <= CivilDate.daysIn(month: mo, year: y) else { return nil }
        let dayNumber = Int64(CivilDate.daysFromCivil(y, mo, d))
        if i == count {
            self.init(seconds: dayNumber * 86_400, precision: .day)
            return
        }
        guard eat(0x54) || eat(0x20) || eat(0x74) else { return nil }
        guard let h = num(2), eat(0x3A), let mi = num(2) else { return nil }
        var sec = 0
        var precision = Precision.minute
        if eat(0x3A) {
            guard let s = num(2) else { return nil }
            sec = s
            precision = .second
            if eat(0x2E) {  // fractional seconds are accepted and dropped
                while i < count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
            }
        }
        guard h <= 24, mi <= 59, sec <= 60, !(h == 24 && (mi > 0 || sec > 0)) else { return nil }
        var offset = 0
        if i < count {
            if eat(0x5A) || eat(0x7A) {
                offset = 0
            } else if u[i] == 0x2B || u[i] == 0x2D {
                let sign = u[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = num(2) else { return nil }
                _ = eat(0x3A)
                let om = num(2) ?? 0
                guard oh <= 18, om <= 59 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard i == count else { return nil }
        let local = dayNumber * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        self.init(seconds: local - Int64(offset), precision: precision, utcOffset: Int32(offset))
    }
}
