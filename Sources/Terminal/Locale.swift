import CNcurses
import Glibc

/// Sets the locale ncursesw needs for wide characters.
public enum TerminalLocale {
    /// Takes the user's locale, then forces a UTF-8 LC_CTYPE if it is not UTF-8 (CI has no LANG).
    public static func configure() {
        setlocale(LC_ALL, "")
        if !isUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// True when the current LC_CTYPE codeset is UTF-8.
    public static func isUTF8() -> Bool {
        guard let cs = cn_codeset() else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
