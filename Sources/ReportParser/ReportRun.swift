import AlertCore
import Gazetteer

/// A place the parser settled on for one transition.
struct Target: Sendable, Hashable {
    var place: Place
    var text: String
    var coreference: Bool
    /// Token index of the name in its sentence, when the text names the place there.
    var position: Int? = nil
}

/// The state of parsing one report: publication day, places seen, transitions so far.
struct ReportRun {
    let vocab: Vocabulary
    let gazetteer: Gazetteer
    let source: String
    let reported: Timestamp?
    var transitions: [Transition] = []
    var diagnostics: [String] = []

    var published: CivilDate?
    var datelinePlace: Place?
    var docCountry: String?
    var lastTargets: [Target] = []
    var lastEffective: CivilDate?
    /// Transitions of the last changing sentence when it named no day (the publication day stood in).
    var lastDefaulted: [Int] = []
    var lastCity: Place?
    /// Place, level and day of every transition emitted: a repeat adds nothing.
    var seen: Set<EmittedKey> = []
    struct EmittedKey: Hashable {
        var place: Int
        var level: Level
        var day: CivilDate
    }
    var listLevel: LevelGroup?
    var listIntro: (from: CivilDate?, until: CivilDate?)?
    var listVerb: VerbClass = .set
    var listSentence: String = ""
    /// The year of the last full date a sentence named when it differs from publication (a story about the past).
    var storyYear: Int?
    /// The last day an attack or other event was dated ("the attacks of June 5, 2016").
    var lastEventDay: CivilDate?
    /// Gazetteer lookups already made for this report.
    let mentionCache = MentionCache()

    /// Schemes with one level for the whole country: the country is the place.
    static let perPlaceSchemes: Set<String> = ["KZ-terror", "RU-terror"]

    init(vocab: Vocabulary, gazetteer: Gazetteer, source: String, reported: Timestamp?) {
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.source = source
        self.reported = reported
    }

    mutating func run(_ text: String) {
        let sentences = SentenceSplitter.split(text)
        if sentences.isEmpty {
            diagnostics.append("\(source): no text")
            return
        }
        let dates = DateFinder(vocab: vocab)
        let dateline = DatelineFinder(finder: dates).find(in: sentences)
        published = dateline.date ?? reported.map { CivilDate(day: $0.utcDay) }
        if published == nil {
            diagnostics.append(
                "\(source): no publication date found; relative dates cannot be resolved (use --reported)")
        }
        if let p = dateline.placeText {
            datelinePlace = gazetteer.best(Self.titleCase(p))
            docCountry = datelinePlace?.country
        }
        let triggers = ByteTriggers(vocab.triggers)
        let terrorDoc = ByteTriggers(vocab.terrorStems).occurs(in: Substring(text))
        let threatWords = ByteTriggers(vocab.threatStems)
        let firstBody = dateline.sentence ?? 0
        // a lead paragraph may come before the date line (Kazinform); headlines stay out
        let body = sentences.indices.filter { i in
            i >= firstBody || (!sentences[i].titleLike && sentences[i].text.last == ".")
        }
        let analyzer = SentenceAnalyzer(vocab: vocab, dates: dates)
        let pronouns = Set(vocab.pronounSingles)
        for i in body {
            var s = sentences[i].text
            if i == dateline.sentence, let b = dateline.bodyStart {
                s = s[s.utf8.index(s.startIndex, offsetBy: min(b, s.utf8.count))...]
                if s.trimmingSpaces().isEmpty { continue }
            }
            if i > firstBody, i <= firstBody + 4, dateline.placeText != nil { s = Self.droppingCapsDateline(s) }
            noteYears(s, dates: dates)
            let sentence = sentences[i]
            if sentence.bullet, let level = listLevel {
                listItem(s, level: level)
                continue
            }
            if sentence.titleLike && !sentence.bullet && i != dateline.sentence && !sentence.endsWithColon {
                // a table row under a list intro; other short lines are furniture
                if listIntro != nil, listLevel == nil { listRow(s, analyzer: analyzer) }
                continue
            }
            if !sentence.titleLike || sentence.endsWithColon {
                // a list ends at the first ordinary sentence
                if !sentence.bullet {
                    listLevel = nil
                    if !sentence.endsWithColon { listIntro = nil }
                }
            }
            if sentence.bullet, listIntro != nil, listLevel == nil {
                listRow(s, analyzer: analyzer)
                continue
            }
            let cued = triggers.occurs(in: s) && (terrorDoc || threatWords.occurs(in: s))
            // "It was eased to orange on June 10": a follow-up about the last place needs no cue word
            let followUp = !cued && terrorDoc && !lastTargets.isEmpty && pronouns.contains(firstWord(s))
            // "The decision took effect on May 8": dates the change just told, cue words or not
            let dating =
                !cued && !lastDefaulted.isEmpty
                && vocab.tookEffect.occurs(in: vocab.words(Tokenizer.tokens(String(s))))
            guard cued || followUp || dating else { continue }
            analyzer.analyze(String(s), colon: sentence.endsWithColon, run: &self)
        }
        // "urgence attentat was lifted … the country returns to risque attentat": the lift led to that level
        // (one pass for the latest level per place and day: asking every earlier transition grew with the square of a feed)
        if transitions.contains(where: { $0.kind == .lifted && $0.level == .normal }) {
            struct PlaceDay: Hashable {
                var place: Int?
                var day: Timestamp
            }
            var latestLevel: [PlaceDay: Int] = [:]
            for t in transitions where t.level != .normal {
                let k = PlaceDay(place: t.placeID, day: t.effective)
                latestLevel[k] = max(latestLevel[k] ?? Int.min, t.ordinal)
            }
            transitions.removeAll { t in
                t.kind == .lifted && t.level == .normal
                    && (latestLevel[PlaceDay(place: t.placeID, day: t.effective)] ?? Int.min) > t.ordinal
            }
        }
        // a headline-only report: the headlines are the news
        if transitions.isEmpty {
            for i in sentences.indices where i < firstBody && sentences[i].titleLike {
                let s = sentences[i].text
                guard triggers.occurs(in: s), terrorDoc || threatWords.occurs(in: s) else { continue }
                analyzer.analyze(String(s), colon: false, run: &self)
            }
        }
    }

