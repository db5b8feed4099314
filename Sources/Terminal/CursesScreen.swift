import AlertUI
import CNcurses
import Glibc

/// The ncurses backend: owns the screen from `start` to `stop`, draws runs, reads input.
///
/// Call `Preflight.check` and `TerminalLocale.configure()` first; `start` installs the signal
/// and crash handlers before `newterm`, as ncurses only hooks signals still at their default.
public final class CursesScreen: TerminalBackend {
    /// Start-up choices.
    public struct Options: Sendable {
        public var mouse: Bool = true
        /// The `NO_COLOR` convention: attributes only.
        public var noColor: Bool = false
        /// Where fd 2 goes while curses runs; nil leaves stderr alone.
        public var stderrLog: String?

        public init(mouse: Bool = true, noColor: Bool = false, stderrLog: String? = nil) {
            self.mouse = mouse
            self.noColor = noColor
            self.stderrLog = stderrLog
        }
    }

    private let options: Options
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var styles: StyleTable
    private var capture: StderrCapture?
    private var defaultColors = false
    private var started = false
    private var wide: [wchar_t] = Array(repeating: 0, count: 16)

    /// The theme's depth on this terminal after start-up (mono without colours or with NO_COLOR).
    public var depth: ColorDepth { styles.depth }

    public init(options: Options) {
        self.options = options
        styles = StyleTable(
            theme: .builtInMono, colors: 0, colorPairs: 0, defaultColors: false, noColor: true)
    }

    /// Takes over the terminal: alternate screen, no echo, keypad, colours, mouse.
    public func start(theme: Theme) throws {
        SignalWatch.install()
        CrashRestore.install(input: 0, output: 1)
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r") else {
            throw PreflightFailure(reason: "cannot open the terminal streams")
        }
        guard let s = newterm(nil, out, input) else {
            throw PreflightFailure(reason: "ncurses could not start on this terminal")
        }
        screen = s
        set_term(s)
        window = cn_stdscr()
        started = true
        if let path = options.stderrLog { capture = StderrCapture(path: path) }
        cbreak()
        noecho()
        keypad(window, true)
        defineCursorKeysInBothModes()
        curs_set(0)
        set_escdelay(25)
        if has_colors() && !options.noColor {
            start_color()
            defaultColors = use_default_colors() == CN_OK
        }
        if options.mouse {
            mousemask(
                CN_BUTTON1_PRESSED | CN_BUTTON1_CLICKED | CN_BUTTON4_PRESSED | CN_BUTTON5_PRESSED, nil)
            mouseinterval(0)
        }
        CrashRestore.setRestoreSequence(restoreSequence())
        apply(theme: theme)
    }

    /// Allocates the theme's colour pairs; the caller repaints afterwards.
    public func apply(theme: Theme) {
        let colors = has_colors() && !options.noColor ? Int(cn_colors()) : 0
        styles = StyleTable(
            theme: theme, colors: colors, colorPairs: Int(cn_color_pairs()), defaultColors: defaultColors,
            noColor: options.noColor)
        for p in styles.pairs { init_pair(Int16(p.number), Int16(p.fg), Int16(p.bg)) }
    }

    /// Gives the terminal back (normal screen, cursor, modes) and replays what went to stderr.
    public func stop() {
        guard started else { return }
        started = false
        endwin()
        CrashRestore.uninstall()
        capture?.finish()
        capture = nil
        if let s = screen { delscreen(s) }
        screen = nil
    }

    deinit { stop() }

    // MARK: TerminalBackend

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func draw(_ run: CellRun) {
        let attrs = Self.cursesAttributes(styles.attributes(run.role))
        let pair = Int16(styles.pair(run.role))
        var x = Int32(run.origin.x)
        let y = Int32(run.origin.y)
        for cell in run.cells {
            put(cell.grapheme, y: y, x: x, attrs: attrs, pair: pair)
            x += Int32(max(1, cell.width))
        }
    }

    public func clear() {
        clearok(window, true)
        werase(window)
    }

    public func setCursor(_ at: Point?) {
        let p = at ?? Point(x: 0, y: 0)
        wmove(window, Int32(p.y), Int32(p.x))
    }

    public func flush() { wrefresh(window) }

    /// Rings the bell (or flashes, as the terminal prefers).
    public func bell() { beep() }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (0: only what is queued) for input; nil when none came.
    public func read(timeoutMilliseconds: Int32) -> InputEvent? {
        wtimeout(window, max(0, timeoutMilliseconds))
        while true {
            var ch: wint_t = 0
            let status = wget_wch(window, &ch)
            if status == CN_ERR { return nil }
            switch InputDecoder.decode(status: status, code: UInt32(ch)) {
            case .key(let k): return .key(k)
            case .resize: return .resize(size)
            case .mouse:
                var event = MEVENT()
                guard getmouse(&event) == CN_OK,
                    let m = InputDecoder.mouse(state: UInt(event.bstate), x: event.x, y: event.y)
                else { continue }
                return .mouse(m)
            case .ignore: continue
            }
        }
    }

    // MARK: Private

    private func put(_ grapheme: String, y: Int32, x: Int32, attrs: attr_t, pair: Int16) {
        var n = 0
        for u in grapheme.unicodeScalars where n < wide.count - 1 {
            wide[n] = wchar_t(bitPattern: u.value)
            n += 1
        }
        if n == 0 {
            wide[0] = 0x20
            n = 1
        }
        wide[n] = 0
        let ok = wide.withUnsafeBufferPointer { cn_put_cell(y, x, $0.baseAddress, attrs, pair) }
        if ok == CN_ERR {
            // More scalars than a cchar_t holds (an emoji sequence): let ncurses combine them.
            wattr_set(window, attrs, pair, nil)
            _ = wide.withUnsafeBufferPointer { mvwaddnwstr(window, y, x, $0.baseAddress, Int32(n)) }
            wattr_set(window, CN_A_NORMAL, 0, nil)
        }
    }

    /// Teaches ncurses the normal-mode arrow, Home and End sequences next to the application-mode
    /// ones terminfo lists: terminals that ignore `smkx` (and pyte) send `ESC [ A`, not `ESC O A`.
    private func defineCursorKeysInBothModes() {
        let keys: [(String, Int32)] = [
            ("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT), ("H", KEY_HOME),
            ("F", KEY_END),
        ]
        for (final, code) in keys {
            for introducer in ["\u{1B}[", "\u{1B}O"] where key_defined(introducer + final) == 0 {
                define_key(introducer + final, code)
            }
        }
    }

    /// Leaves the alternate screen and shows the cursor: what the crash handler writes.
    private func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let p = tigetstr(cap), Int(bitPattern: p) != -1 else { continue }
            bytes += Array(String(cString: p).utf8)
        }
        if options.mouse, let p = tigetstr("kmous"), Int(bitPattern: p) != -1 {
            bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8)
        }
        return bytes
    }

    static func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var r = CN_A_NORMAL
        if a.contains(.bold) { r |= CN_A_BOLD }
        if a.contains(.dim) { r |= CN_A_DIM }
        if a.contains(.reverse) { r |= CN_A_REVERSE }
        if a.contains(.underline) { r |= CN_A_UNDERLINE }
        return r
    }
}
