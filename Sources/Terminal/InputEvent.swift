import AlertUI
import CNcurses

/// One thing read from the terminal.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size (ncurses has already adopted the new size).
    case resize(Size)
}

/// Turns `get_wch` results and mouse states into keys and events; pure, so it is tested directly.
public enum InputDecoder {
    /// What a `get_wch` result means: a key, or a code that needs more reading (resize, mouse).
    public enum Decoded: Sendable, Hashable {
        case key(Key)
        case resize
        case mouse
        case ignore
    }

    /// Decodes `get_wch`'s status (`OK` or `KEY_CODE_YES`) and value.
    public static func decode(status: Int32, code: UInt32) -> Decoded {
        if status == CN_KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: code)) }
        guard status == CN_OK else { return .ignore }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(code) + 0x60))))
        case 0..<32, 0x80..<0xA0: return .ignore
        default:
            guard let scalar = UnicodeScalar(code) else { return .ignore }
            return .key(.char(Character(scalar)))
        }
    }

    static func decodeKeyCode(_ k: Int32) -> Decoded {
        switch k {
        case Int32(KEY_RESIZE): return .resize
        case Int32(KEY_MOUSE): return .mouse
        case Int32(KEY_UP): return .key(.up)
        case Int32(KEY_DOWN): return .key(.down)
        case Int32(KEY_LEFT): return .key(.left)
        case Int32(KEY_RIGHT): return .key(.right)
        case Int32(KEY_PPAGE): return .key(.pageUp)
        case Int32(KEY_NPAGE): return .key(.pageDown)
        case Int32(KEY_HOME), Int32(KEY_A1): return .key(.home)
        case Int32(KEY_END), Int32(KEY_C1): return .key(.end)
        case Int32(KEY_ENTER): return .key(.enter)
        case Int32(KEY_BACKSPACE): return .key(.backspace)
        case Int32(KEY_DC): return .key(.delete)
        case Int32(KEY_BTAB): return .key(.backTab)
        case cn_key_f(1)...cn_key_f(63): return .key(.function(Int(k - cn_key_f(0))))
        default: return .ignore
        }
    }

    /// Decodes a mouse report: left press or click, and the wheel (buttons 4 and 5).
    public static func mouse(state: UInt, x: Int32, y: Int32) -> MouseEvent? {
        let at = Point(x: Int(x), y: Int(y))
        let s = mmask_t(state)
        if s & CN_BUTTON4_PRESSED != 0 { return MouseEvent(.wheelUp, at: at) }
        if s & CN_BUTTON5_PRESSED != 0 { return MouseEvent(.wheelDown, at: at) }
        if s & (CN_BUTTON1_PRESSED | CN_BUTTON1_CLICKED) != 0 {
            return MouseEvent(.press(button: 1), at: at)
        }
        return nil
    }
}