    /// The lower-cased first word of a sentence.
    private func firstWord(_ s: Substring) -> String {
        // ASCII letters followed by an ASCII byte (or nothing) are the first word's Characters
        let u = s.utf8
        var end = u.startIndex
        while end < u.endIndex, (u[end] | 0x20) >= 0x61 && (u[end] | 0x20) <= 0x7A { end = u.index(after: end) }
        if end == u.endIndex || u[end] < 0x80 { return String(s[s.startIndex..<end]).lowercased() }
        return Fold.token(s.prefix { $0.isLetter })
    }

    /// Years other than the publication year make the report a story about the past: note them, and
    /// the days of events told there ("the attacks of June 5, 2016").
    private mutating func noteYears(_ s: Substring, dates: DateFinder) {
        guard let p = published, let y = Self.lastYear(in: s), y != p.year else { return }
        let toks = Tokenizer.tokens(String(s))
        for d in dates.dates(in: vocab.words(toks), tokens: toks) {
            guard case .day(let year?, let m, let day) = d.value, day <= CivilDate.daysIn(month: m, year: year)
            else { continue }
            storyYear = year
            if d.eventLinked { lastEventDay = CivilDate(year: year, month: m, day: day) }
        }
    }

    /// The last 4-digit number from 1990 to 2099 in `s`, by a byte scan.
    static func lastYear(in s: Substring) -> Int? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ lastYear(bytes: $0) }) { return r }
        return Array(s.utf8).withUnsafeBufferPointer { lastYear(bytes: $0) }
    }

    private static func lastYear(bytes s: UnsafeBufferPointer<UInt8>) -> Int? {
        var found: Int?
        var run = 0
        var value = 0
        for b in s {
            if b >= 0x30 && b <= 0x39 {
                run += 1
                value = value * 10 + Int(b - 0x30)
            } else {
                if run == 4, (1990...2099).contains(value) { found = value }
                run = 0
                value = 0
            }
        }
        if run == 4, (1990...2099).contains(value) { found = value }
        return found
    }

    /// One row of a list or table under an intro ("• Uralsk – high (orange)", "Kokshetau  high (orange)  1 May").
    mutating func listRow(_ s: Substring, analyzer: SentenceAnalyzer) {
        let text = String(s)
        let tokens = Tokenizer.tokens(text)
        let words = vocab.words(tokens)
        let groups = analyzer.levels.groups(words, tokens).filter { $0.marker != .from }
        let lift = vocab.verbs.all(in: words).contains { $0.payload == .lift }
        guard !groups.isEmpty || lift else { return }
        let hits = analyzer.placeHits(text, tokens, groups, words: words, run: self).filter {
            !$0.weak && $0.place.scope != .country
        }
        guard let hit = hits.first, let eff = listIntro?.from ?? published else { return }
        let target = Target(place: hit.place, text: hit.text, coreference: false, position: hit.start)
        _ = emit(
            target: target, group: lift && groups.isEmpty ? nil : groups.first, verb: lift ? .lift : listVerb,
            effective: eff, until: listIntro?.until, evidence: listSentence + " " + text, confidence: 0.8)
        lastTargets = [target]
        lastEffective = eff
    }

    // MARK: emitting

    mutating func emit(
        target: Target, group: LevelGroup?, verb: VerbClass, effective: CivilDate, until: CivilDate?,
        evidence: String, confidence: Double
    ) -> Bool {
        let place = target.place
        let scheme = Schemes.scheme(country: place.country, on: effective)
        var level = Level.normal
        var schemeLevel: String?
        var kind: TransitionKind
        switch verb {
        case .lift: kind = .lifted
        case .raise: kind = .raised
        case .lower: kind = .lowered
        case .extend: kind = .extended
        default: kind = .declared
        }
        if let group {
            guard let (l, name) = group.resolve(in: scheme) else { return false }
            level = l.display
            schemeLevel = name
            if verb == .lift { kind = .lowered }
        }
        var untilTS: Timestamp?
        if let until, until > effective {
            untilTS = Timestamp(year: until.year, month: until.month, day: until.day)
        }
        let key = EmittedKey(place: place.id, level: level, day: effective)
        guard !seen.contains(key) else { return true }
        seen.insert(key)
        let t = Transition(
            city: place.name, placeID: place.id, placeText: Sanitizer.clean(target.text),
            country: place.country,
            scope: place.scope, level: level, scheme: scheme.id, schemeLevel: schemeLevel, kind: kind,
            effective: Timestamp(year: effective.year, month: effective.month, day: effective.day),
            until: untilTS,
            reported: published.map { Timestamp(year: $0.year, month: $0.month, day: $0.day) },
            source: source,
            evidence: Self.trimmingBlanks(Sanitizer.clean(evidence)), confidence: confidence,
            ordinal: transitions.count)
        transitions.append(t)
        return true
    }

    /// `s.trimmingCharacters(in: .whitespaces)` (general category Zs and tab) without Foundation's bridging,
    /// which cost as much as the rest of emitting.
    static func trimmingBlanks(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return s }
        func blank(_ c: Unicode.Scalar) -> Bool {
            c.value == 0x09 || c.value == 0x20
                || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
        }
        let scalars = s.unicodeScalars
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi, blank(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, blank(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        if lo == scalars.startIndex && hi == scalars.endIndex { return s }
        return String(scalars[lo..<hi])
    }

    /// One bullet of a level list ("• Almaty" under "Red level (critical):").
    mutating func listItem(_ s: Substring, level: LevelGroup) {
        var text = String(s)
        while let f = text.first, !f.isLetter && !f.isNumber { text.removeFirst() }
        while let l = text.last, !l.isLetter { text.removeLast() }
        guard !text.isEmpty else { return }
        let place =
            gazetteer.mentions(in: text, countryContext: docCountry).first?.candidates.first
            ?? gazetteer.best(text, countryContext: docCountry)
        guard let place else {
            diagnostics.append("\(source): place not found: \(Sanitizer.clean(text))")
            return
        }
        guard let eff = listIntro?.from ?? published else { return }
        _ = emit(
            target: Target(place: place, text: text, coreference: false), group: level, verb: listVerb,
            effective: eff,
            until: listIntro?.until, evidence: listSentence + " " + text, confidence: 0.8)
        lastTargets = [Target(place: place, text: text, coreference: false)]
        lastEffective = eff
    }

    /// "ALMATY -- Kazakh authorities…": the dateline city opening the body is not a place of the story.
    static func droppingCapsDateline(_ s: Substring) -> Substring {
        let toks = Tokenizer.tokens(String(s))
        var k = 0
        while k < toks.count, toks[k].kind == .word, toks[k].text == toks[k].text.uppercased(), toks[k].text.count > 1 {
            k += 1
        }
        guard k > 0, k < toks.count, DatelineFinder.dashes.contains(toks[k].text) else { return s }
        var j = k
        while j < toks.count, DatelineFinder.dashes.contains(toks[j].text) { j += 1 }
        guard j < toks.count else { return s }
        let str = String(s)
        let offset = str.utf8.distance(from: str.startIndex, to: toks[j].range.lowerBound)
        return s[s.utf8.index(s.startIndex, offsetBy: offset)...]
    }

    static func titleCase(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).map { w in
            w == w.uppercased() ? w.prefix(1) + w.dropFirst().lowercased() : Substring(w)
        }.joined(separator: " ")
    }
}

