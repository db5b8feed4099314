import Foundation

/// JSON text appended straight to a byte buffer, without building a `String` per field (record output is a
/// hot path of `parse`). The one JSON string escaper (`JSONText` wraps it); dates as `Timestamp.iso` writes them.
public enum JSONBytes {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the UTF-8 bytes of `s` as they are.
    @inline(__always)
    public static func appendRaw(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends `s` as a quoted JSON string.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// Copies runs of bytes that need no escape in one go; escapes quotes, backslashes, control
    /// characters, DEL and U+2028/U+2029 (E2 80 A8/A9), which JavaScript reads as line ends.
    static func appendEscaped(_ buf: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = buf.count
        var run = 0
        var i = 0
        while i < n {
            let b = buf[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F
                && (b != 0xE2 || i + 2 >= n || buf[i + 1] != 0x80 || (buf[i + 2] != 0xA8 && buf[i + 2] != 0xA9))
            {
                i += 1
                continue
            }
            if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<i])) }
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0xE2:
                out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, buf[i + 2] == 0xA8 ? 0x38 : 0x39])
                i += 2
            default:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
            run = i
        }
        if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<n])) }
    }

    /// Appends the decimal digits of `v`, as `String(v)` writes them.
    public static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(0x2D) }
        var m = v.magnitude
        let start = out.count
        repeat {
            out.append(0x30 + UInt8(m % 10))
            m /= 10
        } while m > 0
        out[start...].reverse()
    }

    /// Two digits with a leading zero, as `pad2` writes them (wider values as they are).
    @inline(__always)
    static func append2(_ v: Int, to out: inout [UInt8]) {
        guard v >= 0, v < 100 else { return appendRaw(pad2(v), to: &out) }
        out.append(0x30 + UInt8(v / 10))
        out.append(0x30 + UInt8(v % 10))
    }

    /// Appends `CivilDate.iso`.
    static func appendDate(_ d: CivilDate, to out: inout [UInt8]) {
        guard d.year >= 0, d.year <= 9999 else { return appendRaw(d.iso, to: &out) }
        append2(d.year / 100, to: &out)
        append2(d.year % 100, to: &out)
        out.append(0x2D)
        append2(d.month, to: &out)
        out.append(0x2D)
        append2(d.day, to: &out)
    }

    /// Appends `Timestamp.iso`.
    public static func appendISO(_ t: Timestamp, to out: inout [UInt8]) {
        if t.precision == .day { return appendDate(CivilDate(day: t.utcDay), to: &out) }
        let local = t.seconds + Int64(t.utcOffset)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let sod = Int(local - day * 86_400)
        appendDate(CivilDate(day: day), to: &out)
        out.append(0x54)  // T
        append2(sod / 3600, to: &out)
        out.append(0x3A)
        append2(sod / 60 % 60, to: &out)
        out.append(0x3A)
        append2(sod % 60, to: &out)
        if t.utcOffset == 0 { return out.append(0x5A) }  // Z
        let o = abs(Int(t.utcOffset)) / 60
        out.append(t.utcOffset < 0 ? 0x2D : 0x2B)
        append2(o / 60, to: &out)
        out.append(0x3A)
        append2(o % 60, to: &out)
    }
}
