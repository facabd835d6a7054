/// A word of English text: its position and its matching key.
public struct EnglishWord: Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// The word folded for matching: NFKC, lower case, without a possessive `'s`.
    public var folded: String
    /// Where the word is in the text.
    public var range: TextRange
}

/// Splits English (or the Latin parts of mixed) text into words: runs of letters and digits,
/// with apostrophes inside a word kept (don't, O'Brien) and hyphens and all other marks
/// separating words (quasi-ally → quasi, ally). O(n).
public enum EnglishWords {
    /// The words of `text`, in order.
    public static func of(_ text: String) -> [EnglishWord] {
        let normalizer = TextNormalizer.shared
        let scalars = Array(text.unicodeScalars)
        var words: [EnglishWord] = []
        var utf8 = 0
        var i = 0
        func isWordScalar(_ k: Int) -> Bool {
            let c = normalizer.characterClass(of: normalizer.fold(scalars[k].value))
            return c == .letter || c == .digit
        }
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            utf8Offsets.append(utf8)
            utf8 += UTF8.width(scalar)
        }
        utf8Offsets.append(utf8)
        while i < scalars.count {
            guard isWordScalar(i) else { i += 1; continue }
            let start = i
            while i < scalars.count {
                if isWordScalar(i) { i += 1; continue }
                let v = scalars[i].value
                if (v == 0x27 || v == 0x2019), i + 1 < scalars.count, isWordScalar(i + 1), i > start {
                    i += 1
                    continue
                }
                break
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<i])
            let original = String(view)
            var folded = normalizer.fold(original).lowercased().replacingApostrophes()
            if folded.hasSuffix("'s") { folded.removeLast(2) }
            words.append(EnglishWord(text: original, folded: folded,
                                     range: TextRange(utf8: utf8Offsets[start]..<utf8Offsets[i], scalars: start..<i)))
        }
        return words
    }
}

extension String {
    /// The string with typographic apostrophes (’) as ASCII ones.
    func replacingApostrophes() -> String {
        contains("\u{2019}") ? String(unicodeScalars.map { $0 == "\u{2019}" ? "'" : Character($0) }) : self
    }
}
