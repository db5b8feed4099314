import AlertCore
import Foundation

/// A place as the filter sees it.
public struct PlaceRef: Sendable, Hashable {
    public var name: String
    public var country: String?
    public var placeID: Int?
    /// `name` folded by `TextFold.fold`; the model fills it once, on the first query (`Model.foldNames`).
    public var folded: String

    public init(name: String, country: String?, placeID: Int? = nil, folded: String? = nil) {
        self.name = name
        self.country = country
        self.placeID = placeID
        self.folded = folded ?? TextFold.fold(name)
    }
}

/// Decides whether a place matches one filter term; the executable passes the gazetteer's alias matcher.
public struct PlaceMatcher: Sendable {
    /// `term` is one `|`-separated part of the query, trimmed and folded with `TextFold.fold`, never empty.
    public var matches: @Sendable (PlaceRef, String) -> Bool

    public init(_ matches: @escaping @Sendable (PlaceRef, String) -> Bool) { self.matches = matches }

    /// Substring match on the folded canonical name.
    public static let byName = PlaceMatcher { place, term in place.folded.contains(term) }

    /// Whether a word of `name` (words split at anything but a letter or digit) starts with `term`: how an
    /// alias matches, so "alm" finds Almaty's "Alma-Ata" but not Odesa's "Pivdenna Pal'mira".
    public static func aWord(of name: String, startsWith term: String) -> Bool {
        guard !term.isEmpty else { return false }
        var atStart = true
        var i = name.startIndex
        while i < name.endIndex {
            let c = name[i]
            let inWord = c.isLetter || c.isNumber
            if inWord && atStart && name[i...].hasPrefix(term) { return true }
            atStart = !inWord
            i = name.index(after: i)
        }
        return false
    }
}

/// Case and diacritic folding shared by the filter and any matcher.
public enum TextFold {
    /// Lower case without diacritics ("Almatý" → "almaty", "Алматы" → "алматы").
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// The `/` query parsed: `!` inverts, `|` separates alternatives.
public struct CityQuery: Sendable, Hashable {
    public var inverted: Bool
    /// Folded, trimmed, non-empty terms.
    public var terms: [String]

    public init(_ text: String) {
        var t = Substring(text)
        inverted = t.hasPrefix("!")
        if inverted { t = t.dropFirst() }
        terms = t.split(separator: "|").map { TextFold.fold($0.trimmingCharacters(in: .whitespaces)) }
            .filter {
                !$0.isEmpty
            }
    }

    /// True when the query filters nothing.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether `place` passes.
    public func admits(_ place: PlaceRef, _ matcher: PlaceMatcher) -> Bool {
        if terms.isEmpty { return true }
        let hit = terms.contains { matcher.matches(place, $0) }
        return hit != inverted
    }
}
