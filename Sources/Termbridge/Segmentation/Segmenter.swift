import ICU

/// Chinese (and mixed Chinese–English) word segmentation: ICU's dictionary-based word
/// breaks, corrected by a user dictionary and by rules that join runs ICU leaves in pieces.
///
/// The pipeline, each stage keeping offsets into the original text:
/// 1. **normalize** — every scalar folded by ``TextNormalizer`` (NFKC, Traditional →
///    Simplified), one scalar for one scalar, so offsets need no mapping;
/// 2. **break** — ICU word boundaries over the folded text;
/// 3. **join** — Latin words with inner hyphens and dots (non-NATO, U.S.), numbers with
///    separators (2,000), transliterated names around a middle dot (丽贝卡·利斯纳);
/// 4. **dictionary** — the cheapest path through a lattice of user-dictionary terms, ICU
///    words and single characters (see `Docs/Segmentation.md`); longest terms win;
/// 5. **tokens** — each with its kind and its UTF-8 and scalar range in the original.
///
/// A segmenter holds ICU state and scratch buffers: use one per thread. The dictionary is
/// shared. Time is O(n) in the text length, plus O(n·k) for dictionary lookups, where k
/// is the longest dictionary term.
public final class Segmenter {
    /// The user dictionary whose terms stay whole.
    public let dictionary: UserDictionary
    /// How runs are joined.
    public let options: Options
    private let wordBreaker: BreakIterator
    private var workspace = SegmentationWorkspace()

    /// Choices about which runs the segmenter joins into one token.
    public struct Options: Sendable, Equatable {
        /// Join a run of three or more Han characters that ICU leaves as single characters
        /// and that are all transliteration characters (利斯纳, 泽连斯基) into one name.
        public var joinsTransliteratedNames = true
        /// Join a number with a unit written straight after it (2024年, 12月, 55.6亿, 6%), as
        /// the PKU and CTB segmentation standards do.
        public var joinsNumberUnits = true

        public init(joinsTransliteratedNames: Bool = true, joinsNumberUnits: Bool = true) {
            self.joinsTransliteratedNames = joinsTransliteratedNames
            self.joinsNumberUnits = joinsNumberUnits
        }
    }

    /// Creates a segmenter with a user dictionary (empty by default).
    ///
    /// - Throws: ``ICUError`` when ICU's word break rules cannot be opened.
    public init(dictionary: UserDictionary = UserDictionary(), options: Options = Options()) throws {
        self.dictionary = dictionary
        self.options = options
        self.wordBreaker = try BreakIterator(.word, locale: "zh")
        _ = TextNormalizer.shared
    }

    /// The tokens of `text`, white space included, in order; together they cover the text.
    /// Ranges are relative to the start of `text`.
    public func tokens(in text: String) throws -> [Token] {
        var text = text
        return try text.withUTF8 { try tokens(utf8: $0) }
    }

    /// The tokens of UTF-8 `bytes`; ranges are relative to the start of `bytes`.
    ///
    /// - Throws: ``InvalidUTF8Error`` (without a file name) when `bytes` is not UTF-8.
    public func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [Token] {
        var result: [Token] = []
        try segment(utf8: bytes) { kind, utf8, scalars in
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self)
            result.append(Token(text: text, kind: kind, range: TextRange(utf8: utf8, scalars: scalars)))
        }
        return result
    }

    /// Segments UTF-8 `bytes` and calls `body` with each token's kind, UTF-8 range and scalar
    /// range (relative to `bytes`), without building strings — the streaming entry point.
    ///
    /// - Throws: ``InvalidUTF8Error`` when `bytes` is not UTF-8 (before `body` is called).
    public func segment(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ kind: TokenKind, _ utf8: Range<Int>, _ scalars: Range<Int>) throws -> Void
    ) throws {
        try workspace.load(bytes)
        try workspace.breakWords(with: wordBreaker)
        workspace.joinRuns(options: options)
        if !dictionary.isEmpty {
            workspace.applyDictionary(dictionary)
        }
        try workspace.forEachToken(body)
    }
}
