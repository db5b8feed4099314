import AlertUI
import Testing

@testable import Terminal

/// Time for a loop under test: it moves only when the scripted screen waits.
final class FakeClock {
    var seconds: Double = 1_700_000_000
}

/// A `FakeTerminal` that also plays a script of input, advancing a fake clock while it "waits".
final class ScriptedScreen: MonitorScreen {
    enum Step {
        /// Input that is already queued.
        case event(InputEvent)
        /// The user types nothing for this long.
        case idle(milliseconds: Int)
        /// The terminal changes size (ncurses reports KEY_RESIZE with the new size).
        case resize(width: Int, height: Int)
        /// A termination signal arrives.
        case signal(Int32)
    }

    let term: FakeTerminal
    let clock: FakeClock
    private var script: [Step]
    private(set) var bells = 0
    private(set) var appliedThemes: [String] = []
    private(set) var reads = 0
    /// The longest timeout the loop asked for (after its first frame).
    private(set) var longestWait: Int32 = 0
    var pendingSignal: Int32?

    init(width: Int, height: Int, clock: FakeClock, script: [Step]) {
        term = FakeTerminal(width: width, height: height)
        self.clock = clock
        self.script = script
    }

    var size: Size { term.size }
    func draw(_ run: CellRun) { term.draw(run) }
    func clear() { term.clear() }
    func setCursor(_ at: Point?) { term.setCursor(at) }
    func flush() { term.flush() }
    func bell() { bells += 1 }
    func apply(theme: Theme) { appliedThemes.append(theme.name) }

    func append(_ step: Step) { script.append(step) }

    func read(timeoutMilliseconds timeout: Int32) -> InputEvent? {
        reads += 1
        if reads > 1 { longestWait = max(longestWait, timeout) }
        if reads > 100_000 {
            Issue.record("the loop never ended")
            return .key(.char("q"))
        }
        guard let step = script.first else {
            clock.seconds += Double(timeout) / 1000
            return nil
        }
        switch step {
        case .event(let e):
            script.removeFirst()
            return e
        case .resize(let w, let h):
            script.removeFirst()
            term.resize(width: w, height: h)
            return .resize(term.size)
        case .signal(let s):
            script.removeFirst()
            pendingSignal = s
            return nil
        case .idle(let ms):
            guard timeout > 0 else { return nil }
            let slept = min(ms, Int(timeout))
            clock.seconds += Double(slept) / 1000
            if ms - slept > 0 { script[0] = .idle(milliseconds: ms - slept) } else { script.removeFirst() }
            return nil
        }
    }
}
