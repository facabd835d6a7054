import ArgumentParser
import Termbridge

/// `termbridge glossary convert IN OUT`.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between formats (chosen by the file extensions).",
        discussion: """
        Formats: .tsv, .csv, .xlsx (Excel), .json, .tbx (TBX v3, TBX-Basic; reading also
        accepts TBX 2008), .utf8 (OmegaT glossary), CC-CEDICT (.u8, read only), .md
        (Markdown, write only). Use --to tbx2008 for the older <martif> TBX that
        translate-toolkit reads. CSV is written with a UTF-8 byte-order mark so that
        spreadsheets read it as UTF-8 (--no-bom to leave it out). A TSV, CSV or XLSX whose
        first row names no known column is read as a headerless source⇥target[⇥comment] list;
        what was assumed is printed. The output is written atomically; anything the output
        format cannot hold is reported on standard error.
        """
    )

    @Argument(help: "The glossary to read.") var input: String
    @Argument(help: "The file to write.") var output: String
    @Option(help: "Input format, when the extension does not tell.") var from: GlossaryFormat?
    @Option(help: "Output format, when the extension does not tell (tbx2008 for TBX 2008).") var to: GlossaryFormat?
    @Flag(name: .customLong("no-bom"), help: "Write CSV without the UTF-8 byte-order mark.") var noBOM = false

    func run() throws {
        let glossary = try readGlossary(input, format: from)
        report(try glossary.write(to: output, format: to, byteOrderMark: !noBOM), writing: output)
    }
}
