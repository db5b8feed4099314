/// Folds transitions, in effective order, into a board and an event log.
///
/// The board at T is the fold of every transition with effective ≤ T. Inserting a transition
/// with an earlier effective time recomputes everything after it; nothing is dropped.
public struct StateMachine: Sendable {
    /// All transitions in fold order.
    public private(set) var transitions: [Transition] = []
    /// Every applied change, in time order.
    public private(set) var log: [LogEntry] = []
    private var keys: Set<String> = []

    public init(_ transitions: [Transition] = []) {
        insert(transitions)
    }

    /// Adds transitions (any order, duplicates by natural key ignored); returns how many were new.
    @discardableResult
    public mutating func insert(_ new: [Transition]) -> Int {
        var added = 0
        for t in new where keys.insert(t.naturalKey).inserted {
            transitions.append(t)
            added += 1
        }
        if added > 0 {
            transitions.sort(by: Transition.foldOrder)
            log = Fold.run(transitions, upTo: nil).log
        }
        return added
    }

    /// The board at instant `t` (expiries with until ≤ t applied).
    public func board(at t: Timestamp) -> Board {
        Fold.run(transitions, upTo: t).board
    }

    /// Applied changes with from ≤ time ≤ to, in time order.
    public func changes(from: Timestamp, to: Timestamp) -> [LogEntry] {
        log.filter { $0.time >= from && $0.time <= to }
    }
}

/// The fold itself: one pass over sorted transitions, with expiries interleaved.
enum Fold {
    struct Result {
        var board: Board
        var log: [LogEntry]
    }

    static func run(_ sorted: [Transition], upTo limit: Timestamp?) -> Result {
        var board = Board()
        var log: [LogEntry] = []
        // Latest effective seen per place, to tell a late report.
        var pending: [(Timestamp, PlaceKey)] = []

        func expire(through t: Timestamp, inclusive: Bool) {
            pending.sort { $0.0 < $1.0 }
            while let first = pending.first, inclusive ? first.0 <= t : first.0 < t {
                pending.removeFirst()
                guard var p = board.places[first.1], let u = p.until, u == first.0, p.level != .normal else { continue }
                log.append(
                    LogEntry(
                        time: u, city: p.city, country: p.country, scope: p.scope, from: p.level, to: .normal,
                        kind: .expired, sources: p.sources, evidence: []))
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

        var lastAt: [PlaceKey: Transition] = [:]
        for t in sorted {
            if let limit, t.effective > limit { break }
            // An until equal to this instant has passed before the transition applies.
            expire(through: t.effective, inclusive: true)
            let key = t.placeKey
            let prev = board.places[key]
            let from = prev?.level ?? .normal
            let to: Level = t.kind == .lifted ? .normal : t.level
            let evidence = t.evidence.map { [$0] } ?? []
            if let other = lastAt[key], other.effective == t.effective, other.level != to || (t.kind == .lifted) != (other.kind == .lifted),
                other.source != t.source, from != to
            {
                log.append(
                    LogEntry(
                        time: t.effective, city: t.city, country: t.country, scope: t.scope, from: from, to: to,
                        kind: .conflict, sources: [t.source, other.source], evidence: evidence, until: t.until,
                        transitionKey: t.naturalKey))
                board.places[key] = state(t, level: to, prev: prev)
                lastAt[key] = t
                if let u = t.until { pending.append((u, key)) }
                continue
            }
            lastAt[key] = t
            if from == to {
                guard var p = prev else { continue }  // lifting a place never seen: nothing to do
                if t.kind == .extended, let u = t.until, u != p.until {
                    p.until = u
                    p.lastChange = t.effective
                    if !p.sources.contains(t.source) { p.sources.append(t.source) }
                    p.evidence += evidence
                    board.places[key] = p
                    pending.append((u, key))
                    log.append(
                        LogEntry(
                            time: t.effective, city: t.city, country: t.country, scope: t.scope, from: from, to: to,
                            kind: .extended, sources: [t.source], evidence: evidence, until: u, transitionKey: t.naturalKey))
                } else if to != .normal {
                    if !p.sources.contains(t.source) {
                        p.sources.append(t.source)
                        p.evidence += evidence
                    }
                    if p.until == nil, let u = t.until {
                        p.until = u
                        pending.append((u, key))
                    }
                    board.places[key] = p
                }
                continue
            }
            let kind: ChangeKind =
                to == .normal ? .lifted : from == .normal ? .declared : (to > from ? .raised : .lowered)
            log.append(
                LogEntry(
                    time: t.effective, city: t.city, country: t.country, scope: t.scope, from: from, to: to, kind: kind,
                    sources: [t.source], evidence: evidence, until: t.until, transitionKey: t.naturalKey))
            board.places[key] = state(t, level: to, prev: prev)
            if let u = t.until, to != .normal { pending.append((u, key)) }
        }
        if let limit { expire(through: limit, inclusive: true) } else { expire(through: Timestamp(seconds: .max), inclusive: true) }
        return Result(board: board, log: log)
    }

    static func state(_ t: Transition, level: Level, prev: PlaceState?) -> PlaceState {
        PlaceState(
            city: t.city, country: t.country, scope: t.scope, placeID: t.placeID ?? prev?.placeID, level: level,
            scheme: t.scheme, schemeLevel: level == .normal ? nil : t.schemeLevel, since: t.effective,
            until: level == .normal ? nil : t.until, sources: [t.source], evidence: t.evidence.map { [$0] } ?? [],
            lastChange: t.effective)
    }
}
