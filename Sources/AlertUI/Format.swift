import AlertCore

/// Time text for the screen, in the model's zone; no locale is consulted.
enum Format {
    static func local(_ t: Timestamp, _ offset: Int32) -> (
        date: CivilDate, hour: Int, minute: Int, second: Int
    ) {
        let l = t.seconds + (t.precision == .day ? 0 : Int64(offset))
        let day = l >= 0 ? l / 86_400 : (l - 86_399) / 86_400
        let sod = Int(l - day * 86_400)
        return (CivilDate(day: day), sod / 3600, sod / 60 % 60, sod % 60)
    }

    /// "2016-07-18 14:30:05"
    static func clock(_ t: Timestamp, _ offset: Int32) -> String {
        let c = clockParts(t, offset)
        return c.date + " " + c.time
    }

    /// "2016-07-18" and "14:30:05", the halves of `clock`: each short enough to be built without allocating.
    static func clockParts(_ t: Timestamp, _ offset: Int32) -> (date: String, time: String) {
        let l = local(Timestamp(seconds: t.seconds), offset)
        return (l.date.iso, pad2(l.hour) + ":" + pad2(l.minute) + ":" + pad2(l.second))
    }

    /// "14:30"
    static func hhmm(_ t: Timestamp, _ offset: Int32) -> String {
        let l = local(Timestamp(seconds: t.seconds), offset)
        return pad2(l.hour) + ":" + pad2(l.minute)
    }

    /// "07-18 14:30", or "07-18" for a date-only value.
    static func short(_ t: Timestamp, _ offset: Int32) -> String {
        let l = local(t, offset)
        let d = pad2(l.date.month) + "-" + pad2(l.date.day)
        return t.precision == .day ? d : d + " " + pad2(l.hour) + ":" + pad2(l.minute)
    }

    /// "2016-07-18 14:30", or "2016-07-18" for a date-only value.
    static func long(_ t: Timestamp, _ offset: Int32) -> String {
        let l = local(t, offset)
        return t.precision == .day ? l.date.iso : l.date.iso + " " + pad2(l.hour) + ":" + pad2(l.minute)
    }

    /// A compact duration: "now", "12m", "5h 12m", "3d 4h", "41d".
    static func span(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "now" }
        let m = s / 60
        if m < 60 { return "\(m)m" }
        let h = m / 60
        if h < 24 { return m % 60 == 0 ? "\(h)h" : "\(h)h \(m % 60)m" }
        let d = h / 24
        if d < 10 { return h % 24 == 0 ? "\(d)d" : "\(d)d \(h % 24)h" }
        return "\(d)d"
    }

    /// A duration in at most six columns for the board: "12m", "5h 12m", "15h", "2d 4h", "41d".
    static func compact(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        let h = s / 3600
        if h >= 10 && h < 24 { return "\(h)h" }
        return span(s)
    }

    /// "3d 4h ago" style age of `t` at `now`.
    static func age(_ t: Timestamp, now: Timestamp) -> String { span(now.seconds - t.seconds) }

    /// "in 6d" style time left until `t`.
    static func left(_ t: Timestamp, now: Timestamp) -> String {
        t.seconds <= now.seconds ? "due" : "in " + span(t.seconds - now.seconds)
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

/// Greedy word wrap by display width; words wider than the line are cut by grapheme.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let clean = Sanitizer.clean(text)
        var out: [String] = []
        var line = ""
        var lw = 0
        for word in clean.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = TextWidth.of(w)
            if lw > 0 && lw + 1 + ww <= width {
                line += " " + w
                lw += 1 + ww
                continue
            }
            if lw > 0 {
                out.append(line)
                line = ""
                lw = 0
            }
            while ww > width {
                let head = String(TextWidth.prefix(w, width: width))
                if head.isEmpty { break }
                out.append(head)
                w = String(w.dropFirst(head.count))
                ww = TextWidth.of(w)
            }
            line = w
            lw = ww
        }
        if lw > 0 || out.isEmpty { out.append(line) }
        return out
    }
}
