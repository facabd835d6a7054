/// The lines of a document with their 1-based numbers: split at LF and CRLF (one
/// `Character` in Swift), a leading byte-order mark removed from line 1. O(n).
struct NumberedLine {
    /// 1-based line number.
    var number: Int
    /// The line without its terminator.
    var text: Substring

    static func lines(of text: String) -> [NumberedLine] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .enumerated().map { index, line in NumberedLine(number: index + 1, text: line) }
    }
}

extension Character {
    /// A Han ideograph (CJK unified or compatibility), including 〇.
    var isHan: Bool { unicodeScalars.first?.properties.isIdeographic ?? false }

    /// A letter of the Latin script, ASCII or accented or full-width.
    var isLatinLetter: Bool {
        guard let value = unicodeScalars.first?.value else { return false }
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        case 0xC0...0x24F: return value != 0xD7 && value != 0xF7
        default: return false
        }
    }

    /// White space, including the ideographic space U+3000.
    var isSpace: Bool { isWhitespace && !isNewline }
}

extension StringProtocol {
    /// Whether the text has at least one Latin letter (an English title has).
    var containsLatinLetter: Bool { contains { $0.isLatinLetter } }

    /// The text without leading and trailing white space (ideographic space included).
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension Character {
    /// The character with ASCII upper case lowered; every other character as it is (so the
    /// result is always one character, unlike `lowercased()`).
    var asciiLowercased: Character {
        guard let ascii = asciiValue, (0x41...0x5A).contains(ascii) else { return self }
        return Character(Unicode.Scalar(ascii + 0x20))
    }
}
