import AlertCore

/// The integer columns of one transition row (its texts stay in the `Transition`), place and source resolved to ids.
struct EncodedRow: Sendable {
    var place: Int64 = 0
    var effective: Int64
    var level: Int64
    var kind: Int64
    var until: Int64
    var source: Int64 = 0
    var formats: Int64
    var ordinal: Int64
    var scope: Int64
    var reported: Int64?
    /// An earlier row holding the same evidence text, stored in place of the text.
    var evidenceRow: Int64?
    var confidence: RowCodec.Confidence?
    var spelling: Int64?
    var placeID: Int64?

    /// The columns of `t`; the place, spelling and source rows are filled in later.
    init(_ t: borrowing Transition) {
        effective = t.effective.seconds
        level = Int64(t.level.rawValue)
        kind = RowCodec.kindCode(t.kind)
        until = RowCodec.untilCode(effective: t.effective, until: t.until)
        formats = RowCodec.formats(effective: t.effective, until: t.until, reported: t.reported)
        ordinal = Int64(t.ordinal)
        scope = RowCodec.scopeCode(t.scope)
        reported = t.reported.map { $0.seconds - t.effective.seconds }
        confidence = t.confidence.map(RowCodec.confidenceCode)
        placeID = t.placeID.map { Int64($0) }
    }

    /// `extra` as the row stores it: nil when there is none.
    static func extraJSON(_ t: borrowing Transition) -> String? {
        t.extra.isEmpty ? nil : JSONValue.object(t.extra).json
    }

    /// The natural key, as the unique index `transition_key` orders it.
    var key: Key { Key(effective: effective, place: place, level: level, kind: kind, until: until, source: source) }

    struct Key: Equatable {
        var effective, place, level, kind, until, source: Int64

        /// A well-mixed 64-bit hash of the six integers.
        var hash: Int64 {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            Self.mix(effective, &h)
            Self.mix(place, &h)
            Self.mix(level, &h)
            Self.mix(kind, &h)
            Self.mix(until, &h)
            Self.mix(source, &h)
            return TextHash.finish(h)
        }

        @inline(__always) private static func mix(_ v: Int64, _ h: inout UInt64) {
            h = (h ^ UInt64(bitPattern: v)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 29
        }
    }

    /// The columns of `insertColumns`, in that order, as parameters `base + 1 …`; texts from `t`.
    func bind(_ s: RawStatement, at base: Int32, _ t: Transition, extra: String?) {
        s.bind(base + 1, place)
        s.bind(base + 2, effective)
        s.bind(base + 3, level)
        s.bind(base + 4, kind)
        s.bind(base + 5, until)
        s.bind(base + 6, source)
        s.bind(base + 7, formats)
        s.bind(base + 8, ordinal)
        s.bind(base + 9, scope)
        s.bind(base + 10, reported)
        if let evidenceRow { s.bind(base + 11, evidenceRow) } else { s.bind(base + 11, t.evidence) }
        switch confidence {
        case nil: s.bind(base + 12, nil as Int64?)
        case .hundredths(let n): s.bind(base + 12, n)
        case .exact(let d): s.bind(base + 12, d)
        }
        s.bind(base + 13, spelling)
        s.bind(base + 14, placeID)
        s.bind(base + 15, t.placeText)
        s.bind(base + 16, t.scheme)
        s.bind(base + 17, t.schemeLevel)
        s.bind(base + 18, extra)
    }

    static let columnCount: Int32 = 18

    static let insertColumns = """
        place, effective, level, kind, until, source, formats, ordinal, scope, reported, evidence, confidence,
        spelling, place_id, place_text, scheme, scheme_level, extra
        """

    /// `INSERT OR IGNORE` of `rows` rows with sequential parameters.
    static func insertSQL(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: Int(columnCount)).joined(separator: ",") + ")"
        return "INSERT OR IGNORE INTO \"transition\"(\(insertColumns)) VALUES "
            + Array(repeating: one, count: rows).joined(separator: ",")
    }
}

/// A transition with what storing it costs beyond the ids worked out ahead: its column encodings and the hashes
/// its place, source and evidence are found by. Made on the decoding threads of an import, so the thread that
/// writes the store only looks ids up and binds.
public struct StoreRecord: Sendable {
    /// The record itself.
    public let transition: Transition
    var row: EncodedRow
    let extra: String?
    let spellingHash: Int64
    let sourceHash: Int64
    let evidenceHash: Int64

    /// Encodes `t` for storing.
    public init(_ t: consuming Transition) {
        row = EncodedRow(t)
        extra = EncodedRow.extraJSON(t)
        spellingHash = TextHash.of(city: t.city, country: t.country)
        sourceHash = TextHash.of(t.source)
        evidenceHash = t.evidence.map(TextHash.of) ?? 0
        transition = t
    }
}
