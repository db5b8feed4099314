import AlertCore
import AlertUI

/// The monitor's model over 34 000 places (the gazetteer's size), laid out at 200×60.
///
/// Places come from the event fixture; when it has fewer (the quick run's 100 k events cover
/// 3 000), numbered places make up the rest, one declaration each.
final class RenderFixture: @unchecked Sendable {
    static let size = Size(width: 200, height: 60)
    static let places = 34_000

    var model: Model
    var buffer = CellBuffer(size: RenderFixture.size)
    private var clock: Int64

    init() {
        var ts = fixture.transitions
        var seen = Set(ts.map(\.placeKey))
        let levels: [Level] = [.yellow, .orange, .red]
        var i = 0
        while seen.count < Self.places {
            let t = Transition(
                city: "Place \(i)", country: "KZ", level: levels[i % 3], kind: .declared,
                effective: Timestamp(seconds: fixture.first + Int64(i) * 60), source: "bench/\(i % 97).txt")
            seen.insert(t.placeKey)
            ts.append(t)
            i += 1
        }
        clock = fixture.last
        model = Model(machine: StateMachine(ts), now: Timestamp(seconds: clock), size: Self.size)
        render(model, size: Self.size, theme: .builtInDefault, into: &buffer)
    }

    /// One steady-state frame: the clock moves a second (as the live tick does), then the frame is drawn.
    func tickAndRender() {
        clock += 1
        _ = Model.update(&model, .tick(Timestamp(seconds: clock)))
    }

    func frame() {
        render(model, size: Self.size, theme: .builtInDefault, into: &buffer)
    }
}

/// Built on first use, inside the render benchmark's setup.
let renderFixture = RenderFixture()
