import ArgumentParser
import Foundation
import Termbridge

/// `termbridge glossary`: look up, convert, merge, validate and count glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Work with zh–en glossaries (TSV, CSV, JSON, TBX, CC-CEDICT, Markdown).",
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

/// Reads a glossary named on the command line (`-` is standard input, in `format`).
func readGlossary(_ path: String, format: GlossaryFormat? = nil) throws -> Glossary {
    try Glossary.read(contentsOf: path, format: format)
}

/// Writes a glossary to `path`, atomically, or to standard output for `-`; prints what the
/// format could not carry to standard error.
func writeGlossary(_ glossary: Glossary, to path: String, format: GlossaryFormat?) throws {
    if path == "-" {
        let (data, warnings) = try glossary.encoded(as: format ?? .tsv)
        try writeStandardOutput(data)
        report(warnings, writing: "standard output")
    } else {
        report(try glossary.write(to: path, format: format), writing: path)
    }
}

/// Prints what a format could not carry to standard error.
func report(_ warnings: [GlossaryWarning], writing path: String) {
    for warning in warnings { printError("\(TerminalText.escaped(path)): warning: \(TerminalText.escaped("\(warning)"))") }
}
