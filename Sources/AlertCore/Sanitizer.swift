/// The one gate between report text and the screen or a record.
///
/// ESC, C0 and C1 controls, DEL and bidi controls become visible placeholders, so a report
/// can never move the cursor, recolour the terminal or reorder what is shown.
public enum Sanitizer {
    /// Returns `s` with every unsafe scalar replaced by a visible placeholder; tab and newlines become spaces.
    public static func clean(_ s: String) -> String {
        if isClean(s) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x1B: out.append(contentsOf: "␛".unicodeScalars)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + u.value)!)  // ␀ … ␟
            case 0x7F: out.append(contentsOf: "␡".unicodeScalars)
            case 0x80..<0xA0: out.append(contentsOf: "�".unicodeScalars)
            case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: out.append(contentsOf: "⟦bidi⟧".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// True when `s` has nothing the sanitiser would change.
    public static func isClean(_ s: String) -> Bool {
        for u in s.utf8 where u < 0x20 || u == 0x7F || u >= 0x80 {
            if u >= 0x80 { return !s.unicodeScalars.contains(where: isUnsafe) }
            return false
        }
        return true
    }

    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
