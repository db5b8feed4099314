import Foundation
import Glibc
import Testing

@testable import Terminal

@Suite(.serialized) struct StderrCaptureTests {
    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "alertmon-\(name)-\(UUID().uuidString)"
        ).path
    }

    @Test func stderrGoesToTheLogThenIsReplayedToTheRealStderr() throws {
        let outer = temp("outer")
        let dir = temp("dir")
        let log = dir + "/nested/monitor.log"
        defer {
            unlink(outer)
            try? FileManager.default.removeItem(atPath: dir)
        }
        // Stand in for the terminal's stderr with a file, so the test can read what arrives there.
        let saved = dup(2)
        let outerFD = open(outer, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(saved >= 0 && outerFD >= 0)
        dup2(outerFD, 2)
        close(outerFD)
        defer {
            dup2(saved, 2)
            close(saved)
        }

        let capture = try #require(StderrCapture(path: log))
        _ = "written while curses runs\n".withCString { write(2, $0, strlen($0)) }
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "written while curses runs\n")
        #expect(try String(contentsOfFile: outer, encoding: .utf8) == "")
        capture.finish()
        capture.finish()
        #expect(try String(contentsOfFile: outer, encoding: .utf8) == "written while curses runs\n")
    }

    @Test func defaultPathFollowsXDGStateHome() {
        #expect(
            StderrCapture.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                == "/s/alertmon/monitor.log")
        #expect(
            StderrCapture.defaultPath(environment: ["HOME": "/h"])
                == "/h/.local/state/alertmon/monitor.log")
        #expect(
            StderrCapture.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/alertmon/monitor.log")
        #expect(StderrCapture.defaultPath(environment: [:]).hasSuffix(".log"))
    }
}
