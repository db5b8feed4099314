import Foundation
import Testing

/// Records written for these tests: two good lines around a broken one.
let threeLines = """
    {"city":"Almaty","country":"KZ","level":"red","kind":"declared","effective":"2016-07-18T11:00:00+06:00","source":"t/a.txt","evidence":"Red over the city."}
    {"city":"Almaty","country":"KZ","effective":"2016-07-18T12:00:00+06:00","source":"t/b.txt"}
    {"city":"Almaty","country":"KZ","level":"yellow","kind":"lowered","effective":"2016-07-18T21:30:00+06:00","source":"t/c.txt","note":{"kept":true}}

    """

@Suite struct CLITests {
    let dir = TempDir()
    var cli: CLIRunner { CLIRunner(home: dir.path) }
    var store: String { dir.path + "/store/alerts.sqlite" }
    var samples: String { CLIRunner.root + "/Samples/2016-07-18.jsonl" }

    @Test(arguments: [[], ["import"], ["export"], ["status"], ["log"], ["demo"]])
    func everyCommandHasHelp(_ command: [String]) throws {
        let r = try cli.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: alertmon"))
    }

    @Test func versionAndCompletions() throws {
        #expect(try cli.run(["--version"]).stdout == "0.1.0\n")
        for shell in ["bash", "zsh", "fish"] {
            let r = try cli.run(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("alertmon"))
        }
    }

