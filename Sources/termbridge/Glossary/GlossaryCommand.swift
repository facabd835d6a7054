import ArgumentParser
import Foundation
import Termbridge

/// `termbridge glossary`: look up, convert, merge, validate and count glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Work with zh–en glossaries (TSV, CSV, XLSX, JSON, TBX, OmegaT, CC-CEDICT, Markdown).",
        subcommands: [GlossaryLookupCommand.self, GlossaryConvertCommand.self, GlossaryMergeCommand.self,
                      GlossaryValidateCommand.self, GlossaryStatsCommand.self]
    )
}

/// Format names on the command line: the library's names, and `md` for Markdown as
/// `extract --format md` spells it.
extension GlossaryFormat: ExpressibleByArgument {
    public init?(argument: String) {
        if argument == "md" { self = .markdown } else { self.init(rawValue: argument) }
    }

    public static var allValueStrings: [String] {
        allCases.map { $0 == .markdown ? "md" : $0.rawValue }
    }
}

extension MergePreference: ExpressibleByArgument {}

/// `--source-language TAG`, for every subcommand that writes a glossary: the language the
/// glossary is translated from (Docs/Termbases.md, "The source language").
struct SourceLanguageOption: ParsableArguments {
    @Option(name: .customLong("source-language"), help: ArgumentHelp(
        "The language translated from (a tag such as en, en-US or zh): TBX writes its terms first in every entry and declares it on the root; JSON keeps it. Default: what the input declares, else en.",
        valueName: "TAG"))
    var tag: String?

    func validate() throws {
        if let tag, !Glossary.isLanguageTag(tag) {
            throw ValidationError("--source-language \(TerminalText.escaped(tag)): not a language tag (such as en, en-US, zh or zh-Hans).")
        }
    }

    /// `glossary` with the declared source language, if one was given; a language the glossary
    /// has no section in is an error (a typo would otherwise go unnoticed).
    func applied(to glossary: Glossary) throws -> Glossary {
        guard let tag else { return glossary }
        if !glossary.concepts.isEmpty, !glossary.languages.contains(where: { Concept.tag($0, matches: tag) || Concept.tag(tag, matches: $0) }) {
            throw ValidationError("--source-language \(TerminalText.escaped(tag)): the glossary has no terms in that language (it has \(glossary.languages.joined(separator: ", "))).")
        }
        return glossary.declaringSourceLanguage(tag)
    }
}

/// Reads a glossary named on the command line (`-` is standard input, in `format`); what
/// was assumed in reading it (a list without a header row) goes to standard error.
func readGlossary(_ path: String, format: GlossaryFormat? = nil) throws -> Glossary {
    let (glossary, notes) = try Glossary.reading(contentsOf: path, format: format)
    for note in notes { printError("\(path): note: \(note)") }
    return glossary
}

/// Writes a glossary to `path`, atomically, or to standard output for `-`; prints what the
/// format could not carry to standard error.
func writeGlossary(_ glossary: Glossary, to path: String, format: GlossaryFormat?, byteOrderMark: Bool = true) throws {
    if path == "-" {
        let (data, warnings) = try glossary.encoded(as: format ?? .tsv, byteOrderMark: byteOrderMark)
        try writeStandardOutput(data)
        report(warnings, writing: "standard output")
    } else {
        report(try glossary.write(to: path, format: format, byteOrderMark: byteOrderMark), writing: path)
    }
}

/// Prints what a format could not carry to standard error.
func report(_ warnings: [GlossaryWarning], writing path: String) {
    for warning in warnings { printError("\(TerminalText.escaped(path)): warning: \(TerminalText.escaped("\(warning)"))") }
}
