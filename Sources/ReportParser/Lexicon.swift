import Foundation
import Gazetteer

/// One language's words for reading threat-level reports, as stored in `Lexicons/<lang>.json`.
///
/// Every list holds phrases: space-separated tokens, a trailing `*` on a token matches any ending
/// ("введ*" matches "введён", "введении"). All fields are optional so a new language can start small.
public struct Lexicon: Codable, Sendable {
    public var language: String
    public var months: [String: Int]?
    public var weekdays: [String: Int]?
    public var relativeDays: [String: Int]?
    public var later: [String]?
    public var numbers: [String: Int]?
    public var durationUnits: [String: String]?
    public var durationIntro: [String]?
    public var fromMarkers: [String]?
    public var untilMarkers: [String]?
    public var toMarkers: [String]?
    public var levelFromMarkers: [String]?
    public var verbs: [String: [String]]?
    public var negation: [String]?
    public var threatCues: [String]?
    public var terrorCues: [String]?
    public var negativeCues: [String]?
    public var levelWords: [String]?
    public var levelNames: [String: String]?
    public var weakLevelNames: [String]?
    public var superlatives: [String: String]?
    public var clauseBreaks: [String]?
    public var relativePronouns: [String]?
    public var attribution: [String]?
    public var mereMention: [String]?
    public var cityRefs: [String]?
    public var capitalRefs: [String]?
    public var countryRefs: [String]?
    public var blockers: [String]?
    public var pronounRefs: [String]?
    public var future: [String]?
    public var subordinateBreaks: [String]?
    /// Words that name a threat outright ("threat", "угроза"): enough, without "terror", to read a level phrase.
    public var threatWords: [String]?
    /// Country adjectives ("British" → GB): a hint for the country of a national level, never a place.
    public var demonyms: [String: String]?
    /// Country names the gazetteer may not know or may read as a town ("Nederland", "Sverige") → ISO code.
    public var countryNames: [String: String]?
    /// Words that make a clause hypothetical ("if", "если"): a level there is not set.
    public var hypothetical: [String]?
    /// Verbs of a scheduled end ("expires"): with a future day they give an end date, not a change.
    public var expiry: [String]?
    /// Words that open a standing state's start ("since", "depuis"): that day is background.
    public var sinceMarkers: [String]?
    /// Phrases naming the day of an event told earlier ("on the day of the attacks").
    public var eventDay: [String]?
    /// "The decision took effect": a follow-up giving the day of the change told just before.
    public var tookEffect: [String]?

    /// Decodes a lexicon file.
    public static func decode(_ data: Data) throws -> Lexicon {
        try JSONDecoder().decode(Lexicon.self, from: data)
    }

    /// The lexicons bundled with the parser, one per language file.
    public static func bundled() -> [Lexicon] {
        guard let dir = Bundle.module.url(forResource: "Lexicons", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(
                at: dir, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "json" }.sorted {
            $0.lastPathComponent < $1.lastPathComponent
        }
        .compactMap { url in (try? Data(contentsOf: url)).flatMap { try? decode($0) } }
    }
}

/// What a transition verb says happened.
enum VerbClass: String, Sendable {
    case set, raise, lower, lift, extend, standing
}

/// A level name as the text wrote it: the canonical name to look up in a scheme, and whether it needs support.
struct LevelWord: Sendable, Hashable {
    var canonical: String
    /// Common words ("high", "critical") that count only next to "level", in quotes, or after "to"/"from".
    var weak: Bool
}

/// All bundled lexicons merged into matchers; texts mix languages ("lowered to « urgence attentat »").
struct Vocabulary: Sendable {
    let months: PhraseMatcher<Int>
    let weekdays: PhraseMatcher<Int>
    let relativeDays: PhraseMatcher<Int>
    let later: PhraseMatcher<Int>
    let numbers: [String: Int]
    /// Rules most words out of `numbers` without hashing them.
    private let numberFilter: WordFilter
    let durationUnits: PhraseMatcher<String>
    let durationIntro: PhraseMatcher<Int>
    let fromMarkers: PhraseMatcher<Int>
    let untilMarkers: PhraseMatcher<Int>
    let toMarkers: PhraseMatcher<Int>
    let levelFromMarkers: PhraseMatcher<Int>
    let verbs: PhraseMatcher<VerbClass>
    let negation: PhraseMatcher<Int>
    let threatCues: PhraseMatcher<Int>
    let terrorCues: PhraseMatcher<Int>
    let negativeCues: PhraseMatcher<Int>
    let levelWords: PhraseMatcher<Int>
    let levelNames: PhraseMatcher<LevelWord>
    let superlatives: PhraseMatcher<String>
    let clauseBreaks: PhraseMatcher<Int>
    let relativePronouns: PhraseMatcher<Int>
    let attribution: PhraseMatcher<Int>
    let mereMention: PhraseMatcher<Int>
    let cityRefs: PhraseMatcher<Int>
    let capitalRefs: PhraseMatcher<Int>
    let countryRefs: PhraseMatcher<Int>
    let blockers: PhraseMatcher<Int>
    let pronounRefs: PhraseMatcher<Int>
    let future: PhraseMatcher<Int>
    let demonyms: PhraseMatcher<String>
    let countryNames: PhraseMatcher<String>
    let hypothetical: PhraseMatcher<Int>
    let expiry: PhraseMatcher<Int>
    let sinceMarkers: PhraseMatcher<Int>
    let eventDay: PhraseMatcher<Int>
    let tookEffect: PhraseMatcher<Int>
    /// One-word references ("it", "он") that may open a follow-up sentence.
    let pronounSingles: [String]
    let subordinateBreaks: PhraseMatcher<Int>
    /// Stems whose presence makes a sentence worth analysing (the cheap prefilter).
    let triggers: [String]
    /// Stems that make a report about terrorism at all.
    let terrorStems: [String]
    /// Stems of `threatWords`.
    let threatStems: [String]
    /// The words of every matcher's phrases, numbered.
    let index: WordIndex

