/// One of the two languages Termbridge works between.
public enum TextLanguage: String, Sendable, Codable, CaseIterable {
    case chinese
    case english

    /// The name in messages: `Chinese`, `English`.
    public var name: String { self == .chinese ? "Chinese" : "English" }
}

/// Which language a text is in, judged from its own characters: Han characters against
/// Latin letters. Digits, punctuation, white space and other scripts are not counted.
///
/// A Han character carries about as much text as three Latin letters (a Chinese
/// translation has roughly a third as many characters as the letters of its English
/// source), so the Han share is `han / (han + latin / 3)`:
/// - at least ``chineseShare`` (0.35): **Chinese** — a Chinese text stays Chinese with
///   English names, acronyms and glosses in brackets (a compilation with one Latin letter
///   for every Han character still has a share of 0.75);
/// - at most ``englishShare`` (0.10): **English** — an English text stays English with
///   Chinese terms quoted in it (one Han character per 30 letters has a share of 0.09);
/// - in between, or with fewer than ``minimumCharacters`` counted: no verdict (`nil`), so
///   short or truly mixed texts are never refused.
///
/// Counting is O(n) in the text; evidence adds up, so a stream can be judged from its first
/// pieces.
public struct LanguageEvidence: Sendable, Hashable, CustomStringConvertible {
    /// Han characters (CJK unified ideographs, extensions, compatibility ideographs, 〇).
    public private(set) var hanCharacters = 0
    /// Latin letters, ASCII, accented or full-width.
    public private(set) var latinLetters = 0

    /// Han share from which a text is Chinese.
    public static let chineseShare = 0.35
    /// Han share up to which a text is English.
    public static let englishShare = 0.10
    /// Han characters plus Latin letters needed for any verdict.
    public static let minimumCharacters = 20

    public init() {}

    /// The evidence of `text`.
    public init(_ text: some StringProtocol) {
        add(text)
    }

    /// The evidence of several texts together.
    public init(_ texts: some Sequence<some StringProtocol>) {
        for text in texts { add(text) }
    }

    /// Counts the characters of `text` in.
    public mutating func add(_ text: some StringProtocol) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { latinLetters += 1 }
            } else if Self.isHan(value) {
                hanCharacters += 1
            } else if Self.isLatinLetter(value) {
                latinLetters += 1
            }
        }
    }

    /// Adds another text's evidence.
    public mutating func add(_ other: LanguageEvidence) {
        hanCharacters += other.hanCharacters
        latinLetters += other.latinLetters
    }

    /// Han characters plus Latin letters.
    public var counted: Int { hanCharacters + latinLetters }

    /// `han / (han + latin / 3)`, 0 for no counted character.
    public var hanShare: Double {
        let weighted = Double(hanCharacters) + Double(latinLetters) / 3
        return weighted > 0 ? Double(hanCharacters) / weighted : 0
    }

    /// The language, or nil when the text is too short or mixed.
    public var language: TextLanguage? {
        guard counted >= Self.minimumCharacters else { return nil }
        if hanShare >= Self.chineseShare { return .chinese }
        if hanShare <= Self.englishShare { return .english }
        return nil
    }

    /// Whether the text is clearly in the other language than `expected`.
    public func contradicts(_ expected: TextLanguage) -> Bool {
        language.map { $0 != expected } ?? false
    }

    /// `0 Han characters, 4,210 Latin letters`.
    public var description: String {
        "\(Self.grouped(hanCharacters)) Han character\(hanCharacters == 1 ? "" : "s"), "
            + "\(Self.grouped(latinLetters)) Latin letter\(latinLetters == 1 ? "" : "s")"
    }

    /// `4210` as `4,210` (the same in every locale).
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
        default: false
        }
    }

    @inline(__always)
    static func isLatinLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        case 0xC0...0x24F: value != 0xD7 && value != 0xF7
        default: false
        }
    }
}

/// A text in the other language than the one expected: an English file given where the
/// Chinese one belongs, swapped arguments, a bilingual file whose language labels
/// contradict its content. Printed at the command-line edge; the command exits 2.
public struct LanguageMismatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, when known.
    public var file: String?
    /// What was read, as the message names it: `the text`, `the side labelled en (source)`.
    public var subject: String
    /// The language the command expected there.
    public var expected: TextLanguage
    /// What was found.
    public var evidence: LanguageEvidence
    /// What else went wrong or what to do, appended after a semicolon (`did you swap the
    /// files?`); nil for nothing.
    public var hint: String?

    public init(file: String?, subject: String = "the text", expected: TextLanguage, evidence: LanguageEvidence,
                hint: String? = nil) {
        self.file = file
        self.subject = subject
        self.expected = expected
        self.evidence = evidence
        self.hint = hint
    }

    /// `Corpus/en/x.md: expected Chinese, but the text is English (0 Han characters, 4,210
    /// Latin letters); did you swap the files?`
    public var description: String {
        let found = evidence.language?.name ?? "mixed"
        return "\(TerminalText.escaped(file ?? "standard input")): expected \(expected.name), but \(subject) is \(found) (\(evidence))"
            + (hint.map { "; " + $0 } ?? "")
    }
}

/// The checks commands make before they work on a text: that the Chinese input is Chinese
/// and the English input English (see ``LanguageEvidence``).
public enum LanguageCheck {
    /// Throws when `evidence` of `file` contradicts `expected`.
    public static func require(_ expected: TextLanguage, _ evidence: LanguageEvidence, file: String?,
                               hint: String? = nil) throws(LanguageMismatchError) {
        if evidence.contradicts(expected) {
            throw LanguageMismatchError(file: file, expected: expected, evidence: evidence, hint: hint)
        }
    }

    /// Throws when the Chinese file is not Chinese or the English file not English. When
    /// both are the wrong way round the error is on the Chinese file and asks whether the
    /// files were swapped.
    public static func requirePair(chinese: (file: String?, evidence: LanguageEvidence),
                                   english: (file: String?, evidence: LanguageEvidence)) throws(LanguageMismatchError) {
        let chineseWrong = chinese.evidence.contradicts(.chinese), englishWrong = english.evidence.contradicts(.english)
        if chineseWrong && englishWrong {
            throw LanguageMismatchError(
                file: chinese.file, expected: .chinese, evidence: chinese.evidence,
                hint: "did you swap the files? (\(english.file ?? "the English input"), given as the English, is Chinese: \(english.evidence); the Chinese file comes first)")
        }
        try require(.chinese, chinese.evidence, file: chinese.file)
        try require(.english, english.evidence, file: english.file)
    }
}
