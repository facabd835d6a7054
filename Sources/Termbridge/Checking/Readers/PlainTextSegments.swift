/// Segments from plain text: an aligned pair of files, or a Chinese document alone.
public enum PlainTextSegments {
    /// One segment per bead of `alignment`, in order: both sides for a pair, the Chinese
    /// alone for an addition (1:0), the English alone for a cut (0:1).
    ///
    /// The sentences of a side are joined as ``Alignment/texts(of:)`` joins them (Chinese
    /// without a separator, English with one space); each sentence keeps its own line and
    /// column, and its anchors where markup was taken out (``AlignmentUnit``), so every
    /// offset of the joined text maps back to the file.
    public static func segments(of alignment: Alignment) -> [CheckSegment] {
        alignment.beads.enumerated().map { index, bead in
            CheckSegment(index: index, id: bead.notation,
                         source: side(bead.english, of: alignment.english, separator: " "),
                         target: side(bead.chinese, of: alignment.chinese, separator: ""),
                         alignmentScore: bead.score.isFinite ? bead.score : nil)
        }
    }

    /// The sentences `indices` of `document` as one text with their positions; nil for none.
    static func side(_ indices: [Int], of document: AlignmentDocument, separator: String) -> SegmentText? {
        guard !indices.isEmpty else { return nil }
        var text = ""
        var positions: [TextPositions.Anchor] = []
        var offset = 0
        for (k, index) in indices.enumerated() {
            if k > 0 {
                text += separator
                offset += separator.unicodeScalars.count
            }
            let sentence = document.sentences[index]
            positions += anchors(of: sentence, at: offset)
            text += sentence.text
            offset += sentence.text.unicodeScalars.count
        }
        return SegmentText(text: text, file: document.file, positions: TextPositions(anchors: positions))
    }

    /// Where the scalars of `unit`'s text are, its text starting at `offset` of a segment's
    /// text and its columns shifted by `columnShift`.
    static func anchors(of unit: AlignmentUnit, at offset: Int, columnShift: Int = 0) -> [TextPositions.Anchor] {
        [TextPositions.Anchor(offset: offset, line: unit.line, column: unit.column + columnShift)]
            + unit.anchors.map { TextPositions.Anchor(offset: offset + $0.offset, line: unit.line, column: $0.column + columnShift) }
    }

    /// One segment per sentence of a Chinese document, read line by line in bounded memory
    /// (a line longer than 1 MB is taken in pieces), its markup taken out as
    /// ``AlignmentDocument`` takes it out (``MarkupLine``), for the checks that need no English:
    /// forbidden and deprecated terms, variant drift. Lines and columns count as
    /// ``AlignmentDocument`` counts them: a byte-order mark is not a column (``LineReader``
    /// skips it), CR before LF is dropped.
    ///
    /// The first sentences are held back until the text is judged Chinese
    /// (``SegmentLanguageGate``): an English file stops before any sentence is handed on.
    ///
    /// - Throws: ``FileError`` when the file cannot be read, ``InvalidUTF8Error`` with the
    ///   file and byte offset of invalid UTF-8, ``LanguageMismatchError`` when the text is
    ///   English, or what `body` throws.
    public static func forEachChineseSentence(inFileAt path: String, _ body: (CheckSegment) throws -> Void) throws {
        let input = try InputFile.open(path)
        defer { input.close() }
        let descriptor = input.descriptor
        let splitter = try SentenceSplitter()
        var index = 0
        var columnOffset = 0   // scalars of the line already handed out in earlier pieces
        var gate = SegmentLanguageGate(file: path, swapHint: "", targetSubject: "the text")
        do {
            try LineReader(descriptor: descriptor).forEachLine { piece in
                let line = try String(strictUTF8: piece.bytes, file: path, baseOffset: piece.byteOffset)
                let plain = MarkupLine(line)
                let scalars = Array(plain.text.unicodeScalars)
                for sentence in try splitter.sentences(in: plain.text) {
                    let unit = AlignmentDocument.unit(sentence.range.scalars, of: plain, scalars: scalars, paragraph: 0, line: piece.line)
                    let text = SegmentText(text: unit.text, file: path,
                                           positions: TextPositions(anchors: anchors(of: unit, at: 0, columnShift: columnOffset)))
                    try gate.pass(CheckSegment(index: index, source: nil, target: text), to: body)
                    index += 1
                }
                columnOffset = piece.endsLine ? 0 : columnOffset + line.unicodeScalars.count
            }
            try gate.finish(body)
        } catch let error as FileError where error.path == nil {
            throw FileError(path: path, line: error.line, column: error.column, message: error.message)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
