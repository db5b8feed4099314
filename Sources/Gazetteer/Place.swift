import AlertCore

/// A city, region or country the gazetteer knows, with its alternate names.
public struct Place: Sendable, Hashable, Identifiable {
    /// GeoNames id for cities; negative ids derived from ISO codes for regions and countries.
    public let id: Int
    /// Canonical English name ("Almaty", "Almaty Region", "United Kingdom").
    public let name: String
    /// ISO 3166-1 alpha-2 code of the country the place lies in.
    public let country: String
    /// Whether this is a city, region or country.
    public let scope: Scope
    /// Population (0 when unknown, as for regions).
    public let population: Int
    /// IANA time zone for cities.
    public let timezone: String?
    /// Alternate names: Latin and Cyrillic spellings, historical names, common forms.
    public let aliases: [String]

    /// Makes a place; tests and the file reader use it.
    public init(
        id: Int, name: String, country: String, scope: Scope, population: Int, timezone: String?,
        aliases: [String]
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.scope = scope
        self.population = population
        self.timezone = timezone
        self.aliases = aliases
    }
}

/// A place name found in running text.
public struct Mention: Sendable, Hashable {
    /// Where the name stands in the text searched.
    public let range: Range<String.Index>
    /// The name as written ("Актюбинской области", "Alma-Ata").
    public let text: String
    /// Places it may mean, best first.
    public let candidates: [Place]

    /// Makes a mention.
    public init(range: Range<String.Index>, text: String, candidates: [Place]) {
        self.range = range
        self.text = text
        self.candidates = candidates
    }
}
