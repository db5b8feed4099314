import AlertCore
import Foundation
import Testing

@testable import AlertUI

struct ThemeTests {
    static let bundled = ["default", "light", "high-contrast", "colorblind", "mono"]
    let loader = ThemeLoader(bundledDirectory: Fixture.themesDirectory, configHome: nil, noColor: false)

    @Test(arguments: bundled)
    func bundledThemeLoadsCleanly(_ name: String) throws {
        let (theme, message) = loader.load(name)
        #expect(message == nil)
        #expect(theme.name == name)
        let text = try String(contentsOfFile: Fixture.themesDirectory + "/\(name).json", encoding: .utf8)
        #expect(text.contains("\"$schema\": \"theme.schema.json\""))
        for l in AlertCore.Level.allCases { #expect(TextWidth.of(theme.look(l).glyph) == 1) }
    }

    @Test func defaultFileMatchesTheCompiledInDefault() {
        #expect(loader.load("default").theme == Theme.builtInDefault)
        #expect(loader.load("mono").theme.colors == .mono)
    }

    @Test func listsBundledNames() {
        #expect(Set(loader.availableNames()) == Set(Self.bundled))
        #expect(loader.availableNames().first == "default")
    }

    func loadText(_ json: String) throws -> (Theme, String?) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alertmon-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("alertmon/themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try json.write(to: dir.appendingPathComponent("alertmon/themes/mine.json"), atomically: true, encoding: .utf8)
        let l = ThemeLoader(bundledDirectory: Fixture.themesDirectory, configHome: dir.path, noColor: false)
        return l.load("mine")
    }

    @Test func userThemeDecodesOverDefaults() throws {
        let (t, msg) = try loadText(
            #"{"name":"mine","roles":{"level.red":{"fg16":"bright-magenta","mono":["underline"]}}}"#)
        #expect(msg == nil)
        #expect(t.style(.levelRed).fg16 == .index(13))
        #expect(t.style(.levelRed).mono == [.underline])
        #expect(t.style(.title) == Theme.builtInDefault.style(.title))
    }

    @Test(arguments: [
        (#"{"name": "x", "roles": {"#, "not valid JSON"),
        (#"{"nmae": "x"}"#, "unknown key \"nmae\""),
        (#"{"roles": {"level.purple": {}}}"#, "unknown role \"level.purple\""),
        (#"{"roles": {"title": {"fg8": 12}}}"#, "roles.title.fg8"),
        (#"{"roles": {"title": {"bold": true}}}"#, "unknown key \"bold\""),
        (#"{"levels": {"red": {"glyph": "⚠️"}}}"#, "levels.red.glyph"),
        (#"{"colors": 88}"#, "\"colors\""),
    ])
    func brokenThemeFallsBackWithAMessage(_ json: String, _ expected: String) throws {
        let (t, msg) = try loadText(json)
        #expect(t == Theme.builtInDefault)
        #expect(msg?.contains(expected) == true, "\(msg ?? "nil")")
        #expect(msg?.contains("\n") == false)
    }

    @Test func missingThemeFallsBackWithAMessage() {
        let (t, msg) = loader.load("no-such-theme")
        #expect(t == Theme.builtInDefault && msg?.contains("not found") == true)
        let (t2, msg2) = loader.load("/nonexistent/dir/theme.json")
        #expect(t2 == Theme.builtInDefault && msg2 != nil)
        let none = ThemeLoader(bundledDirectory: nil, configHome: nil, noColor: false).load(nil)
        #expect(none.theme == Theme.builtInDefault && none.message == nil)
    }

    @Test func noColorSelectsMono() {
        let l = ThemeLoader(bundledDirectory: Fixture.themesDirectory, configHome: nil, noColor: true)
        let t = l.load("colorblind").theme
        #expect(t.colors == .mono)
        #expect(t.depth(terminalColors: 256) == .mono)
        #expect(t.resolve(.levelRed, depth: .mono) == ResolvedStyle(fg: -1, bg: -1, attrs: [.bold, .reverse]))
    }

    @Test func depthFollowsThemeAndTerminal() {
        let d = Theme.builtInDefault
        #expect(d.depth(terminalColors: 256) == .c16)
        #expect(d.depth(terminalColors: 8) == .c8)
        #expect(d.depth(terminalColors: 0) == .mono)
        let light = loader.load("light").theme
        #expect(light.depth(terminalColors: 256) == .c256)
        #expect(light.resolve(.levelOrange, depth: .c256).fg == 166)
    }

    @Test func everyLevelHasDistinctGlyphsInEveryTheme() {
        for name in Self.bundled {
            let t = loader.load(name).theme
            #expect(Set(AlertCore.Level.allCases.map { t.look($0).glyph }).count == 4, "\(name)")
        }
    }
}