/// Cheap byte-level search for any of a few lower-case stems (ASCII case-folded; Cyrillic first letter either case).
struct ByteTriggers: Sendable {
    /// Every variant's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Variants as ranges of `bytes`, grouped by their first byte.
    private var variants: [Range<Int>] = []
    /// The variants starting with byte `b` are `variants[groups[b]..<groups[b + 1]]`.
    private var groups: [Int] = Array(repeating: 0, count: 257)
    /// One bit per three-byte start of a variant, each byte taken by its low five bits (so ASCII
    /// case does not matter): a position whose three bytes have no bit is no match.
    private var trigrams = [UInt64](repeating: 0, count: 512)
    /// A variant shorter than three bytes: every position is then compared.
    private var hasShort = false

    init(_ stems: [String]) {
        var byFirst: [[[UInt8]]] = Array(repeating: [], count: 256)
        for s in stems {
            var all = [Array(s.utf8)]
            let cap = s.prefix(1).uppercased() + s.dropFirst()
            if cap != s { all.append(Array(cap.utf8)) }
            for v in all where !v.isEmpty {
                byFirst[Int(v[0])].append(v)
                if v.count < 3 {
                    hasShort = true
                } else {
                    let t = Self.trigram(v[0], v[1], v[2])
                    trigrams[t >> 6] |= 1 << UInt64(t & 63)
                }
            }
        }
        for b in 0..<256 {
            groups[b] = variants.count
            for v in byFirst[b] {
                variants.append(bytes.count..<(bytes.count + v.count))
                bytes += v
            }
        }
        groups[256] = variants.count
    }

