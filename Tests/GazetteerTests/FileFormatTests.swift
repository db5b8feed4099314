import AlertCore
import Foundation
import Testing

@testable import Gazetteer

/// `Gazetteer(data:)` on small hand-made files, and the shipped file's own consistency.
struct FileFormatTests {
    /// Two made-up towns sharing a name, one region and one country.
    static let fixture = """
        gazetteer\t3\t4\t7
        tz\tEtc/UTC
        stop\tmay
        common\t
        -10001\tr\tXA\t0\t\tNorth Testland Region\tСеверотестовская область
        -1\tn\tXA\t500\t\tTestland\tTestlandia|Тестландия
        100\tc\tXA\t900\t0\tEmberton\tEmbertown|Эмбертон
        200\tc\tXB\t5000\t0\tEmberton\t
        emberton\t2*,3*
        embertown\t2
        north testland region\t0*
        testland\t1*
        testlandia\t1
        северотестовская область\t0
        эмбертон\t2

        """

    func fixture() throws -> Gazetteer {
        try Gazetteer(data: Data(Self.fixture.utf8))
    }

    @Test func readsPlaces() throws {
        let g = try fixture()
        #expect(g.placeCount == 4)
        #expect(g.keyCount == 7)
        let e = try #require(g.place(id: 100))
        #expect(e.name == "Emberton")
        #expect(e.country == "XA")
        #expect(e.scope == .city)
        #expect(e.population == 900)
        #expect(e.timezone == "Etc/UTC")
        #expect(e.aliases == ["Embertown", "Эмбертон"])
        #expect(g.place(id: 200)?.aliases == [])
        #expect(g.place(id: -10001)?.scope == .region)
        #expect(g.place(id: -10001)?.timezone == nil)
        #expect(g.place(id: 150) == nil)
    }

    @Test func ranksByContextThenPopulation() throws {
        let g = try fixture()
        #expect(g.lookup("Emberton").map(\.id) == [200, 100])
        #expect(g.lookup("emberton", country: "xa").map(\.id) == [100, 200])
        #expect(g.best("EMBERTOWN")?.id == 100)
        #expect(g.best("Эмбертоне")?.id == 100)
        #expect(g.best("Северотестовской области")?.id == -10001)
    }

    @Test func mentionsInFixture() throws {
        let g = try fixture()
        let text = "From Emberton to North Testland Region in May, via Embertown."
        #expect(g.mentions(in: text).map(\.text) == ["Emberton", "North Testland Region"])
        // A small town's alternate name counts only where the report's country is that town's.
        #expect(
            g.mentions(in: text, countryContext: "XA").map(\.text) == [
                "Emberton", "North Testland Region", "Embertown",
            ])
        #expect(g.mentions(in: text, countryContext: "XA").first?.candidates.map(\.id) == [100, 200])
    }

    @Test(arguments: [
        "", "hello\n", "gazetteer\t2\t0\t0\ntz\t\nstop\t\ncommon\t\n", "gazetteer\t3\t0\t0\n",
        "gazetteer\t3\t0\t0\ntz\t\nstop\t\n", "gazetteer\t3\t0\t0\nzones\t\nstop\t\ncommon\t\n",
        "gazetteer\t3\t-1\t0\ntz\t\nstop\t\ncommon\t\n",
        "gazetteer\t3\t5\t0\ntz\t\nstop\t\ncommon\t\n-1\tn\tXA\t0\t\tA\t\n",
        "gazetteer\t3\t2\t0\ntz\t\nstop\t\ncommon\t\n5\tc\tXA\t0\t\tA\t\n3\tc\tXA\t0\t\tB\t\n",
        "gazetteer\t3\t1\t0\ntz\t\nstop\t\ncommon\t\nabc\tc\tXA\t0\t\tA\t\n",
    ])
    func rejectsDamagedData(_ text: String) {
        #expect(throws: GazetteerError.self) { try Gazetteer(data: Data(text.utf8)) }
    }

    @Test func emptyGazetteerIsValid() throws {
        let g = try Gazetteer(data: Data("gazetteer\t3\t0\t0\ntz\t\nstop\t\ncommon\t\n".utf8))
        #expect(g.placeCount == 0)
        #expect(g.lookup("Almaty").isEmpty)
        #expect(g.mentions(in: "Almaty").isEmpty)
    }

    @Test func everyFixtureKeyIsFound() throws {
        // Binary search over the key section must reach the first, middle and last lines.
        let g = try fixture()
        for key in ["emberton", "embertown", "north testland region", "testland", "testlandia", "эмбертон"] {
            #expect(!g.file.refs(forKey: key).isEmpty, "\(key)")
        }
        #expect(!g.file.refs(forKey: "северотестовская область").isEmpty)
        for missing in ["a", "emberto", "embertonx", "zzz", "яя", "testlan"] {
            #expect(g.file.refs(forKey: missing).isEmpty, "\(missing)")
        }
    }

    @Test func errorIsOneLine() {
        do {
            _ = try Gazetteer(data: Data("nonsense".utf8))
            Issue.record("accepted nonsense")
        } catch {
            #expect(!"\(error)".contains("\n"))
            #expect("\(error)".contains("header"))
        }
    }

    /// Every name and alias in the shipped file must fold in Swift to a key that finds its place,
    /// which keeps `fold` here and in Scripts/gen-gazetteer in step.
    @Test func shippedKeysFoldConsistently() {
        let g = Gazetteer.shared
        var misses: [String] = []
        for index in 0..<g.file.placeCount {
            let p = g.file.place(at: index)
            for name in [p.name] + p.aliases {
                let refs = g.file.refs(forKey: Gazetteer.fold(name))
                if !refs.contains(where: { $0.index == index }) { misses.append("\(p.id) \(name)") }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(20))")
    }

    @Test func shippedFileShape() {
        let g = Gazetteer.shared
        #expect(g.placeCount > 30_000)
        #expect(g.keyCount > 100_000)
        #expect(g.country(code: "KZ")?.population ?? 0 > 10_000_000)
    }
}
