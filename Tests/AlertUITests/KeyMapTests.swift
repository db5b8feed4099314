import Testing

@testable import AlertUI

struct KeyMapTests {
    let map = KeyMap.standard

    @Test(arguments: Mode.allCases)
    func noKeyTwiceInAMode(_ mode: Mode) {
        var seen: Set<Key> = []
        for b in map.bindings(in: mode) {
            for k in b.keys {
                #expect(seen.insert(k).inserted, "\(k) bound twice in \(mode)")
            }
        }
    }

    @Test func everyBindingHasLabelHelpAndKeys() {
        for b in map.bindings {
            #expect(!b.keys.isEmpty && !b.label.isEmpty && !b.help.isEmpty && !b.modes.isEmpty, "\(b.action)")
        }
    }

    @Test func everyActionIsReachable() {
        let bound = Set(map.bindings.map(\.action))
        for a in Action.allCases { #expect(bound.contains(a), "\(a) has no key") }
    }

    @Test func everyModeCanQuit() {
        for mode in Mode.allCases where mode != .replay {
            #expect(map.bindings(in: mode).contains { $0.action == .quit }, "\(mode)")
        }
    }

    @Test func nothingNeedsAnFKeyOrCtrlAB() {
        for b in map.bindings {
            let plain = b.keys.contains { k in
                if case .function = k { return false }
                return k != .ctrl("a") && k != .ctrl("b")
            }
            #expect(plain, "\(b.action)")
        }
    }

    @Test func footerComesFromTheMapAndIsCut() {
        let all = map.footer(in: .live)
        let wide = FooterHints.layout(all, width: 200)
        #expect(!wide.cut && wide.hints.map(\.binding) == all)
        let narrow = FooterHints.layout(all, width: 40)
        #expect(narrow.cut && narrow.hints.count < all.count)
        #expect(narrow.hints.allSatisfy { $0.x + $0.width <= 38 })
        var m = Fixture.model(size: Size(width: 40, height: 10))
        _ = Model.update(&m, .resize(Size(width: 40, height: 10)))
        let row = render(m, size: Size(width: 40, height: 10), theme: .builtInDefault).textRows[9]
        #expect(row.contains("q quit") && row.contains("…"))
    }

    @Test func helpListsEveryBinding() {
        let lines = HelpOverlay.lines(map)
        for b in map.bindings where !b.modes.isDisjoint(with: HelpOverlay.sections) {
            #expect(lines.contains { $0.keys == b.helpKeys && $0.text == b.help }, "\(b.action)")
        }
    }
}
