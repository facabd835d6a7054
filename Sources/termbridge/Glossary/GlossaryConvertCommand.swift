import ArgumentParser
import Termbridge

/// `termbridge glossary convert IN OUT`.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between formats (chosen by the file extensions).",
        discussion: """
        Formats: tsv, csv, xlsx (Excel), json, tbx (TBX v3, TBX-Basic; reading also accepts \
        TBX 2008), omegat (OmegaT glossary, .utf8), cedict (CC-CEDICT .u8, read only), md \
        (Markdown, write only), and three termbase exports, read only: iate-csv (IATE's CSV \
        export; a .csv with its E_ID|…|L_CODE|T_TERM header is read as it), multiterm \
        (MultiTerm XML; a .xml whose root is <mtf> is read as it) and unterm (UNTERM's JSON \
        records; a .json of recordIDs is read as it). Use --to tbx2008 for the older <martif> TBX that \
        translate-toolkit reads. CSV is written with a UTF-8 byte-order mark so that \
        spreadsheets read it as UTF-8 (--no-bom to leave it out). A TSV, CSV or XLSX whose \
        first row names no known column is read as a headerless source⇥target[⇥comment] \
        list; what was assumed is printed. IN may be - for standard input (give --from), OUT \
        - for standard output (TSV unless --to says otherwise). The output is written \
        atomically and may not be the input; anything the output format cannot hold is \
        reported on standard error.
        """
    )

    @Argument(help: ArgumentHelp("The glossary to read (- for standard input).", valueName: "IN")) var input: String
    @Argument(help: ArgumentHelp("The file to write (- for standard output).", valueName: "OUT")) var output: String
    @Option(help: "Input format, when the extension does not tell.") var from: GlossaryFormat?
    @Option(help: "Output format, when the extension does not tell (tbx2008 for TBX 2008).") var to: GlossaryFormat?
    @Flag(name: .customLong("no-bom"), help: "Write CSV without the UTF-8 byte-order mark.") var noBOM = false
    @OptionGroup var sourceLanguage: SourceLanguageOption

    func validate() throws {
        if from == nil, GlossaryFormat(path: input) == nil {
            throw ValidationError("Cannot tell the format of '\(TerminalText.escaped(input))' from its extension; give --from tsv, csv, xlsx, omegat, json, tbx, cedict, iate-csv, multiterm or unterm.")
        }
        if to == nil, output != "-", GlossaryFormat(path: output) == nil {
            throw ValidationError("Cannot tell the format of '\(TerminalText.escaped(output))' from its extension; give --to tsv, csv, xlsx, omegat, json, tbx, tbx2008 or md.")
        }
        if let from, !from.canRead { throw ValidationError("--from \(from.rawValue): this format is written, not read.") }
        if let to, !to.canWrite { throw ValidationError("--to \(to.rawValue): this format is read, not written.") }
    }

    func run() throws {
        try OutputPath.requireDistinct(output, from: [(input, "the glossary being converted")])
        let glossary = try sourceLanguage.applied(to: readGlossary(input, format: from))
        try writeGlossary(glossary, to: output, format: to, byteOrderMark: !noBOM)
    }
}
