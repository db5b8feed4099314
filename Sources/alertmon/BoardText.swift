import AlertCore

/// The board as text: an aligned table for people, JSON for programs.
enum BoardText {
    static func table(_ board: Board, at t: Timestamp) -> String {
        let places = board.bySeverity
        var out = "Board at \(t.iso): \(places.count) place\(places.count == 1 ? "" : "s")\n"
        guard !places.isEmpty else { return out }
        var rows = [["LEVEL", "PLACE", "SINCE", "UNTIL", "SOURCES"]]
        for p in places {
            let level = p.level.name + (p.schemeLevel.map { " (\(Sanitizer.clean($0)))" } ?? "")
            rows.append([
                level, placeName(p.city, p.country), p.since.iso, p.until?.iso ?? "-",
                p.sources.isEmpty
                    ? "-" : "\(p.sources.count): " + p.sources.map(Sanitizer.clean).joined(separator: ", "),
            ])
        }
        out += TextTable.render(rows)
        return out
    }

    static func json(_ board: Board, at t: Timestamp) -> String {
        let items = board.bySeverity.map { p -> JSONValue in
            var o: [String: JSONValue] = [
                "city": .string(p.city), "level": .string(p.level.name), "scope": .string(p.scope.rawValue),
                "since": .string(p.since.iso), "sources": .array(p.sources.map(JSONValue.string)),
                "evidence": .array(p.evidence.map(JSONValue.string)),
            ]
            if let c = p.country { o["country"] = .string(c) }
            if let u = p.until { o["until"] = .string(u.iso) }
            if let s = p.schemeLevel { o["scheme_level"] = .string(s) }
            return .object(o)
        }
        return JSONValue.object(["at": .string(t.iso), "places": .array(items)]).json + "\n"
    }

    /// "Almaty (KZ)", sanitised for the terminal.
    static func placeName(_ city: String, _ country: String?) -> String {
        Sanitizer.clean(city) + (country.map { $0.isEmpty ? "" : " (\(Sanitizer.clean($0)))" } ?? "")
    }
}

/// Left-aligned columns separated by two spaces; widths count characters.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for r in rows {
            var line = ""
            for (i, c) in r.enumerated() {
                line += i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            out += line + "\n"
        }
        return out
    }
}
