/// Every place's step times in one contiguous array, place after place, so a seek's 34 000 binary
/// searches each stay within a cache line or two of one buffer instead of chasing as many separate
/// arrays. Four bytes a step: seconds from `base`, clamped to `Int32`, exact between the clamps.
struct StepTimes: Sendable {
    /// The instant offsets count from (2023-11-14); ±68 years of it are held exactly.
    static let base: Int64 = 1_700_000_000
    static let lowest = base + Int64(Int32.min)
    static let highest = base + Int64(Int32.max)

    /// Step times of place p are `times[starts[p]..<starts[p + 1]]`, in the place's step order.
    private(set) var times: [Int32] = []
    private(set) var starts: [Int32] = [0]

    /// `t` as held: its offset from `base`, `Int32.min`/`.max` for anything at or beyond either end.
    static func offset(_ t: Int64) -> Int32 {
        t <= lowest ? .min : t >= highest ? .max : Int32(truncatingIfNeeded: t - base)
    }

    /// Whether searches for `t` may trust the held offsets (false at the clamps, where instants merge).
    static func isExact(_ t: Int64) -> Bool { t > lowest && t < highest }

    var placeCount: Int { starts.count - 1 }

    /// Rebuilds from every track, copying the runs of places not in `dirty` from the old array.
    mutating func rebuild(_ tracks: [PlaceTrack], dirty: Set<Int32>? = nil) {
        var t: [Int32] = []
        var s: [Int32] = []
        s.reserveCapacity(tracks.count + 1)
        var total = 0
        for track in tracks { total += track.steps.count }
        t.reserveCapacity(total)
        s.append(0)
        for (p, track) in tracks.enumerated() {
            if let dirty, p < placeCount, !dirty.contains(Int32(p)) {
                t.append(contentsOf: times[Int(starts[p])..<Int(starts[p + 1])])
            } else {
                for step in track.steps { t.append(Self.offset(step.time)) }
            }
            s.append(Int32(t.count))
        }
        times = t
        starts = s
    }

    /// Place `p`'s steps changed from index `keep` on (`p` may be a new place, after all known ones).
    mutating func update(_ p: Int, keep: Int, steps: [Step]) {
        while placeCount <= p { starts.append(starts[starts.count - 1]) }
        let lo = Int(starts[p]) + keep
        let hi = Int(starts[p + 1])
        let new = steps[keep...].lazy.map { Self.offset($0.time) }
        times.replaceSubrange(lo..<hi, with: new)
        let delta = Int32(steps.count - keep - (hi - lo))
        guard delta != 0 else { return }
        starts.withUnsafeMutableBufferPointer { s in
            for q in (p + 1)..<s.count { s[q] += delta }
        }
    }

    /// Index of place `p`'s last step with time ≤ `t` (whose offset is `c`), nil when none; `t` must be exact.
    @inline(__always)
    static func stepIndex(
        _ times: UnsafeBufferPointer<Int32>, from lo: Int, to hi: Int, atOrBefore c: Int32
    ) -> Int? {
        var lo = lo
        var n = hi - lo
        let first = lo
        while n > 0 {
            let half = n / 2
            if times[lo + half] <= c {
                lo += half + 1
                n -= half + 1
            } else {
                n = half
            }
        }
        return lo == first ? nil : lo - first - 1
    }
}
