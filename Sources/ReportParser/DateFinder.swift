import AlertCore

/// A date the text names, before it is anchored to the publication day.
enum DateValue: Sendable, Hashable {
    /// A calendar day; `year` is nil when the text left it out.
    case day(year: Int?, month: Int, day: Int)
    /// A month alone ("in June 2016"): vague.
    case month(year: Int?, month: Int)
    /// "on Friday": 0 = Sunday.
    case weekday(Int)
    /// "yesterday" = -1, "today" = 0.
    case relative(Int)
}

/// A date expression found among a sentence's tokens.
struct DateMention: Sendable, Hashable {
    /// `since`: the start of a standing state ("in force since 5 January"), background to a change.
    enum Role: Sendable, Hashable { case point, from, until, since }
    var start: Int
    var end: Int
    var value: DateValue
    var role: Role
    /// Sits next to an attack, arrest or meeting word ("attacks on July 18"): not the day of a level.
    var eventLinked: Bool
}

/// "for 14 days", "сроком на 15 суток", "for six months".
struct DurationMention: Sendable, Hashable {
    var start: Int
    var end: Int
    var count: Int
    /// "d", "w", "m" or "y".
    var unit: String
}

/// Finds dates and durations in folded tokens; pure and linear in the number of tokens.
struct DateFinder: Sendable {
    let vocab: Vocabulary

    static let skippable: Set<String> = [
        "on", "at", "in", "the", "of", ",", "midnight", "noon", "полуночи", "полудня", "в", "во",
        "часов", "ч", "a.m", "p.m", "am", "pm",
        "hours", "hrs", ".", "local", "time", "утра", "вечера", "ночи", "года", "г", "ce", "cette", "le",
        "den", "am", "dem",
    ]

    /// Dates in plain folded words (tests and callers without a sentence at hand).
    func dates(in words: [String], tokens: [Token]) -> [DateMention] {
        dates(in: vocab.index.words(words), tokens: tokens)
    }

