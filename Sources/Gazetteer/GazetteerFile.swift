import AlertCore
import Foundation

/// The shipped file kept as raw bytes: place lines and sorted key lines are found by offset,
/// and a place is decoded only when asked for, so loading is one scan over the bytes.
struct GazetteerFile: Sendable {
    let bytes: [UInt8]
    let placeStarts: [Int]
    let placeIDs: [Int]
    let keyStarts: [Int]
    let stopWords: Set<String>
    let commonWords: Set<String>

    /// A place a key points at, and whether the key is that place's canonical name.
    struct Ref: Hashable {
        let index: Int
        let canonical: Bool
    }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(200_000)
        bytes.withUnsafeBufferPointer { buf in
            var start = 0
            let n = buf.count
            while start < n {
                lineStarts.append(start)
                guard let base = buf.baseAddress,
                    let nl = memchr(base + start, 0x0A, n - start)
                else { break }
                start = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        guard let first = lineStarts.first else { throw GazetteerError("the gazetteer data is empty") }
        let header = Self.fields(bytes, from: first)
        guard header.count == 4, Self.string(bytes, header[0]) == "gazetteer",
            Self.string(bytes, header[1]) == "1",
            let places = Int(Self.string(bytes, header[2])),
            let keys = Int(Self.string(bytes, header[3])),
            lineStarts.count >= 1 + places + keys
        else { throw GazetteerError("the gazetteer data has no valid \"gazetteer 1\" header") }
        self.bytes = bytes
        placeStarts = Array(lineStarts[1..<(1 + places)])
        keyStarts = Array(lineStarts[(1 + places)..<(1 + places + keys)])
        var ids: [Int] = []
        ids.reserveCapacity(places)
        for (n, start) in placeStarts.enumerated() {
            guard let id = Self.parseInt(bytes, from: start) else {
                throw GazetteerError("gazetteer place line \(n + 2) has no numeric id")
            }
            if let prev = ids.last, prev >= id {
                throw GazetteerError("gazetteer place line \(n + 2) is out of id order")
            }
            ids.append(id)
        }
        placeIDs = ids
        var lists: [String: Set<String>] = [:]
        for start in lineStarts.dropFirst(1 + places + keys) {
            let f = Self.fields(bytes, from: start)
            if f.count == 2 {
                lists[Self.string(bytes, f[0])] = Set(Self.string(bytes, f[1]).split(separator: "|").map(String.init))
            }
        }
        stopWords = lists["stop"] ?? []
        commonWords = lists["common"] ?? []
    }

    var placeCount: Int { placeStarts.count }
    var keyCount: Int { keyStarts.count }

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
        let tz = s(4)
        let aliases = s(6)
        return Place(
            id: placeIDs[index], name: s(5), country: s(2), scope: scope, population: Int(s(3)) ?? 0,
            timezone: tz.isEmpty ? nil : tz,
            aliases: aliases.isEmpty ? [] : aliases.split(separator: "|").map(String.init))
    }

    /// Places whose folded name or alias is exactly `key`.
    func refs(forKey key: String) -> [Ref] {
        if key.isEmpty { return [] }
        let k = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { buf -> [Ref] in
            var lo = 0
            var hi = keyStarts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let c = Self.compareKey(buf, at: keyStarts[mid], with: k)
                if c == 0 {
                    return Self.parseRefs(buf, from: keyStarts[mid] + k.count + 1)
                }
                if c < 0 { lo = mid + 1 } else { hi = mid }
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
        var s = start
        var i = start
        while i < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == 0x09 {
                out.append(s..<i)
                s = i + 1
            }
            i += 1
        }
        out.append(s..<i)
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
