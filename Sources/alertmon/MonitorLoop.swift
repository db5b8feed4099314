import AlertCore
import AlertUI
import Foundation
import Terminal

/// The monitor's run loop: input → `Msg` → `update` → effects → `render` → blit, at most ten
/// frames a second, and a tick once a second. Everything outside the model comes in through `Hooks`.
struct MonitorLoop {
    /// The loop's links to the world outside the model.
    struct Hooks {
        /// The clock: wall time for a live monitor, nil when time stands still (`--at`).
        var now: () -> Timestamp?
        /// Reads every transition again (the `reload` key).
        var reload: () throws -> StateMachine
        /// Transitions stored since the last call (another process importing), checked once a second.
        var poll: () throws -> [Transition]
        /// Loads a theme by name or path; the message says why a fallback was used.
        var loadTheme: (String) -> (theme: Theme, message: String?)
    }

    /// How the loop ended.
    enum Exit: Equatable {
        case quit
        case signal(Int32)

        /// The process exit status: 0, or 128 + signal.
        var status: Int32 {
            switch self {
            case .quit: 0
            case .signal(let s): 128 + s
            }
        }
    }

    private(set) var model: Model
    private(set) var theme: Theme
    private let screen: CursesScreen
    private let hooks: Hooks
    private var presenter = FramePresenter()
    private var frame = CellBuffer(size: Size(width: 0, height: 0))
    private var quitting = false
    private var dirty = true

    static let frameInterval: Duration = .milliseconds(100)
    /// The longest wait for input, so a signal is noticed promptly even if ncurses retries its read.
    static let longestWait: Int32 = 250

    init(model: Model, theme: Theme, screen: CursesScreen, hooks: Hooks) {
        self.model = model
        self.theme = theme
        self.screen = screen
        self.hooks = hooks
    }

    mutating func run() -> Exit {
        let clock = ContinuousClock()
        var lastFrame = clock.now - Self.frameInterval
        var lastSecond: Int64 = .min
        send(.resize(screen.size))
        while true {
            if let s = SignalWatch.take() { return .signal(s) }
            let wall = Date().timeIntervalSince1970
            let second = Int64(wall.rounded(.down))
            if second != lastSecond {
                lastSecond = second
                everySecond()
            }
            if quitting { return .quit }
            let sinceFrame = clock.now - lastFrame
            if dirty && sinceFrame >= Self.frameInterval {
                draw()
                lastFrame = clock.now
            }
            var wait = Int32((1 - (wall - wall.rounded(.down))) * 1000) + 1
            if dirty { wait = min(wait, Self.milliseconds(Self.frameInterval - sinceFrame)) }
            if let event = screen.read(timeoutMilliseconds: min(wait, Self.longestWait)) {
                handle(event)
                // Drain whatever else is queued, so a burst of keys costs one frame.
                while !quitting, let more = screen.read(timeoutMilliseconds: 0) { handle(more) }
            }
            if quitting { return .quit }
        }
    }

    private mutating func everySecond() {
        if let t = hooks.now() { send(.tick(t)) }
        if let fresh = try? hooks.poll(), !fresh.isEmpty { send(.transitions(fresh)) }
    }

    private mutating func draw() {
        render(model, size: screen.size, theme: theme, into: &frame)
        presenter.present(frame, on: screen)
        dirty = false
    }

    private mutating func handle(_ event: InputEvent) {
        switch event {
        case .key(let k): send(.key(k))
        case .mouse(let m): send(.mouse(m))
        case .resize(let s): send(.resize(s))
        }
    }

    /// Applies a message and performs the effects it asks for (which may send more messages).
    mutating func send(_ msg: Msg) {
        dirty = true
        for effect in Model.update(&model, msg) { perform(effect) }
    }

    private mutating func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            quitting = true
        case .bell:
            screen.bell()
        case .redraw:
            presenter.invalidate()
        case .reloadData:
            do {
                send(.loaded(try hooks.reload()))
            } catch {
                send(.status("reload failed: \(error)"))
            }
        case .switchTheme(let name):
            let (t, message) = hooks.loadTheme(name)
            theme = t
            screen.apply(theme: t)
            presenter.invalidate()
            if let i = model.themeNames.firstIndex(of: name) { send(.themeSwitched(index: i)) }
            send(.status(message ?? ""))
        }
    }

    static func milliseconds(_ d: Duration) -> Int32 {
        let c = d.components
        return Int32(max(0, c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000))
    }
}
