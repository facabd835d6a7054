import ArgumentParser
import Foundation
import Termbridge

/// `termbridge align ZH --source EN`: sentence alignment of a Chinese translation with its English
/// source, written as TMX, TSV, JSON Lines, beads or an HTML review page.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a Chinese translation with its English source, sentence by sentence.",
        discussion: """
        Both files are read as strict UTF-8, split into paragraphs (blank lines) and sentences, \
        or taken one sentence per non-empty line with --presplit. A file with no sentence \
        (empty or blank) is an error: there is nothing to align it with, and so is a Chinese \
        file whose text is English or an English file whose text is Chinese (swapped \
        arguments), judged by the share of Han characters against Latin letters.

        Each line's part is told from cues (Docs/Alignment.md): title, byline, headings, \
        body, and the matter a compilation adds — front matter (导语/编者按/摘要 blocks, \
        publisher lines, the author's bio), picture captions (图源:…) and back matter (the \
        attribution line, 编译|/审校| credits, publicity lines). That matter is never aligned \
        (1:0 beads); titles pair with titles, the byline with the author line. Markdown and \
        HTML markup is taken out of the text (positions still point into the file).

        Formats: tsv (a zh/en/score header, then one row per bead; tabs and line breaks in a \
        text become spaces), jsonl (one object per bead: indices, texts, parts, kind, score), \
        beads (one [i,j]:[k] line per bead, 0-based sentence indices: the gold format, which \
        has no score — use tsv or jsonl for scores), tmx (TMX 1.4b, English source first: \
        only beads with both sides scoring at least --min-score, 0.30 by default; the rest \
        are left out and counted in a note on standard error, or, with --keep-weak, weak \
        beads are kept and marked <prop type="x-termbridge-review">), html (a review page: \
        glossary terms highlighted, cuts, additions and matter marked, beads below \
        --flag-below flagged). Without --format the format \
        comes from -o's extension (.tsv, .jsonl, .beads/.align, .tmx, .html), else tsv. \
        Output goes to -o OUT, written atomically, or to standard output.

        CC-CEDICT gives the aligner its lexical anchors; it is found without being named \
        (see `termbridge data status`), and --no-lexicon turns it off.
        """
    )

    @Argument(help: ArgumentHelp("The Chinese text (UTF-8).", valueName: "ZH_FILE"))
    var chinese: String

    @Option(name: .customLong("source"), help: ArgumentHelp(
        "The English text it translates (UTF-8; Markdown is read as plain text).", valueName: "EN_FILE"))
    var source: String?

    /// The English file as a second argument: the older spelling of --source, still accepted.
    @Argument(help: .hidden)
    var englishArgument: String?

    /// The English file, however it was given.
    var english: String { source ?? englishArgument ?? "" }

    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (.tsv, .csv, .json, .tbx): anchors for the aligner, highlights in HTML. Repeatable.",
        valueName: "FILE"))
    var glossaries: [String] = []

    @OptionGroup var data: LexiconOptions

    @Option(help: "Output format (default: from -o's extension, else tsv).")
    var format: AlignmentFormat?

    @Flag(help: "The files have one sentence per line: do not split sentences.")
    var presplit = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; standard output when absent or -.", valueName: "OUT"))
    var output: String?

    @Option(name: .customLong("flag-below"), parsing: .unconditional, help: ArgumentHelp(
        "HTML: flag beads scoring below this confidence for review.", valueName: "SCORE"))
    var flagBelow = 0.5

    @Option(name: .customLong("min-score"), parsing: .unconditional, help: ArgumentHelp(
        "TMX: the least score of a translation unit; weaker beads are left out (default 0.30, chosen on MAC dev).",
        valueName: "SCORE"))
    var minimumScore = TMXAlignmentWriter.defaultMinimumScore

    @Flag(name: .customLong("keep-weak"), help: "TMX: keep beads below --min-score, each marked <prop type=\"x-termbridge-review\">.")
    var keepWeak = false

    func validate() throws {
        if source == nil && englishArgument == nil {
            throw ValidationError("Give the English source: --source EN_FILE.")
        }
        if source != nil && englishArgument != nil {
            throw ValidationError("Give the English source once: --source EN_FILE.")
        }
        if !minimumScore.isFinite {
            throw ValidationError("--min-score must be a number, such as 0.3.")
        }
        if format == nil, let output, output != "-", AlignmentFormat(path: output) == nil {
            throw ValidationError("Cannot tell the format from the extension of '\(TerminalText.escaped(output))'; give --format tmx, tsv, jsonl, beads or html.")
        }
        if !flagBelow.isFinite {
            throw ValidationError("--flag-below must be a number, such as 0.5.")
        }
    }

    func run() throws {
        try OutputPath.requireDistinct(output, from: [(chinese, "the Chinese file"), (english, "the English source")]
                                       + glossaries.map { ($0, "a glossary") } + data.files)
        let (chineseDocument, englishDocument) = try readDocumentPair(chinese: chinese, english: english, presplit: presplit)
        let glossary = try readGlossaries(glossaries)
        let aligner = try Aligner(glossary: glossary, lexicon: try data.load(losing: DataLoss.alignment))
        let alignment = try aligner.align(chineseDocument, englishDocument)
        let options = AlignmentOutputOptions(glossary: glossary, lowConfidenceThreshold: flagBelow,
                                             minimumTMXScore: minimumScore, keepsWeakBeads: keepWeak)
        let destination = output == "-" ? nil : output
        let format = self.format ?? destination.flatMap(AlignmentFormat.init(path:)) ?? .tsv
        let notes: [String]
        if let destination {
            notes = try alignment.write(to: destination, format: format, options: options)
        } else {
            let encoded = try alignment.encoded(as: format, options: options)
            try writeStandardOutput(encoded.data)
            notes = encoded.notes
        }
        for note in notes { printError("\(destination ?? "standard output"): note: \(note)") }
    }
}

