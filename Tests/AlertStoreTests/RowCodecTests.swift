import AlertCore
import Testing

@testable import AlertStore

@Suite struct RowCodecTests {
    @Test(arguments: [
        "2016-07-18", "2016-07-18T11:00", "2016-07-18T11:00:00+06:00", "2016-07-18T11:00:00-03:30",
        "1969-12-31T23:59:59Z",
    ])
    func timeFormatsRoundTrip(_ text: String) {
        let t = ts(text)
        let back = RowCodec.timestamp(seconds: t.seconds, format: RowCodec.format(t))
        #expect(back.iso == t.iso)
        #expect(back.precision == t.precision)
    }

    @Test func aUTCDateCostsNothing() {
        #expect(
            RowCodec.formats(effective: ts("2016-07-18"), until: ts("2016-07-20"), reported: nil) == 0)
    }

    @Test func packedFormatsKeepEachTime() {
        let e = ts("2016-07-18T11:00:00+06:00")
        let u = ts("2016-07-19T00:00-05:00")
        let r = ts("2016-07-18T12:00:00Z")
        let f = RowCodec.unpack(formats: RowCodec.formats(effective: e, until: u, reported: r))
        #expect(RowCodec.timestamp(seconds: e.seconds, format: f.effective).iso == e.iso)
        #expect(RowCodec.timestamp(seconds: u.seconds, format: f.until).iso == u.iso)
        #expect(RowCodec.timestamp(seconds: r.seconds, format: f.reported).iso == r.iso)
    }

    @Test func untilCodesAreDistinctFromNone() {
        let e = ts("2016-07-18")
        #expect(RowCodec.untilCode(effective: e, until: nil) == 0)
        for d: Int64 in [-5, -1, 0, 1, 86_400] {
            let code = RowCodec.untilCode(effective: e, until: Timestamp(seconds: e.seconds + d))
            #expect(code != 0)
            #expect(RowCodec.untilSeconds(effective: e.seconds, code: code) == e.seconds + d)
        }
        #expect(RowCodec.untilSeconds(effective: e.seconds, code: 0) == nil)
    }

    @Test func kindsAndScopesRoundTrip() {
        #expect(RowCodec.kind(RowCodec.kindCode(nil)) == nil)
        for k in TransitionKind.allCases { #expect(RowCodec.kind(RowCodec.kindCode(k)) == k) }
        for s in Scope.allCases { #expect(RowCodec.scope(RowCodec.scopeCode(s)) == s) }
    }

    @Test(arguments: [0.0, 0.95, 0.5, 1.0, 0.123456, 0.07])
    func confidenceIsExact(_ c: Double) {
        #expect(RowCodec.confidence(RowCodec.confidenceCode(c)) == c)
    }

    @Test func hundredthsAreIntegers() {
        #expect(RowCodec.confidenceCode(0.95) == .hundredths(95))
        #expect(RowCodec.confidenceCode(0.123456) == .exact(0.123456))
    }
}
