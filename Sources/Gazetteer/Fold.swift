import Foundation

extension Gazetteer {
    /// Case- and diacritic-insensitive key: lower case, marks dropped (ё→е, but й kept),
    /// apostrophes removed, hyphens, dots and runs of spaces turned into one space.
    ///
    /// Must stay identical to `fold` in Scripts/gen-gazetteer, which keys the shipped file.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var last: Unicode.Scalar? = nil
        let lowered = s.lowercased()
        let scalars =
            lowered.utf8.allSatisfy { $0 < 0x80 }
            ? lowered.unicodeScalars : lowered.decomposedStringWithCanonicalMapping.unicodeScalars
        for u in scalars {
            if u.value == 0x306, last == "и" {
                out.removeLast()
                out.append("й")
                last = "й"
                continue
            }
            if FoldTables.drop.contains(u) { continue }
            if FoldTables.space.contains(u) || u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                last = nil
                continue
            }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                if let special = FoldTables.special[u] {
                    out.append(contentsOf: special.unicodeScalars)
                } else {
                    out.append(u)
                }
                last = u
            default:
                continue
            }
        }
        return String(out)
    }
}

enum FoldTables {
    static let drop: Set<Unicode.Scalar> = Set("'’ʼʻ`´ʹ‘ˈˌ".unicodeScalars)
    static let space: Set<Unicode.Scalar> = Set("-‐‑‒–—_./,()".unicodeScalars)
    static let special: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
        "þ": "th", "ð": "d", "ŀ": "l",
    ]
}