extension AlignmentFormat: ExpressibleByArgument {}

/// Reads one side of a document pair as strict UTF-8 and splits it into sentences.
///
/// - Throws: ``InvalidUTF8Error`` with the file and byte offset; ``FileError`` when the file
///   cannot be read or holds no sentence.
func readAlignmentDocument(_ path: String, language: String, presplit: Bool) throws -> AlignmentDocument {
    let document = try AlignmentDocument(text: readUTF8(path), language: language, file: path, presplit: presplit)
    if document.sentences.isEmpty {
        throw FileError(path: path, message: "no sentences to align: the file is empty or blank")
    }
    return document
}

/// Reads a Chinese document and its English source (``readAlignmentDocument(_:language:presplit:)``)
/// and checks that each is in its language (``LanguageCheck/requirePair(chinese:english:)``).
///
/// - Throws: as ``readAlignmentDocument(_:language:presplit:)``; ``LanguageMismatchError``
///   when a file is in the other language (swapped arguments, an English file given as the
///   Chinese).
func readDocumentPair(chinese: String, english: String, presplit: Bool) throws -> (AlignmentDocument, AlignmentDocument) {
    let chineseDocument = try readAlignmentDocument(chinese, language: "zh", presplit: presplit)
    let englishDocument = try readAlignmentDocument(english, language: "en", presplit: presplit)
    try LanguageCheck.requirePair(chinese: (chinese, chineseDocument.languageEvidence),
                                  english: (english, englishDocument.languageEvidence))
    return (chineseDocument, englishDocument)
}

/// The glossaries named on the command line as one (their concepts in order), or nil for
/// none. They are not merged: a term shared by two files simply names two concepts.
func readGlossaries(_ paths: [String]) throws -> Glossary? {
    guard !paths.isEmpty else { return nil }
    return Glossary(concepts: try paths.flatMap { try readGlossary($0).concepts })
}

/// Writes `data` to standard output.
func writeStandardOutput(_ data: Data) throws {
    let output = BufferedOutput()
    try data.withUnsafeBytes { raw in try output.write(raw.bindMemory(to: UInt8.self)) }
    try output.flush()
}
