import AlertCore
import AlertUI
import Foundation

/// The monitor's run loop: input → `Msg` → `update` → effects → `render` → blit, at most ten
/// frames a second, a tick once a second, the inbox every turn and, while a replay plays, its
/// elapsed time about ten times a second. Everything outside the model comes in through `Hooks`.
public struct MonitorLoop<Screen: MonitorScreen> {
    /// The loop's links to the world outside the model.
    public struct Hooks {
        /// The model's clock: wall time for a live monitor, nil when time stands still (`--at`).
        public var now: () -> Timestamp?
        /// Reads every transition again (the `reload` key).
        public var reload: () throws -> StateMachine
        /// Transitions stored since the last call (another process importing), checked once a second.
        public var poll: () throws -> [Transition]
        /// Loads a theme by name or path; the message says why a fallback was used.
        public var loadTheme: (String) -> (theme: Theme, message: String?)
        /// A termination signal received since the last call.
        public var pendingSignal: () -> Int32? = { SignalWatch.take() }
        /// Seconds since the epoch, to tick on the second.
        public var wallSeconds: () -> Double = { Date().timeIntervalSince1970 }
        /// A monotonic reading in seconds, for the frame cap and the replay's elapsed time.
        public var monotonicSeconds: () -> Double = { ProcessInfo.processInfo.systemUptime }
        /// Messages from outside (a follower's new transitions, its status, notes), taken on every
        /// loop turn; once set, the loop waits at most `inboxWait` ms for input so they show promptly.
        public var inbox: () -> [Msg] = { [] } {
            didSet { polled = true }
        }
        /// Whether `inbox` was set (the loop then wakes often to take its messages).
        public private(set) var polled = false

        public init(
            now: @escaping () -> Timestamp?, reload: @escaping () throws -> StateMachine,
            poll: @escaping () throws -> [Transition],
            loadTheme: @escaping (String) -> (theme: Theme, message: String?)
        ) {
            self.now = now
            self.reload = reload
            self.poll = poll
            self.loadTheme = loadTheme
        }
    }

    /// How the loop ended.
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)

        /// The process exit status: 0, or 128 + signal.
        public var status: Int32 {
            switch self {
            case .quit: 0
            case .signal(let s): 128 + s
            }
        }
    }

    /// The model as the last message left it.
    public private(set) var model: Model
    /// The theme in use.
    public private(set) var theme: Theme
    private let screen: Screen
    private let hooks: Hooks
    private var presenter = FramePresenter()
    private var frame = CellBuffer(size: Size(width: 0, height: 0))
    private var quitting = false
    private var dirty = true

    /// Seconds between frames at most: ten frames a second.
    public static var frameInterval: Double { 0.1 }
    /// The longest wait for input, so a signal is noticed promptly even if ncurses retries its read.
    public static var longestWait: Int32 { 250 }
    /// The longest wait for input while an inbox is polled.
    public static var inboxWait: Int32 { 50 }

    public init(model: Model, theme: Theme, screen: Screen, hooks: Hooks) {
        self.model = model
        self.theme = theme
        self.screen = screen
        self.hooks = hooks
    }

    /// Runs until `q` (an effect `.quit`) or a termination signal.
    public mutating func run() -> Exit {
        var lastFrame = -Double.infinity
        var lastSecond = Int64.min
        // The replay clock runs on real elapsed time, measured here and handed to the model.
        var lastPlay: Double?
        send(.resize(screen.size))
        while true {
            if let s = hooks.pendingSignal() { return .signal(s) }
            let wall = hooks.wallSeconds()
            let second = Int64(wall.rounded(.down))
            if second != lastSecond {
                lastSecond = second
                everySecond()
            }
            for msg in hooks.inbox() { send(msg) }
            if model.isPlaying {
                let t = hooks.monotonicSeconds()
                if let last = lastPlay {
                    if t - last >= Self.frameInterval {
                        send(.elapsed(t - last))
                        lastPlay = t
                    }
                } else {
                    lastPlay = t
                }
            } else {
                lastPlay = nil
            }
            if quitting { return .quit }
            let sinceFrame = hooks.monotonicSeconds() - lastFrame
            if dirty && sinceFrame >= Self.frameInterval {
                draw()
                lastFrame = hooks.monotonicSeconds()
            }
            var wait = Int32((1 - (wall - wall.rounded(.down))) * 1000) + 1
            if dirty { wait = min(wait, Int32(max(0, (Self.frameInterval - sinceFrame) * 1000).rounded(.up))) }
            if model.isPlaying { wait = min(wait, Int32(Self.frameInterval * 1000)) }
            if hooks.polled { wait = min(wait, Self.inboxWait) }
            if let event = screen.read(timeoutMilliseconds: min(wait, Self.longestWait)) {
                handle(event)
                // Drain whatever else is queued, so a burst of keys costs one frame.
                while !quitting, let more = screen.read(timeoutMilliseconds: 0) { handle(more) }
            }
            if quitting { return .quit }
        }
    }

    /// Applies a message and performs the effects it asks for (which may send more messages).
    public mutating func send(_ msg: Msg) {
        dirty = true
        for effect in Model.update(&model, msg) { perform(effect) }
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
}
