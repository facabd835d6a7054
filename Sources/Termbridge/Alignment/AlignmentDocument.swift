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
    /// The part of the document it is in (``DocumentPartClassifier``).
    public var part: DocumentPart

    public init(text: String, paragraph: Int, line: Int, column: Int, anchors: [ColumnAnchor] = [],
                part: DocumentPart = .body) {
        self.text = text
        self.paragraph = paragraph
        self.line = line
        self.column = column
        self.anchors = anchors
        self.part = part
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
    /// (and every line as its own paragraph).
    ///
    /// - Markup is taken out of every line first (``MarkupLine``); a line with no text left
    ///   (a thematic break, a setext underline) separates paragraphs; YAML front matter
    ///   (`---` … `---` at the top) is left out but for its `title:`, which is the title.
    /// - Each line gets its part (``DocumentPartClassifier``; Chinese when `language` is a
    ///   `zh` tag, else English). Titles, bylines and headings are one unit each, not split
    ///   into sentences. In a file with blank-line paragraphs, a paragraph also ends where
    ///   the part changes and around every title, byline and heading, so that paragraphs
    ///   never mix parts.
    /// - Lines and columns are those of the file; a leading byte-order mark is not a column.
    public init(text: String, language: String, file: String? = nil, presplit: Bool = false) throws {
        self.language = language
        self.file = file
        var lines = ByteOrderMark.removing(from: text).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { index, raw in
                DocumentLine(number: index + 1, plain: MarkupLine(raw.hasSuffix("\r") ? raw.dropLast() : raw[...]))
            }
        if !presplit { Self.readLayout(of: text, into: &lines) }
        let classifier = DocumentPartClassifier(language: Concept.tag(language, matches: "zh") ? .chinese : .english,
                                                presplit: presplit)
        let parts = classifier.parts(of: lines)
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        let splitsAtParts = !presplit && zip(nonBlank, nonBlank.dropFirst()).contains { $1 > $0 + 1 }
        var sentences: [AlignmentUnit] = []
        let splitter = try SentenceSplitter()
        var paragraph = 0
        var inParagraph = false
        var previous: DocumentPart?
        for (index, line) in lines.enumerated() {
            if line.isBlank {
                if inParagraph { paragraph += 1; inParagraph = false }
                continue
            }
            let part = parts[index]
            if inParagraph, splitsAtParts, let previous, previous != part || part.isSingleUnit || previous.isSingleUnit {
                paragraph += 1
            }
            let scalars = Array(line.plain.text.unicodeScalars)
            let pieces: [Range<Int>]
            if presplit || part.isSingleUnit {
                var start = 0, end = scalars.count
                while start < end, scalars[start].properties.isWhitespace { start += 1 }
                while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
                pieces = [start..<end]
            } else {
                pieces = try splitter.sentences(in: line.plain.text).map(\.range.scalars)
            }
            for range in pieces {
                var unit = Self.unit(range, of: line.plain, scalars: scalars, paragraph: paragraph, line: line.number)
                unit.part = part
                sentences.append(unit)
            }
            if presplit { paragraph += 1 } else { inParagraph = true }
            previous = part
        }
        self.sentences = sentences
    }

    /// Markdown layout that spans lines: YAML front matter at the top (blanked, but for its
    /// `title:`, made a level-1 heading) and setext headings (the underline blanked, the
    /// line above made a heading).
    static func readLayout(of text: String, into lines: inout [DocumentLine]) {
        let raw = ByteOrderMark.removing(from: text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0[...] }
        if let first = raw.first, first.trimmingSpaces == "---",
           let close = raw.indices.dropFirst().prefix(40).first(where: { ["---", "..."].contains(raw[$0].trimmingSpaces) }),
           raw[1..<close].allSatisfy({ $0.trimmingSpaces.isEmpty || $0.contains(":") || $0.trimmingSpaces.hasPrefix("-") }) {
            for i in 0...close {
                lines[i].plain = .empty
                lines[i].text = ""
                guard i > 0, i < close, let value = EnglishTitle.frontMatterTitle(raw[i]) else { continue }
                var plain = MarkupLine(raw[i][value])
                let shift = raw[i].unicodeScalars.distance(from: raw[i].unicodeScalars.startIndex, to: value.lowerBound)
                plain.columns = plain.columns.map { $0 + shift }
                plain.block = .heading(level: 1)
                lines[i] = DocumentLine(number: i + 1, plain: plain)
            }
        }
        for i in lines.indices.dropFirst() where MarkupLine.setextLevel(raw[i]) != nil {
            let above = lines[i - 1]
            guard !above.isBlank, above.plain.block == .text, i < 2 || lines[i - 2].isBlank,
                  let level = MarkupLine.setextLevel(raw[i]) else { continue }
            lines[i - 1].plain.block = .heading(level: level)
            lines[i].plain = .empty
            lines[i].text = ""
        }
    }

    /// The unit of the scalars `range` of a plain line (whose scalars are `scalars`), with its
    /// column and anchors.
    static func unit(_ range: Range<Int>, of plain: MarkupLine, scalars: [Unicode.Scalar], paragraph: Int, line: Int) -> AlignmentUnit {
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
