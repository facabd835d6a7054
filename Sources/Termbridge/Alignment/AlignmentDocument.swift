/// A sentence (or, at the paragraph level, any unit) of one side of a document pair.
public struct AlignmentUnit: Sendable, Hashable, Codable {
    /// The text, trimmed.
    public var text: String
    /// Index of the paragraph it belongs to.
    public var paragraph: Int
    /// 1-based line of the file where it starts.
    public var line: Int
    /// 1-based column (in Unicode scalars) where it starts.
    public var column: Int

    public init(text: String, paragraph: Int, line: Int, column: Int) {
        self.text = text
        self.paragraph = paragraph
        self.line = line
        self.column = column
    }
}

/// One side of a document pair, split into paragraphs and sentences.
public struct AlignmentDocument: Sendable, Hashable {
    /// The language: `zh` or `en`.
    public var language: String
    /// The file it came from, for messages and reports.
    public var file: String?
    /// The sentences in document order.
    public var sentences: [AlignmentUnit]

    public init(language: String, file: String? = nil, sentences: [AlignmentUnit]) {
        self.language = language
        self.file = file
        self.sentences = sentences
    }

    /// What the sentences' characters say about the document's language.
    public var languageEvidence: LanguageEvidence {
        LanguageEvidence(sentences.lazy.map(\.text))
    }

    /// The sentences grouped by paragraph: ranges of sentence indices, in order.
    public var paragraphs: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in sentences.indices where i > 0 && sentences[i].paragraph != sentences[i - 1].paragraph {
            result.append(start..<i)
            start = i
        }
        if !sentences.isEmpty { result.append(start..<sentences.count) }
        return result
    }

    /// Splits `text` into paragraphs (separated by blank lines) and sentences (with
    /// ``SentenceSplitter``), or, when `presplit`, takes each non-empty line as a sentence
    /// (and every line as its own paragraph).
    public init(text: String, language: String, file: String? = nil, presplit: Bool = false) throws {
        self.language = language
        self.file = file
        var sentences: [AlignmentUnit] = []
        let splitter = try SentenceSplitter()
        var paragraph = 0
        var inParagraph = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingWhitespace.isEmpty {
                if inParagraph { paragraph += 1; inParagraph = false }
                continue
            }
            if presplit {
                let leading = line.unicodeScalars.prefix { $0.properties.isWhitespace }.count
                sentences.append(AlignmentUnit(text: line.trimmingWhitespace, paragraph: paragraph,
                                               line: lineNumber, column: leading + 1))
                paragraph += 1
                continue
            }
            inParagraph = true
            for sentence in try splitter.sentences(in: line) {
                sentences.append(AlignmentUnit(text: sentence.text, paragraph: paragraph, line: lineNumber,
                                               column: sentence.range.scalars.lowerBound + 1))
            }
        }
        self.sentences = sentences
    }
}

/// A bead: sentences of the Chinese side aligned with sentences of the English side.
/// Either side may be empty: `[3]:[]` is a Chinese sentence with no English (an addition),
/// `[]:[5]` an English sentence left untranslated (a cut).
public struct Bead: Sendable, Hashable, Codable {
    /// Chinese sentence indices, ascending and contiguous.
    public var chinese: [Int]
    /// English sentence indices, ascending and contiguous.
    public var english: [Int]
    /// Confidence in 0…1.
    public var score: Double

    public init(chinese: [Int], english: [Int], score: Double) {
        self.chinese = chinese
        self.english = english
        self.score = score
    }

    /// The bead type, e.g. `1:2` or `0:1`.
    public var kind: String { "\(chinese.count):\(english.count)" }

    /// The bead in the gold format of the evaluation data: `[i,j]:[k]`, 0-based.
    public var notation: String {
        "[" + chinese.map(String.init).joined(separator: ",") + "]:[" + english.map(String.init).joined(separator: ",") + "]"
    }
}

/// An aligned document pair.
public struct Alignment: Sendable, Hashable {
    public var chinese: AlignmentDocument
    public var english: AlignmentDocument
    /// The beads in document order; together they cover every sentence of both sides once.
    public var beads: [Bead]

    public init(chinese: AlignmentDocument, english: AlignmentDocument, beads: [Bead]) {
        self.chinese = chinese
        self.english = english
        self.beads = beads
    }

    /// The texts of a bead's Chinese and English sentences, each side joined (Chinese without
    /// spaces, English with one).
    public func texts(of bead: Bead) -> (chinese: String, english: String) {
        (bead.chinese.map { chinese.sentences[$0].text }.joined(),
         bead.english.map { english.sentences[$0].text }.joined(separator: " "))
    }
}
