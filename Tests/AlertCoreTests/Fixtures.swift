@testable import AlertCore

/// Midnight UTC of 2016-07-(day) plus hours, the instants most tests use.
func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Timestamp {
    Timestamp(
        seconds: Timestamp(year: 2016, month: 7, day: day).seconds + Int64(hour * 3600 + minute * 60))
}

/// A transition for Almaty unless told otherwise.
func tr(
    _ level: Level, _ effective: Timestamp, city: String = "Almaty", kind: TransitionKind? = nil,
    until: Timestamp? = nil, reported: Timestamp? = nil, source: String = "a.txt", ordinal: Int = 0,
    evidence: String? = nil
) -> Transition {
    Transition(
        city: city, country: "KZ", level: level, kind: kind, effective: effective, until: until,
        reported: reported,
        source: source, evidence: evidence, ordinal: ordinal)
}

let almaty = PlaceKey(name: "Almaty", country: "KZ")
let astana = PlaceKey(name: "Astana", country: "KZ")

