import AlertCore
import Gazetteer

/// A gazetteer mention mapped onto token positions.
struct PlaceHit: Sendable {
    var start: Int
    var end: Int
    var place: Place
    var text: String
    /// Only a hint of the country ("the Centre" may be a common noun): never a target.
    var weak: Bool = false
}

/// Reads one sentence: clauses, verbs, level phrases, places and dates, and emits transitions into the run.
struct SentenceAnalyzer: Sendable {
    let vocab: Vocabulary
    let dates: DateFinder
    let clauses: ClauseSplitter
    let levels: LevelPhraseFinder
    static let targetPrepositions: Set<String> = [
        "in", "for", "across", "throughout", "over", "в", "во", "на", "по", "для", "of", "pour", "voor",
        "fur", "i",
    ]

    init(vocab: Vocabulary, dates: DateFinder) {
        self.vocab = vocab
        self.dates = dates
        self.clauses = ClauseSplitter(vocab: vocab)
        self.levels = LevelPhraseFinder(vocab: vocab)
    }

    /// One verb and the clause tokens it governs.
    struct Event {
        var verb: VerbClass
        var verbIndex: Int
        var indices: [Int]
        var subordinate: Bool
        /// A cause phrase inside the event ("после нападений на …"): places there are not targets.
        var excluded: Range<Int>? = nil
    }

