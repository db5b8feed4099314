/// One level of a government's scheme and the display severity it maps onto.
public struct SchemeLevel: Sendable, Hashable, Codable {
    /// The scheme's own rank ("1" … "5"); what `scheme_level` holds when the text gives a number.
    public var rank: String
    /// Names the scheme uses for this level, in any language, lower case ("critical", "красный").
    public var names: [String]
    public var display: Level

    public init(rank: String, names: [String], display: Level) {
        self.rank = rank
        self.names = names
        self.display = display
    }
}

/// A government's threat-level scheme as data (see LEVELS.md).
public struct LevelScheme: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// ISO 3166-1 alpha-2 of the country that uses it.
    public var country: String
    public var levels: [SchemeLevel]
    /// The scheme applies to levels set on or after this UTC day (nil: always).
    public var validFrom: CivilDate?
    /// The scheme applies to levels set before this UTC day (nil: still in force).
    public var validUntil: CivilDate?

    public init(id: String, country: String, levels: [SchemeLevel], validFrom: CivilDate? = nil, validUntil: CivilDate? = nil) {
        self.id = id
        self.country = country
        self.levels = levels
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The level whose rank or one of whose names equals `text` (case-insensitive).
    public func level(named text: String) -> SchemeLevel? {
        let t = text.lowercased()
        return levels.first { $0.rank == t || $0.names.contains(t) }
    }

    /// The scheme's display severity for a rank or name, or nil.
    public func display(for text: String) -> Level? { level(named: text)?.display }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Timestamp(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "bad date \(s)")
        }
        self.init(day: t.utcDay)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// The built-in schemes from LEVELS.md; `KZ-terror` is the default.
public enum Schemes {
    public static let defaultID = "KZ-terror"

    public static let kzTerror = LevelScheme(
        id: "KZ-terror", country: "KZ",
        levels: [
            SchemeLevel(rank: "1", names: ["moderate", "yellow", "умеренный", "жёлтый", "желтый", "бірқалыпты", "сары"], display: .yellow),
            SchemeLevel(rank: "2", names: ["high", "orange", "высокий", "оранжевый", "жоғары", "қызғылт сары"], display: .orange),
            SchemeLevel(rank: "3", names: ["critical", "red", "критический", "красный", "шекті", "қызыл"], display: .red),
        ])

    public static let ruTerror = LevelScheme(
        id: "RU-terror", country: "RU",
        levels: [
            SchemeLevel(rank: "1", names: ["blue", "elevated", "синий", "повышенный"], display: .yellow),
            SchemeLevel(rank: "2", names: ["yellow", "high", "жёлтый", "желтый", "высокий"], display: .orange),
            SchemeLevel(rank: "3", names: ["red", "critical", "красный", "критический"], display: .red),
        ])

    public static let ukNational = LevelScheme(
        id: "UK-national", country: "GB",
        levels: [
            SchemeLevel(rank: "1", names: ["low"], display: .normal),
            SchemeLevel(rank: "2", names: ["moderate"], display: .yellow),
            SchemeLevel(rank: "3", names: ["substantial"], display: .yellow),
            SchemeLevel(rank: "4", names: ["severe"], display: .orange),
            SchemeLevel(rank: "5", names: ["critical"], display: .red),
        ])

    public static let frVigipirate = LevelScheme(
        id: "FR-vigipirate", country: "FR",
        levels: [
            SchemeLevel(rank: "1", names: ["vigilance"], display: .yellow),
            SchemeLevel(
                rank: "2",
                names: ["sécurité renforcée – risque attentat", "sécurité renforcée - risque attentat", "sécurité renforcée", "risque attentat", "enhanced security", "risk of attack"],
                display: .orange),
            SchemeLevel(rank: "3", names: ["urgence attentat", "attack emergency", "emergency attack"], display: .red),
        ])

    public static let beOcam = LevelScheme(
        id: "BE-ocam", country: "BE",
        levels: [
            SchemeLevel(rank: "1", names: ["faible", "laag", "low"], display: .normal),
            SchemeLevel(rank: "2", names: ["moyen", "gemiddeld", "medium", "average"], display: .yellow),
            SchemeLevel(rank: "3", names: ["grave", "ernstig", "ernst", "serious"], display: .orange),
            SchemeLevel(rank: "4", names: ["très grave", "zeer ernstig", "sehr ernst", "very serious"], display: .red),
        ])

    public static let nlNctv = LevelScheme(
        id: "NL-nctv", country: "NL",
        levels: [
            SchemeLevel(rank: "1", names: ["minimaal", "minimal"], display: .normal),
            SchemeLevel(rank: "2", names: ["beperkt", "limited"], display: .yellow),
            SchemeLevel(rank: "3", names: ["aanzienlijk", "considerable"], display: .yellow),
            SchemeLevel(rank: "4", names: ["substantieel", "substantial"], display: .orange),
            SchemeLevel(rank: "5", names: ["kritiek", "critical"], display: .red),
        ], validFrom: CivilDate(year: 2016, month: 7, day: 1))

    public static let nlNctv2005 = LevelScheme(
        id: "NL-nctv-2005", country: "NL",
        levels: [
            SchemeLevel(rank: "1", names: ["minimaal", "minimal"], display: .normal),
            SchemeLevel(rank: "2", names: ["beperkt", "limited"], display: .yellow),
            SchemeLevel(rank: "3", names: ["substantieel", "substantial"], display: .orange),
            SchemeLevel(rank: "4", names: ["kritiek", "critical"], display: .red),
        ], validUntil: CivilDate(year: 2016, month: 7, day: 1))

    public static let seSapo = LevelScheme(
        id: "SE-sapo", country: "SE",
        levels: [
            SchemeLevel(rank: "1", names: ["inget identifierat hot", "no identified threat"], display: .normal),
            SchemeLevel(rank: "2", names: ["begränsat hot", "lågt hot", "limited threat", "low threat"], display: .yellow),
            SchemeLevel(rank: "3", names: ["förhöjt hot", "elevated threat", "elevated"], display: .yellow),
            SchemeLevel(rank: "4", names: ["högt hot", "high threat", "high"], display: .orange),
            SchemeLevel(rank: "5", names: ["mycket högt hot", "very high threat", "very high"], display: .red),
        ])

    public static let usNtas = LevelScheme(
        id: "US-ntas", country: "US",
        levels: [
            SchemeLevel(rank: "bulletin", names: ["bulletin", "ntas bulletin"], display: .yellow),
            SchemeLevel(rank: "elevated", names: ["elevated alert", "elevated"], display: .orange),
            SchemeLevel(rank: "imminent", names: ["imminent alert", "imminent"], display: .red),
        ])

    public static let all: [LevelScheme] = [kzTerror, ruTerror, ukNational, frVigipirate, beOcam, nlNctv, nlNctv2005, seSapo, usNtas]

    /// A scheme by id.
    public static func scheme(id: String) -> LevelScheme? { all.first { $0.id == id } }

    /// The scheme a country used on a day; the default scheme where the country has none of its own.
    public static func scheme(country: String?, on day: CivilDate? = nil) -> LevelScheme {
        guard let country = country?.uppercased() else { return kzTerror }
        let candidates = all.filter { $0.country == country }
        if let day {
            if let s = candidates.first(where: { ($0.validFrom.map { day >= $0 } ?? true) && ($0.validUntil.map { day < $0 } ?? true) }) {
                return s
            }
        }
        return candidates.first { $0.validUntil == nil } ?? candidates.first ?? kzTerror
    }
}
