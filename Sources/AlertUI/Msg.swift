import AlertCore

/// Everything that can happen to the UI: input, time, and data arriving.
public enum Msg: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal's new size.
    case resize(Size)
    /// The clock moved (live: wall time; replay: the replay cursor).
    case tick(Timestamp)
    /// A full set of transitions replaces what the model holds.
    case loaded(StateMachine)
    /// New transitions arrived (a watched folder, an import); they are inserted.
    case transitions([Transition])
    /// A one-line message for the status area (a theme that did not load, a failed reload).
    case status(String)
    /// The run loop switched to the theme at `themeNames[index]`.
    case themeSwitched(index: Int)
    /// Real seconds that passed while a replay plays (sent about ten times a second).
    case elapsed(Double)
    /// Current problems with followed paths, one line each; empty when all is well.
    case followStatus([String])
    /// A one-line system note for the log pane (a failing `--on-change` hook).
    case note(String)
}

/// Work for the run loop; results come back as `Msg`s.
public enum Effect: Sendable, Hashable {
    case quit
    /// Read transitions again from the store and send `.loaded`.
    case reloadData
    /// Load the theme named here (a bundled name or path) and render with it.
    case switchTheme(name: String)
    /// Ring the terminal bell (a key with nothing to do).
    case bell
    /// Drop the last frame and repaint everything.
    case redraw
}
