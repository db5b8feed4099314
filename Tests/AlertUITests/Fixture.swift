import AlertCore
import Foundation

@testable import AlertUI

/// Hand-written sample data: Kazakh cities, a Cyrillic and a CJK name, and one hostile report.
enum Fixture {
    static func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }

    static let transitions: [Transition] = [
        Transition(
            city: "Almaty", country: "KZ", level: .red, scheme: "KZ-terror", schemeLevel: "critical", kind: .declared,
            effective: ts("2016-07-18T11:00:00+06:00"), source: "reports/almaty-2016-07-18.txt",
            evidence:
                "The national security committee set the red (critical) terror threat level in Almaty after the shooting."
        ),
        Transition(
            city: "Almaty", country: "KZ", level: .yellow, scheme: "KZ-terror", schemeLevel: "moderate", kind: .lowered,
            effective: ts("2016-07-18T22:00:00+06:00"), until: ts("2016-08-18T00:00:00+06:00"),
            source: "reports/almaty-2016-07-18-evening.txt",
            evidence: "In the evening the level in Almaty was lowered to yellow (moderate) for one month."),
        Transition(
            city: "Astana", country: "KZ", level: .yellow, scheme: "KZ-terror", kind: .declared,
            effective: ts("2016-07-18T12:00:00+06:00"), until: ts("2016-07-25T00:00:00+06:00"),
            source: "reports/astana-2016-07-18.txt", evidence: "Astana moved to the yellow level for a week."),
        Transition(
            city: "Актобе", country: "KZ", level: .orange, scheme: "KZ-terror", schemeLevel: "high", kind: .declared,
            effective: Timestamp(year: 2016, month: 6, day: 5), source: "reports/актобе-2016-06-05.txt",
            evidence: "В Актобе введён высокий («оранжевый») уровень террористической опасности."),
        Transition(
            city: "Актобе", country: "KZ", level: .orange, kind: .declared,
            effective: Timestamp(year: 2016, month: 6, day: 5), source: "reports/aktobe-wire.txt"),
        Transition(
            city: "東京", country: "JP", level: .yellow, kind: .declared, effective: ts("2016-07-20T09:30:00+09:00"),
            source: "reports/tokyo.txt", evidence: "東京 raised its alert to the first step."),
        Transition(
            city: "Shymkent", country: "KZ", level: .orange, kind: .declared,
            effective: ts("2016-07-10T08:00:00+06:00"),
            source: "reports/shymkent.txt"),
        Transition(
            city: "Shymkent", country: "KZ", level: .normal, kind: .lifted, effective: ts("2016-07-21T08:00:00+06:00"),
            source: "reports/shymkent-lift.txt", evidence: "The level in Shymkent was cancelled."),
        Transition(
            city: "Evil\u{1B}[31mCity\u{202E}", country: "KZ", level: .red, kind: .declared,
            effective: ts("2016-07-30T10:00:00+06:00"), source: "reports/\u{1B}]0;pwned\u{07}.txt",
            evidence: "Hostile \u{1B}[2J\u{1B}[H text with a \u{202E}reversed\u{202C} run and a bell\u{07} in it."),
        Transition(
            city: "Paris", country: "FR", level: .orange, scheme: "FR-vigipirate", schemeLevel: "sécurité renforcée",
            kind: .declared, effective: ts("2016-07-15T00:00:00+02:00"), source: "reports/paris.txt"),
    ]

    static let now = ts("2016-08-01T12:00:00+06:00")

    static func model(size: Size = Size(width: 120, height: 40)) -> Model {
        var m = Model(
            machine: StateMachine(transitions), now: now, zoneLabel: "+06", zoneOffset: 6 * 3600, clock: .live,
            size: size,
            themeNames: ["default", "light", "mono"])
        _ = Model.update(&m, .resize(size))
        return m
    }

    static func keys(_ m: inout Model, _ keys: [Key]) -> [Effect] {
        keys.flatMap { Model.update(&m, .key($0)) }
    }

    static func type(_ m: inout Model, _ text: String) {
        for c in text { _ = Model.update(&m, .key(.char(c))) }
    }

    static var themesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes").path
    }
}

extension Fixture {
    static let replayDay = CivilDate(year: 2016, month: 7, day: 18)

    /// A paused replay of 2016-07-18 (UTC) on the fixture, shown at +06.
    static func replay(day: CivilDate = replayDay, size: Size = Size(width: 120, height: 40), filter: String = "")
        -> Model
    {
        let machine = StateMachine(transitions)
        let start = Timestamp(seconds: day.dayNumber * 86_400)
        let cursor = ReplayCursor(day: day, events: machine.changes(from: start, to: start.adding(seconds: 86_399)))
        var m = Model(
            machine: machine, now: start, zoneLabel: "+06", zoneOffset: 6 * 3600, size: size,
            themeNames: ["default", "light", "mono"], replay: cursor, filter: filter)
        _ = Model.update(&m, .resize(size))
        return m
    }

    /// The board a from-scratch fold gives at `t`, as comparable rows.
    static func board(_ machine: StateMachine, at t: Timestamp) -> [PlaceState] {
        machine.board(at: t).bySeverity
    }

    /// The model's cached board in the same order.
    static func board(_ m: Model) -> [PlaceState] {
        m.places.sorted { a, b in a.level != b.level ? a.level > b.level : a.key < b.key }
    }

    /// A frame as text and roles, for comparing runs.
    static func frame(_ m: Model, theme: Theme = .builtInDefault) -> [String] {
        let b = render(m, size: m.size, theme: theme)
        return b.textRows + b.roleRows
    }
}
