import AlertUI
import CNcurses
import Testing

@testable import Terminal

@Suite struct InputDecoderTests {
    func text(_ code: UInt32) -> InputDecoder.Decoded {
        InputDecoder.decode(status: CN_OK, code: code)
    }
    func keyCode(_ code: Int32) -> InputDecoder.Decoded {
        InputDecoder.decode(status: CN_KEY_CODE_YES, code: UInt32(bitPattern: code))
    }

    @Test func printableTextIncludingCyrillicArrivesWhole() {
        #expect(text(0x61) == .key(.char("a")))
        #expect(text(0x2F) == .key(.char("/")))
        #expect(text(0x0436) == .key(.char("ж")))
        #expect(text(0x20) == .key(.char(" ")))
    }

    @Test func controlCharacters() {
        #expect(text(9) == .key(.tab))
        #expect(text(10) == .key(.enter))
        #expect(text(13) == .key(.enter))
        #expect(text(27) == .key(.escape))
        #expect(text(127) == .key(.backspace))
        #expect(text(8) == .key(.backspace))
        #expect(text(3) == .key(.ctrl("c")))
        #expect(text(12) == .key(.ctrl("l")))
        #expect(text(0) == .ignore)
        #expect(text(0x85) == .ignore)
    }

    @Test func keypadCodes() {
        #expect(keyCode(Int32(KEY_UP)) == .key(.up))
        #expect(keyCode(Int32(KEY_DOWN)) == .key(.down))
        #expect(keyCode(Int32(KEY_PPAGE)) == .key(.pageUp))
        #expect(keyCode(Int32(KEY_NPAGE)) == .key(.pageDown))
        #expect(keyCode(Int32(KEY_HOME)) == .key(.home))
        #expect(keyCode(Int32(KEY_END)) == .key(.end))
        #expect(keyCode(Int32(KEY_ENTER)) == .key(.enter))
        #expect(keyCode(Int32(KEY_BACKSPACE)) == .key(.backspace))
        #expect(keyCode(Int32(KEY_BTAB)) == .key(.backTab))
        #expect(keyCode(cn_key_f(1)) == .key(.function(1)))
        #expect(keyCode(cn_key_f(12)) == .key(.function(12)))
        #expect(keyCode(Int32(KEY_RESIZE)) == .resize)
        #expect(keyCode(Int32(KEY_MOUSE)) == .mouse)
        #expect(keyCode(Int32(KEY_SUSPEND)) == .ignore)
    }

    @Test func mouseButtonsAndWheel() {
        let click = InputDecoder.mouse(state: UInt(CN_BUTTON1_PRESSED), x: 4, y: 7)
        #expect(click == MouseEvent(.press(button: 1), at: Point(x: 4, y: 7)))
        #expect(
            InputDecoder.mouse(state: UInt(CN_BUTTON1_CLICKED), x: 0, y: 0)?.kind == .press(button: 1))
        #expect(InputDecoder.mouse(state: UInt(CN_BUTTON4_PRESSED), x: 1, y: 2)?.kind == .wheelUp)
        #expect(InputDecoder.mouse(state: UInt(CN_BUTTON5_PRESSED), x: 1, y: 2)?.kind == .wheelDown)
        #expect(InputDecoder.mouse(state: UInt(CN_BUTTON1_RELEASED), x: 1, y: 2) == nil)
    }
}
