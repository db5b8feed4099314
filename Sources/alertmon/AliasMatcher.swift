import AlertUI
import Gazetteer
import Synchronization

/// The `/` filter's matcher: a place matches by its name or by the start of a word of any gazetteer alias
/// ("Алматы", "Alma-Ata" find Almaty), case- and diacritic-insensitively.
enum AliasMatcher {
    /// Folded names per place, looked up once; the filter runs on every keystroke.
    private static let cache = Mutex<[String: [String]]>([:])

    /// The gazetteer (the shared one by default) is loaded at the first query that needs it, not at start.
    static func make(_ given: Gazetteer? = nil) -> PlaceMatcher {
        PlaceMatcher { ref, term in
            if ref.folded.contains(term) { return true }
            let gazetteer = given ?? .shared
            let key = (ref.placeID.map(String.init) ?? "") + "|" + ref.name + "|" + (ref.country ?? "")
            let names =
                cache.withLock { $0[key] }
                ?? {
                    let place =
                        ref.placeID.flatMap { gazetteer.place(id: $0) }
                        ?? gazetteer.lookup(ref.name, country: ref.country).first
                    let folded = place.map { p in ([p.name] + p.aliases).map(Gazetteer.fold) } ?? []
                    cache.withLock { $0[key] = folded }
                    return folded
                }()
            let q = Gazetteer.fold(term)
            // The canonical name matches anywhere (as k9s's filter does); an alias only at the start of one of
            // its words, since a place has dozens of aliases and a substring of any would match far too much.
            return !q.isEmpty
                && names.enumerated().contains { i, n in
                    i == 0 ? n.contains(q) : PlaceMatcher.aWord(of: n, startsWith: q)
                }
        }
    }
}
