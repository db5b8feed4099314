import AlertCore
import Foundation

/// Place lookup by name or alias over the bundled GeoNames-derived data.
public final class Gazetteer: Sendable {
    let file: GazetteerFile

    /// The bundled data, loaded once on first use.
    public static let shared: Gazetteer = {
        do {
            guard
                let url = Bundle.module.url(
                    forResource: "gazetteer", withExtension: "tsv", subdirectory: "Resources")
            else {
                throw GazetteerError("the bundled gazetteer.tsv is missing; run Scripts/gen-gazetteer")
            }
            return try Gazetteer(data: Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            fatalError("gazetteer: \(error)")
        }
    }()

    /// Reads the shipped format (see Scripts/gen-gazetteer); throws on a damaged file.
    public init(data: Data) throws {
        file = try GazetteerFile(data: data)
    }

    /// Number of places (cities, regions and countries).
    public var placeCount: Int { file.placeCount }
    /// Number of distinct folded names and aliases.
    public var keyCount: Int { file.keyCount }

    /// The place with this id.
    public func place(id: Int) -> Place? {
        file.index(ofID: id).map(file.place(at:))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    public func country(code: String) -> Place? {
        let u = Array(code.uppercased().unicodeScalars)
        guard u.count == 2, u.allSatisfy({ (65...90).contains($0.value) }) else { return nil }
        let id = -((Int(u[0].value) - 64) * 27 + (Int(u[1].value) - 64))
        return place(id: id)
    }

    /// Places with this name or alias (after folding, Russian case forms included), best first:
    /// country match, canonical name over alias, city over region over country, then population.
    public func lookup(_ name: String, country: String? = nil) -> [Place] {
        rank(refs(forFolded: Self.fold(name)), country: country)
    }

    /// The most likely place for a name.
    public func best(_ name: String, countryContext: String? = nil) -> Place? {
        lookup(name, country: countryContext).first
    }

    /// True when the folded query is a prefix or substring of the place's name or an alias
    /// (the UI's `/` filter).
    public func matches(place: Place, query: String) -> Bool {
        let q = Self.fold(query)
        if q.isEmpty { return true }
        if Self.fold(place.name).contains(q) { return true }
        return place.aliases.contains { Self.fold($0).contains(q) }
    }

    func refs(forFolded key: String) -> [GazetteerFile.Ref] {
        var hits = file.refs(forKey: key)
        if hits.isEmpty, key.hasPrefix("the ") {
            hits = file.refs(forKey: String(key.dropFirst(4)))
        }
        if hits.isEmpty, RussianForms.isCyrillic(key) {
            for form in RussianForms.baseForms(key) {
                hits = file.refs(forKey: form)
                if !hits.isEmpty { break }
            }
        }
        return hits
    }

    func rank(_ refs: [GazetteerFile.Ref], country: String?) -> [Place] {
        let ctx = country?.uppercased()
        let scored = refs.map { (ref: $0, place: file.place(at: $0.index)) }
        return scored.sorted { a, b in
            let ca = a.place.country == ctx
            let cb = b.place.country == ctx
            if ca != cb { return ca }
            if a.ref.canonical != b.ref.canonical { return a.ref.canonical }
            let sa = Self.scopeRank(a.place.scope)
            let sb = Self.scopeRank(b.place.scope)
            if sa != sb { return sa < sb }
            if a.place.population != b.place.population { return a.place.population > b.place.population }
            return a.place.id < b.place.id
        }.map(\.place)
    }

    static func scopeRank(_ s: Scope) -> Int {
        switch s {
        case .city: 0
        case .region: 1
        case .country: 2
        }
    }
}
