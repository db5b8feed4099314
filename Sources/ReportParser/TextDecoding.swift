import Foundation

/// Report bytes turned into text, with what had to be repaired on the way.
public struct DecodedText: Sendable {
    public var text: String
    public var diagnostics: [String]
    /// True when the bytes do not look like text at all; `text` is then empty.
    public var isBinary: Bool
}

/// Decodes report bytes leniently: a bad byte never stops a report from being read.
public enum TextDecoding {
    /// UTF-8 (or UTF-16 with a BOM); invalid sequences become U+FFFD and NULs become spaces, each noted.
    public static func decode(_ data: Data) -> DecodedText {
        var diags: [String] = []
        if data.isEmpty { return DecodedText(text: "", diagnostics: ["empty input"], isBinary: false) }
        if data.count >= 2,
            (data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE)
                || (data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF)
        {
            if let s = String(data: data, encoding: .utf16) {
                return DecodedText(text: s, diagnostics: ["decoded as UTF-16"], isBinary: false)
            }
        }
        if looksBinary(data) {
            return DecodedText(text: "", diagnostics: ["binary data, not a text report"], isBinary: true)
        }
        // Over contiguous bytes: Data's own iterator costs as much as the rest of decoding.
        var bytes = [UInt8](data)
        var nuls = 0
        if bytes.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) {
            for i in bytes.indices where bytes[i] == 0 {
                bytes[i] = 0x20
                nuls += 1
            }
            diags.append("\(nuls) NUL byte\(nuls == 1 ? "" : "s") replaced by spaces")
        }
        var text: String
        if let valid = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            text = valid
        } else {
            text = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            diags.append("invalid UTF-8 replaced by U+FFFD")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return DecodedText(text: text, diagnostics: diags, isBinary: false)
    }

    /// Many NULs or control bytes in the first 8 KiB: an image, archive or executable.
    static func looksBinary(_ data: Data) -> Bool {
        let head = data.prefix(8192)
        var nul = 0
        var ctl = 0
        for b in head {
            if b == 0 { nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20) { ctl += 1 }
        }
        guard head.count >= 32 else { return false }
        return nul * 10 > head.count || (nul + ctl) * 5 > head.count
    }
}