    func dates(in words: Words, tokens: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < words.count {
            if let (len, value) = dateAt(words, tokens, i) {
                out.append(
                    DateMention(
                        start: i, end: i + len, value: value,
                        role: background(before: i, words) ?? role(before: i, words),
                        eventLinked: eventLinked(i, i + len, words)))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }

    /// Durations in plain folded words.
    func durations(in words: [String], tokens: [Token]) -> [DurationMention] {
        durations(in: vocab.index.words(words), tokens: tokens)
    }

    func durations(in words: Words, tokens: [Token]) -> [DurationMention] {
        var out: [DurationMention] = []
        for m in vocab.durationIntro.all(in: words) {
            var j = m.start + m.length
            guard j < words.count, let n = number(words[j], tokens[j]) else { continue }
            j += 1
            guard j < words.count, let unit = vocab.durationUnits.match(words, at: j) else { continue }
            out.append(
                DurationMention(start: m.start, end: j + unit.length, count: n, unit: unit.payload))
        }
        return out
    }

    func number(_ w: String, _ t: Token) -> Int? {
        if t.kind == .number { return Int(w) }
        return vocab.numbers[w]
    }

    private func dateAt(_ w: Words, _ t: [Token], _ i: Int) -> (Int, DateValue)? {
        let tok = t[i]
        if tok.kind == .number, let v = numericDate(tok.text) { return (1, v) }
        // Month D[,] [YYYY]
        if tok.kind == .word, let m = vocab.months.match(w, at: i) {
            var j = i + m.length
            if j < w.count, w[j] == "." { j += 1 }
            if j < w.count, t[j].kind == .number, let d = Int(w[j]), (1...31).contains(d) {
                var k = j + 1
                if k < w.count, w[k] == "," { k += 1 }
                if k < w.count, t[k].kind == .number, w[k].count == 4, let y = Int(w[k]) {
                    return (k + 1 - i, .day(year: y, month: m.payload, day: d))
                }
                return (j + 1 - i, .day(year: nil, month: m.payload, day: d))
            }
            if j < w.count, t[j].kind == .number, w[j].count == 4, let y = Int(w[j]) {
                return (j + 1 - i, .month(year: y, month: m.payload))
            }
            // "in June" alone: vague, only after "in"/"в"/"early"/"late"
            if i > 0,
                ["in", "в", "early", "late", "mid", "начале", "конце", "середине"].contains(w[i - 1]),
                isMonthWordStrong(tok)
            {
                return (m.length, .month(year: nil, month: m.payload))
            }
            return nil
        }
        // "2022 жылғы 4 ақпан": a year before the day, as Kazakh writes it
        if tok.kind == .number, w[i].count == 4, let y = Int(w[i]), i + 2 < w.count,
            Self.yearWords.contains(w[i + 1]), t[i + 2].kind == .number,
            let (len, v) = dateAt(w, t, i + 2), case .day(.none, let month, let day) = v
        {
            return (len + 2, .day(year: y, month: month, day: day))
        }
        // D Month [YYYY]; German writes "31. Januar"
        let dot = i + 1 < w.count && w[i + 1] == "." && t[i + 1].spaced == false ? 1 : 0
        if tok.kind == .number, let d = Int(w[i]), (1...31).contains(d), i + 1 + dot < w.count,
            let m = vocab.months.match(w, at: i + 1 + dot)
        {
            let j = i + 1 + dot + m.length
            if j < w.count, t[j].kind == .number, w[j].count == 4, let y = Int(w[j]) {
                return (j + 1 - i, .day(year: y, month: m.payload, day: d))
            }
            return (j - i, .day(year: nil, month: m.payload, day: d))
        }
        if tok.kind == .word {
            if let r = vocab.relativeDays.match(w, at: i) { return (r.length, .relative(r.payload)) }
            if let d = vocab.weekdays.match(w, at: i) { return (d.length, .weekday(d.payload)) }
        }
        return nil
    }

    /// Words between a year and the day it qualifies ("2022 жылғы 4 ақпан").
    static let yearWords: Set<String> = ["жылғы", "жылы", "ж"]

    /// "May" is also a verb: a month word standing alone must be capitalised and not "may".
    private func isMonthWordStrong(_ t: Token) -> Bool {
        t.folded != "may" && t.folded != "march" || t.capitalized
    }

    /// "05.01.2022", "2016-06-14", "2021/06/04".
    func numericDate(_ s: String) -> DateValue? {
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" })
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 {
            guard (1...12).contains(b), b > 0, c >= 1, c <= CivilDate.daysIn(month: b, year: a) else {
                return nil
            }
            return .day(year: a, month: b, day: c)
        }
        if parts[2].count == 4, s.contains(".") {
            guard (1...12).contains(b), a >= 1, a <= CivilDate.daysIn(month: b, year: c) else {
                return nil
            }
            return .day(year: c, month: b, day: a)
        }
        return nil
    }

    /// "in force since 5 January", "действовавший со 2 сентября": the start of a standing state.
    private func background(before i: Int, _ w: Words) -> DateMention.Role? {
        for k in max(0, i - 4)..<i {
            if let m = vocab.untilMarkers.match(w, at: k), k + m.length == i { return nil }
        }
        for k in max(0, i - 4)..<i where !(k..<i).contains(where: { w[$0] == "," }) {
            if let m = vocab.sinceMarkers.match(w, at: k), k + m.length <= i { return .since }
            if let m = vocab.verbs.match(w, at: k), m.payload == .standing { return .since }
        }
        return nil
    }

    private func role(before i: Int, _ w: Words) -> DateMention.Role {
        var j = i - 1
        var skipped = 0
        while j >= 0, skipped < 5 {
            for k in 0..<3 where j - k >= 0 {
                if let m = vocab.fromMarkers.match(w, at: j - k), m.length == k + 1 { return .from }
                if let m = vocab.untilMarkers.match(w, at: j - k), m.length == k + 1 { return .until }
            }
            if Self.skippable.contains(w[j]) || w[j].contains(":") {
                j -= 1
                skipped += 1
                continue
            }
            break
        }
        return .point
    }

    private func eventLinked(_ s: Int, _ e: Int, _ w: Words) -> Bool {
        func event(_ j: Int) -> Bool {
            guard vocab.mereMention.matches(w, at: j) else { return false }
            // "urgence attentat" names a level, not an attack
            for k in max(0, j - 3)...j {
                if let m = vocab.levelNames.match(w, at: k), k + m.length > j { return false }
            }
            return true
        }
        for j in max(0, s - 4)..<s where event(j) { return true }
        for j in e..<min(w.count, e + 2) where event(j) { return true }
        return false
    }

    /// The civil day a mention names, anchored to the publication day; nil when it cannot be known.
    static func resolve(
        _ v: DateValue, published: CivilDate?, forward: Bool = false, fallbackYear: Int? = nil
    ) -> CivilDate? {
        switch v {
        case .day(let year, let month, let day):
            if let year {
                guard day <= CivilDate.daysIn(month: month, year: year) else { return nil }
                return CivilDate(year: year, month: month, day: day)
            }
            guard let y0 = published?.year ?? fallbackYear else { return nil }
            var y = y0
            if let p = published {
                let cand = CivilDate(
                    year: y, month: month, day: min(day, CivilDate.daysIn(month: month, year: y)))
                let delta = cand.dayNumber - p.dayNumber
                if delta > 200 { y -= 1 } else if delta < -200 { y += 1 }
            }
            guard day <= CivilDate.daysIn(month: month, year: y) else { return nil }
            return CivilDate(year: y, month: month, day: day)
        case .month(let year, let month):
            guard let y = year ?? published?.year ?? fallbackYear else { return nil }
            return CivilDate(year: y, month: month, day: 1)
        case .weekday(let wd):
            guard let p = published else { return nil }
            var diff = (p.weekday - wd + 7) % 7
            if forward { diff = -((wd - p.weekday + 7) % 7) }
            return CivilDate(day: p.dayNumber - Int64(diff))
        case .relative(let off):
            guard let p = published else { return nil }
            return CivilDate(day: p.dayNumber + Int64(off))
        }
    }

    /// The day `count` units after `from`.
    static func add(_ count: Int, _ unit: String, to from: CivilDate) -> CivilDate {
        switch unit {
        case "w": return CivilDate(day: from.dayNumber + Int64(7 * count))
        case "m", "y":
            let months = unit == "m" ? count : 12 * count
            let total = from.year * 12 + (from.month - 1) + months
            let y = total / 12
            let m = total % 12 + 1
            return CivilDate(year: y, month: m, day: min(from.day, CivilDate.daysIn(month: m, year: y)))
        default: return CivilDate(day: from.dayNumber + Int64(count))
        }
    }
}
