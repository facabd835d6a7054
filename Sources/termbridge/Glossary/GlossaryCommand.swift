import ArgumentParser
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

extension GlossaryFormat: ExpressibleByArgument {}
extension MergePreference: ExpressibleByArgument {}

/// Reads a glossary named on the command line; what was assumed in reading it (a list
/// without a header row) goes to standard error.
func readGlossary(_ path: String, format: GlossaryFormat? = nil) throws -> Glossary {
    let (glossary, notes) = try Glossary.reading(contentsOf: path, format: format)
    for note in notes { printError("\(path): note: \(note)") }
    return glossary
}

/// Prints what a format could not carry to standard error.
func report(_ warnings: [GlossaryWarning], writing path: String) {
    for warning in warnings { printError("\(path): warning: \(warning)") }
}
