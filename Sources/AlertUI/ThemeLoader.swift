import Foundation

/// Finds and loads themes: `--theme NAME|PATH`, then the user's config directory, then the
/// bundled `Themes/`, then the compiled-in default. Never throws: problems come back as a message.
public struct ThemeLoader: Sendable {
    /// The bundled `Themes/` directory (the executable passes its location).
    public var bundledDirectory: String?
    /// `$XDG_CONFIG_HOME`, or `~/.config` when unset; themes live in `alertmon/themes/` below it.
    public var configHome: String?
    /// `NO_COLOR` was set to a non-empty value: every theme is replaced by mono.
    public var noColor: Bool

    public init(bundledDirectory: String?, configHome: String?, noColor: Bool) {
        self.bundledDirectory = bundledDirectory
        self.configHome = configHome
        self.noColor = noColor
    }

    /// The user's theme directory, if a config home is known.
    public var userDirectory: String? { configHome.map { $0 + "/alertmon/themes" } }

    /// The theme for `nameOrPath` (nil = "default"), and a one-line message when it fell back.
    public func load(_ nameOrPath: String?) -> (theme: Theme, message: String?) {
        if noColor {
            let mono = find("mono").flatMap { try? ThemeDecoder.decode($0.data) } ?? .builtInMono
            var t = mono
            t.colors = .mono
            return (t, nil)
        }
        let request = nameOrPath ?? "default"
        guard let found = find(request) else {
            if request == "default" { return (.builtInDefault, nil) }
            if request == "mono" { return (.builtInMono, nil) }
            return (.builtInDefault, "theme \"\(request)\" not found; using the default")
        }
        do {
            return (try ThemeDecoder.decode(found.data), nil)
        } catch {
            return (.builtInDefault, "theme \(found.path): \(error.message); using the default")
        }
    }

    /// Theme names found in the user and bundled directories, "default" first, without duplicates.
    public func availableNames() -> [String] {
        var names = ["default"]
        for dir in [userDirectory, bundledDirectory].compactMap({ $0 }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files.sorted() where f.hasSuffix(".json") && f != "theme.schema.json" {
                let n = String(f.dropLast(5))
                if !names.contains(n) { names.append(n) }
            }
        }
        return names
    }

    /// The file a name or path resolves to, read whole.
    func find(_ request: String) -> (path: String, data: Data)? {
        let isPath = request.contains("/") || request.hasSuffix(".json")
        let candidates =
            isPath
            ? [request]
            : [userDirectory, bundledDirectory].compactMap { $0 }.map { $0 + "/" + request + ".json" }
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path) { return (path, data) }
        }
        if isPath {
            // A path that does not exist is reported by the caller as "not found".
            return nil
        }
        return nil
    }
}
