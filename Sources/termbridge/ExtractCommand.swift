import ArgumentParser
import Foundation
import Termbridge

extension GlossaryFormat {
    /// Whether the format has term-level fields for the notes and contexts of candidates.
    var carriesTermDetails: Bool { self == .tbx || self == .tbx2008 || self == .json }
}

/// `termbridge extract ZH_FILE... [--source EN_FILE]...`: a candidate glossary from Chinese
/// translations and their English sources.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract candidate terms from Chinese text (and its English source) for review.",
        discussion: """
        Candidates come from four sources: parenthetical pairs in the Chinese (中文(English), \
        “中文”(English), 中文（English）, ABBR(中文), 中文(ABBR), English(中文)), kind paren; Chinese \
        n-grams of 1–6 tokens ranked by C-value and specificity against general Chinese, kind zh; \
        English n-grams of the source between stop words, kind en; and, with --source, the \
        English equivalent of each Chinese candidate by association over aligned sentences \
        (backed by CC-CEDICT), kind bilingual. See Docs/Extraction.md.

        CC-CEDICT and jieba's general word frequencies are found without being named (see \
        `termbridge data status`); --no-lexicon and --no-general-frequencies turn them off.

        The i-th --source is the English source of the i-th Chinese file. Candidates that \
        the glossary has are marked `known: STATUS (ID)`; --new-only leaves them out.

        Every format is a glossary: one concept per candidate, new terms proposed (not \
        reviewed: TBX writes them without an administrative status and with a note saying \
        so, so that no CAT tool takes them for approved terms), English first, the \
        concept note starting `candidate` with the kind, frequency, score, known status and \
        up to three contexts (file:line). --format tbx writes TBX v3, tbx2008 the TBX 2008 \
        (<martif>) that translate-toolkit and OmegaT read; xlsx, omegat and md are written too. TBX and JSON also carry the note `candidate` and \
        the contexts on the terms. Review the file, then fold it into a glossary with \
        `termbridge glossary merge GLOSSARY REVIEWED -o GLOSSARY`. Without --format the \
        format comes from -o's extension, else tsv. Output goes to -o OUT, written \
        atomically, or to standard output.

        A Chinese file whose text is English, or a source whose text is Chinese, is an \
        error (judged by the share of Han characters against Latin letters).

        Exit status: 0 candidates written; 1 no candidate found; 2 usage or input errors.
        """
    )

    @Argument(help: ArgumentHelp("Chinese texts (UTF-8).", valueName: "ZH_FILE"))
    var chinese: [String]

    @Option(name: .customLong("source"), help: ArgumentHelp(
        "The English source of the Chinese file in the same position. Repeatable.", valueName: "EN_FILE"))
    var sources: [String] = []

    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (.tsv, .csv, .json, .tbx): its terms are kept whole and marked as known. Repeatable.",
        valueName: "FILE"))
    var glossaries: [String] = []

    @OptionGroup var lexicon: LexiconOptions

    @OptionGroup var generalFrequencies: GeneralFrequencyOptions

    @Option(name: .customLong("min-freq"), parsing: .unconditional, help: ArgumentHelp(
        "Drop monolingual candidates occurring fewer times (parenthetical pairs are always kept).", valueName: "N"))
    var minimumFrequency = 2

    @Option(name: .customLong("top"), parsing: .unconditional, help: ArgumentHelp("Keep the N best candidates.", valueName: "N"))
    var top: Int?

    @Flag(name: .customLong("new-only"), help: "Leave out candidates the glossary already has.")
    var newOnly = false

    @Option(help: "Output format: any glossary format that is written (default: from -o's extension, else tsv).")
    var format: GlossaryFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; standard output when absent or -.", valueName: "OUT"))
    var output: String?

    @OptionGroup var sourceLanguage: SourceLanguageOption

    func validate() throws {
        if chinese.isEmpty { throw ValidationError("Give at least one Chinese file.") }
        if sources.count > chinese.count {
            throw ValidationError("\(sources.count) --source files for \(chinese.count) Chinese file(s): give at most one source per Chinese file, in the same order.")
        }
        if minimumFrequency < 1 { throw ValidationError("--min-freq must be a positive number (1 or more), not \(minimumFrequency).") }
        if let top, top < 1 { throw ValidationError("--top must be a positive number (1 or more), not \(top).") }
        if format == nil, let output, output != "-", !(GlossaryFormat(path: output)?.canWrite ?? false) {
            throw ValidationError("Cannot tell the format from the extension of '\(TerminalText.escaped(output))'; give --format \(writtenFormats).")
        }
        if let format, !format.canWrite {
            throw ValidationError("--format \(format.rawValue): this format is read, not written; give --format \(writtenFormats).")
        }
    }

    func run() throws {
        try OutputPath.requireDistinct(output, from: chinese.map { ($0, "a Chinese file") } + sources.map { ($0, "an English source") }
                                       + glossaries.map { ($0, "a glossary") } + lexicon.files + generalFrequencies.files)
        var inputs: [ExtractionInput] = []
        for (index, path) in chinese.enumerated() {
            let chineseText = try readNonEmptyText(path)
            let english = index < sources.count ? ExtractionText(path: sources[index], text: try readNonEmptyText(sources[index])) : nil
            if let english {
                try LanguageCheck.requirePair(chinese: (path, LanguageEvidence(chineseText)),
                                              english: (english.path, LanguageEvidence(english.text)))
            } else {
                try LanguageCheck.require(.chinese, LanguageEvidence(chineseText), file: path)
            }
            inputs.append(ExtractionInput(chinese: ExtractionText(path: path, text: chineseText), english: english))
        }
        let glossary = try readGlossaries(glossaries)
        let extractor = try TermExtractor(
            glossary: glossary,
            lexicon: try lexicon.load(losing: DataLoss.extraction),
            generalFrequencies: try generalFrequencies.load(losing: DataLoss.extractionFrequencies),
            options: ExtractionOptions(minimumFrequency: minimumFrequency, limit: top, excludesKnown: newOnly))
        let candidates = try extractor.extract(inputs)
        guard !candidates.isEmpty else {
            printError("no candidates found in \(chinese.joined(separator: ", ")) (at --min-freq \(minimumFrequency))")
            throw ExitCode(1)
        }
        let destination = output == "-" ? nil : output
        let format = self.format ?? destination.flatMap(GlossaryFormat.init(path:)) ?? .tsv
        let result = try sourceLanguage.applied(to: Glossary(candidates: candidates, termLevelDetails: format.carriesTermDetails))
        if let destination {
            report(try result.write(to: destination, format: format), writing: destination)
            let kinds = CandidateKind.allCases.map { kind in "\(candidates.filter { $0.kind == kind }.count) \(kind.rawValue)" }
            printError("\(candidates.count) candidates (\(kinds.joined(separator: ", "))) written to \(destination)")
        } else {
            let (data, warnings) = try result.encoded(as: format)
            try writeStandardOutput(data)
            report(warnings, writing: "standard output")
        }
    }
}

/// The formats a glossary is written in, as the command line names them.
let writtenFormats = GlossaryFormat.allValueStrings.filter { GlossaryFormat(argument: $0)?.canWrite ?? false }.joined(separator: ", ")

/// Reads a file as strict UTF-8 and refuses one that holds only white space.
///
/// - Throws: ``InvalidUTF8Error`` with the file and byte offset; ``FileError`` when the file
///   cannot be read or is empty.
func readNonEmptyText(_ path: String) throws -> String {
    let text = try readUTF8(path)
    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
        throw FileError(path: path, message: "the file is empty: nothing to extract terms from")
    }
    return text
}
