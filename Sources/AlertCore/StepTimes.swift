/// Every place's steps, as much of them as a board entry needs, in two contiguous arrays, place after
/// place: a seek's 34 000 binary searches then stay within a cache line or two of one buffer, and the
/// step found is read beside it, instead of chasing as many separate arrays. Eight bytes a step:
///
/// - `keys`: the step's second as an offset from `base` (clamped, exact between the clamps), shifted
///   left, with the low bit set when the step is a normal level with no end (the entry is then known);
/// - `ends`: the step's end as an offset from `base` (or `noEnd`, or `unheld` when out of range: the
///   step itself is read), shifted left twice, with the level in the two low bits.
struct StepTimes: Sendable {
    /// The instant offsets count from (2023-11-14); ±34 years of it are held exactly as a step's time,
    /// ±17 years as its end.
    static let base: Int64 = 1_700_000_000
    static let span: Int64 = 1 << 30
    static let lowest = base - span
    static let highest = base + span - 1
    static let noEnd: Int32 = -(1 << 29)
    static let unheld: Int32 = (1 << 29) - 1

    /// Keys of place p's steps are `keys[starts[p]..<starts[p + 1]]`, in the place's step order; `ends` alike.
    private(set) var keys: [Int32] = []
    private(set) var ends: [Int32] = []
    private(set) var starts: [Int32] = [0]

    /// `t` as held: its offset from `base`, the end of the range for anything at or beyond either end.
    static func offset(_ t: Int64) -> Int32 {
        Int32(truncatingIfNeeded: t <= lowest ? -span : t >= highest ? span - 1 : t - base)
    }

    /// What `keys` holds for a step.
    static func key(_ step: Step) -> Int32 {
        offset(step.time) << 1 | (step.level == .normal && step.until == Step.noEnd ? 1 : 0)
    }

    /// What `ends` holds for a step.
    static func end(_ step: Step) -> Int32 {
        let u = step.until
        let v =
            u == Step.noEnd
            ? noEnd : u > base + Int64(noEnd) && u < base + Int64(unheld) ? Int32(truncatingIfNeeded: u - base) : unheld
        return v << 2 | Int32(step.level.rawValue)
    }

    /// The level and end (seconds, `Step.noEnd` when none) an `ends` value holds, nil when the step must be read.
    @inline(__always)
    static func levelAndEnd(_ e: Int32) -> (Level, Int64)? {
        let v = e >> 2
        guard v != unheld, let level = Level(rawValue: Int(e & 3)) else { return nil }
        return (level, v == noEnd ? Step.noEnd : base + Int64(v))
    }

    /// The greatest key a step at or before `t` can have.
    static func searchKey(_ t: Int64) -> Int32 { offset(t) << 1 | 1 }

    /// Whether a key's step is a normal level with no end (its entry needs nothing more).
    static func isCalm(_ key: Int32) -> Bool { key & 1 == 1 }

    /// Whether searches for `t` may trust the held offsets (false at the clamps, where instants merge).
    static func isExact(_ t: Int64) -> Bool { t > lowest && t < highest }

    var placeCount: Int { starts.count - 1 }

    /// Rebuilds from every track: of each place in `kept` (place → steps unchanged at their start), that
    /// many are copied from the old arrays and only the rest are read from its steps; the other places
    /// are copied whole. A batch that touches most places then copies runs instead of reading every step.
    mutating func rebuild(_ tracks: [PlaceTrack], kept: [Int32: Int32]) {
        var k: [Int32] = []
        var e: [Int32] = []
        var s: [Int32] = []
        s.reserveCapacity(tracks.count + 1)
        var total = 0
        for track in tracks { total += track.steps.count }
        k.reserveCapacity(total)
        e.reserveCapacity(total)
        s.append(0)
        for (p, track) in tracks.enumerated() {
            let held = p < placeCount ? Int(starts[p + 1] - starts[p]) : 0
            let keep = min(held, kept[Int32(p)].map(Int.init) ?? held)
            if keep > 0 {
                let run = Int(starts[p])..<(Int(starts[p]) + keep)
                k.append(contentsOf: keys[run])
                e.append(contentsOf: ends[run])
            }
            for step in track.steps[keep...] {
                k.append(Self.key(step))
                e.append(Self.end(step))
            }
            s.append(Int32(k.count))
        }
        keys = k
        ends = e
        starts = s
    }

    /// Place `p`'s steps changed from index `keep` on (`p` may be a new place, after all known ones).
    mutating func update(_ p: Int, keep: Int, steps: [Step]) {
        while placeCount <= p { starts.append(starts[starts.count - 1]) }
        let lo = Int(starts[p]) + keep
        let hi = Int(starts[p + 1])
        keys.replaceSubrange(lo..<hi, with: steps[keep...].lazy.map(Self.key))
        ends.replaceSubrange(lo..<hi, with: steps[keep...].lazy.map(Self.end))
        let delta = Int32(steps.count - keep - (hi - lo))
        guard delta != 0 else { return }
        starts.withUnsafeMutableBufferPointer { s in
            for q in (p + 1)..<s.count { s[q] += delta }
        }
    }

    /// Index in `keys` of the last of `keys[lo..<hi]` that is ≤ `c` (a `searchKey`), nil when none is.
    /// Branch-free halving (the comparison picks the half with a conditional move): 34 000 searches a
    /// seek would otherwise mispredict about half their comparisons.
    @inline(__always)
    static func last(_ keys: UnsafeBufferPointer<Int32>, from lo: Int, to hi: Int, atOrBelow c: Int32) -> Int? {
        var n = hi - lo
        guard n > 0 else { return nil }
        var at = lo
        while n > 1 {
            let half = n >> 1
            at = keys[at + half] <= c ? at + half : at
            n -= half
        }
        return keys[at] <= c ? at : nil
    }
}
