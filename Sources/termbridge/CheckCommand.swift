import ArgumentParser
import Foundation
import Termbridge

/// `termbridge check`: every place where a translation departs from the glossary or from
/// itself, as a linter prints them, with an exit status that can gate publishing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a Chinese translation against the glossary and against itself.",
        discussion: """
        Inputs: a Chinese translation and its English source (--source) as two plain-text files \
        (aligned sentence by sentence first, as `termbridge align` does); or a bilingual \
        file with --bilingual: TMX, XLIFF 1.2 or 2.x (English source, Chinese target) or \
        TSV (en<TAB>zh, or columns named by a header row); or a Chinese document alone, \
        for the checks that need no English.

        Checks: see --list-checks (ids, severities, what each needs, examples). Turn one \
        off with --disable ID; add your own with --checklist FILE. A unit of a TMX or \
        XLIFF file can waive checks: <prop type="x-termbridge-waive">ID…</prop> in a <tu>, \
        a <note> starting "termbridge-waive: ID…" in XLIFF.

        Each finding points into the file the user edits: the Chinese file (line and column \
        of the term) or the bilingual file; columns count UTF-8 bytes unless --column-unit \
        says otherwise. Formats: text (file:line:col: severity [check] message, an excerpt, \
        then a summary), json, html (a self-contained review page). Without --format the \
        format comes from -o's extension (.txt, .json, .html), else text.

        Languages are judged from the text (Han characters against Latin letters): an \
        English file given as the Chinese, swapped arguments, or a bilingual file whose \
        language labels contradict its text (judged on its first segments, before any \
        finding is printed) stop with an error.

        CC-CEDICT aligns plain-text pairs, names what was used instead of a glossary term and \
        accepts conventional renderings of acronyms; it is found without being named (see \
        `termbridge data status`), and --no-lexicon turns it off.

        Exit status: 0 when nothing at or above --fail-on (default error) was found, 1 \
        otherwise, 2 for usage or input errors (a missing or malformed file, invalid UTF-8, \
        a text in the other language).
        """
    )

    @Argument(help: ArgumentHelp("The Chinese translation (UTF-8 plain text).", valueName: "ZH_FILE"))
    var chinese: String?

    @Option(name: .customLong("source"), help: ArgumentHelp(
        "Its English source (UTF-8; Markdown read as plain text). Without it only the checks that need no English run.",
        valueName: "EN_FILE"))
    var source: String?

    /// The English file as a second argument: the older spelling of --source, still accepted.
    @Argument(help: .hidden)
    var englishArgument: String?

    /// The English source, however it was given.
    var english: String? { source ?? englishArgument }

    @Option(help: ArgumentHelp("A bilingual file to check instead: .tmx, .xlf/.xliff, .tsv.", valueName: "FILE"))
    var bilingual: String?

    @Option(name: .customLong("bilingual-format"), help: "The bilingual file's format when its extension does not say: tmx, xliff or tsv.")
    var bilingualFormat: BilingualFormat?

    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (.tsv, .csv, .json, .tbx). Repeatable.", valueName: "FILE"))
    var glossaries: [String] = []

    @OptionGroup var data: LexiconOptions

    @Flag(help: "Plain-text files have one sentence per line: do not split sentences.")
    var presplit = false

    @Option(name: .customLong("disable"), help: ArgumentHelp("A check not to run (a built-in check or one of the checklist). Repeatable.", valueName: "ID"))
    var disabled: [CheckID] = []

    @Option(name: .customLong("checklist"), help: ArgumentHelp("User checks: a TSV of regular expressions on source and target with id, severity and message (see Docs/Checking.md). Repeatable.", valueName: "FILE"))
    var checklists: [String] = []

    @Option(help: ArgumentHelp("Leave out the findings this baseline file records.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record this run's findings (those no waiver leaves out) in a baseline file.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .customLong("punctuation"), help: "The Chinese text's punctuation convention: full (，：；) or half (, : ;). Default: the file's own majority; only mixing is reported.")
    var punctuation: TypographyConvention.PunctuationWidth?

    @Option(name: .customLong("spacing"), help: "Space between Chinese and Latin letters or digits: space or none. Default: the file's own majority; only mixing is reported.")
    var spacing: TypographyConvention.Spacing?

    @Option(name: .customLong("column-unit"), help: "What columns count: bytes (default; vim, clang), scalars (characters), utf16 (LSP, VS Code), display (terminal cells; Emacs's compilation mode).")
    var columnUnit: ColumnUnit = .bytes

    @Option(name: .customLong("fail-on"), help: "The least severity that makes the exit status 1: error, warning or never.")
    var failOn: FailureThreshold = .error

    @Option(help: "Report format: text, json or html (default: from -o's extension, else text). With --list-checks: text or json.")
    var format: CheckReportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("The report file, written atomically; standard output when absent or -.", valueName: "OUT"))
    var output: String?

    @Flag(name: .customLong("list-checks"), help: "List the checks (ids, severities, what they need, examples) and exit.")
    var listChecks = false

    func validate() throws {
        if listChecks { return }
        if source != nil && englishArgument != nil {
            throw ValidationError("Give the English source once: --source EN_FILE.")
        }
        if bilingual != nil && english != nil {
            throw ValidationError("Give either ZH_FILE [--source EN_FILE] or --bilingual FILE, not both.")
        }
        if bilingual != nil && chinese != nil {
            throw ValidationError("Give either ZH_FILE [--source EN_FILE] or --bilingual FILE, not both.")
        }
        if bilingual == nil && chinese == nil {
            throw ValidationError("Nothing to check: give ZH_FILE [--source EN_FILE] or --bilingual FILE.")
        }
        if let bilingual, bilingualFormat == nil, BilingualFormat(path: bilingual) == nil {
            throw ValidationError("Cannot tell the format of '\(TerminalText.escaped(bilingual))' from its extension; give --bilingual-format tmx, xliff or tsv.")
        }
        if format == nil, let output, output != "-", CheckReportFormat(path: output) == nil {
            throw ValidationError("Cannot tell the report format from the extension of '\(TerminalText.escaped(output))'; give --format text, json or html.")
        }
    }

    func run() throws {
        let checklist = try checklists.isEmpty ? nil : Checklist(entries: checklists.flatMap { try Checklist.read(contentsOf: $0).entries })
        if listChecks {
            let definitions = CheckRegistry.definitions + (checklist?.definitions ?? [])
            print(format == .json ? try CheckListing.json(definitions) : CheckListing.text(definitions), terminator: "")
            return
        }
        let known = Set(CheckID.builtIn + (checklist?.entries.map(\.id) ?? []))
        for id in disabled where !known.contains(id) {
            throw ValidationError("Unknown check '\(id.rawValue)' for --disable; see --list-checks.")
        }
        let inputs = bilingual.map { [$0] } ?? [chinese, english].compactMap { $0 }
        try OutputPath.requireDistinct(output, from: inputs.map { ($0, "an input") } + glossaries.map { ($0, "a glossary") } + data.files)
        // A plain-text pair is read (and its languages checked) before anything else.
        var documents: (AlignmentDocument, AlignmentDocument)?
        if bilingual == nil, let chinese, let english {
            documents = try readDocumentPair(chinese: chinese, english: english, presplit: presplit)
        }
        let glossary = try readGlossaries(glossaries)
        let lexicon = try data.load(losing: DataLoss.checking)
        // For a plain-text pair, renderings beyond the glossary come from term extraction
        // over the pair itself (a bilingual file would need a second pass; the glossary
        // alone judges renderings there).
        var associations: ExtractedRenderings?
        if bilingual == nil, let chinese, let english, !disabled.contains(.renderingInconsistent) {
            associations = try ExtractedRenderings(chinese: ExtractionText(path: chinese, text: readUTF8(chinese)),
                                                   english: ExtractionText(path: english, text: readUTF8(english)),
                                                   glossary: glossary, lexicon: lexicon)
        }
        let configuration = CheckConfiguration(enabled: Set(CheckID.builtIn).subtracting(disabled),
                                               typography: TypographyConvention(punctuation: punctuation, spacing: spacing))
        let userChecks = checklist.map { Checklist(entries: $0.entries.filter { !disabled.contains($0.id) }) }
        let checker = try Checker(glossary: glossary, lexicon: lexicon, associations: associations, configuration: configuration,
                                  checklist: userChecks, baseline: try baseline.map { try Baseline.read(contentsOf: $0) } ?? Baseline())
        var recorded = BaselineWriter()
        if writeBaseline != nil { checker.recordFinding = { recorded.add($0) } }
        let destination = output == "-" ? nil : output
        let format = self.format ?? destination.flatMap(CheckReportFormat.init(path:)) ?? .text

        // Standard output streams; a file streams into a temporary file put in place at the
        // end (AtomicFileWriter), so an interrupted check leaves the old report as it was.
        let standardOutput = BufferedOutput()
        let file = try destination.map(AtomicFileWriter.init(path:))
        let writer = ColumnConvertingReport(format.writer { text in
            if let file { try file.write(text) } else { try standardOutput.write(text) }
        }, unit: columnUnit)
        try writer.begin(CheckRunDescription(inputs: inputs, glossaries: glossaries, conceptCount: glossary?.concepts.count ?? 0,
                                             failOn: failOn, columnUnit: columnUnit))
        let report: (Finding) throws -> Void = { try writer.write($0) }
        if let bilingual {
            let format = bilingualFormat ?? BilingualFormat(path: bilingual)!
            try format.forEachSegment(inFileAt: bilingual) { try checker.check($0, report) }
        } else if let (chineseDocument, englishDocument) = documents {
            let alignment = try Aligner(glossary: glossary, lexicon: lexicon).align(chineseDocument, englishDocument)
            for segment in PlainTextSegments.segments(of: alignment) { try checker.check(segment, report) }
        } else if let chinese {
            try PlainTextSegments.forEachChineseSentence(inFileAt: chinese) { try checker.check($0, report) }
        }
        let summary = try checker.finish(report)
        try writer.finish(summary)
        if let file {
            try file.commit()
        } else {
            try standardOutput.flush()
        }
        if let writeBaseline { try recorded.write(to: writeBaseline) }
        if summary.fails(at: failOn) { throw ExitCode(1) }
    }
}

extension CheckID: ExpressibleByArgument {
    public init?(argument: String) {
        guard CheckID.isWellFormed(argument) else { return nil }
        self.init(argument)
    }
}
extension FailureThreshold: ExpressibleByArgument {}
extension CheckReportFormat: ExpressibleByArgument {}
extension BilingualFormat: ExpressibleByArgument {}
extension ColumnUnit: ExpressibleByArgument {}
extension TypographyConvention.PunctuationWidth: ExpressibleByArgument {}
extension TypographyConvention.Spacing: ExpressibleByArgument {}
