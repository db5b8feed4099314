import Foundation
import Testing

@testable import Follow

@Suite struct ChangeHookTests {
  @Test func splitsLikeAShellWithoutExpanding() {
    #expect(
      ChangeHook.split("notify-send 'red alert' \"in $CITY\" a\\ b") == [
        "notify-send", "red alert", "in $CITY", "a b",
      ])
    #expect(ChangeHook.split("  ") == [])
    #expect(ChangeHook.split("echo 'open") == nil)
    #expect(ChangeHook(command: "   ") == nil)
  }

  @Test func passesTheRecordOnStdin() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hook-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let hook = try #require(ChangeHook(command: "sh -c 'cat > \"$0\"' \(out)"))
    #expect(hook.run(input: "{\"city\":\"Almaty\"}") == .ok)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "{\"city\":\"Almaty\"}\n")
  }

  @Test func reportsFailureWithItsMessage() throws {
    let hook = try #require(ChangeHook(command: "sh -c 'echo broken >&2; exit 3'"))
    #expect(hook.run(input: "{}") == .failed("sh: exit 3: broken"))
  }

  @Test func reportsAMissingProgram() throws {
    let hook = try #require(ChangeHook(command: "/nonexistent/hook"))
    guard case .failed(let why) = hook.run(input: "{}") else {
      Issue.record("a missing program must fail")
      return
    }
    #expect(why.hasPrefix("/nonexistent/hook:"))
  }

  @Test func killsAHookThatHangs() throws {
    let hook = try #require(ChangeHook(command: "sleep 30", timeout: 0.3))
    #expect(hook.run(input: "{}") == .failed("sleep: timed out after 0 s"))
  }
}
