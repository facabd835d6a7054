import Foundation
import Testing
@testable import Termbridge

/// Shared fixtures and helpers for the TBX tests.
enum TBXTestSupport {
    /// The package root (this file is Tests/TermbridgeTests/Glossary/TBXTestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The official schemas the project ships (`Schemas/README.md`).
    static let schemas = packageRoot.appendingPathComponent("Schemas")

    /// A file in the schema folder.
    static func schemaFile(_ relativePath: String) -> URL {
        schemas.appendingPathComponent(relativePath)
    }

    /// A TBX test file of `Tests/Fixtures/TBX` (see its README).
    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/TBX").appendingPathComponent(name)
    }

    /// xmllint, when installed (Debian libxml2-utils; `scripts/setup.sh` installs it).
    static let xmllint = which("xmllint")
    static let noXmllint = Comment(rawValue: "needs xmllint (Debian libxml2-utils; scripts/setup.sh installs it)")

    /// pyschematron, found as `scripts/validate-tbx.sh` finds it: `$PYSCHEMATRON`, the
    /// checkout's `.cache/schematron-venv` (made by `scripts/setup.sh`), `/opt/schvenv`, `PATH`.
    static let pyschematron: String? = {
        let candidates: [String?] = [ProcessInfo.processInfo.environment["PYSCHEMATRON"],
                                     packageRoot.appendingPathComponent(".cache/schematron-venv/bin/pyschematron").path,
                                     "/opt/schvenv/bin/pyschematron"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? which("pyschematron")
    }()
    static let noPyschematron = Comment(rawValue: """
        needs pyschematron 1.2.5 (Python >= 3.12): scripts/setup.sh installs it into .cache/schematron-venv \
        when it finds Python 3.12 or later, and says so when it does not
        """)

    /// The full path of `tool` on `PATH`, or nil.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with `arguments`; its exit status and standard output and error.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Writes `data` to a new temporary file named `name`; its path.
    static func temporaryFile(_ data: Data, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("termbridge-tbx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Reads a TBX document given as text.
    static func read(_ xml: String, file: String = "test.tbx") throws -> Glossary {
        try TBXGlossaryFormat.read(Data(xml.utf8), file: file)
    }

    /// A TBX v3 document whose body is `body`.
    static func v3(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
          <text>
            <body>
        \(body)
            </body>
          </text>
        </tbx>
        """
    }

    /// A realistic Chinese–English glossary: zh and en terms of every status, notes, sources,
    /// pinyin (explicit on one term, computed for the others when written), parts of speech
    /// including `properNoun`, subjects, definitions, and data categories without a field of
    /// their own (all permitted by TBX-Basic, at the right levels, some as XML).
    static func realisticGlossary() -> Glossary {
        let quasiAlly = Concept(
            id: "qa-001", subject: "alliances",
            definition: "A state that receives substantial US military support but no treaty-based defense commitment.",
            note: "Decision: 准盟友 is the term for the state; use 准同盟关系 (qa-002) for the relationship. Watch \"quotes\" & <angle brackets>.",
            languages: [
                LanguageTerms(language: "zh", terms: [
                    Term("准盟友", status: .preferred, partOfSpeech: "noun", note: "mainland usage", source: "IPP编译", pinyin: "zhǔn méng yǒu"),
                    Term("准联盟国", status: .admitted, partOfSpeech: "noun"),
                    Term("类盟友", status: .superseded, partOfSpeech: "noun", note: "older rendering"),
                    Term("准同盟", status: .deprecated, partOfSpeech: "noun", note: "means the relationship, not the state"),
                    Term("准盟國", status: .forbidden, partOfSpeech: "noun", note: "traditional characters: not for mainland style"),
                ], extra: [
                    DataCategory(element: "descrip", type: "definition", value: "获得美国大量军事支持、但没有条约防御承诺的国家。"),
                ]),
                LanguageTerms(language: "en", terms: [
                    Term("quasi ally", status: .preferred, partOfSpeech: "noun", source: "Foreign Affairs, 2025", extra: [
                        DataCategory(element: "termNote", type: "termType", value: "fullForm"),
                        DataCategory(element: "descrip", type: "context", value: "Ukraine and Israel are America's quasi allies."),
                    ]),
                    Term("quasi-ally", status: .admitted, partOfSpeech: "noun"),
                    Term("semi-ally", status: .superseded, partOfSpeech: "noun"),
                    Term("pseudo-ally", status: .deprecated, partOfSpeech: "noun", note: "reads as 'fake ally'"),
                    Term("quasi allie", status: .forbidden, partOfSpeech: "noun", note: "misspelling"),
                ]),
            ],
            extra: [
                DataCategory(element: "admin", type: "customerSubset", value: "IPP"),
                DataCategory(element: "xref", type: "xGraphic", value: "https://example.org/quasi-ally.png"),
                DataCategory(element: "ref", type: "crossReference",
                             value: #"<ref type="crossReference" target="qa-002">quasi alliance</ref>"#),
                DataCategory(element: "transacGrp", value:
                    #"<transacGrp><transac type="transactionType">origination</transac><date>2025-03-01</date><transacNote type="responsibility">Termbridge &amp; IPP</transacNote></transacGrp>"#),
            ])
        let quasiAlliance = Concept(
            id: "qa-002", subject: "alliances",
            definition: "A security relationship between a patron and a partner short of a treaty alliance.",
            languages: [
                LanguageTerms(language: "zh", terms: [
                    Term("准同盟关系", status: .preferred, partOfSpeech: "noun"),
                    Term("准同盟", status: .admitted, partOfSpeech: "noun"),
                ]),
                LanguageTerms(language: "en", terms: [
                    Term("quasi alliance", status: .preferred, partOfSpeech: "noun", extra: [
                        DataCategory(element: "descripGrp", value:
                            #"<descripGrp><descrip type="context">Washington manages its <hi type="italics">quasi alliances</hi> case by case.</descrip><admin type="source">Foreign Affairs</admin></descripGrp>"#),
                    ]),
                    Term("quasi-alliance", status: .admitted, partOfSpeech: "noun"),
                ], extra: [
                    DataCategory(element: "admin", type: "source", value: "Lissner 2025"),
                ]),
            ])
        let atacms = Concept(
            id: "qa-031", subject: "weapons",
            languages: [
                LanguageTerms(language: "zh", terms: [
                    Term("陆军战术导弹系统", status: .preferred, partOfSpeech: "properNoun"),
                    Term("ATACMS", status: .admitted, partOfSpeech: "properNoun"),
                ]),
                LanguageTerms(language: "en", terms: [
                    Term("Army Tactical Missile System", status: .preferred, partOfSpeech: "properNoun"),
                    Term("ATACMS", status: .admitted, partOfSpeech: "properNoun", extra: [
                        DataCategory(element: "termNote", type: "termType", value: "acronym"),
                    ]),
                ]),
            ])
        return Glossary(concepts: [quasiAlly, quasiAlliance, atacms])
    }

    /// Categories that TBX-Basic does not permit where they are: each must be reported, not
    /// written.
    static func unwritableCategories() -> (concept: [DataCategory], term: [DataCategory]) {
        (concept: [
            DataCategory(element: "descrip", type: "etymology", value: "from Latin quasi"),
            DataCategory(element: "descrip", type: "context", value: "context belongs at term level"),
        ], term: [
            DataCategory(element: "termNote", type: "register", value: "formal"),
            DataCategory(element: "termNote", type: "partOfSpeech", value: "pronoun"),
        ])
    }
}
