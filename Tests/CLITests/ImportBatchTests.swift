import Foundation
import Testing

/// Imports large enough to span several decode batches (10,000 lines each), so batch edges and the
/// overlap of decoding with writing are exercised.
@Suite struct ImportBatchTests {
    let dir = TempDir()
    var cli: CLIRunner { CLIRunner(home: dir.path) }
    var store: String { dir.path + "/store/alerts.sqlite" }

    static func record(_ n: Int) -> String {
        let cities = ["Almaty", "Astana", "Shymkent", "ALMATY", "Taraz"]
        let minute = n % 60
        let hour = n / 60 % 24
        let day = 1 + n / 1440
        let effective = String(format: "2016-03-%02dT%02d:%02d:00Z", day, hour, minute)
        return #"{"city":"\#(cities[n % cities.count])","country":"kz","level":"red","effective":"\#(effective)","#
            + #""source":"s/\#(n % 7).txt","evidence":"Line \#(n)","confidence":0.5}"#
    }

    @Test func rejectionsStayInLineOrderAcrossBatches() throws {
        var data = Data()
        var expectedErrors: [String] = []
        let path = dir.path + "/big.jsonl"
        let total = 25_003
        var good = 0
        for n in 1...total {
            switch n {
            case 3, 10_001, 24_999:
                data.append(contentsOf: Array(#"{"city":"Almaty""#.utf8))
                expectedErrors.append("\(path):\(n): not valid JSON")
            case 10_000, 10_002:
                data.append(contentsOf: [0x7B, 0xFF, 0x7D])
                expectedErrors.append("\(path):\(n): not valid UTF-8")
            case 20_000: data.append(contentsOf: Array(" \t".utf8))
            case 20_001:
                data.append(
                    contentsOf: Array(#"{"city":"Almaty","level":"red","effective":"2016-03-01","confidence":2}"#.utf8))
                expectedErrors.append("\(path):\(n): \"confidence\" must be a number from 0 to 1")
            default:
                data.append(contentsOf: Array(Self.record(n).utf8))
                good += 1
            }
            if n < total { data.append(contentsOf: n % 2 == 0 ? [0x0D, 0x0A] : [0x0A]) }
        }
        try data.write(to: URL(fileURLWithPath: path))
        let r = try cli.run(["import", path, "--store", store])
        #expect(r.status == 1)
        #expect(Array(r.stderrLines.dropLast()) == expectedErrors)
        #expect(r.stderrLines.last == "\(path): \(good) added, 0 already present, \(expectedErrors.count) rejected")
        let again = try cli.run(["import", path, "--store", store])
        #expect(again.stderrLines.last == "\(path): 0 added, \(good) already present, \(expectedErrors.count) rejected")
        let exported = try cli.run(["export", "--store", store])
        #expect(exported.stdout.split(separator: "\n").count == good)
    }
}
