import Foundation
import Testing

@testable import Follow

/// Waits (polling, never a fixed sleep) until `want` holds for the events gathered so far.
private func collect(_ f: Follower, timeout: Double = 10, until want: ([FollowEvent]) -> Bool)
  -> [FollowEvent]
{
  var got: [FollowEvent] = []
  let end = Date().addingTimeInterval(timeout)
  while Date() < end {
    got += f.next(timeout: 0.05)
    if want(got) { return got }
  }
  return got
}

private func tempDir() throws -> URL {
  let u = FileManager.default.temporaryDirectory.appendingPathComponent(
    "follow-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
  return u
}

private func reports(_ e: [FollowEvent]) -> [String] {
  e.compactMap {
    if case .report(let p, let b) = $0 {
      return (p as NSString).lastPathComponent + ":" + String(decoding: b, as: UTF8.self)
    }
    return nil
  }
}

private func lines(_ e: [FollowEvent]) -> [String] {
  e.flatMap { ev -> [String] in
    if case .lines(_, let first, let ls) = ev {
      return ls.enumerated().map { "\(first + $0.offset):\($0.element)" }
    }
    return []
  }
}

@Suite(.serialized) struct FollowerTests {
  @Test(arguments: [false, true]) func readsExistingThenNewReports(polling: Bool) throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "old report".write(
      to: dir.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
    let f = Follower(paths: [dir.path], settle: 0.1, forcePolling: polling)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    var got = collect(f) { reports($0).contains("a.txt:old report") }
    #expect(reports(got) == ["a.txt:old report"])
    try "new report".write(
      to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    got = collect(f) { reports($0).contains("b.txt:new report") }
    #expect(reports(got) == ["b.txt:new report"])
  }

  @Test func followsSubfoldersCreatedLater() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let f = Follower(paths: [dir.path], settle: 0.1)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    _ = collect(f, timeout: 0.3) { _ in false }
    let sub = dir.appendingPathComponent("2016/07")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    // Give the watcher a moment to register the new folders before writing into them.
    _ = collect(f, timeout: 0.3) { _ in false }
    try "deep".write(to: sub.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
    let got = collect(f) { reports($0).contains("c.txt:deep") }
    #expect(reports(got) == ["c.txt:deep"])
  }

  @Test func reportStillBeingWrittenIsNotReadHalf() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let f = Follower(paths: [dir.path], settle: 0.3)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    let path = dir.appendingPathComponent("slow.txt").path
    // Created and written through one descriptor, as a slow writer would (no close in between).
    let fd = open(path, O_CREAT | O_WRONLY, 0o644)
    try #require(fd >= 0)
    let h = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    h.write(Data("first half ".utf8))
    // While the writer keeps writing faster than the settle time, nothing is read.
    for _ in 0..<4 {
      let early = collect(f, timeout: 0.1) { !reports($0).isEmpty }
      #expect(reports(early).isEmpty)
      h.write(Data("more ".utf8))
    }
    h.write(Data("end".utf8))
    try h.close()
    let got = collect(f) { !reports($0).isEmpty }
    #expect(reports(got) == ["slow.txt:first half more more more more end"])
  }

  @Test(arguments: [false, true]) func tailsCompleteLinesOnly(polling: Bool) throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("feed.jsonl").path
    try "{\"a\":1}\n".write(toFile: path, atomically: false, encoding: .utf8)
    let f = Follower(paths: [path], settle: 0.1, forcePolling: polling)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    var got = collect(f) { lines($0).count == 1 }
    #expect(lines(got) == ["1:{\"a\":1}"])
    let h = try #require(FileHandle(forWritingAtPath: path))
    h.seekToEndOfFile()
    h.write(Data("{\"b\":".utf8))
    got = collect(f, timeout: 0.4) { !lines($0).isEmpty }
    #expect(lines(got).isEmpty)
    h.write(Data("2}\n{\"c\":3}\n".utf8))
    try h.close()
    got = collect(f) { lines($0).count == 2 }
    #expect(lines(got) == ["2:{\"b\":2}", "3:{\"c\":3}"])
  }

  @Test func lostFolderIsReportedAndRetried() throws {
    let base = try tempDir()
    defer { try? FileManager.default.removeItem(at: base) }
    let dir = base.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let f = Follower(paths: [dir.path], settle: 0.1, retry: 0.2)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    _ = collect(f, timeout: 0.3) { _ in false }
    try FileManager.default.removeItem(at: dir)
    var got = collect(f) { $0.contains { if case .lost = $0 { true } else { false } } }
    #expect(got.contains { if case .lost(let p, _) = $0 { p == dir.path } else { false } })
    #expect(f.status.first?.lost != nil)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "back".write(to: dir.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
    got = collect(f) { reports($0).contains("r.txt:back") }
    #expect(got.contains(.restored(path: dir.path)))
    #expect(reports(got) == ["r.txt:back"])
    #expect(f.status.first?.lost == nil)
  }

  @Test func missingPathAtStartIsLostNotFatal() throws {
    let base = try tempDir()
    defer { try? FileManager.default.removeItem(at: base) }
    let f = Follower(paths: [base.appendingPathComponent("nope").path], retry: 0.2)
    f.start()
    defer { f.stop() }
    #expect(f.waitUntilReady())
    let got = collect(f) { !$0.isEmpty }
    #expect(got.count == 1)
    if case .lost(_, let why) = got.first {
      #expect(why.contains("No such file"))
    } else {
      Issue.record("expected lost, got \(got)")
    }
  }

  @Test func ignoresHiddenAndTemporaryFiles() {
    #expect(FollowMode.isIgnored(name: ".report.txt.swp"))
    #expect(FollowMode.isIgnored(name: "x.part"))
    #expect(!FollowMode.isIgnored(name: "almaty.txt"))
    #expect(FollowMode.forPath("a/B.JSONL") == .lines)
    #expect(FollowMode.forPath("a/feed.xml") == .report)
  }
}

@Suite struct SplitterTests {
  @Test func lineSplitterKeepsTailAndNumbers() {
    var s = LineSplitter()
    var r = s.feed(Array("a\r\nb".utf8))
    #expect(r.firstLine == 1 && r.lines == ["a"])
    r = s.feed(Array("c\n\nd\n".utf8))
    #expect(r.firstLine == 2 && r.lines == ["bc", "", "d"])
    #expect(s.flush() == nil)
    _ = s.feed(Array("tail".utf8))
    #expect(s.flush() == "tail")
    #expect(s.nextLine == 6)
  }

  @Test func blockSplitterSeparatesOnBlankLines() {
    var b = BlockSplitter()
    #expect(b.feed(line: "one") == nil)
    #expect(b.feed(line: "two") == nil)
    #expect(b.feed(line: "  ") == "one\ntwo")
    #expect(b.feed(line: "") == nil)
    #expect(b.feed(line: "three") == nil)
    #expect(b.flush() == "three")
    #expect(b.flush() == nil)
  }
}
