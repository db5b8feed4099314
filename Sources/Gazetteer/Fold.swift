import Foundation

extension Gazetteer {
    /// Case- and diacritic-insensitive key: lower case, marks dropped (ё→е, but й kept),
    /// apostrophes removed, hyphens, dots and runs of spaces turned into one space.
    ///
    /// Must stay identical to `fold` in Scripts/gen-gazetteer, which keys the shipped file.
    public static func fold(_ s: String) -> String {
        if let ascii = foldASCII(s) { return ascii }
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

extension Gazetteer {
    /// `fold` for ASCII text by a byte loop (nil for any other text): lower case, apostrophes and
    /// backquotes dropped, separators and whitespace one space, other punctuation dropped.
    static func foldASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { buf -> String? in
            for b in buf where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: buf.count) { out in
                var n = 0
                var pendingSpace = false
                for b in buf {
                    switch b {
                    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                            pendingSpace = false
                        }
                        out[n] = b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0)
                        n += 1
                    // - _ . / , ( ) and whitespace (tab to carriage return, space)
                    case 0x2D, 0x5F, 0x2E, 0x2F, 0x2C, 0x28, 0x29, 0x09...0x0D, 0x20:
                        pendingSpace = n > 0
                    default:
                        continue
                    }
                }
                return n
            }
        }
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