    func analyze(_ text: String, colon: Bool, run: inout ReportRun) {
        let tokens = Tokenizer.tokens(text)
        let words = vocab.words(tokens)
        guard !words.isEmpty else { return }
        if vocab.negativeCues.occurs(in: words) { return }
        let groups = levels.groups(words, tokens)
        let dateMentions = dates.dates(in: words, tokens: tokens)
        let durations = dates.durations(in: words, tokens: tokens)
        // a list header: "Red level (critical):" or the sentence that introduces the list
        if colon {
            let from = dateMentions.first { $0.role == .from }.flatMap {
                DateFinder.resolve($0.value, published: run.published)
            }
            let until = dateMentions.first { $0.role == .until }.flatMap {
                DateFinder.resolve($0.value, published: run.published)
            }
            if let g = groups.first, groups.count == 1, words.count <= 8 {
                run.listLevel = g
                return
            }
            if vocab.threatCues.occurs(in: words) {
                run.listIntro = (from, until)
                run.listSentence = text
                run.listLevel = nil
                let verbs = vocab.verbs.all(in: words)
                run.listVerb = verbs.first { $0.payload != .standing }?.payload ?? .set
                if groups.isEmpty { return }
            }
        }
        // "The commission said the decision took effect on December 17": the day of the change just told
        if groups.isEmpty, !run.lastDefaulted.isEmpty, vocab.tookEffect.occurs(in: words),
            let m = dateMentions.first(where: { $0.role == .point || $0.role == .from }),
            let d = DateFinder.resolve(m.value, published: run.published), let p = run.published, d <= p
        {
            for i in run.lastDefaulted where i < run.transitions.count {
                run.transitions[i].effective = Timestamp(year: d.year, month: d.month, day: d.day)
            }
            run.lastDefaulted = []
            run.lastEffective = d
            return
        }
        guard !groups.isEmpty || vocab.verbs.all(in: words).contains(where: { $0.payload == .lift })
        else { return }
        let events = self.events(words)
        // the gazetteer is the costly part: only ask it when some clause changes a level
        guard events.contains(where: { $0.verb != .standing }) else { return }
        let hits = placeHits(text, tokens, groups, words: words, run: run)
        var sentenceTargets: [Target] = []
        for ev in events {
            let set = Set(ev.indices)
            if negated(ev, words) || hypothetical(ev, words) { continue }
            let evGroups = groups.filter { set.contains($0.start) }
            var target: LevelGroup?
            switch ev.verb {
            case .standing: continue
            case .lift:
                target = evGroups.last { $0.marker == .to && $0.start > ev.verbIndex }
                guard liftsALevel(ev, words, groups: evGroups) else { continue }
            case .raise, .lower:
                target =
                    evGroups.last { $0.marker == .to }
                    ?? evGroups.first { $0.start > ev.verbIndex && $0.marker != .from }
                if target == nil { continue }
            case .set, .extend:
                target = evGroups.last { $0.marker == .to } ?? evGroups.first { $0.marker != .from }
                if target == nil { continue }
            }
            if vocab.standingNear(words, ev) { continue }
            // places
            var targets = placesFor(ev, set, words, tokens, hits, groups: evGroups, run: run)
            // "Pour Bruxelles, … portée au niveau 4, avant d'être ramenée au niveau 3": still Brussels
            if targets.count == 1, targets[0].coreference, targets[0].place.scope == .country,
                !sentenceTargets.isEmpty,
                sentenceTargets.allSatisfy({
                    $0.place.scope != .country && $0.place.country == targets[0].place.country
                })
            {
                targets = sentenceTargets
            }
            if targets.isEmpty, !sentenceTargets.isEmpty,
                !vocab.blockers.occurs(in: words, range: range(ev))
            {
                targets = sentenceTargets
            }
            if targets.isEmpty {
                targets = fallbackTargets(ev, words, run: run)
            }
            if targets.isEmpty {
                noteUnresolved(ev, set, tokens, words, hits, run: &run)
                continue
            }
            // dates
            guard
                let (effective, dateConfidence) = effectiveDate(
                    ev, set, words, dateMentions, events: events, run: run)
            else {
                run.diagnostics.append(
                    "\(run.source): no date for a level change: \(Sanitizer.clean(String(text.prefix(120))))")
                continue
            }
            // "the bulletin expires on June 7": a scheduled end gives the end date, not a change
            if ev.verb == .lift, let p = run.published, effective > p,
                vocab.expiry.occurs(in: words, range: max(0, ev.verbIndex - 3)..<(ev.verbIndex + 1))
            {
                continue
            }
            var until: CivilDate?
            if let u = dateMentions.first(where: { $0.role == .until && set.contains($0.start) })
                ?? dateMentions.first(where: { $0.role == .until })
            {
                until = DateFinder.resolve(u.value, published: run.published, forward: true)
            } else if let d = durations.first(where: { set.contains($0.start) }) ?? durations.first {
                until = DateFinder.add(d.count, d.unit, to: effective)
            }
            // "red in Taraz, orange in Shymkent": several levels for several places, each its nearest
            let named = evGroups.filter { $0.marker != .from }
            let perPlace =
                targets.count > 1 && ev.verb != .lift
                && distinctLevels(named, country: targets[0].place.country, on: effective) > 1
            var emitted: [Target] = []
            let first = run.transitions.count
            for t in targets {
                let conf = min(dateConfidence, t.coreference ? 0.75 : 0.95)
                let group = perPlace ? t.position.flatMap { groupFor($0, named, words) } ?? target : target
                if run.emit(
                    target: t, group: group, verb: ev.verb, effective: effective,
                    until: until, evidence: text, confidence: conf)
                {
                    emitted.append(t)
                }
            }
            if !emitted.isEmpty {
                run.lastDefaulted =
                    !dateMentions.contains(where: { set.contains($0.start) }) && effective == run.published
                    ? Array(first..<run.transitions.count) : []
                run.lastTargets = emitted
                run.lastEffective = effective
                sentenceTargets = emitted
                if let c = emitted.first(where: { $0.place.scope == .city }) { run.lastCity = c.place }
            }
        }
    }

    /// How many different levels of one scheme the groups name.
    private func distinctLevels(_ groups: [LevelGroup], country: String, on day: CivilDate) -> Int {
        let scheme = Schemes.scheme(country: country, on: day)
        return Set(groups.compactMap { $0.resolve(in: scheme)?.0.rank }).count
    }

