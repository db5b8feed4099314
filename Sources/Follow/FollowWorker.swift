#if canImport(Glibc)
    import Glibc
#endif

/// The follower's thread state: inotify watches, per-file read positions, lost roots.
final class FollowWorker {
    private struct FileState {
        var offset: Int = 0
        var splitter = LineSplitter()
        var size: Int = -1
        var mtime: Int = 0
        /// Size and a cheap checksum of the last report read, so a close after a settle is not read twice.
        var lastRead: (Int, UInt64)?
        var pendingSince: Double?
        var pendingSize: Int = -1
    }

    private struct Root {
        var path: String
        var isDirectory = false
        var lost: String?
        var lastTry: Double = 0
    }

    private let settle: Double
    private let retry: Double
    private var fd: Int32 = -1
    private var roots: [Root]
    private var watchDirs: [Int32: String] = [:]
    private var files: [String: FileState] = [:]
    private var lastPoll: Double = 0

    init(paths: [String], settle: Double, retry: Double, polling: Bool) {
        self.settle = settle
        self.retry = retry
        roots = paths.map { Root(path: FollowWorker.normalise($0)) }
        if !polling { fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    static func normalise(_ p: String) -> String {
        var s = p
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// Attaches every root and reads what is already there.
    func startUp() -> [FollowEvent] {
        var out: [FollowEvent] = []
        for i in roots.indices { out += attach(i, initial: true) }
        return out
    }

    /// Waits up to `timeoutMs` for changes and returns what they produced.
    func step(timeoutMs: Int32) -> [FollowEvent] {
        var out: [FollowEvent] = []
        if fd >= 0 {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, timeoutMs) > 0 { out += readEvents() }
        } else {
            usleep(UInt32(timeoutMs) * 1000)
            if now() - lastPoll >= 0.1 {
                lastPoll = now()
                out += pollScan()
            }
        }
        out += checkSettled()
        out += checkRoots()
        return out
    }

    // MARK: roots

    private func attach(_ i: Int, initial: Bool) -> [FollowEvent] {
        let path = roots[i].path
        roots[i].lastTry = now()
        var st = stat()
        if stat(path, &st) != 0 {
            return markLost(i, reason: String(cString: strerror(errno)))
        }
        let isDir = (st.st_mode & S_IFMT) == S_IFDIR
        roots[i].isDirectory = isDir
        if access(path, R_OK | (isDir ? X_OK : 0)) != 0 {
            return markLost(i, reason: String(cString: strerror(errno)))
        }
        var out: [FollowEvent] = []
        if roots[i].lost != nil {
            roots[i].lost = nil
            out.append(.restored(path: path))
        }
        if isDir {
            out += addTree(path)
        } else {
            addWatch(dir: parent(of: path))
            out += fileChanged(path, complete: true)
        }
        _ = initial
        return out
    }

    private func markLost(_ i: Int, reason: String) -> [FollowEvent] {
        guard roots[i].lost != reason else { return [] }
        roots[i].lost = reason
        let prefix = roots[i].path + "/"
        for (wd, dir) in watchDirs where dir == roots[i].path || dir.hasPrefix(prefix) {
            if fd >= 0 { inotify_rm_watch(fd, wd) }
            watchDirs[wd] = nil
        }
        return [.lost(path: roots[i].path, reason: reason)]
    }

    private func checkRoots() -> [FollowEvent] {
        var out: [FollowEvent] = []
        for i in roots.indices where now() - roots[i].lastTry >= retry {
            roots[i].lastTry = now()
            if roots[i].lost != nil {
                out += attach(i, initial: false)
            } else if access(roots[i].path, R_OK) != 0 {
                out += markLost(i, reason: String(cString: strerror(errno)))
            }
        }
        return out
    }

    private func rootIndex(containing path: String) -> Int? {
        roots.firstIndex { r in
            r.isDirectory ? (path == r.path || path.hasPrefix(r.path + "/")) : path == r.path
        }
    }

    // MARK: watching

    private func addWatch(dir: String) {
        guard fd >= 0, !watchDirs.values.contains(dir) else { return }
        let mask = UInt32(
            IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE
                | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)
        let wd = inotify_add_watch(fd, dir, mask)
        if wd >= 0 { watchDirs[wd] = dir }
    }

    private func addTree(_ dir: String) -> [FollowEvent] {
        addWatch(dir: dir)
        var out: [FollowEvent] = []
        for (name, isDir) in listDir(dir).sorted(by: { $0.0 < $1.0 })
        where !FollowMode.isIgnored(name: name) {
            let full = dir + "/" + name
            if isDir {
                out += addTree(full)
            } else {
                out += fileChanged(full, complete: !recentlyModified(full))
            }
        }
        return out
    }

    private func readEvents() -> [FollowEvent] {
        var out: [FollowEvent] = []
        var buf = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var off = 0
            while off + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, len) = buf.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let e = raw.loadUnaligned(fromByteOffset: off, as: inotify_event.self)
                    return (e.wd, e.mask, Int(e.len))
                }
                let nameStart = off + MemoryLayout<inotify_event>.size
                var name = ""
                if len > 0 {
                    let bytes = buf[nameStart..<min(nameStart + len, n)].prefix { $0 != 0 }
                    name = String(decoding: bytes, as: UTF8.self)
                }
                off = nameStart + len
                out += handle(wd: wd, mask: mask, name: name)
            }
        }
        return out
    }

    private func handle(wd: Int32, mask: UInt32, name: String) -> [FollowEvent] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return pollScan() }
        guard let dir = watchDirs[wd] else { return [] }
        if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            watchDirs[wd] = nil
            if let i = roots.firstIndex(where: { $0.path == dir && $0.isDirectory }) {
                return markLost(i, reason: "folder was removed or moved")
            }
            return []
        }
        if name.isEmpty {
            if mask & UInt32(IN_ATTRIB) != 0, let i = roots.firstIndex(where: { $0.path == dir }),
                access(dir, R_OK | X_OK) != 0
            {
                return markLost(i, reason: String(cString: strerror(errno)))
            }
            return []
        }
        guard !FollowMode.isIgnored(name: name) else { return [] }
        let full = dir + "/" + name
        guard let ri = rootIndex(containing: full) else { return [] }
        let isDir = mask & UInt32(IN_ISDIR) != 0
        if isDir {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, roots[ri].isDirectory { return addTree(full) }
            return []
        }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            files[full] = nil
            if !roots[ri].isDirectory { return markLost(ri, reason: "file was removed") }
            return []
        }
        if !roots[ri].isDirectory, roots[ri].lost != nil {
            roots[ri].lost = nil
            return [.restored(path: full)]
                + fileChanged(full, complete: mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0)
        }
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 { return fileChanged(full, complete: true) }
        if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 { return fileChanged(full, complete: false) }
        return []
    }

    // MARK: reading

    private func fileChanged(_ path: String, complete: Bool) -> [FollowEvent] {
        switch FollowMode.forPath(path) {
        case .lines:
            return readAppended(path)
        case .report:
            if complete { return readReport(path) }
            var s = files[path] ?? FileState()
            s.pendingSince = now()
            s.pendingSize = fileSize(path)
            files[path] = s
            return []
        }
    }

    private func checkSettled() -> [FollowEvent] {
        var out: [FollowEvent] = []
        for (path, s) in files {
            guard let since = s.pendingSince, now() - since >= settle else { continue }
            let size = fileSize(path)
            if size == s.pendingSize {
                out += readReport(path)
            } else {
                files[path]?.pendingSince = now()
                files[path]?.pendingSize = size
            }
        }
        return out
    }

    private func readReport(_ path: String) -> [FollowEvent] {
        var s = files[path] ?? FileState()
        s.pendingSince = nil
        defer { files[path] = s }
        guard let bytes = readAll(path) else { return [] }
        let sum = (bytes.count, checksum(bytes))
        if let last = s.lastRead, last == sum { return [] }
        s.lastRead = sum
        var st = stat()
        if stat(path, &st) == 0 {
            s.size = Int(st.st_size)
            s.mtime = Int(st.st_mtim.tv_sec)
        }
        return bytes.isEmpty ? [] : [.report(path: path, bytes: bytes)]
    }

    private func readAppended(_ path: String) -> [FollowEvent] {
        var s = files[path] ?? FileState()
        defer { files[path] = s }
        let size = fileSize(path)
        guard size >= 0 else { return [] }
        if size < s.offset {  // truncated or replaced: start over
            s.offset = 0
            s.splitter.reset()
        }
        guard size > s.offset else { return [] }
        let f = open(path, O_RDONLY | O_CLOEXEC)
        guard f >= 0 else { return [] }
        defer { Glibc.close(f) }
        var out: [FollowEvent] = []
        var buf = [UInt8](repeating: 0, count: 256 * 1024)
        lseek(f, off_t(s.offset), SEEK_SET)
        while true {
            let n = buf.withUnsafeMutableBytes { read(f, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            s.offset += n
            let (first, lines) = s.splitter.feed(buf[0..<n])
            if !lines.isEmpty { out.append(.lines(path: path, firstLine: first, lines: lines)) }
        }
        s.size = s.offset
        return out
    }

    /// Without inotify: compare sizes and times of every file under the roots.
    private func pollScan() -> [FollowEvent] {
        var out: [FollowEvent] = []
        func visit(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                for (name, _) in listDir(path).sorted(by: { $0.0 < $1.0 })
                where !FollowMode.isIgnored(name: name) {
                    visit(path + "/" + name)
                }
                return
            }
            let size = Int(st.st_size)
            let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
            let known = files[path]
            if known == nil || known!.size != size || known!.mtime != mtime {
                if FollowMode.forPath(path) == .lines {
                    out += readAppended(path)
                } else if known?.pendingSince == nil {
                    out += fileChanged(path, complete: false)
                }
                files[path, default: FileState()].mtime = mtime
                if FollowMode.forPath(path) == .report { files[path]?.size = size }
            }
        }
        for r in roots where r.lost == nil { visit(r.path) }
        return out
    }

    // MARK: helpers

    private func listDir(_ dir: String) -> [(String, Bool)] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [(String, Bool)] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var st = stat()
            guard stat(dir + "/" + name, &st) == 0 else { continue }
            let mode = st.st_mode & S_IFMT
            if mode == S_IFDIR {
                out.append((name, true))
            } else if mode == S_IFREG {
                out.append((name, false))
            }
        }
        return out
    }

    private func readAll(_ path: String) -> [UInt8]? {
        let f = open(path, O_RDONLY | O_CLOEXEC)
        guard f >= 0 else { return nil }
        defer { Glibc.close(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let n = buf.withUnsafeMutableBytes { read(f, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    /// A file written to within the settle time may still be growing: wait for it to settle.
    private func recentlyModified(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let age = Double(ts.tv_sec - st.st_mtim.tv_sec) + Double(ts.tv_nsec - st.st_mtim.tv_nsec) / 1e9
        return age < settle
    }

    private func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }

    private func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func checksum(_ b: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b {
            h ^= UInt64(x)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    private func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
