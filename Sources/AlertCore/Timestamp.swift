/// An instant with the precision and UTC offset it was written with, so records print back as read.
///
/// Ordering and equality use the instant only. A date-only value ("2016-07-18") is midnight UTC
/// of that day; day boundaries throughout alertmon are UTC days.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: UInt8, Sendable { case day, minute, second }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    public var precision: Precision
    /// The offset from UTC the value was written in, in seconds (0 for day precision).
    public var utcOffset: Int32

    public init(seconds: Int64, precision: Precision = .second, utcOffset: Int32 = 0) {
        self.seconds = seconds
        self.precision = precision
        self.utcOffset = precision == .day ? 0 : utcOffset
    }

    /// Midnight UTC of a calendar day.
    public init(year: Int, month: Int, day: Int) {
        self.init(seconds: Int64(CivilDate.daysFromCivil(year, month, day)) * 86_400, precision: .day)
    }

    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.seconds == b.seconds }
    public func hash(into h: inout Hasher) { h.combine(seconds) }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// The UTC day number (days since 1970-01-01).
    public var utcDay: Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    /// This instant moved by a number of seconds, keeping its offset.
    public func adding(seconds s: Int64) -> Timestamp {
        Timestamp(seconds: seconds + s, precision: precision == .day && s % 86_400 != 0 ? .second : precision, utcOffset: utcOffset)
    }

    /// ISO 8601 text: "2016-07-18" for a day, else "2016-07-18T14:30:00+06:00" (or "Z").
    public var iso: String {
        if precision == .day { return CivilDate(day: utcDay).iso }
        let local = seconds + Int64(utcOffset)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let sod = Int(local - day * 86_400)
        var s = CivilDate(day: day).iso
        s += "T" + pad2(sod / 3600) + ":" + pad2(sod / 60 % 60) + ":" + pad2(sod % 60)
        if utcOffset == 0 { return s + "Z" }
        let o = abs(Int(utcOffset)) / 60
        return s + (utcOffset < 0 ? "-" : "+") + pad2(o / 60) + ":" + pad2(o % 60)
    }

    public var description: String { iso }

    /// Parses "2016-07-18", "2016-07-18T14:30", "2016-07-18 14:30:05", with "Z", "+06:00", "+0600" or no zone (UTC).
    public init?(iso text: String) {
        var text = text
        guard let t = text.withUTF8({ Timestamp(isoUTF8: $0) }) else { return nil }
        self = t
    }
}

@inline(__always) func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

/// A proleptic Gregorian calendar day, converted without Foundation's calendars.
public struct CivilDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The civil date of a UTC day number.
    public init(day z0: Int64) {
        // Howard Hinnant's days_from_civil inverse.
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
    }

    public var dayNumber: Int64 { Int64(CivilDate.daysFromCivil(year, month, day)) }
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { Int(((dayNumber % 7) + 11) % 7) }
    public var iso: String {
        let y = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return y + "-" + pad2(month) + "-" + pad2(day)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