    /// The level group that belongs to the place at `pos`: the nearest before it within its comma
    /// segment, else the first after it there, else the nearest before it.
    private func groupFor(_ pos: Int, _ groups: [LevelGroup], _ words: Words) -> LevelGroup? {
        var lo = pos
        while lo > 0, words[lo - 1] != ",", words[lo - 1] != ";" { lo -= 1 }
        var hi = pos
        while hi < words.count, words[hi] != ",", words[hi] != ";" { hi += 1 }
        return groups.last { $0.start >= lo && $0.start < pos }
            ?? groups.first { $0.start > pos && $0.start < hi }
            ?? groups.last { $0.start < pos }
    }

    /// "If a yellow level is introduced…": a condition, not a decision.
    private func hypothetical(_ ev: Event, _ words: Words) -> Bool {
        let lo = ev.indices.first ?? 0
        return lo < ev.verbIndex && vocab.hypothetical.occurs(in: words, range: lo..<ev.verbIndex)
    }

    /// "the yellow level … was lifted", "cancelled the alert": a level word right by the verb, no comma between.
    private func liftsALevel(_ ev: Event, _ words: Words, groups: [LevelGroup]) -> Bool {
        let v = ev.verbIndex
        // "Красный уровень …, действовавший …, отменен": the level opens the clause as its subject
        if var f = ev.indices.first, f < v {
            if words[f] == "the" { f += 1 }
            if f < v, vocab.levelWords.matches(words, at: f) || groups.contains(where: { $0.start == f }) {
                return true
            }
        }
        var j = v - 1
        // "the level introduced in X on May 2 has been lifted": the event was cut at its own verb, so
        // look further back, past the participle, for the level that is the subject
        let extended = ev.indices.first == v
        let floor = extended ? max(0, v - 14) : max(ev.indices.first ?? 0, v - 9)
        var participle = false
        while j >= floor, words[j] != "," {
            let level =
                vocab.levelWords.matches(words, at: j) || vocab.threatCues.matches(words, at: j)
                || groups.contains(where: { $0.start == j })
            if level && (!extended || participle) { return true }
            if extended, let m = vocab.verbs.match(words, at: j), m.payload != .standing { participle = true }
            j -= 1
        }
        j = v + 1
        while j < min(words.count, v + 5), words[j] != "," {
            if vocab.levelWords.matches(words, at: j) || vocab.threatCues.matches(words, at: j)
                || groups.contains(where: { $0.start == j })
            {
                return true
            }
            j += 1
        }
        return false
    }

    private func range(_ ev: Event) -> Range<Int> {
        (ev.indices.first ?? 0)..<((ev.indices.last ?? 0) + 1)
    }

    // MARK: events

