import Testing

@testable import AlertUI

/// No size crashes, every frame has exactly its size, and wide cells are always whole.
struct SizeTests {
    static func check(_ m: Model, _ size: Size) {
        let b = render(m, size: size, theme: .builtInDefault)
        #expect(b.cells.count == size.width * size.height)
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let c = b[x, y]!
                #expect(c.width != 0, "orphan continuation at \(x),\(y) in \(size)")
                if c.width == 2 {
                    #expect(x + 1 < size.width && b[x + 1, y]!.width == 0)
                }
                x += max(1, Int(c.width))
            }
        }
        if let p = b.cursor { #expect(p.x >= 0 && p.y >= 0 && p.x < size.width && p.y < size.height) }
    }

    @Test func everySizeUpTo200x60() {
        var base = Fixture.model()
        _ = Fixture.keys(&base, [.char("j"), .char("j")])
        var details = base
        _ = Fixture.keys(&details, [.enter])
        var help = base
        _ = Fixture.keys(&help, [.char("?")])
        for h in 1...60 {
            for w in 1...200 {
                let size = Size(width: w, height: h)
                Self.check(base, size)
                if w % 13 == 0 && h % 7 == 0 {
                    Self.check(details, size)
                    Self.check(help, size)
                }
            }
        }
    }

    @Test(arguments: [(500, 200), (499, 1), (1, 200), (0, 0), (333, 77)])
    func largeAndDegenerateSizes(_ w: Int, _ h: Int) {
        var m = Fixture.model()
        _ = Model.update(&m, .resize(Size(width: w, height: h)))
        Self.check(m, Size(width: w, height: h))
    }
}
