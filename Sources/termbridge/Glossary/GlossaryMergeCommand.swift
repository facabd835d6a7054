import ArgumentParser
import Foundation
import Termbridge

/// `termbridge glossary merge A B... -o OUT`.
struct GlossaryMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge glossaries, uniting concepts that share a term.",
        discussion: """
        Concepts that share a preferred, admitted or proposed term are united; the others are added. \
        When the same term has different preferred translations, or different statuses, the \
        conflicts are listed and nothing is written (exit 1) unless --prefer first|last says \
        which glossary wins; the losing preferred term is kept as admitted.

        Every input is read before anything is written, so OUT may be one of the inputs \
        (`merge GLOSSARY REVIEWED -o GLOSSARY` updates GLOSSARY in place, atomically); - is \
        standard output (TSV unless --to says otherwise).
        """
    )

    @Argument(help: "Glossaries to merge, in order.") var inputs: [String]
    @Option(name: .shortAndLong, help: ArgumentHelp("The merged glossary.", valueName: "OUT")) var output: String
    @Option(help: "Which glossary wins a conflict: first or last.") var prefer: MergePreference?
    @Option(help: "Output format, when the extension does not tell (tbx2008 for TBX 2008).") var to: GlossaryFormat?
    @OptionGroup var sourceLanguage: SourceLanguageOption

    func validate() throws {
        if to == nil, output != "-", GlossaryFormat(path: output) == nil {
            throw ValidationError("Cannot tell the format of '\(TerminalText.escaped(output))' from its extension; name it .tsv, .csv, .json, .tbx or .md, or give --to.")
        }
        if inputs.count < 2 { throw ValidationError("Give at least two glossaries to merge.") }
        if let to, !to.canWrite { throw ValidationError("--to \(to.rawValue): this format is read, not written.") }
    }

    func run() throws {
        let glossaries = try inputs.map { try readGlossary($0) }
        let (merged, conflicts) = glossaries[0].merging(Array(glossaries.dropFirst()), preference: prefer)
        for conflict in conflicts { printError("conflict: \(conflict)") }
        if !conflicts.isEmpty && prefer == nil {
            printError("\(conflicts.count) conflict(s); nothing written. Use --prefer first or --prefer last.")
            throw ExitCode(1)
        }
        try writeGlossary(sourceLanguage.applied(to: merged), to: output, format: to)
        printError("\(merged.concepts.count) concepts written to \(output == "-" ? "standard output" : output)"
              + (conflicts.isEmpty ? "" : " (\(conflicts.count) conflict(s) resolved: --prefer \(prefer!.rawValue))"))
    }
}
