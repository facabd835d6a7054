/// What a token is.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// A word of Han characters, including transliterated names joined by a middle dot
    /// (丽贝卡·利斯纳).
    case hanWord = "han"
    /// A word in an alphabetic script, possibly with digits and inner hyphens or
    /// apostrophes (ATACMS, G7, non-NATO, U.S.).
    case latinWord = "latin"
    /// A number, possibly with separators and a decimal part (2024, 2,000, 3.5).
    case number
    /// Punctuation, one mark or a run of the same mark (——, ……).
    case punctuation
    /// White space, line breaks included.
    case whitespace
    /// Anything else: symbols, kana, emoji.
    case other
}

/// A range in a text measured two ways: in UTF-8 bytes (for slicing files and for tools
/// that count bytes) and in Unicode scalars (for editors and for Python-style indices).
public struct TextRange: Sendable, Hashable, Codable {
    /// Byte offsets into the UTF-8 encoding of the text.
    public var utf8: Range<Int>
    /// Unicode-scalar offsets into the text.
    public var scalars: Range<Int>

    public init(utf8: Range<Int>, scalars: Range<Int>) {
        self.utf8 = utf8
        self.scalars = scalars
    }
}

/// One token of segmented text: its text exactly as it appears in the original input,
/// what kind of token it is, where it is, and its part of speech.
public struct Token: Sendable, Hashable {
    /// The token's text, unchanged from the input (Traditional stays Traditional).
    public var text: String
    /// What the token is.
    public var kind: TokenKind
    /// Where the token is in the segmented text.
    public var range: TextRange
    /// Its part of speech in jieba's tag set: a user term's own tag (from a jieba dictionary
    /// line or the glossary), the general vocabulary's, or a guess from the characters for a
    /// word the vocabulary does not tag; `m` for numbers, `eng` for Latin words, `nr` for
    /// names joined around a middle dot, `x` for punctuation, white space and anything
    /// unknown (always `x` for Han words when the segmenter has no model and no tag).
    public var partOfSpeech: PartOfSpeech

    public init(text: String, kind: TokenKind, range: TextRange, partOfSpeech: PartOfSpeech = .unknown) {
        self.text = text
        self.kind = kind
        self.range = range
        self.partOfSpeech = partOfSpeech
    }
}
