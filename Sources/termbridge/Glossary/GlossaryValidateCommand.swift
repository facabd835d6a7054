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
        no preferred term, several preferred terms, one preferred term for several concepts. \
        A .tbx file is also checked against the TBX schemas when xmllint and the schemas are \
        available (TERMBRIDGE_SCHEMAS, default ../shared/schemas).
        """
    )

    @Argument(help: "The glossary to check.") var file: String
    @Option(help: "Languages every concept must have, comma-separated.") var languages = "zh,en"

    func run() throws {
        let glossary = try readGlossary(file)
        var issues = glossary.validate(languages: languages.split(separator: ",").map(String.init))
        if GlossaryFormat(path: file) == .tbx {
            issues += try SchemaCheck.tbx(file)
        }
        for issue in issues { print("\(shown(file)): \(shown("\(issue)"))") }
        let errors = issues.filter { $0.severity == .error }.count
        print("\(shown(file)): \(glossary.concepts.count) concepts, \(errors) error(s), \(issues.count - errors) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Schema validation through xmllint, when it and the official schemas are present.
enum SchemaCheck {
    static var schemasFolder: String {
        ProcessInfo.processInfo.environment["TERMBRIDGE_SCHEMAS"] ?? "../shared/schemas"
    }

    /// TBX v3 against the core RelaxNG schema, or TBX 2008 against its DTD.
    static func tbx(_ path: String) throws -> [GlossaryIssue] {
        let head = (try? String(contentsOfFile: path, encoding: .utf8).prefix(2000)) ?? ""
        let is2008 = head.contains("<martif")
        let schema = is2008 ? schemasFolder + "/tbx/tbx2008/TBXcoreStructV02.dtd" : schemasFolder + "/tbx/TBXcoreStructV03.rng"
        guard FileManager.default.fileExists(atPath: schema),
              let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first(where: FileManager.default.isExecutableFile) else {
            return [GlossaryIssue(.warning, conceptID: nil, "schema check skipped: xmllint or \(schema) not found")]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", is2008 ? "--dtdvalid" : "--relaxng", schema, path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return [] }
        let detail = output.split(separator: "\n").prefix(5).joined(separator: "; ")
        return [GlossaryIssue(.error, conceptID: nil, "not valid against \(schema): \(detail)")]
    }
}
