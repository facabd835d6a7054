import ArgumentParser
import Foundation
import Termbridge

/// `termbridge glossary validate FILE`.
struct GlossaryValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a glossary; exit 1 when it has errors.",
        discussion: """
        Errors: duplicate ids, empty terms, a term listed twice, a term acceptable in one \
        place and forbidden in another, a concept missing one of the --languages. Warnings: \
        no preferred term, several preferred terms, one preferred term for several concepts.

        A .tbx or .xml file is also checked against its official schema with xmllint: TBX v3 \
        against the core RelaxNG, TBX 2008 against its DTD (MultiTerm XML has none). The schemas ship with Termbridge (the \
        checkout's Schemas/, or share/termbridge/schemas where it is installed; \
        TERMBRIDGE_SCHEMAS names other folders).
        """
    )

    @Argument(help: "The glossary to check.") var file: String
    @Option(help: "Languages every concept must have, comma-separated.") var languages = "zh,en"

    func run() throws {
        let glossary = try readGlossary(file)
        var issues = glossary.validate(languages: languages.split(separator: ",").map(String.init))
        if GlossaryFormat(path: file) == .tbx {
            issues += try TBXSchemaValidation.issues(in: file)
        }
        for issue in issues { print("\(shown(file)): \(shown("\(issue)"))") }
        let errors = issues.filter { $0.severity == .error }.count
        print("\(shown(file)): \(glossary.concepts.count) concepts, \(errors) error(s), \(issues.count - errors) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }
}
