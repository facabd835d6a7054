import ICU

/// Chinese (and mixed Chinese–English) word segmentation: ICU's word breaks, joined where
/// ICU leaves runs in pieces, corrected by the user's dictionary, then — with a
/// ``SegmentationModel`` — re-cut by the most probable path of a word model over the
/// general vocabulary, with a model for unknown words.
///
/// The pipeline, each stage keeping offsets into the original text:
/// 1. **normalize** — every scalar folded by ``TextNormalizer`` (NFKC, Traditional →
///    Simplified), one scalar for one scalar, so offsets need no mapping;
/// 2. **break** — ICU word boundaries over the folded text;
/// 3. **join** — Latin words with inner hyphens and dots (non-NATO, U.S.), numbers with
///    separators (2,000), transliterated names around a middle dot (丽贝卡·利斯纳), runs of
///    a dash or an ellipsis (——, ……);
/// 4. **dictionary** — the cheapest path through a lattice of user-dictionary terms, ICU
///    words and single characters; longest terms win, and the terms chosen are fixed;
/// 5. **model** — the most probable path through a lattice of vocabulary words, numbers,
///    ICU words, single characters and unknown words (see `Docs/Segmentation.md`);
/// 6. **tokens** — each with its kind, its UTF-8 and scalar range in the original, and its
///    part of speech when asked for.
///
/// User terms always win: a term the dictionary stage chose is never cut or swallowed by
/// the model. A segmenter holds ICU state and scratch buffers: use one per thread. The
/// dictionary and the model are shared. Time is O(n·k) for n scalars and the longest
/// dictionary or vocabulary word k.
public final class Segmenter {
    /// The user dictionary whose terms stay whole.
    public let dictionary: UserDictionary
    /// The general vocabulary and unknown-word model; nil to cut with ICU, the joining
    /// rules and the user dictionary alone.
    public let model: SegmentationModel?
    /// How runs are joined.
    public let options: Options
    private let wordBreaker: BreakIterator
    private var workspace = SegmentationWorkspace()

    /// Choices about which runs the segmenter joins into one token, and which edges the
    /// model stage considers (the defaults are the measured best; the others exist for
    /// ablation, `termbridge-bench segment-ablation`).
    public struct Options: Sendable, Equatable {
        /// Join a run of three or more Han characters that ICU leaves as single characters
        /// and that are all transliteration characters (利斯纳, 泽连斯基) into one name.
        public var joinsTransliteratedNames = true
        /// Join a number with a unit written straight after it (2024年, 12月, 55.6亿, 6%), as
        /// the PKU and CTB segmentation standards do.
        public var joinsNumberUnits = true
        /// With a model: let ICU cut Han text with its own dictionary too, the joining rules
        /// work on ICU's words, and the model consider ICU's Han words that the vocabulary
        /// lacks. Off by default: the model cuts Han text by itself (ICU then only breaks
        /// other scripts, which is also much faster), and ICU's dictionary holds phrases as
        /// well as words (on PKU its Han words missing from the vocabulary were wrong 287
        /// times and right 118).
        public var consultsICUInHanText = false
        /// Model stage: offer numbers in Chinese numerals (三十一日, 第十九) as words.
        public var readsChineseNumbers = true
        /// Model stage: offer unknown words found by the character-position model.
        public var findsUnknownWords = true
        /// Model stage: how much more probable (×e^penalty) the character-position model must
        /// find a run as one word than as single characters (see ``SegmentationModel``).
        public var unknownWordPenalty: Float = SegmentationModel.Parameter.unknownWordPenalty

        public init(joinsTransliteratedNames: Bool = true, joinsNumberUnits: Bool = true) {
            self.joinsTransliteratedNames = joinsTransliteratedNames
            self.joinsNumberUnits = joinsNumberUnits
        }
    }

    /// Creates a segmenter with a user dictionary (empty by default) and, optionally, the
    /// general model.
    ///
    /// - Throws: ``ICUError`` when ICU's word break rules cannot be opened.
    public init(dictionary: UserDictionary = UserDictionary(), model: SegmentationModel? = nil,
                options: Options = Options()) throws {
        self.dictionary = dictionary
        self.model = model
        self.options = options
        self.wordBreaker = try BreakIterator(.word, locale: "zh")
        _ = TextNormalizer.shared
    }

    /// The tokens of `text`, white space included, in order, with their parts of speech;
    /// together they cover the text. Ranges are relative to the start of `text`.
    public func tokens(in text: String) throws -> [Token] {
        var text = text
        return try text.withUTF8 { try tokens(utf8: $0) }
    }

    /// The tokens of UTF-8 `bytes`; ranges are relative to the start of `bytes`.
    ///
    /// - Throws: ``InvalidUTF8Error`` (without a file name) when `bytes` is not UTF-8.
    public func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [Token] {
        var result: [Token] = []
        try segmentTagged(utf8: bytes) { kind, utf8, scalars, partOfSpeech in
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self)
            result.append(Token(text: text, kind: kind, range: TextRange(utf8: utf8, scalars: scalars),
                                partOfSpeech: partOfSpeech))
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
        try cut(bytes)
        try workspace.forEachToken(body)
    }

    /// As ``segment(utf8:_:)``, with each token's part of speech (see ``Token/partOfSpeech``).
    ///
    /// - Throws: ``InvalidUTF8Error`` when `bytes` is not UTF-8 (before `body` is called).
    public func segmentTagged(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ kind: TokenKind, _ utf8: Range<Int>, _ scalars: Range<Int>, _ partOfSpeech: PartOfSpeech) throws -> Void
    ) throws {
        try cut(bytes)
        try workspace.forEachToken { kind, utf8, scalars in
            try body(kind, utf8, scalars, workspace.partOfSpeech(scalars, kind: kind, dictionary: dictionary, model: model))
        }
    }

    /// Runs the stages up to the tokens.
    private func cut(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try workspace.load(bytes)
        // With a model, ICU breaks the other scripts only (see Options.consultsICUInHanText).
        let modelCutsHan = model != nil && !options.consultsICUInHanText
        try workspace.breakWords(with: wordBreaker, hanAsSingles: modelCutsHan)
        workspace.joinRuns(options: options, model: modelCutsHan ? model : nil)
        if !dictionary.isEmpty {
            workspace.applyDictionary(dictionary)
        }
        if let model {
            workspace.applyModel(model, options: options)
        }
    }
}
