import AlertCore

/// The baseline a seek is compared with: fold every transition up to T from an empty board.
///
/// This is the skeleton's naive fold (board only), kept here unchanged so the ratio measures
/// what checkpoints buy even after the engine replaces its own fold.
enum ReferenceFold {
    static func board(_ sorted: [Transition], at limit: Timestamp) -> Board {
        var board = Board()
        var pending: [(Timestamp, PlaceKey)] = []

        func expire(through t: Timestamp) {
            pending.sort { $0.0 < $1.0 }
            while let first = pending.first, first.0 <= t {
                pending.removeFirst()
                guard var p = board.places[first.1], let u = p.until, u == first.0, p.level != .normal else { continue }
                p.level = .normal
                p.schemeLevel = nil
                p.since = u
                p.until = nil
                p.lastChange = u
                p.sources = []
                p.evidence = []
                board.places[first.1] = p
            }
        }

        for t in sorted {
            if t.effective > limit { break }
            expire(through: t.effective)
            let key = t.placeKey
            let prev = board.places[key]
            let from = prev?.level ?? .normal
            let to: Level = t.kind == .lifted ? .normal : t.level
            if from == to {
                guard var p = prev else { continue }
                if t.kind == .extended, let u = t.until, u != p.until {
                    p.until = u
                    p.lastChange = t.effective
                    if !p.sources.contains(t.source) { p.sources.append(t.source) }
                    p.evidence += t.evidence.map { [$0] } ?? []
                    board.places[key] = p
                    pending.append((u, key))
                } else if to != .normal, !p.sources.contains(t.source) {
                    p.sources.append(t.source)
                    p.evidence += t.evidence.map { [$0] } ?? []
                    board.places[key] = p
                }
                continue
            }
            board.places[key] = PlaceState(
                city: t.city, country: t.country, scope: t.scope, placeID: t.placeID ?? prev?.placeID, level: to,
                scheme: t.scheme, schemeLevel: to == .normal ? nil : t.schemeLevel, since: t.effective,
                until: to == .normal ? nil : t.until, sources: [t.source], evidence: t.evidence.map { [$0] } ?? [],
                lastChange: t.effective)
            if let u = t.until, to != .normal { pending.append((u, key)) }
        }
        expire(through: limit)
        return board
    }
}