    /// Splits clauses further where a second transition verb starts after a comma or "and".
    func events(_ words: Words) -> [Event] {
        var out: [Event] = []
        var excludedBy: [Int: Range<Int>] = [:]
        let verbs = vocab.verbs.all(in: words)
        var split = clauses.split(words)
        var k = 1
        while k < split.count {
            let prev = split[k - 1]
            let cur = split[k]
            let hasVerb = { (c: Clause) in
                verbs.contains { v in c.indices.contains(v.start) && v.payload != .standing }
            }
            if cur.subordinate, !prev.subordinate, !prev.relative, !hasVerb(prev),
                let v = verbs.first(where: { cur.indices.contains($0.start) && $0.payload != .standing })
            {
                let b = cur.indices.first ?? 0
                let comma = cur.indices.first { $0 > b && $0 < v.start && words[$0] == "," } ?? v.start
                excludedBy[k - 1] = b..<comma
                split[k - 1] = Clause(
                    indices: prev.indices + cur.indices, subordinate: false, relative: false)
                split.remove(at: k)
                continue
            }
            k += 1
        }
        for (ci, clause) in split.enumerated() {
            let set = Set(clause.indices)
            var vs = verbs.filter { set.contains($0.start) }
            // adjacent verbs of one phrase ("объявил о введении") are one event
            vs = vs.enumerated().filter { k, v in
                k == 0
                    || !(v.start - (vs[k - 1].start + vs[k - 1].length) <= 2 && v.payload != .standing
                        && vs[k - 1].payload != .standing)
            }.map(\.1)
            let transitions = vs.filter { $0.payload != .standing }
            guard !transitions.isEmpty else {
                if let s = vs.first {
                    out.append(
                        Event(
                            verb: .standing, verbIndex: s.start, indices: clause.indices,
                            subordinate: clause.subordinate))
                }
                continue
            }
            var bounds: [Int] = [clause.indices.first!]
            for k in 1..<max(1, transitions.count) where transitions.count > 1 {
                let prevEnd = transitions[k - 1].start + transitions[k - 1].length
                let next = transitions[k].start
                var cut = next
                var j = next - 1
                while j >= prevEnd {
                    if words[j] == "," || words[j] == "and" || words[j] == "и" || words[j] == "then" {
                        cut = j
                        break
                    }
                    j -= 1
                }
                bounds.append(cut)
            }
            for (k, v) in transitions.enumerated() {
                let lo = bounds[k]
                let hi = k + 1 < bounds.count ? bounds[k + 1] : Int.max
                let idx = clause.indices.filter { $0 >= lo && $0 < hi }
                var verb = v.payload
                if clause.relative { verb = .standing }
                out.append(
                    Event(
                        verb: verb, verbIndex: v.start, indices: idx, subordinate: clause.subordinate,
                        excluded: excludedBy[ci]))
            }
        }
        // "The orange level introduced in Aktobe … has been lowered": a participle right after the
        // level noun describes the level a later verb changes
        var e = 0
        while e + 1 < out.count {
            let v = out[e].verbIndex
            if out[e].verb == .set, v > 0, vocab.levelWords.matches(words, at: v - 1),
                out[e + 1].verb != .standing, out[e + 1].verb != .set
            {
                out[e + 1].indices = out[e].indices + out[e + 1].indices
                out[e + 1].subordinate = out[e].subordinate
                out.remove(at: e)
                continue
            }
            e += 1
        }
        return out
    }

    private func negated(_ ev: Event, _ words: Words) -> Bool {
        let lo = max(ev.indices.first ?? 0, ev.verbIndex - 4)
        for j in lo..<ev.verbIndex where vocab.negation.matches(words, at: j) { return true }
        return false
    }

    // MARK: places

    static let regionHeads: Set<String> = [
        "oblast", "region", "province", "oblysy", "область", "области", "областью", "облысы",
    ]

    /// The name ends with a region word ("Kursk Region", "Курской области").
    static func namesARegion(_ name: String) -> Bool {
        guard let last = name.split(whereSeparator: { $0 == " " || $0 == "-" }).last else { return false }
        return regionHeads.contains(last.lowercased())
    }

