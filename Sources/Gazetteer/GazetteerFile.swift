import AlertCore
import Foundation

/// The shipped file kept as raw bytes. Loading finds the place lines (one memchr pass over
/// the first part of the file) and nothing else: the sorted key lines that fill the rest are
/// binary-searched in place, and a place is decoded only when asked for.
struct GazetteerFile: Sendable {
    let bytes: [UInt8]
    let placeStarts: [Int]
    let placeIDs: [Int]
    /// Byte range of the key section (sorted lines, to the end of the file).
    let keySection: Range<Int>
    let keyCount: Int
    let timeZones: [String]
    let stopWords: Set<String>
    let commonWords: Set<String>

    /// A place a key points at, and whether the key is that place's canonical name.
    struct Ref: Hashable {
        let index: Int
        let canonical: Bool
    }

    static let version = "3"
    /// Lines between the header and the places: tz, stop, common.
    static let listLines = 3

    init(bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { throw GazetteerError("the gazetteer data is empty") }
        let header = Self.fields(bytes, from: 0)
        guard header.count == 4, Self.string(bytes, header[0]) == "gazetteer",
            Self.string(bytes, header[1]) == Self.version,
            let places = Int(Self.string(bytes, header[2])), places >= 0,
            let keys = Int(Self.string(bytes, header[3])), keys >= 0
        else { throw GazetteerError("the gazetteer data has no valid \"gazetteer \(Self.version)\" header") }
        let wanted = 1 + Self.listLines + places
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(wanted + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var start = 0
            while start < buf.count, lineStarts.count <= wanted {
                lineStarts.append(start)
                guard let nl = memchr(base + start, 0x0A, buf.count - start) else {
                    start = buf.count
                    break
                }
                start = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
            if lineStarts.count == wanted { lineStarts.append(start) }
        }
        guard lineStarts.count == wanted + 1 else {
            throw GazetteerError("the gazetteer data ends before its \(places) places")
        }
        self.bytes = bytes
        var lists: [String: [String]] = [:]
        for start in lineStarts[1...Self.listLines] {
            let f = Self.fields(bytes, from: start)
            guard f.count == 2 else { throw GazetteerError("the gazetteer data has a damaged list line") }
            let value = Self.string(bytes, f[1])
            lists[Self.string(bytes, f[0])] = value.isEmpty ? [] : value.split(separator: "|").map(String.init)
        }
        guard let zones = lists["tz"], let stop = lists["stop"], let common = lists["common"] else {
            throw GazetteerError("the gazetteer data lacks its tz, stop and common lines")
        }
        timeZones = zones
        stopWords = Set(stop)
        commonWords = Set(common)
        placeStarts = Array(lineStarts[(1 + Self.listLines)..<wanted])
        keySection = lineStarts[wanted]..<bytes.count
        keyCount = keys
        var ids: [Int] = []
        ids.reserveCapacity(places)
        for (n, start) in placeStarts.enumerated() {
            let line = n + 2 + Self.listLines
            guard let id = Self.parseInt(bytes, from: start) else {
                throw GazetteerError("gazetteer place line \(line) has no numeric id")
            }
            if let prev = ids.last, prev >= id {
                throw GazetteerError("gazetteer place line \(line) is out of id order")
            }
            ids.append(id)
        }
        placeIDs = ids
    }

    var placeCount: Int { placeStarts.count }

    /// Index of the place line with this id.
    func index(ofID id: Int) -> Int? {
        var lo = 0
        var hi = placeIDs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if placeIDs[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < placeIDs.count && placeIDs[lo] == id ? lo : nil
    }

    func place(at index: Int) -> Place {
        let f = Self.fields(bytes, from: placeStarts[index])
        func s(_ i: Int) -> String { i < f.count ? Self.string(bytes, f[i]) : "" }
        let scope: Scope =
            switch s(1) {
            case "r": .region
            case "n": .country
            default: .city
            }
        let tz = Int(s(4)).flatMap { $0 >= 0 && $0 < timeZones.count ? timeZones[$0] : nil }
        return Place(
            id: placeIDs[index], name: s(5), country: s(2), scope: scope, population: Int(s(3)) ?? 0,
            timezone: tz,
            aliases: 6 < f.count ? Self.aliases(bytes, f[6]) : [])
    }

    /// The `|`-separated aliases of a field, empty ones skipped, as `String.split(separator: "|")`
    /// gives them; split on bytes when every `|` stands between simple scalars (its own Character).
    static func aliases(_ bytes: [UInt8], _ r: Range<Int>) -> [String] {
        if r.isEmpty { return [] }
        return bytes.withUnsafeBufferPointer { buf -> [String] in
            var out: [String] = []
            var start = r.lowerBound
            var i = r.lowerBound
            while i < r.upperBound {
                if buf[i] == 0x7C {
                    if !separates(buf, at: i, in: r) {
                        let whole = string(bytes, r)
                        return whole.split(separator: "|").map(String.init)
                    }
                    if i > start {
                        out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
                    }
                    start = i + 1
                }
                i += 1
            }
            if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)) }
            return out
        }
    }

    /// The scalars on both sides of the `|` at `i` are simple, so it is a Character of its own.
    private static func separates(_ buf: UnsafeBufferPointer<UInt8>, at i: Int, in r: Range<Int>) -> Bool {
        func simple(at k: Int, endingAt end: Int?) -> Bool {
            let lead = buf[k]
            guard lead >= 0xC2, lead < 0xF5 else { return false }
            let len = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard k + len <= r.upperBound, end == nil || k + len == end else { return false }
            for q in (k + 1)..<(k + len) where buf[q] & 0xC0 != 0x80 { return false }
            return SimpleScalars.flags(SimpleScalars.decode(buf, k).0) != 0
        }
        if i + 1 < r.upperBound, buf[i + 1] >= 0x80, !simple(at: i + 1, endingAt: nil) { return false }
        if i > r.lowerBound, buf[i - 1] >= 0x80 {
            var b = i - 1
            while b > r.lowerBound, buf[b] & 0xC0 == 0x80 { b -= 1 }
            if !simple(at: b, endingAt: i) { return false }
        }
        return true
    }

    /// Places whose folded name or alias is exactly `key`.
    func refs(forKey key: String) -> [Ref] {
        if key.isEmpty { return [] }
        let k = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { buf -> [Ref] in
            // Binary search over byte offsets: back up from the middle to its line's start.
            var lo = keySection.lowerBound
            var hi = keySection.upperBound
            while lo < hi {
                var line = (lo + hi) / 2
                while line > lo && buf[line - 1] != 0x0A { line -= 1 }
                let c = Self.compareKey(buf, at: line, with: k)
                if c == 0 { return Self.parseRefs(buf, from: line + k.count + 1) }
                if c < 0 {
                    var next = line
                    while next < hi && buf[next] != 0x0A { next += 1 }
                    lo = next + 1
                } else {
                    hi = line
                }
            }
            return []
        }
    }

    /// Compares the key field of the line at `start` with `k` byte-wise.
    private static func compareKey(_ buf: UnsafeBufferPointer<UInt8>, at start: Int, with k: [UInt8])
        -> Int
    {
        var i = start
        var j = 0
        while true {
            let a: Int = i < buf.count && buf[i] != 0x09 ? Int(buf[i]) : -1
            let b: Int = j < k.count ? Int(k[j]) : -1
            if a != b { return a < b ? -1 : 1 }
            if a == -1 { return 0 }
            i += 1
            j += 1
        }
    }

    private static func parseRefs(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> [Ref] {
        var refs: [Ref] = []
        var n = 0
        var star = false
        var i = start
        while i < buf.count {
            let c = buf[i]
            if c >= 0x30 && c <= 0x39 {
                n = n * 10 + Int(c - 0x30)
            } else if c == 0x2A {
                star = true
            } else {
                refs.append(Ref(index: n, canonical: star))
                n = 0
                star = false
                if c != 0x2C { break }
            }
            i += 1
        }
        return refs
    }

    private static func parseInt(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        var neg = false
        if i < bytes.count, bytes[i] == 0x2D {
            neg = true
            i += 1
        }
        var n = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            n = n * 10 + Int(bytes[i] - 0x30)
            i += 1
            digits += 1
        }
        return digits == 0 ? nil : (neg ? -n : n)
    }

    private static func fields(_ bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var s = start
            var i = start
            while i < n {
                let b = buf[i]
                // One compare passes over nearly every byte; only a tab or a newline ends a field.
                if b <= 0x0A {
                    if b == 0x0A { break }
                    if b == 0x09 {
                        out.append(s..<i)
                        s = i + 1
                    }
                }
                i += 1
            }
            out.append(s..<i)
        }
        return out
    }

    private static func string(_ bytes: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: bytes[r], as: UTF8.self)
    }
}

/// A damaged or foreign gazetteer data file.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    /// One-line explanation.
    public let description: String
    init(_ d: String) { description = d }
}
