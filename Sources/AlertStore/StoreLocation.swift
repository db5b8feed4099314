/// Where the store lives when no path is given.
public enum StoreLocation {
    /// `$XDG_DATA_HOME/alertmon/alerts.sqlite`, else `$HOME/.local/share/alertmon/alerts.sqlite`; nil without a home.
    public static func defaultPath(environment env: [String: String]) -> String? {
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { return join(x, "alertmon/alerts.sqlite") }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return join(home, ".local/share/alertmon/alerts.sqlite")
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