    func placeHits(_ text: String, _ tokens: [Token], _ groups: [LevelGroup], words: Words, run: ReportRun)
        -> [PlaceHit]
    {
        let mentions = run.mentionCache.mentions(in: text, gazetteer: run.gazetteer, country: run.docCountry)
        var out: [PlaceHit] = []
        for m in mentions {
            guard var place = m.candidates.first else { continue }
            // "Воронежская область": a gazetteer city may carry its region's name as an alias
            if place.scope != .region, Self.namesARegion(m.text),
                let region = m.candidates.first(where: { $0.scope == .region })
            {
                place = region
            }
            guard let s = tokens.firstIndex(where: { $0.range.upperBound > m.range.lowerBound }) else {
                continue
            }
            var e = s
            while e < tokens.count, tokens[e].range.lowerBound < m.range.upperBound { e += 1 }
            if groups.contains(where: { $0.start < e && s < $0.end }) { continue }
            // "the Centre": a one-word name after "the" is a common noun unless it fits the report's country
            let properNoun = (s..<e).contains { tokens[$0].capitalized && tokens[$0].folded != "the" }
            if !properNoun { continue }
            // "Ровно год назад": a one-word foreign town opening the sentence is a capitalised common word
            let foreign =
                place.scope != .country && run.docCountry != nil && place.country != run.docCountry
            let weak = e - s == 1 && foreign && (s == 0 || tokens[s - 1].folded == "the")
            if (s..<e).contains(where: {
                vocab.months.matches(words, at: $0) || vocab.weekdays.matches(words, at: $0)
            }) {
                continue
            }
            out.append(PlaceHit(start: s, end: e, place: place, text: m.text, weak: weak))
        }
        // "Nederland", "Sverige": a country name the gazetteer lacks or takes for a town
        for m in vocab.countryNames.all(in: words) where tokens[m.start].capitalized {
            let e = m.start + m.length
            if out.contains(where: { $0.start <= m.start && $0.end >= e && $0.end - $0.start > m.length }) {
                continue
            }
            guard let cp = run.gazetteer.country(code: m.payload) else { continue }
            out.removeAll { $0.start < e && m.start < $0.end }
            let text = tokens[m.start..<e].map(\.text).joined(separator: " ")
            out.append(PlaceHit(start: m.start, end: e, place: cp, text: text))
        }
        out += sharedHeadRegions(tokens, existing: out, run: run)
        out += possessives(tokens, existing: out, run: run)
        return out.sorted { $0.start < $1.start }
    }

    /// "The United Kingdom's level": a capitalised name before a possessive the gazetteer's scan did not take.
    private func possessives(_ tokens: [Token], existing: [PlaceHit], run: ReportRun) -> [PlaceHit] {
        var out: [PlaceHit] = []
        for i in tokens.indices
        where i + 1 < tokens.count && Self.isApostrophe(tokens[i].text) && Self.isLetterS(tokens[i + 1].folded) {
            var j = i
            while j > 0, tokens[j - 1].kind == .word, tokens[j - 1].capitalized,
                tokens[j - 1].folded != "the"
            { j -= 1 }
            guard j < i, !existing.contains(where: { $0.start < i && j < $0.end }) else { continue }
            let text = tokens[j..<i].map(\.text).joined(separator: " ")
            if let p = run.gazetteer.best(text, countryContext: run.docCountry) {
                out.append(PlaceHit(start: j, end: i, place: p, text: text))
            }
        }
        return out
    }

