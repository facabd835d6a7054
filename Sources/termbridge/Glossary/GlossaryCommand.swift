import ArgumentParser
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

extension GlossaryFormat: ExpressibleByArgument {}
extension MergePreference: ExpressibleByArgument {}

/// Reads a glossary named on the command line.
func readGlossary(_ path: String, format: GlossaryFormat? = nil) throws -> Glossary {
    try Glossary.read(contentsOf: path, format: format)
}

/// Prints what a format could not carry to standard error.
func report(_ warnings: [GlossaryWarning], writing path: String) {
    for warning in warnings { printError("\(path): warning: \(warning)") }
}
