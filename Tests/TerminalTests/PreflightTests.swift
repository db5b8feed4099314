import Testing

@testable import Terminal

@Suite struct PreflightTests {
    let good: (String) -> (cup: Bool, clear: Bool)? = { _ in (true, true) }

    @Test func passesOnATerminalWithCursorAddressing() {
        #expect(
            Preflight.evaluate(stdinIsTTY: true, stdoutIsTTY: true, term: "xterm", capabilities: good)
                == nil)
    }

    @Test func pipedStdoutNamesStdout() throws {
        let f = try #require(
            Preflight.evaluate(stdinIsTTY: true, stdoutIsTTY: false, term: "xterm", capabilities: good))
        #expect(f.reason == "stdout is not a TTY")
        #expect(
            f.description
                == "alertmon: the monitor needs a terminal (stdout is not a TTY); use `alertmon status` for text output"
        )
    }

    @Test func missingStdinTTY() {
        let f = Preflight.evaluate(
            stdinIsTTY: false, stdoutIsTTY: true, term: "xterm", capabilities: good)
        #expect(f?.reason == "stdin is not a TTY")
    }

    @Test func unsetEmptyAndDumbTerm() {
        for term in [nil, ""] as [String?] {
            let f = Preflight.evaluate(
                stdinIsTTY: true, stdoutIsTTY: true, term: term, capabilities: good)
            #expect(f?.reason == "TERM is not set")
        }
        let dumb = Preflight.evaluate(
            stdinIsTTY: true, stdoutIsTTY: true, term: "dumb", capabilities: good)
        #expect(dumb?.reason.contains("dumb") == true)
    }

    @Test func unknownTermAndMissingCapabilities() {
        let unknown = Preflight.evaluate(stdinIsTTY: true, stdoutIsTTY: true, term: "nosuch") { _ in nil
        }
        #expect(unknown?.reason == "TERM=nosuch is unknown to terminfo")
        let noCup = Preflight.evaluate(stdinIsTTY: true, stdoutIsTTY: true, term: "glass") { _ in
            (false, true)
        }
        #expect(noCup?.reason.contains("cannot move the cursor") == true)
    }

    @Test func realTerminfoKnowsXtermAndNotNonsense() {
        let xterm = Preflight.terminfoCapabilities("xterm")
        #expect(xterm?.cup == true && xterm?.clear == true)
        #expect(Preflight.terminfoCapabilities("nosuchterm-alertmon") == nil)
        let dumb = Preflight.terminfoCapabilities("dumb")
        #expect(dumb?.cup == false)
    }
}
