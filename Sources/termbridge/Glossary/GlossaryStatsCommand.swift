import ArgumentParser
import Termbridge

/// `termbridge glossary stats FILE`.
struct GlossaryStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a glossary's concepts, terms by language and status, and subjects."
    )

    @Argument(help: "The glossary.") var file: String

    func run() throws {
        let stats = try readGlossary(file).statistics
        print("\(shown(file)): \(stats.concepts) concepts, \(stats.withDefinition) with a definition, \(stats.withNote) with a note")
        // Key: the language tag in Unicode scalar order.
        for (language, counts) in stats.terms.sorted(by: { $0.key.precedesInScalarOrder($1.key) }) {
            let total = counts.values.reduce(0, +)
            let parts = TermStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
            print("  \(shown(language)): \(total) terms (\(parts.joined(separator: ", ")))")
        }
        print("  subjects:")
        // Key: concepts per subject, most first, then the subject in Unicode scalar order.
        for (subject, count) in stats.subjects.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key.precedesInScalarOrder($1.key) }) {
            print("    \(subject.isEmpty ? "(none)" : shown(subject)): \(count)")
        }
    }
}
