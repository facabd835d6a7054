/// Text that came from a file or a file name, made safe to show on a terminal.
///
/// A file name or a glossary term may hold a line break, a carriage return or an escape
/// sequence (ESC [ …) that a terminal would obey: a fake line in an error message, a moved
/// cursor, a changed title. Messages on standard error, and human-readable output on a
/// terminal, show such characters as escapes instead.
public enum TerminalText {
    /// `text` with every control character — C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F)
    /// — written as an escape: `\n`, `\r`, `\t`, else `\u{1B}`. Other text, Chinese included, is unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