    init(_ lexicons: [Lexicon]) {
        var index = WordIndex()
        func list(_ k: KeyPath<Lexicon, [String]?>) -> PhraseMatcher<Int> {
            PhraseMatcher(lexicons.flatMap { ($0[keyPath: k] ?? []).map { ($0, 0) } }, index: &index)
        }
        func map<V: Sendable>(_ k: KeyPath<Lexicon, [String: V]?>) -> PhraseMatcher<V> {
            PhraseMatcher(lexicons.flatMap { ($0[keyPath: k] ?? [:]).map { ($0.key, $0.value) } }, index: &index)
        }
        months = map(\.months)
        weekdays = map(\.weekdays)
        relativeDays = map(\.relativeDays)
        later = list(\.later)
        var nums: [String: Int] = [:]
        for l in lexicons { for (k, v) in l.numbers ?? [:] { nums[Fold.token(k)] = v } }
        numbers = nums
        numberFilter = WordFilter(nums.keys)
        durationUnits = map(\.durationUnits)
        durationIntro = list(\.durationIntro)
        fromMarkers = list(\.fromMarkers)
        untilMarkers = list(\.untilMarkers)
        toMarkers = list(\.toMarkers)
        levelFromMarkers = list(\.levelFromMarkers)
        var verbPairs: [(String, VerbClass)] = []
        for l in lexicons {
            for (k, phrases) in l.verbs ?? [:] {
                guard let c = VerbClass(rawValue: k) else { continue }
                verbPairs += phrases.map { ($0, c) }
            }
        }
        verbs = PhraseMatcher(verbPairs, index: &index)
        negation = list(\.negation)
        threatCues = list(\.threatCues)
        terrorCues = list(\.terrorCues)
        negativeCues = list(\.negativeCues)
        levelWords = list(\.levelWords)
        var names: [(String, LevelWord)] = []
        for l in lexicons {
            let weak = Set((l.weakLevelNames ?? []).map(Fold.phrase))
            for (k, v) in l.levelNames ?? [:] {
                names.append((k, LevelWord(canonical: v, weak: weak.contains(Fold.phrase(k)))))
            }
        }
        levelNames = PhraseMatcher(names, index: &index)
        superlatives = map(\.superlatives)
        clauseBreaks = list(\.clauseBreaks)
        relativePronouns = list(\.relativePronouns)
        attribution = list(\.attribution)
        mereMention = list(\.mereMention)
        cityRefs = list(\.cityRefs)
        capitalRefs = list(\.capitalRefs)
        countryRefs = list(\.countryRefs)
        blockers = list(\.blockers)
        pronounRefs = list(\.pronounRefs)
        future = list(\.future)
        demonyms = map(\.demonyms)
        countryNames = map(\.countryNames)
        hypothetical = list(\.hypothetical)
        expiry = list(\.expiry)
        sinceMarkers = list(\.sinceMarkers)
        eventDay = list(\.eventDay)
        tookEffect = list(\.tookEffect)
        pronounSingles = lexicons.flatMap { $0.pronounRefs ?? [] }.map(Fold.phrase).filter { !$0.contains(" ") }
        subordinateBreaks = list(\.subordinateBreaks)
        var t = Set<String>()
        for l in lexicons {
            for p in (l.threatCues ?? []) {
                let first = Fold.phrase(p).split(separator: " ").first.map(String.init) ?? ""
                let stem = first.hasSuffix("*") ? String(first.dropLast()) : first
                if stem.count >= 3 { t.insert(stem) }
            }
        }
        triggers = t.sorted()
        var ts = Set<String>()
        for l in lexicons {
            for p in (l.terrorCues ?? []) {
                let first = Fold.phrase(p).split(separator: " ").first.map(String.init) ?? ""
                let stem = first.hasSuffix("*") ? String(first.dropLast()) : first
                if stem.count >= 3 { ts.insert(stem) }
            }
        }
        terrorStems = ts.sorted()
        var ws = Set<String>()
        for l in lexicons {
            for p in (l.threatWords ?? []) {
                let first = Fold.phrase(p).split(separator: " ").first.map(String.init) ?? ""
                let stem = first.hasSuffix("*") ? String(first.dropLast()) : first
                if stem.count >= 3 { ws.insert(stem) }
            }
        }
        threatStems = ws.sorted()
        self.index = index
    }

    /// False when `word` cannot be a key of `numbers`.
    @inline(__always)
    func mayBeNumber(_ word: String) -> Bool { numberFilter.mayContain(word) }

    /// The vocabulary of every bundled lexicon.
    static let bundled = Vocabulary(Lexicon.bundled())
}
