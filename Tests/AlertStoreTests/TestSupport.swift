import AlertCore
import Foundation

@testable import AlertStore

/// A fresh directory under the system temp dir, removed when the value is released by the test.
final class TempDir {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "alertstore-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }

func transition(
    _ city: String, _ level: Level, _ effective: String, source: String = "r1.txt",
    country: String? = "KZ",
    kind: TransitionKind? = nil, until: String? = nil, evidence: String? = nil, ordinal: Int = 0
) -> Transition {
    Transition(
        city: city, country: country, level: level, kind: kind, effective: ts(effective),
        until: until.map(ts),
        source: source, evidence: evidence, ordinal: ordinal)
}
