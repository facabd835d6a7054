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
            var shown = Set<Int>()
            for reference in references where shown.insert(reference.concept).inserted {
                found = true
                print(try Self.describe(glossary.concepts[reference.concept], from: path, matched: term))
            }
        }
        if !found {
            printError("\(term): not in \(glossaries.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    static func describe(_ concept: Concept, from path: String, matched: String) throws -> String {
        var lines = ["\(concept.id)" + (concept.subject.map { "  [\($0)]" } ?? "") + "  (\(path))"]
        for section in concept.languages {
            let preferred = concept.preferredTerm(in: section.language)
            var line = "  \(section.language): \(preferred?.text ?? "—")"
            if let preferred, Concept.tag(section.language, matches: "zh") {
                line += "  \(try preferred.pinyin ?? Pinyin.of(preferred.text))"
            }
            lines.append(line)
            for term in section.terms where term != preferred {
                var variant = "      \(term.status.rawValue): \(term.text)"
                if Concept.tag(section.language, matches: "zh") { variant += "  \(try term.pinyin ?? Pinyin.of(term.text))" }
                if let note = term.note { variant += "  — \(note)" }
                lines.append(variant)
            }
        }
        if let definition = concept.definition { lines.append("  definition: \(definition)") }
        if let note = concept.note { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
