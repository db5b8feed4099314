#if canImport(Glibc)
  import Glibc
#endif

/// Runs the user's `--on-change` command for an applied change: without a shell, the record
/// as JSON on its stdin, killed after a timeout. A failing hook is reported, never fatal.
public struct ChangeHook: Sendable {
  /// The program and its arguments.
  public let argv: [String]
  public let timeout: Double

  /// How one run ended.
  public enum Outcome: Sendable, Equatable {
    case ok
    case failed(String)
  }

  /// Splits `command` into words (single and double quotes group, backslash escapes); nil if empty or unbalanced.
  public init?(command: String, timeout: Double = 5) {
    guard let words = ChangeHook.split(command), !words.isEmpty else { return nil }
    argv = words
    self.timeout = timeout
  }

  /// Shell-like word splitting without any expansion.
  public static func split(_ s: String) -> [String]? {
    var words: [String] = []
    var cur = ""
    var inWord = false
    var quote: Character?
    var escape = false
    for c in s {
      if escape {
        cur.append(c)
        escape = false
        continue
      }
      if let q = quote {
        if c == q {
          quote = nil
        } else if c == "\\" && q == "\"" {
          escape = true
        } else {
          cur.append(c)
        }
        continue
      }
      switch c {
      case "\\":
        escape = true
        inWord = true
      case "'", "\"":
        quote = c
        inWord = true
      case " ", "\t", "\n":
        if inWord { words.append(cur) }
        cur = ""
        inWord = false
      default:
        cur.append(c)
        inWord = true
      }
    }
    if quote != nil || escape { return nil }
    if inWord { words.append(cur) }
    return words
  }

  /// This process's open descriptors (glibc's closefrom action is not visible to Swift).
  static func openDescriptors() -> [Int32] {
    guard let d = opendir("/proc/self/fd") else { return Array(3..<256) }
    defer { closedir(d) }
    var out: [Int32] = []
    while let e = readdir(d) {
      let name = withUnsafeBytes(of: e.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if let n = Int32(name) { out.append(n) }
    }
    return out
  }

  /// Runs the hook with `input` on stdin; blocks until it ends or the timeout kills it.
  public func run(input: String) -> Outcome {
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    guard pipe(&toChild) == 0 else { return .failed("pipe: \(String(cString: strerror(errno)))") }
    guard pipe(&fromChild) == 0 else {
      close(toChild[0])
      close(toChild[1])
      return .failed("pipe: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
    // The monitor's own descriptors (the terminal, the store, inotify) stay out of the hook.
    for fd in ChangeHook.openDescriptors() where fd > 2 {
      posix_spawn_file_actions_addclose(&actions, fd)
    }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
    var pid: pid_t = 0
    let cargs = argv.map { strdup($0) } + [nil]
    defer { cargs.forEach { free($0) } }
    let rc = posix_spawnp(&pid, argv[0], &actions, &attr, cargs, environ)
    close(toChild[0])
    close(fromChild[1])
    guard rc == 0 else {
      close(toChild[1])
      close(fromChild[0])
      return .failed("\(argv[0]): \(String(cString: strerror(rc)))")
    }
    signal(SIGPIPE, SIG_IGN)
    var bytes = Array(input.utf8)
    bytes.append(0x0A)
    _ = bytes.withUnsafeBytes { write(toChild[1], $0.baseAddress, $0.count) }
    close(toChild[1])
    let flags = fcntl(fromChild[0], F_GETFL)
    _ = fcntl(fromChild[0], F_SETFL, flags | O_NONBLOCK)
    var errText: [UInt8] = []
    var status: Int32 = 0
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let deadline = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 + timeout
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buf.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress, $0.count) }
      if n > 0 && errText.count < 4096 { errText += buf[0..<n] }
      let w = waitpid(pid, &status, WNOHANG)
      if w == pid { break }
      clock_gettime(CLOCK_MONOTONIC, &ts)
      if Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 > deadline {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        close(fromChild[0])
        return .failed("\(argv[0]): timed out after \(Int(timeout)) s")
      }
      usleep(5000)
    }
    close(fromChild[0])
    let exited = status & 0x7F == 0
    let code = (status >> 8) & 0xFF
    if exited && code == 0 { return .ok }
    let firstLine =
      String(decoding: errText, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    let how = exited ? "exit \(code)" : "signal \(status & 0x7F)"
    return .failed("\(argv[0]): \(how)" + (firstLine.isEmpty ? "" : ": \(firstLine)"))
  }
}
