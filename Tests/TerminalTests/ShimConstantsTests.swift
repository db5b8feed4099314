import CNcurses
import Testing

/// The shim's copies of ncurses macros must equal what ncurses.h computes (ABI 6, mouse v2).
@Suite struct ShimConstantsTests {
    @Test func attributesMatchNcursesBitPositions() {
        #expect(CN_A_NORMAL == 0)
        #expect(CN_A_UNDERLINE == 1 << 17)
        #expect(CN_A_REVERSE == 1 << 18)
        #expect(CN_A_BLINK == 1 << 19)
        #expect(CN_A_DIM == 1 << 20)
        #expect(CN_A_BOLD == 1 << 21)
        #expect(CN_A_ITALIC == 1 << 31)
        #expect(CN_A_COLOR == 0xFF << 8)
    }

    @Test func functionKeysFollowKeyF0() {
        #expect(cn_key_f(0) == 0o410)
        #expect(cn_key_f(1) == 0o411)
        #expect(cn_key_f(12) == 0o410 + 12)
    }

    @Test func mouseMasksAreVersionTwoLayout() {
        #expect(CN_BUTTON1_RELEASED == 0o1)
        #expect(CN_BUTTON1_PRESSED == 0o2)
        #expect(CN_BUTTON1_CLICKED == 0o4)
        #expect(CN_BUTTON4_PRESSED == 0o2 << 15)
        #expect(CN_BUTTON5_PRESSED == 0o2 << 20)
        #expect(CN_REPORT_MOUSE_POSITION == 0o10 << 25)
    }

    @Test func statusCodes() {
        #expect(CN_ERR == -1)
        #expect(CN_OK == 0)
        #expect(CN_KEY_CODE_YES == 0o400)
        #expect(Int32(KEY_RESIZE) == 0o632)
    }

    @Test func wideCharacterWidthsNeedAUTF8Locale() {
        setlocale(LC_CTYPE, "C.UTF-8")
        #expect(wcwidth(wchar_t(UnicodeScalar("ж").value)) == 1)
        #expect(wcwidth(wchar_t(UnicodeScalar("漢").value)) == 2)
        #expect(wcwidth(0x0301) == 0)
    }
}
