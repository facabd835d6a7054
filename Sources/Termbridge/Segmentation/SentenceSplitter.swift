import ICU

/// A sentence of a text: its text (without surrounding white space) and its range.
public struct Sentence: Sendable, Hashable {
    /// The sentence, trimmed of leading and trailing white space.
    public var text: String
    /// Where the trimmed sentence is in the split text.
    public var range: TextRange

    public init(text: String, range: TextRange) {
        self.text = text
        self.range = range
    }
}

/// Splits Chinese, English and mixed text into sentences: ICU's sentence break (with ICU's
/// English abbreviation suppressions), corrected for
/// - Chinese closing quotes and brackets after 。！？ (“……。”), which stay with the sentence;
/// - English abbreviations: titles before names (Gen., Dr., Mr.) never end a sentence, and
///   initialisms (U.S., U.K.) end one only when a typical sentence opener follows.
///
/// One splitter serves both languages; use one instance per thread. O(n).
public final class SentenceSplitter {
    private let breaker: BreakIterator

    /// - Throws: ``ICUError`` when ICU's sentence rules cannot be opened.
    public init() throws {
        breaker = try BreakIterator(.sentence, locale: "en@ss=standard")
    }

    /// The sentences of `text`, in order; white space between sentences belongs to none.
    public func sentences(in text: String) throws -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        var utf16: [UInt16] = []
        var utf16ToScalar: [Int] = []
        var utf8Offsets: [Int] = []
        utf16.reserveCapacity(scalars.count)
        var byte = 0
        for (index, scalar) in scalars.enumerated() {
            utf8Offsets.append(byte)
            byte += UTF8.width(scalar)
            for unit in scalar.utf16 {
                utf16.append(unit)
                utf16ToScalar.append(index)
            }
        }
        utf8Offsets.append(byte)
        utf16ToScalar.append(scalars.count)

        var cuts: [Int] = []
        try utf16.withUnsafeBufferPointer { units in
            try breaker.forEachBoundary(in: units) { cuts.append(utf16ToScalar[$0.offset]) }
        }
        cuts = Self.corrected(cuts, scalars)

        var result: [Sentence] = []
        var start = 0
        for cut in cuts {
            var s = start, e = cut
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if s < e {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[s..<e])
                result.append(Sentence(text: String(view),
                                       range: TextRange(utf8: utf8Offsets[s]..<utf8Offsets[e], scalars: s..<e)))
            }
            start = cut
        }
        return result
    }

    /// Closing marks that stay with the sentence before them.
    static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", ")", "》", "】", "\"", "'"]
    static let chineseTerminators: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "…"]
    /// Abbreviations that precede a name or a number and so never end a sentence.
    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
        "Sen", "Rep", "Gov", "Pres", "Amb", "Sec", "Rev", "St", "Mt", "Ft", "No", "Nos", "vs",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "e.g", "i.e", "cf", "approx", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr",
    ]
    /// Words that typically open an English sentence: after an initialism such as "U.S."
    /// one of them means the initialism did end the sentence.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "But", "And", "Yet",
        "So", "In", "On", "At", "For", "If", "When", "While", "As", "Such", "There", "They",
        "We", "He", "She", "I", "You", "What", "Why", "How", "Still", "However", "Instead",
        "Both", "Each", "Neither", "No", "None", "Nor", "Or", "Even", "Only", "Then", "Meanwhile",
    ]

    static func corrected(_ cuts: [Int], _ s: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        for var cut in cuts {
            if let last = result.last, cut <= last { continue }
            // Closing quotes and brackets after a terminator stay with its sentence.
            if cut > 0, chineseTerminators.contains(s[cut - 1]) || closers.contains(s[cut - 1]) {
                while cut < s.count, closers.contains(s[cut]) { cut += 1 }
            }
            if cut < s.count, endsWithAbbreviation(s, before: cut) { continue }
            result.append(cut)
        }
        if result.last != s.count { result.append(s.count) }
        return result
    }

    /// Whether the text before `cut` ends with an abbreviation that does not end a sentence
    /// here (judging by the word after `cut`).
    static func endsWithAbbreviation(_ s: [Unicode.Scalar], before cut: Int) -> Bool {
        var e = cut
        while e > 0, s[e - 1].properties.isWhitespace { e -= 1 }
        guard e > 0, s[e - 1] == "." else { return false }
        var b = e - 1
        while b > 0, s[b - 1].properties.isAlphabetic || s[b - 1] == "." { b -= 1 }
        guard b < e - 1 else { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[b..<(e - 1)])
        let abbreviation = String(word)
        if titles.contains(abbreviation) { return true }
        // Initialisms: single letters with dots (U.S, U.K, U.N).
        let parts = abbreviation.split(separator: ".")
        guard parts.count >= 2, parts.allSatisfy({ $0.count == 1 && $0.first!.isUppercase }) else { return false }
        var n = cut
        while n < s.count, s[n].properties.isWhitespace { n += 1 }
        var w = n
        while w < s.count, s[w].properties.isAlphabetic { w += 1 }
        var next = String.UnicodeScalarView()
        next.append(contentsOf: s[n..<w])
        let nextWord = String(next)
        if nextWord.isEmpty { return false }
        return !sentenceOpeners.contains(nextWord)
    }
}
