import Foundation
import Testing

/// `alertmon watch --plain`: what a script or a screen reader sees.
@Suite struct WatchTests {
    let dir = TempDir()
    var cli: CLIRunner { CLIRunner(home: dir.path) }
    var store: String { dir.path + "/alerts.sqlite" }

    let records = """
        {"city":"Astana","country":"KZ","level":"orange","effective":"2016-07-20","source":"wire/2"}

        {"city":"Astana","country":"KZ","level":"yellow","effective":"2016-07-19","source":"wire/1"}

        """

    @Test func stdinBlocksArePrintedOneLinePerChangeAndLateOnesAreMarked() throws {
        let r = try cli.run(["watch", "--plain", "--store", store, "-"], stdin: records)
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                2016-07-20  Astana (KZ)  declared  normal → orange  wire/2
                2016-07-19  Astana (KZ)  declared  normal → yellow  wire/1  (late)

                """)
        #expect(r.stderr.contains("standard input closed"))
        // Everything was stored: the board after both is orange.
        let s = try cli.run(["status", "--store", store, "--at", "2016-07-21"])
        #expect(s.stdout.contains("orange"))
    }

    @Test func aReportBlockOnStdinIsParsed() throws {
        let text = "ALMATY, July 18, 2016 — Authorities declared a red level of terrorist threat in Almaty on Monday.\n"
        let r = try cli.run(["watch", "--plain", "--store", store, "-"], stdin: text)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Almaty (KZ)  declared  normal → red  stdin"))
    }

    @Test func theHookGetsTheChangeAsJSONAndAFailingHookIsOnlyReported() throws {
        let out = dir.path + "/hook.out"
        var r = try cli.run(
            ["watch", "--plain", "--store", store, "--on-change", "sh -c 'cat >> \"$0\"' \(out)", "-"], stdin: records)
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["city"] as? String == "Astana")
        #expect(first?["to"] as? String == "orange")
        r = try cli.run(
            ["watch", "--plain", "--store", dir.path + "/other.sqlite", "--on-change", "sh -c 'exit 3'", "-"],
            stdin: records)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stderr.contains("alertmon watch: hook failed: sh: exit 3"))
    }

    @Test func followOnTheRootCommandOpensTheLiveMonitor() throws {
        // No terminal here, so the monitor's preflight answers: the options parsed and the monitor was asked for.
        let r = try cli.run(["--follow", dir.path, "--store", store, "--bell"])
        #expect(r.status == 2)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("the monitor needs a terminal"))
    }

    @Test func aMissingPathIsAOneLineError() throws {
        let r = try cli.run(["watch", "--plain", "--store", store, dir.path + "/nowhere"])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["alertmon: \(dir.path)/nowhere: no such file or folder"])
    }

    @Test func aReportDroppedIntoTheFolderIsPrinted() throws {
        let inbox = dir.path + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let outPath = dir.path + "/watch.out"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = ["watch", "--plain", "--store", store, inbox]
        p.environment = ["HOME": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        defer {
            p.terminate()
            p.waitUntilExit()
        }
        // Written only once the watcher is up: poll for the store it creates on start.
        try waitFor { FileManager.default.fileExists(atPath: store) }
        try "ASTANA, June 14, 2016 — A yellow level of terrorist threat was introduced in Astana on Tuesday.\n"
            .write(toFile: inbox + "/r.txt", atomically: true, encoding: .utf8)
        try waitFor { (try? String(contentsOfFile: outPath, encoding: .utf8))?.contains("normal → yellow") == true }
        let out = try String(contentsOfFile: outPath, encoding: .utf8)
        #expect(out.contains("Astana (KZ)  declared  normal → yellow"))
    }

    private func waitFor(timeout: Double = 15, _ ok: () -> Bool) throws {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if ok() { return }
            usleep(50_000)
        }
        Issue.record("timed out")
    }
}