    @inline(__always)
    private static func trigram(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int(a & 0x1F) << 10 | Int(b & 0x1F) << 5 | Int(c & 0x1F)
    }

    func occurs(in s: Substring) -> Bool {
        var found = false
        s.utf8.withContiguousStorageIfAvailable { buf in found = scan(buf) }
            ?? {
                let a = Array(s.utf8)
                found = a.withUnsafeBufferPointer { scan($0) }
            }()
        return found
    }

    private func scan(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            variants.withUnsafeBufferPointer { variants in
                groups.withUnsafeBufferPointer { groups in
                    trigrams.withUnsafeBufferPointer { trigrams in
                        let n = buf.count
                        // a match at i: byte i ASCII folded is its variant's first, later bytes folded equal the rest
                        func matchAt(_ i: Int) -> Bool {
                            var b = buf[i]
                            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                            var g = groups[Int(b)]
                            let gEnd = groups[Int(b) + 1]
                            while g < gEnd {
                                let c = variants[g]
                                g += 1
                                if i + c.count > n { continue }
                                var k = 1
                                while k < c.count {
                                    var x = buf[i + k]
                                    if x >= 0x41 && x <= 0x5A { x |= 0x20 }
                                    if x != bytes[c.lowerBound + k] { break }
                                    k += 1
                                }
                                if k == c.count { return true }
                            }
                            return false
                        }
                        if hasShort {
                            for i in 0..<n where matchAt(i) { return true }
                            return false
                        }
                        // the trigram ending at j, rolled forward one byte at a time
                        var t = 0
                        var j = 0
                        while j < n {
                            t = (t << 5 | Int(buf[j] & 0x1F)) & 0x7FFF
                            if j >= 2, trigrams[t >> 6] & (1 << UInt64(t & 63)) != 0, matchAt(j - 2) {
                                return true
                            }
                            j += 1
                        }
                        return false
                    }
                }
            }
        }
    }
}
