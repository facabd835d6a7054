import ArgumentParser
import Termbridge

/// `termbridge glossary convert IN OUT`.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between formats (chosen by the file extensions).",
        discussion: """
        Formats: .tsv, .csv, .json, .tbx (TBX v3, TBX-Basic; reading also accepts TBX 2008),
        CC-CEDICT (.u8, read only), .md (Markdown, write only). Use --to tbx2008 for the
        older <martif> TBX that translate-toolkit reads. The output is written atomically;
        anything the output format cannot hold is reported on standard error.
        """
    )

    @Argument(help: "The glossary to read.") var input: String
    @Argument(help: "The file to write.") var output: String
    @Option(help: "Input format, when the extension does not tell.") var from: GlossaryFormat?
    @Option(help: "Output format, when the extension does not tell (tbx2008 for TBX 2008).") var to: GlossaryFormat?

    func run() throws {
        let glossary = try readGlossary(input, format: from)
        report(try glossary.write(to: output, format: to), writing: output)
    }
}
