import AlertCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One feed item as a report: its id, publication time and text (title, then body with markup removed).
public struct FeedItem: Sendable, Hashable {
    public var id: String
    public var published: Timestamp?
    public var text: String
}

/// Reads RSS 2.0 and Atom feeds with XMLParser.
public enum FeedReader {
    /// The items of a feed and any problems found.
    public static func read(_ data: Data) -> (items: [FeedItem], diagnostics: [String]) {
        let delegate = FeedDelegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        var diags: [String] = []
        let ok = parser.parse()
        if !ok || parser.parserError != nil || delegate.openItem {
            diags.append(
                "feed is not well-formed XML (line \(parser.lineNumber)); kept \(delegate.items.count) item(s) read before the error"
            )
        }
        return (delegate.items, diags)
    }

    /// RFC 822 dates of RSS ("Mon, 18 Jul 2016 09:30:00 +0600") and ISO dates of Atom.
    public static func date(_ s: String) -> Timestamp? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = Timestamp(iso: t) { return iso }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        for fmt in [
            "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z",
            "EEE, dd MMM yyyy HH:mm Z", "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy",
        ] {
            f.dateFormat = fmt
            if let d = f.date(from: t) {
                let secs = Int64(d.timeIntervalSince1970)
                let tz = TimeZone(identifier: "UTC")!
                _ = tz
                return Timestamp(seconds: secs, precision: .second, utcOffset: offset(t))
            }
        }
        return nil
    }

    private static func offset(_ s: String) -> Int32 {
        guard let last = s.split(separator: " ").last, last.count == 5, let sign = last.first,
            sign == "+" || sign == "-",
            let v = Int(last.dropFirst())
        else { return 0 }
        let secs = Int32((v / 100) * 3600 + (v % 100) * 60)
        return sign == "-" ? -secs : secs
    }

    /// Markup and entities removed, block elements turned into line breaks.
    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var out = ""
        var inTag = false
        var tag = ""
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                    if ["p", "br", "div", "li", "h1", "h2", "h3", "br/", "tr"].contains(where: {
                        name.hasPrefix($0)
                    }) {
                        out += "\n"
                    }
                } else {
                    tag.append(c)
                }
            } else if c == "<" {
                inTag = true
                tag = ""
            } else {
                out.append(c)
            }
        }
        for (e, r) in [
            ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
            ("&#39;", "'"), ("&mdash;", "—"), ("&ndash;", "–"),
        ] {
            out = out.replacingOccurrences(of: e, with: r)
        }
        return out
    }
}

private final class FeedDelegate: NSObject, XMLParserDelegate {
    var items: [FeedItem] = []
    private var inItem = false
    /// An item was opened and never closed: the feed was cut short.
    var openItem: Bool { inItem }
    private var fields: [String: String] = [:]
    private var text = ""
    private var link: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let n = name.lowercased()
        if n == "item" || n == "entry" {
            inItem = true
            fields = [:]
            link = nil
        } else if inItem && n == "link", let href = attributes["href"],
            link == nil || attributes["rel"] == "alternate"
        {
            link = href
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        let n = name.lowercased()
        guard inItem else { return }
        if n == "item" || n == "entry" {
            inItem = false
            let id = fields["guid"] ?? fields["id"] ?? link ?? fields["link"] ?? "item-\(items.count + 1)"
            let when =
                (fields["pubdate"] ?? fields["published"] ?? fields["updated"] ?? fields["dc:date"])
                .flatMap(FeedReader.date)
            let title = FeedReader.plain(fields["title"] ?? "")
            let body = FeedReader.plain(
                fields["content:encoded"] ?? fields["content"] ?? fields["description"] ?? fields["summary"]
                    ?? "")
            var t = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty, let last = t.last, !".!?".contains(last) { t += "" }
            items.append(
                FeedItem(
                    id: id.trimmingCharacters(in: .whitespacesAndNewlines), published: when,
                    text: t + "\n\n" + body))
        } else {
            let key = (qualifiedName ?? name).lowercased()
            if fields[key] == nil { fields[key] = text }
        }
        text = ""
    }
}
