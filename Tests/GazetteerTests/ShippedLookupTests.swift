import AlertCore
import Testing

@testable import Gazetteer

/// Lookups against the shipped GeoNames-derived file.
struct ShippedLookupTests {
    let g = Gazetteer.shared

    @Test(arguments: ["Almaty", "Алматы", "Alma-Ata", "ALMATY", "alma ata", "Алма-Ата"])
    func almaty(_ name: String) {
        let p = g.best(name)
        #expect(p?.id == 1_526_384)
        #expect(p?.name == "Almaty")
        #expect(p?.country == "KZ")
        #expect(p?.scope == .city)
    }

    @Test(arguments: [
        "Astana", "Nur-Sultan", "Нур-Султан", "Целиноград", "Астане", "Астаны", "Астаной", "Akmola",
    ])
    func astana(_ name: String) {
        #expect(g.best(name)?.name == "Astana")
    }

    @Test(arguments: ["Aktobe", "Актобе", "Aktyubinsk", "Актюбинск"])
    func aktobe(_ name: String) {
        #expect(g.best(name)?.name == "Aktobe")
    }

    @Test(arguments: [
        ("Guryev", "Atyrau"), ("Uralsk", "Oral"), ("Semipalatinsk", "Semey"),
        ("Taldy-Kurgan", "Taldykorgan"),
        ("Chimkent", "Shymkent"), ("Dzhambul", "Taraz"), ("Zhambyl", "Taraz"),
        ("Karagandy", "Karaganda"),
        ("Караганде", "Karaganda"), ("Шымкенте", "Shymkent"), ("Таразе", "Taraz"),
        ("Qaraghandy", "Karaganda"),
    ])
    func historicalAndCaseForms(_ name: String, _ expected: String) {
        #expect(g.best(name)?.name == expected)
    }

    @Test func karagandaKeepsGeoNamesID() {
        let p = g.best("Karaganda")
        #expect(p?.id == 609_655)
        #expect(p?.aliases.contains("Karagandy") == true)
    }

    @Test(arguments: [
        ("Almaty Region", "Almaty Region"), ("Almaty Oblast", "Almaty Region"),
        ("Almaty Province", "Almaty Region"),
        ("Almaty region", "Almaty Region"), ("Алматинская область", "Almaty Region"),
        ("Алматинской области", "Almaty Region"), ("Актюбинской области", "Aktobe Region"),
        ("Aktobe Region", "Aktobe Region"), ("Белгородская область", "Belgorod Oblast"),
        ("Белгородской области", "Belgorod Oblast"), ("Belgorod Oblast", "Belgorod Oblast"),
        ("Жамбылской области", "Zhambyl Region"), ("Zhambyl Region", "Zhambyl Region"),
        ("Turkestan Region", "Turkestan Region"), ("Туркестанской области", "Turkestan Region"),
    ])
    func regions(_ name: String, _ expected: String) {
        let p = g.best(name)
        #expect(p?.name == expected)
        #expect(p?.scope == .region)
    }

    @Test(arguments: [
        ("UK", "GB"), ("the UK", "GB"), ("Britain", "GB"), ("United Kingdom", "GB"),
        ("Великобритания", "GB"),
        ("Великобритании", "GB"), ("the Netherlands", "NL"), ("Kazakhstan", "KZ"), ("Казахстан", "KZ"),
        ("Казахстане", "KZ"), ("France", "FR"), ("Belgium", "BE"), ("Sweden", "SE"),
        ("United States", "US"),
        ("США", "US"), ("Russia", "RU"), ("Россия", "RU"), ("России", "RU"),
    ])
    func countries(_ name: String, _ code: String) {
        let p = g.best(name)
        #expect(p?.scope == .country)
        #expect(p?.country == code)
    }

    @Test(arguments: [
        ("GB", "United Kingdom"), ("FR", "France"), ("BE", "Belgium"), ("NL", "Netherlands"),
        ("SE", "Sweden"),
        ("US", "United States"), ("KZ", "Kazakhstan"), ("RU", "Russia"), ("kz", "Kazakhstan"),
    ])
    func canonicalCountryNames(_ code: String, _ name: String) {
        let p = g.country(code: code)
        #expect(p?.name == name)
        #expect(p?.country == code.uppercased())
        #expect(p.map { g.place(id: $0.id) == $0 } == true)
    }

    @Test func unknownCountryCode() {
        #expect(g.country(code: "QQ") == nil)
        #expect(g.country(code: "GBR") == nil)
    }

    @Test func parisByPopulationThenByContext() {
        #expect(g.best("Paris")?.country == "FR")
        let texas = g.best("Paris", countryContext: "US")
        #expect(texas?.country == "US")
        #expect(texas?.timezone == "America/Chicago")
        #expect(g.lookup("Paris").count >= 2)
    }

    @Test func unknownNameFindsNothing() {
        #expect(g.lookup("Xqzzyville").isEmpty)
        #expect(g.lookup("").isEmpty)
        #expect(g.lookup("ALA").isEmpty)  // Almaty's airport code is not a name
    }

    @Test func placeByID() {
        #expect(g.place(id: 1_526_384)?.name == "Almaty")
        #expect(g.place(id: 1_526_384)?.timezone == "Asia/Almaty")
        #expect(g.place(id: 42) == nil)
    }
}