    @Test func aBrokenLineIsNamedAndEveryGoodLineKept() throws {
        let file = try dir.write("three.jsonl", threeLines)
        let r = try cli.run(["import", file, "--store", store])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["\(file):2: missing \"level\"", "\(file): 2 added, 0 already present, 1 rejected"])
        let exported = try cli.run(["export", "--store", store])
        #expect(exported.status == 0)
        #expect(exported.stdout.split(separator: "\n").count == 2)
        #expect(exported.stdout.contains(#""note":{"kept":true}"#))
    }

    @Test func importingTwiceLeavesTheStoreUnchanged() throws {
        let first = try cli.run(["import", samples, "--store", store])
        #expect(first.status == 0)
        let before = try cli.run(["export", "--store", store]).stdout
        let size = try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int
        let second = try cli.run(["import", samples, "--store", store])
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 added, 9 already present, 0 rejected"))
        #expect(try cli.run(["export", "--store", store]).stdout == before)
        #expect(try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int == size)
    }

    @Test func exportImportExportIsIdentical() throws {
        #expect(try cli.run(["import", samples, "--store", store]).status == 0)
        let first = try cli.run(["export", "--store", store]).stdout
        let copy = try dir.write("export.jsonl", first)
        let other = dir.path + "/other/alerts.sqlite"
        #expect(try cli.run(["import", copy, "--store", other]).status == 0)
        #expect(try cli.run(["export", "--store", other]).stdout == first)
        // Every input record comes back, field for field (the sample file is written in export form).
        let input = try String(contentsOfFile: samples, encoding: .utf8)
        #expect(Set(first.split(separator: "\n")) == Set(input.split(separator: "\n")))
    }

    @Test func importReadsStdinAndTheEnvironmentStore() throws {
        let r = try cli.run(["import", "-"], stdin: threeLines, env: ["ALERTMON_STORE": store])
        #expect(r.status == 1)
        #expect(r.stderrLines.first == "stdin:2: missing \"level\"")
        #expect(FileManager.default.fileExists(atPath: store))
    }

    @Test func theDefaultStoreFollowsXDG() throws {
        let data = dir.path + "/xdg"
        let file = try dir.write("three.jsonl", threeLines)
        _ = try cli.run(["import", file], env: ["XDG_DATA_HOME": data])
        #expect(FileManager.default.fileExists(atPath: data + "/alertmon/alerts.sqlite"))
        _ = try cli.run(["import", file])
        #expect(FileManager.default.fileExists(atPath: dir.path + "/.local/share/alertmon/alerts.sqlite"))
    }

    @Test func aMissingFileIsOneLine() throws {
        let r = try cli.run(["import", dir.path + "/nope.jsonl", "--store", store])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["alertmon: cannot read \(dir.path)/nope.jsonl: No such file or directory"])
    }

    @Test(arguments: [
        ["status", "--at", "2016-13-45"], ["export", "--from", "yesterday"], ["log", "--day", "2016-07-18T10:00"],
    ])
    func aBadTimeNamesTheOption(_ args: [String]) throws {
        let r = try cli.run(args + ["--store", store])
        #expect(r.status == 2)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("alertmon: "))
        #expect(r.stderr.contains(args[1]))
    }

    @Test func usageMistakesAreOneLine() throws {
        for args in [
            ["bogus"], ["import"], ["log", "--day", "2016-07-18", "--from", "2016-07-01"], ["status", "--format", "xml"],
        ] {
            let r = try cli.run(args + ["--store", store])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderrLines.count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("alertmon: "))
        }
    }

    @Test func anUnwritableStoreIsOneLine() throws {
        let blocker = try dir.write("plain", "x")
        let r = try cli.run(["import", samples, "--store", blocker + "/alerts.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["alertmon: cannot create store \(blocker)/alerts.sqlite: \(blocker) is not a directory"])
    }

    @Test func aStoreThatIsNotADatabaseIsOneLine() throws {
        let notes = try dir.write("notes.sqlite", "plain words, not SQLite\n")
        let r = try cli.run(["status", "--store", notes])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["alertmon: cannot open store \(notes): not an SQLite database"])
    }

    @Test func statusShowsTheBoardMostSevereFirst() throws {
        #expect(try cli.run(["import", samples, "--store", store]).status == 0)
        let noon = try cli.run(["status", "--at", "2016-07-18T12:00:00+06:00", "--store", store])
        #expect(noon.status == 0)
        let rows = noon.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "Board at 2016-07-18T12:00:00+06:00: 3 places")
        #expect(rows[2].hasPrefix("red (critical)"))
        #expect(
            rows[2].contains("Almaty (KZ)") && rows[2].contains("2: reports/almaty-2016-07-18-morning.txt, wire/almaty-update-1"))
        let json = try cli.run(["status", "--at", "2016-07-19", "--city", "almaty", "--format", "json", "--store", store])
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let places = try #require(obj?["places"] as? [[String: Any]])
        #expect(places.count == 1)
        #expect(places.first?["level"] as? String == "yellow")
    }

    @Test func logShowsTheDaysChanges() throws {
        #expect(try cli.run(["import", samples, "--store", store]).status == 0)
        let r = try cli.run(["log", "--day", "2016-07-18", "--city", "Almaty", "--format", "json", "--store", store])
        #expect(r.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["kind"] as? String } == ["declared", "lowered"])
        #expect(entries.map { $0["to"] as? String } == ["red", "yellow"])
        let expiry = try cli.run(["log", "--from", "2016-07-14", "--to", "2016-07-17", "--store", store])
        #expect(expiry.stdout.contains("expired"))
        #expect(expiry.stdout.contains("Aktobe (KZ)"))
    }

    @Test func demoShowsAlmatyRedThenYellowAndLeavesTheUserStoreAlone() throws {
        let r = try cli.run(["demo"], env: ["ALERTMON_STORE": store])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let red = try #require(lines.firstIndex { $0.contains("Almaty (KZ)") && $0.contains("normal → red") })
        let yellow = try #require(lines.firstIndex { $0.contains("Almaty (KZ)") && $0.contains("red → yellow") })
        #expect(red < yellow)
        #expect(lines.contains { $0.hasPrefix("yellow") && $0.contains("Almaty (KZ)") })
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/.local/share/alertmon"))
    }

    @Test func demoFindsItsDataThroughTheEnvironment() throws {
        let r = try cli.run(["demo"], env: ["ALERTMON_DATA_DIR": dir.path])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["alertmon: no sample files (*.jsonl) in \(dir.path)/Samples"])
    }
}
