import AlertCore

/// A plain-text table of transitions for `parse --format table`.
public enum TransitionTable {
    public static func render(_ ts: [Transition]) -> String {
        let header = ["EFFECTIVE", "PLACE", "CC", "LEVEL", "SCHEME LEVEL", "KIND", "UNTIL", "SOURCE"]
        let rows = ts.map { t in
            [
                t.effective.iso, Sanitizer.clean(t.city), t.country ?? "", t.level.name,
                Sanitizer.clean(t.schemeLevel ?? ""), t.kind?.rawValue ?? "",
                t.until?.iso ?? "", Sanitizer.clean(t.source),
            ]
        }
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
