import ArgumentParser
import Termbridge

/// `termbridge glossary lookup TERM --glossary FILE`.
struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the concepts a term names, in either language; exit 1 when none does.",
        discussion: "Chinese is compared folded (準盟友 finds 准盟友); English by word stems, ignoring case (Quasi-Allies finds quasi ally)."
    )

    @Argument(help: "The term to look up, Chinese or English.")
    var term: String

    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary file. Repeatable.", valueName: "FILE"))
    var glossaries: [String]

    func validate() throws {
        if glossaries.isEmpty { throw ValidationError("Give at least one --glossary FILE.") }
    }

    func run() throws {
        var found = false
        for path in glossaries {
            let glossary = try readGlossary(path)
            let references = try glossary.lookup(term)
            var printed = Set<Int>()
            for reference in references where printed.insert(reference.concept).inserted {
                found = true
                print(try Self.describe(glossary.concepts[reference.concept], from: path, matched: term, shown: shown))
            }
        }
        if !found {
            printError("\(TerminalText.escaped(term)): not in \(glossaries.map(TerminalText.escaped).joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    /// The concept as printed; every value from the glossary goes through `shown` (escaped on
    /// a terminal, see ``shown(_:)``).
    static func describe(_ concept: Concept, from path: String, matched: String,
                         shown: (String) -> String = { $0 }) throws -> String {
        var lines = [shown(concept.id) + (concept.subject.map { "  [\(shown($0))]" } ?? "") + "  (\(shown(path)))"]
        for section in concept.languages {
            let preferred = concept.preferredTerm(in: section.language)
            var line = "  \(shown(section.language)): \(shown(preferred?.text ?? "—"))"
            if let preferred, Concept.tag(section.language, matches: "zh") {
                line += "  \(shown(try preferred.pinyin ?? Pinyin.of(preferred.text)))"
            }
            lines.append(line)
            for term in section.terms where term != preferred {
                var variant = "      \(term.status.rawValue): \(shown(term.text))"
                if Concept.tag(section.language, matches: "zh") { variant += "  \(shown(try term.pinyin ?? Pinyin.of(term.text)))" }
                if let note = term.note { variant += "  — \(shown(note))" }
                lines.append(variant)
            }
        }
        if let definition = concept.definition { lines.append("  definition: \(shown(definition))") }
        if let note = concept.note { lines.append("  note: \(shown(note))") }
        return lines.joined(separator: "\n")
    }
}
