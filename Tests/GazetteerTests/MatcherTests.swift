import Testing

@testable import Gazetteer

/// The UI's `/` filter.
struct MatcherTests {
    let g = Gazetteer.shared

    @Test(arguments: ["alm", "Алматы", "Alma-Ata", "alma ata", "ALMA", "maty", ""])
    func findsAlmaty(_ q: String) throws {
        let almaty = try #require(g.place(id: 1_526_384))
        #expect(g.matches(place: almaty, query: q))
    }

    @Test(arguments: ["astana", "xyz", "Алмалык", "almz"])
    func rejectsOthers(_ q: String) throws {
        let almaty = try #require(g.place(id: 1_526_384))
        #expect(!g.matches(place: almaty, query: q))
    }

    @Test func findsRegionByRussianName() throws {
        let region = try #require(g.best("Almaty Region"))
        #expect(g.matches(place: region, query: "алматинская"))
        #expect(g.matches(place: region, query: "oblast"))
    }
}