    /// `s == "'" || s == "’"` by bytes: neither has another canonically equivalent spelling, and
    /// `String ==` on non-ASCII text takes the slow normalizing path for every token.
    private static func isApostrophe(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            (b.count == 1 && b[0] == 0x27) || (b.count == 3 && b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x99)
        }
    }

    /// `s == "s"` by bytes.
    private static func isLetterS(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in b.count == 1 && b[0] == 0x73 }
    }

    /// Words that make the next place the scope of a level.
    static let scopeWords: Set<String> = ["территории", "across", "throughout"]

    static let pluralHeads: [String: String] = [
        "областях": "области", "областей": "области", "области": "области", "regions": "Region",
        "oblasts": "Oblast",
        "provinces": "Province", "districts": "District",
    ]

    static let pluralHeadFilter = WordFilter(pluralHeads.keys)

    /// "в Алматинской и Жамбылской областях", "the Almaty and Zhambyl regions": each adjective with the shared head.
    private func sharedHeadRegions(_ tokens: [Token], existing: [PlaceHit], run: ReportRun)
        -> [PlaceHit]
    {
        var out: [PlaceHit] = []
        var i = 0
        while i < tokens.count {
            guard i >= 3, Self.pluralHeadFilter.mayContain(tokens[i].folded),
                let head = Self.pluralHeads[tokens[i].folded]
            else {
                i += 1
                continue
            }
            // walk back over "Adj1, Adj2 и Adj3"
            var j = i - 1
            var names: [Int] = []
            while j >= 0 {
                if tokens[j].kind == .word && tokens[j].capitalized {
                    names.append(j)
                } else if !(tokens[j].folded == "и" || tokens[j].folded == "and" || tokens[j].text == ",") {
                    break
                }
                j -= 1
            }
            if names.count >= 2 {
                for n in names
                where !existing.contains(where: { $0.start <= n && n < $0.end && $0.place.scope == .region }
                ) {
                    let name =
                        head.first!.isUppercase ? tokens[n].text + " " + head : tokens[n].text + " " + head
                    if let p = run.gazetteer.lookup(name, country: run.docCountry).first(where: {
                        $0.scope == .region
                    }) {
                        out.append(
                            PlaceHit(
                                start: n, end: n + 1, place: p, text: tokens[n].text + " … " + tokens[i].text))
                    }
                }
            }
            i += 1
        }
        return out
    }

    private func placesFor(
        _ ev: Event, _ set: Set<Int>, _ words: Words, _ tokens: [Token], _ hits: [PlaceHit],
        groups: [LevelGroup], run: ReportRun
    ) -> [Target] {
        let attributionCut = attributionRange(ev, words)
        var local: [PlaceHit] = []
        for h in hits where set.contains(h.start) && !h.weak {
            if let cut = attributionCut, cut.contains(h.start) { continue }
            if mereMention(h, words, tokens, groups) { continue }
            if let x = ev.excluded, x.contains(h.start) { continue }
            local.append(h)
        }
        let countries = local.filter { $0.place.scope == .country }
        let specific = local.filter { $0.place.scope != .country }
        let clauseCountry =
            countries.first?.place.country ?? specific.first?.place.country
            ?? hits.first(where: { $0.place.scope == .country })?.place.country
            ?? vocab.demonyms.all(in: words, range: range(ev)).first?.payload ?? hits.first?.place.country
            ?? run.docCountry
            ?? run.lastTargets.first?.place.country
        // national schemes: the country is the place, unless a region is named with its own level ("alert for Brussels")
        if let c = clauseCountry, !ReportRun.perPlaceSchemes.contains(Schemes.scheme(country: c).id) {
            let regional = specific.filter { h in
                // "for Brussels", "for the Brussels region"
                let p = h.start > 1 && words[h.start - 1] == "the" ? h.start - 2 : h.start - 1
                return h.place.country == c && p >= 0 && Self.targetPrepositions.contains(words[p])
                    && (h.start == 1
                        || (max(0, h.start - 4)..<h.start).contains {
                            vocab.levelWords.matches(words, at: $0) || vocab.threatCues.matches(words, at: $0)
                        })
            }
            let national = (ev.indices).contains {
                words[$0] == "national" || words[$0] == "nationwide" || words[$0] == "национальн"
            }
            if !regional.isEmpty && !national {
                return regional.map {
                    Target(place: $0.place, text: $0.text, coreference: false, position: $0.start)
                }
            }
            if let cp = run.gazetteer.country(code: c) {
                let text = countries.first?.text ?? cp.name
                return [Target(place: cp, text: text, coreference: countries.isEmpty)]
            }
            return []
        }
        if !specific.isEmpty {
            // "in the city of Aktau, Mangystau region": a region right after its city is the address
            let kept = specific.filter { h in
                h.place.scope != .region
                    || !specific.contains { c in
                        c.place.scope == .city && c.place.country == h.place.country
                            && (c.end == h.start || (c.end + 1 == h.start && words[c.end] == ","))
                    }
            }
            return dedupeRegions(kept, words).map {
                Target(place: $0.place, text: $0.text, coreference: false, position: $0.start)
            }
        }
        var out: [Target] = []
        let r = range(ev)
        for m in vocab.capitalRefs.all(in: words, range: r) where set.contains(m.start) {
            if let cut = attributionCut, cut.contains(m.start),
                !vocab.countryRefs.occurs(in: words, range: r)
            {
                continue
            }
            let c = clauseCountry ?? "KZ"
            if let name = Capitals.byCountry[c], let p = run.gazetteer.best(name, countryContext: c) {
                out.append(
                    Target(
                        place: p,
                        text: tokens[m.start..<(m.start + m.length)].map(\.text).joined(separator: " "),
                        coreference: true))
            }
            break
        }
        if out.isEmpty {
            for m in vocab.cityRefs.all(in: words, range: r) where set.contains(m.start) {
                if let p = run.lastCity ?? (run.datelinePlace?.scope == .city ? run.datelinePlace : nil) {
                    out.append(
                        Target(
                            place: p,
                            text: tokens[m.start..<(m.start + m.length)].map(\.text).joined(separator: " "),
                            coreference: true))
                }
                break
            }
        }
        if out.isEmpty, vocab.countryRefs.occurs(in: words, range: r) || !countries.isEmpty {
            if let c = clauseCountry, let p = run.gazetteer.country(code: c) {
                out.append(
                    Target(place: p, text: countries.first?.text ?? p.name, coreference: countries.isEmpty))
            }
        }
        return out
    }

    /// "Almaty" and "Almaty Region" both named: keep both; a country inside a list is dropped elsewhere.
    private func dedupeRegions(_ hits: [PlaceHit], _ words: Words) -> [PlaceHit] {
        var seen = Set<Int>()
        return hits.filter { seen.insert($0.place.id).inserted }
    }

    /// The tokens of a ", X said" tail or of an "X said" head: where the sources of a report are named.
    private func attributionRange(_ ev: Event, _ words: Words) -> Range<Int>? {
        let r = range(ev)
        guard let a = vocab.attribution.all(in: words, range: r).first else { return nil }
        var c = a.start - 1
        while c >= r.lowerBound, words[c] != "," { c -= 1 }
        if c > ev.verbIndex { return c..<r.upperBound }
        if a.start > ev.verbIndex { return a.start..<r.upperBound }
        return r.lowerBound..<(a.start + a.length)
    }

    /// An attack site, a place of detention or a meeting: named right after such a word, with no level phrase in between.
    private func mereMention(
        _ h: PlaceHit, _ words: Words, _ tokens: [Token], _ groups: [LevelGroup]
    ) -> Bool {
        // "на территории Туркестанской области", "across the region": a scope, whatever came before
        if h.start > 0, Self.scopeWords.contains(words[h.start - 1]) { return false }
        let lo = max(0, h.start - 4)
        for j in lo..<h.start where vocab.mereMention.matches(words, at: j) {
            if groups.contains(where: { $0.start > j && $0.start < h.start }) { return false }
            if (j..<h.start).contains(where: {
                vocab.verbs.matches(words, at: $0) && vocab.verbs.match(words, at: $0)?.payload != .standing
            }) {
                return false
            }
            return true
        }
        // "the Karaganda region's operational headquarters": the owner of something other than a level
        var k = h.end
        if k < words.count, ["region", "oblast", "province"].contains(words[k]) { k += 1 }
        if k + 1 < words.count, words[k] == "'" || words[k] == "’", words[k + 1] == "s" {
            let owned = (k + 2)..<min(words.count, k + 5)
            if !owned.contains(where: {
                vocab.levelWords.matches(words, at: $0) || vocab.threatCues.matches(words, at: $0)
            }) {
                return true
            }
        }
        // "the Aktobe attacks", "Brussels bombings"
        if h.end < words.count, vocab.mereMention.matches(words, at: h.end) { return true }
        if h.end + 1 < words.count, vocab.mereMention.matches(words, at: h.end + 1),
            tokens[h.end].capitalized
        {
            return true
        }
        return false
    }

    private func fallbackTargets(_ ev: Event, _ words: Words, run: ReportRun) -> [Target] {
        let r = range(ev)
        if vocab.blockers.occurs(in: words, range: r) { return [] }
        if !run.lastTargets.isEmpty {
            return run.lastTargets.map { Target(place: $0.place, text: $0.text, coreference: true) }
        }
        if let d = run.datelinePlace, d.scope == .city,
            ReportRun.perPlaceSchemes.contains(Schemes.scheme(country: d.country).id)
        {
            return [Target(place: d, text: d.name, coreference: true)]
        }
        return []
    }

    private func noteUnresolved(
        _ ev: Event, _ set: Set<Int>, _ tokens: [Token], _ words: Words, _ hits: [PlaceHit],
        run: inout ReportRun
    ) {
        for i in ev.indices
        where i > 0 && tokens[i].capitalized && tokens[i].kind == .word
            && Self.targetPrepositions.contains(words[i - 1])
        {
            if hits.contains(where: { $0.start <= i && i < $0.end }) { continue }
            var j = i
            while j + 1 < tokens.count, tokens[j + 1].capitalized, tokens[j + 1].kind == .word { j += 1 }
            let text = tokens[i...j].map(\.text).joined(separator: " ")
            run.diagnostics.append("\(run.source): place not found: \(Sanitizer.clean(text))")
            return
        }
    }

    // MARK: dates

    private func effectiveDate(
        _ ev: Event, _ set: Set<Int>, _ words: Words, _ ds: [DateMention], events: [Event],
        run: ReportRun
    ) -> (CivilDate, Double)? {
        let future = vocab.future.occurs(in: words, range: range(ev))
        func resolve(_ d: DateMention) -> CivilDate? {
            let r = DateFinder.resolve(
                d.value, published: run.published, forward: future, fallbackYear: run.lastEffective?.year)
            // "It was eased to orange on June 10" in a story about 2016: the year the story is told in
            if let r, case .day(.none, let m, let day) = d.value, d.role == .point, !future,
                let p = run.published, r > p, let y = run.storyYear, y < p.year,
                day <= CivilDate.daysIn(month: m, year: y)
            {
                return CivilDate(year: y, month: m, day: day)
            }
            return r
        }
        let own = ds.filter {
            set.contains($0.start) && !$0.eventLinked && !(ev.excluded?.contains($0.start) ?? false)
        }
        if let f = own.first(where: { $0.role == .from }), let d = resolve(f) { return (d, 0.9) }
        let points = own.filter { $0.role == .point }
        if let p = points.min(by: { abs($0.start - ev.verbIndex) < abs($1.start - ev.verbIndex) }),
            let d = resolve(p)
        {
            if case .month = p.value { return (d, 0.5) }
            return (d, 0.9)
        }
        if vocab.eventDay.occurs(in: words, range: range(ev)), let e = run.lastEventDay { return (e, 0.8) }
        if vocab.later.occurs(in: words, range: range(ev)), let l = run.lastEffective {
            return (l, 0.8)
        }
        if !ev.subordinate {
            // a relative or standing clause's day ("where it had been declared on May 2") is its own
            let mainSets = events.filter { !$0.subordinate && $0.verb != .standing }.map { Set($0.indices) }
            let others = ds.filter { d in
                d.role == .point && !d.eventLinked && mainSets.contains { $0.contains(d.start) }
            }
            if let p = others.first, let d = resolve(p) { return (d, 0.8) }
        }
        // "The rest of Belgium moved to level 3": a follow-up with no day of its own shares the last one
        if let l = run.lastEffective, let p = run.published, l < p,
            CivilDate.daysFromCivil(p.year, p.month, p.day) - CivilDate.daysFromCivil(l.year, l.month, l.day) <= 3
        {
            return (l, 0.7)
        }
        if let p = run.published { return (p, 0.8) }
        return nil
    }
}

extension Vocabulary {
    /// "has been at yellow since July", "remains at": a standing verb right next to the event's verb.
    func standingNear(_ words: Words, _ ev: SentenceAnalyzer.Event) -> Bool {
        let lo = max(ev.indices.first ?? 0, ev.verbIndex - 2)
        for j in lo..<ev.verbIndex {
            if let m = verbs.match(words, at: j), m.payload == .standing,
                ["remain", "remains", "remained", "still", "already", "stay", "stays", "stayed"].contains(
                    words[j]) || words[j].hasPrefix("сохран") || words[j].hasPrefix("оста")
            {
                return true
            }
        }
        return false
    }
}
