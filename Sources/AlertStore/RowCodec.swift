import AlertCore

/// Compact, lossless column encodings for a transition row (pure; the schema's size budget lives here).
enum RowCodec {
    // MARK: time formats

    /// One timestamp's precision and UTC offset in 14 bits; a UTC date is 0 so the common case costs nothing.
    static func format(_ t: Timestamp) -> Int64 {
        let minutes = Int64(t.utcOffset) / 60
        let zigzag = minutes >= 0 ? minutes * 2 : -minutes * 2 - 1
        return Int64(t.precision.rawValue) | zigzag << 2
    }

    static func timestamp(seconds: Int64, format f: Int64) -> Timestamp {
        let precision = Timestamp.Precision(rawValue: UInt8(f & 3)) ?? .second
        let zigzag = f >> 2
        let minutes = zigzag & 1 == 0 ? zigzag / 2 : -(zigzag + 1) / 2
        return Timestamp(seconds: seconds, precision: precision, utcOffset: Int32(minutes * 60))
    }

    /// The formats of effective, until and reported packed in one integer.
    static func formats(effective: Timestamp, until: Timestamp?, reported: Timestamp?) -> Int64 {
        format(effective) | (until.map(format) ?? 0) << 14 | (reported.map(format) ?? 0) << 28
    }

    static func unpack(formats f: Int64) -> (effective: Int64, until: Int64, reported: Int64) {
        (f & 0x3FFF, (f >> 14) & 0x3FFF, (f >> 28) & 0x3FFF)
    }

    // MARK: until

    /// `until` relative to `effective`, never NULL (it is part of the unique key, and SQLite's NULLs are all distinct):
    /// 0 is "none", d ≥ 0 is d + 1, a negative d stays itself.
    static func untilCode(effective: Timestamp, until: Timestamp?) -> Int64 {
        guard let until else { return 0 }
        let d = until.seconds - effective.seconds
        return d >= 0 ? d + 1 : d
    }

    static func untilSeconds(effective: Int64, code: Int64) -> Int64? {
        code == 0 ? nil : effective + (code > 0 ? code - 1 : code)
    }

    // MARK: small enums

    static func kindCode(_ k: TransitionKind?) -> Int64 {
        guard let k, let i = TransitionKind.allCases.firstIndex(of: k) else { return 0 }
        return Int64(i + 1)
    }

    static func kind(_ code: Int64) -> TransitionKind? {
        let all = TransitionKind.allCases
        return code >= 1 && code <= all.count ? all[Int(code) - 1] : nil
    }

    static func scopeCode(_ s: Scope) -> Int64 { Int64(Scope.allCases.firstIndex(of: s) ?? 0) }

    static func scope(_ code: Int64) -> Scope {
        let all = Scope.allCases
        return code >= 0 && code < all.count ? all[Int(code)] : .city
    }

    // MARK: confidence

    /// Hundredths as an integer when that is exact (one byte instead of eight), else the double itself.
    enum Confidence: Equatable {
        case hundredths(Int64)
        case exact(Double)
    }

    static func confidenceCode(_ c: Double) -> Confidence {
        let n = (c * 100).rounded()
        if n.isFinite, abs(n) < 1e9, n / 100 == c { return .hundredths(Int64(n)) }
        return .exact(c)
    }

    static func confidence(_ code: Confidence) -> Double {
        switch code {
        case .hundredths(let n): Double(n) / 100
        case .exact(let d): d
        }
    }
}
