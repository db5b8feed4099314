import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Follows folders (recursively), JSON Lines files and stdin, and hands out what they produce.
///
/// A background thread waits on inotify (or polls where inotify is unavailable); the caller
/// drains events from any thread. Text reports are read once complete: closed after writing,
/// moved into place, or with a size that has stopped changing for `settle` seconds.
public final class Follower: Sendable {
  /// One path and whether it can be read right now.
  public struct Status: Sendable, Equatable {
    public var path: String
    public var lost: String?
  }

  private struct Shared: ~Copyable {
    var events: [FollowEvent] = []
    var stopped = false
    var status: [Status] = []
    var ready = false
  }

  private let shared = Mutex(Shared())
  private let wake = DispatchSemaphore(value: 0)
  private let paths: [String]
  private let settle: Double
  private let retry: Double
  private let usePolling: Bool

  /// Follows `paths` ("-" is stdin); `settle` is how long a report's size must hold still.
  public init(
    paths: [String], settle: Double = 0.15, retry: Double = 1.0, forcePolling: Bool = false
  ) {
    self.paths = paths
    self.settle = settle
    self.retry = retry
    self.usePolling = forcePolling
  }

  /// Starts the background threads; events from the existing content come first.
  public func start() {
    let files = paths.filter { $0 != "-" }
    if !files.isEmpty {
      let worker = ThreadBox(self, files)
      PosixThread.detach { worker.run() }
    }
    if files.isEmpty { markReady() }
    if paths.contains("-") {
      PosixThread.detach { [self] in self.readStdin() }
    }
  }

  /// Stops following; the threads end within one poll interval.
  public func stop() {
    shared.withLock { $0.stopped = true }
  }

  var isStopped: Bool { shared.withLock { $0.stopped } }

  /// Takes every event queued so far (never blocks).
  public func drain() -> [FollowEvent] {
    shared.withLock { s in
      defer { s.events.removeAll() }
      return s.events
    }
  }

  /// Waits up to `timeout` seconds for events, then takes them.
  public func next(timeout: Double) -> [FollowEvent] {
    let got = drain()
    if !got.isEmpty { return got }
    _ = wake.wait(timeout: .now() + timeout)
    return drain()
  }

  /// Waits until the existing content has been read and the watches are in place.
  @discardableResult
  public func waitUntilReady(timeout: Double = 10) -> Bool {
    var waited = 0.0
    while waited < timeout {
      if shared.withLock({ $0.ready }) { return true }
      usleep(10_000)
      waited += 0.01
    }
    return false
  }

  func markReady() { shared.withLock { $0.ready = true } }

  /// Paths followed and, for those that cannot be read, why.
  public var status: [Status] { shared.withLock { $0.status } }

  func emit(_ e: [FollowEvent]) {
    guard !e.isEmpty else { return }
    shared.withLock { s in
      for ev in e {
        switch ev {
        case .lost(let p, let r): Self.setStatus(&s.status, p, r)
        case .restored(let p): Self.setStatus(&s.status, p, nil)
        default: break
        }
      }
      s.events.append(contentsOf: e)
    }
    wake.signal()
  }

  func setInitialStatus(_ paths: [String]) {
    shared.withLock { s in s.status = paths.map { Status(path: $0, lost: nil) } }
  }

  private static func setStatus(_ st: inout [Status], _ p: String, _ r: String?) {
    if let i = st.firstIndex(where: { $0.path == p }) {
      st[i].lost = r
    } else {
      st.append(Status(path: p, lost: r))
    }
  }

  private func readStdin() {
    var lines = LineSplitter()
    var blocks = BlockSplitter()
    var buf = [UInt8](repeating: 0, count: 65536)
    while !isStopped {
      let n = buf.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      let (_, got) = lines.feed(buf[0..<n])
      emit(got.compactMap { blocks.feed(line: $0) }.map { .block(source: "-", text: $0) })
    }
    var last: [FollowEvent] = []
    if let l = lines.flush(), let b = blocks.feed(line: l) {
      last.append(.block(source: "-", text: b))
    }
    if let b = blocks.flush() { last.append(.block(source: "-", text: b)) }
    last.append(.endOfInput(source: "-"))
    emit(last)
  }

  fileprivate var settleSeconds: Double { settle }
  fileprivate var retrySeconds: Double { retry }
  fileprivate var polling: Bool { usePolling }
}

/// Carries the follower into its thread.
private struct ThreadBox: Sendable {
  let follower: Follower
  let paths: [String]
  init(_ f: Follower, _ p: [String]) {
    follower = f
    paths = p
  }

  func run() {
    follower.setInitialStatus(paths)
    let w = FollowWorker(
      paths: paths, settle: follower.settleSeconds, retry: follower.retrySeconds,
      polling: follower.polling)
    follower.emit(w.startUp())
    follower.markReady()
    while !follower.isStopped {
      follower.emit(w.step(timeoutMs: 50))
    }
    w.close()
  }
}

enum PosixThread {
  /// Runs `body` on a new detached POSIX thread.
  static func detach(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable {
      let body: @Sendable () -> Void
      init(_ b: @escaping @Sendable () -> Void) { body = b }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var tid = pthread_t()
    pthread_create(
      &tid, nil,
      { raw in
        let b = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue()
        (b as! Box).body()
        return nil
      }, box)
    pthread_detach(tid)
  }
}
