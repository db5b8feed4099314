import AlertUI
import CNcurses
import Testing

@testable import Terminal

@Suite struct StyleTableTests {
    @Test func eightColourTerminalsGetBasicColoursForLevels() {
        let t = StyleTable(
            theme: .builtInDefault, colors: 8, colorPairs: 64, defaultColors: true, noColor: false)
        #expect(t.depth == .c8)
        let red = t.pairs[Role.levelRed.index]
        #expect(red.number == t.pair(.levelRed))
        #expect(red.fg == 1 && red.bg == -1)
        #expect(t.pairs.allSatisfy { $0.fg < 8 && $0.bg < 8 })
        #expect(Set(t.pairs.map(\.number)).count == Role.allCases.count)
        #expect(!t.pairs.contains { $0.number == 0 })
    }

    @Test func sixteenColourTerminalsKeepBrightColours() {
        let t = StyleTable(
            theme: .builtInDefault, colors: 256, colorPairs: 256, defaultColors: true, noColor: false)
        #expect(t.depth == .c16)
        #expect(t.pairs[Role.levelRed.index].fg == 9)
    }

    @Test func noColorAndMonoThemesUseAttributesOnly() {
        for t in [
            StyleTable(
                theme: .builtInDefault, colors: 256, colorPairs: 256, defaultColors: true, noColor: true),
            StyleTable(
                theme: .builtInMono, colors: 256, colorPairs: 256, defaultColors: true, noColor: false),
            StyleTable(
                theme: .builtInDefault, colors: 0, colorPairs: 0, defaultColors: false, noColor: false),
        ] {
            #expect(t.depth == .mono)
            #expect(t.pairs.isEmpty)
            #expect(t.pair(.levelRed) == 0)
            #expect(t.attributes(.levelRed) == Theme.builtInDefault.style(.levelRed).mono)
            #expect(t.attributes(.selection).contains(.reverse))
        }
    }

    @Test func colourIndicesAreGuardedByTheTerminal() {
        #expect(StyleTable.guarded(9, colors: 8, defaultColors: true, fallback: 7) == 1)
        #expect(StyleTable.guarded(200, colors: 16, defaultColors: true, fallback: 7) == -1)
        #expect(StyleTable.guarded(200, colors: 16, defaultColors: false, fallback: 7) == 7)
        #expect(StyleTable.guarded(-1, colors: 8, defaultColors: false, fallback: 0) == 0)
        #expect(StyleTable.guarded(4, colors: 8, defaultColors: true, fallback: 7) == 4)
    }

    @Test func cursesAttributesMapEachFlag() {
        #expect(CursesScreen.cursesAttributes([]) == 0)
        #expect(CursesScreen.cursesAttributes([.bold, .reverse]) == CN_A_BOLD | CN_A_REVERSE)
        #expect(CursesScreen.cursesAttributes([.dim, .underline]) == CN_A_DIM | CN_A_UNDERLINE)
    }
}
