/// Exact-byte lookup of words whose scalars make byte equality the same as `String` equality.
///
/// `String ==` is canonical equivalence; hashing and comparing non-ASCII strings that way costs
/// hundreds of instructions per probe. Two strings in NFC are canonically equivalent exactly when
/// their bytes are equal, and a string made only of "plain" scalars (Latin to U+02FF and Cyrillic
/// without its combining marks, no controls) is in NFC with one Character per scalar. So while every
/// stored word is in NFC, a plain word is looked up here by its bytes with the same answer the
/// dictionary gives; anything else still asks the dictionary.
struct ByteWordTable: Sendable {
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var values: [Int32] = []
    private var pool: [UInt8] = []
    /// False once a word not known to be in NFC was offered: byte equality would then not be `String` equality.
    private(set) var usable = true

    /// A scalar that is its own Character in NFC next to any other plain scalar.
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x300) || (v >= 0x400 && v < 0x483) || (v >= 0x48A && v < 0x500)
    }

    /// Every scalar of `buf` is plain.
    static func isPlain(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            let b = buf[i]
            if b < 0x80 {
                if b < 0x20 { return false }
                i += 1
                continue
            }
            guard b >= 0xC2, b < 0xE0, i + 1 < buf.count else { return false }
            let v = UInt32(b & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F)
            if !isPlain(v) { return false }
            i += 2
        }
        return true
    }

    /// Every scalar of `buf` is plain or a dash, quote or bullet (U+2010–U+2027): the string is in NFC, so
    /// byte equality with a plain word is still canonical equivalence.
    static func isStorable(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            let b = buf[i]
            if b >= 0xE0, b < 0xF0, i + 2 < buf.count {
                let v = UInt32(b & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F)
                guard v >= 0x2010, v < 0x2028 else { return false }
                i += 3
                continue
            }
            let len = b < 0x80 ? 1 : 2
            guard i + len <= buf.count, isPlain(UnsafeBufferPointer(rebasing: buf[i..<(i + len)])) else {
                return false
            }
            i += len
        }
        return true
    }

    @inline(__always)
    private static func hash(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in buf { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Stores `value` for `word` unless it is already there.
    mutating func insert(_ word: String, _ value: Int32) {
        guard usable else { return }
        var w = word
        w.withUTF8 { buf in
            guard Self.isStorable(buf) else {
                usable = false
                return
            }
            if lookup(buf) != nil { return }
            if (values.count + 1) * 2 > slots.count { grow() }
            let h = Self.hash(buf)
            hashes.append(h)
            starts.append(pool.count)
            lengths.append(buf.count)
            values.append(value)
            pool.append(contentsOf: buf)
            place(Int32(values.count - 1), hash: h)
        }
    }

    private mutating func place(_ entry: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = entry
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for e in values.indices { place(Int32(e), hash: hashes[e]) }
    }

    /// The value stored for exactly these bytes.
    func lookup(_ buf: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(buf)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return nil }
            if hashes[e] == h, lengths[e] == buf.count {
                let start = starts[e]
                var same = true
                for k in 0..<buf.count where pool[start + k] != buf[k] {
                    same = false
                    break
                }
                if same { return values[e] }
            }
            s = (s + 1) & mask
        }
    }
}
