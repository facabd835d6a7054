/// A sentence (or, at the paragraph level, any unit) of one side of a document pair.
public struct AlignmentUnit: Sendable, Hashable, Codable {
    /// The text, trimmed, without markup (see ``MarkupLine``).
    public var text: String
    /// Index of the paragraph it belongs to.
    public var paragraph: Int
    /// 1-based line of the file where it starts.
    public var line: Int
    /// 1-based column (in Unicode scalars) where it starts.
    public var column: Int
    /// Where the text stops being a straight copy of the line because markup was taken out
    /// inside it (`**`, a link's address, a tag): from scalar ``ColumnAnchor/offset`` of
    /// ``text`` on, the text continues at ``ColumnAnchor/column``. Empty when the text is
    /// copied straight from ``column`` on.
    public var anchors: [ColumnAnchor]

    public init(text: String, paragraph: Int, line: Int, column: Int, anchors: [ColumnAnchor] = []) {
        self.text = text
        self.paragraph = paragraph
        self.line = line
        self.column = column
        self.anchors = anchors
    }

    /// The 1-based column of scalar `offset` of ``text``.
    public func column(ofScalar offset: Int) -> Int {
        guard let anchor = anchors.last(where: { $0.offset <= offset }) else { return column + offset }
        return anchor.column + offset - anchor.offset
    }
}

/// A place where a unit's text jumps ahead in its line (see ``AlignmentUnit/anchors``).
public struct ColumnAnchor: Sendable, Hashable, Codable {
    /// Scalar offset in the unit's text.
    public var offset: Int
    /// 1-based column of that scalar in the line.
    public var column: Int

    public init(offset: Int, column: Int) {
        self.offset = offset
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
    /// (and every line as its own paragraph). Markup is taken out of every line first
    /// (``MarkupLine``); a line with no text left (a thematic break) separates paragraphs.
    /// Lines and columns are those of the file; a leading byte-order mark is not a column.
    public init(text: String, language: String, file: String? = nil, presplit: Bool = false) throws {
        self.language = language
        self.file = file
        var sentences: [AlignmentUnit] = []
        let splitter = try SentenceSplitter()
        var paragraph = 0
        var inParagraph = false
        var lineNumber = 0
        for rawLine in ByteOrderMark.removing(from: text).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let plain = MarkupLine(line)
            if plain.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                if inParagraph { paragraph += 1; inParagraph = false }
                continue
            }
            let pieces: [Range<Int>]
            if presplit {
                pieces = [Self.trimmed(0..<plain.columns.count, in: plain)]
            } else {
                pieces = try splitter.sentences(in: plain.text).map(\.range.scalars)
            }
            for range in pieces {
                sentences.append(Self.unit(range, of: plain, paragraph: paragraph, line: lineNumber))
            }
            if presplit { paragraph += 1 } else { inParagraph = true }
        }
        self.sentences = sentences
    }

    /// `range` without the white space at its ends.
    static func trimmed(_ range: Range<Int>, in plain: MarkupLine) -> Range<Int> {
        let scalars = Array(plain.text.unicodeScalars)
        var start = range.lowerBound, end = range.upperBound
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start..<end
    }

    /// The unit of the scalars `range` of a plain line, with its column and anchors.
    static func unit(_ range: Range<Int>, of plain: MarkupLine, paragraph: Int, line: Int) -> AlignmentUnit {
        let scalars = Array(plain.text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        var anchors: [ColumnAnchor] = []
        for k in range.dropFirst() where plain.columns[k] != plain.columns[k - 1] + 1 {
            anchors.append(ColumnAnchor(offset: k - range.lowerBound, column: plain.columns[k] + 1))
        }
        return AlignmentUnit(text: String(view), paragraph: paragraph, line: line,
                             column: (range.isEmpty ? 0 : plain.columns[range.lowerBound]) + 1, anchors: anchors)
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
