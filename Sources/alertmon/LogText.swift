import AlertCore

/// The event log as text: one row per applied change, its evidence indented beneath.
enum LogText {
    static func table(_ entries: [LogEntry]) -> String {
        guard !entries.isEmpty else { return "No changes.\n" }
        var rows = [["TIME", "PLACE", "CHANGE", "LEVEL", "SOURCE"]]
        var evidence: [[String]] = [[]]
        for e in entries {
            let levels = e.from == e.to ? e.to.name : "\(e.from.name) → \(e.to.name)"
            let until = e.until.map { " until \($0.iso)" } ?? ""
            rows.append([
                e.time.iso, BoardText.placeName(e.city, e.country),
                e.kind.rawValue + (e.late ? " (late)" : ""),
                levels + until, e.sources.map(Sanitizer.clean).joined(separator: ", "),
            ])
            evidence.append(e.evidence.map { "    “" + shorten(Sanitizer.clean($0), to: 110) + "”" })
        }
        let lines = TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for (i, line) in lines.enumerated() where i < rows.count {
            out += line + "\n"
            for ev in evidence[i] { out += ev + "\n" }
        }
        return out
    }

    static func json(_ entries: [LogEntry]) -> String {
        var out = "[\n"
        for (i, e) in entries.enumerated() {
            var o: [String: JSONValue] = [
                "time": .string(e.time.iso), "city": .string(e.city), "scope": .string(e.scope.rawValue),
                "from": .string(e.from.name), "to": .string(e.to.name), "kind": .string(e.kind.rawValue),
                "sources": .array(e.sources.map(JSONValue.string)),
                "evidence": .array(e.evidence.map(JSONValue.string)),
                "late": .bool(e.late),
            ]
            if let c = e.country { o["country"] = .string(c) }
            if let u = e.until { o["until"] = .string(u.iso) }
            out += JSONValue.object(o).json + (i == entries.count - 1 ? "\n" : ",\n")
        }
        return out + "]\n"
    }

    static func shorten(_ s: String, to n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
