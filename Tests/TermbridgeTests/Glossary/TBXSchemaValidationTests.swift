import Foundation
import Testing
@testable import Termbridge

/// Our TBX output against the official schemas the project ships (`Schemas/README.md`):
/// TBX v3's RelaxNG and the TBX-Basic Schematron, TBX 2008's DTD. A test whose validator is
/// not installed is skipped with the reason (`make test` installs both: scripts/setup.sh).
@Suite struct TBXSchemaValidationTests {
    /// A realistic glossary plus categories TBX-Basic does not permit (reported, not written).
    private func glossaryWithUnwritableCategories() -> Glossary {
        var glossary = TBXTestSupport.realisticGlossary()
        let unwritable = TBXTestSupport.unwritableCategories()
        glossary.concepts[0].extra += unwritable.concept
        glossary.concepts[0].languages[1].terms[0].extra += unwritable.term
        return glossary
    }

    /// xmllint's verdict on `data` written to a temporary file: exit status and output.
    private func xmllint(_ data: Data, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let xmllint = try #require(TBXTestSupport.xmllint)
        let file = try TBXTestSupport.temporaryFile(data, name: "out.tbx")
        return try TBXTestSupport.run(xmllint, ["--noout"] + arguments + [file])
    }

    private var rng: String { TBXTestSupport.schemaFile("tbx/TBXcoreStructV03.rng").path }
    private var dtd: String { TBXTestSupport.schemaFile("tbx/tbx2008/TBXcoreStructV02.dtd").path }

    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func v3OutputValidatesAgainstTheTBXCoreRelaxNG() throws {
        let (data, warnings) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v3)
        #expect(warnings.count == 4)
        let result = try xmllint(data, ["--relaxng", rng])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validates"))
    }

    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func v2008OutputValidatesAgainstTheTBX2008DTD() throws {
        let (data, _) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v2008)
        let result = try xmllint(data, ["--dtdvalid", dtd])
        #expect(result.status == 0, "\(result.output)")
    }

    /// The check that the schema route is real: a broken element fails the RelaxNG.
    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func aBrokenElementFailsTheRelaxNG() throws {
        let (data, _) = try TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v3)
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<term>", with: "<terme>")
            .replacingOccurrences(of: "</term>", with: "</terme>")
        let result = try xmllint(Data(broken.utf8), ["--relaxng", rng])
        #expect(result.status != 0, "\(result.output)")
        #expect(result.output.contains("fails to validate"))
    }

    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func theShippedGlossaryValidatesInBothVersions() throws {
        let glossary = try Glossary.read(contentsOf: TBXTestSupport.packageRoot.appendingPathComponent("Glossary/quasi-alliance.tsv").path)
        let v3 = try xmllint(glossary.encoded(as: .tbx).data, ["--relaxng", rng])
        let v2008 = try xmllint(glossary.encoded(as: .tbx2008).data, ["--dtdvalid", dtd])
        #expect(v3.status == 0, "\(v3.output)")
        #expect(v2008.status == 0, "\(v2008.output)")
    }

    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func theOfficialSampleWrittenBackValidatesAgainstTheRelaxNG() throws {
        let sample = TBXTestSupport.fixture("Example_Astronomy_DCA_VALID.tbx").path
        let (data, _) = try Glossary.read(contentsOf: sample).encoded(as: .tbx)
        let result = try xmllint(data, ["--relaxng", rng])
        #expect(result.status == 0, "\(result.output)")
    }

    /// What `glossary validate` runs (`TBXSchemaValidation`), with the schemas found in the
    /// checkout's `Schemas/` as a fresh clone has them.
    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint))
    func theLibrarysSchemaCheckFindsTheShippedSchemas() throws {
        let environment = DataEnvironment(variables: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                                          executablePath: nil, packageRoot: TBXTestSupport.packageRoot.path)
        let schemas = SchemaLocator(environment: environment)
        #expect(schemas.locate(.tbxCore) == rng)
        #expect(schemas.locate(.tbx2008) == dtd)
        let (v3, _) = try TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v3)
        let (v2008, _) = try TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v2008)
        #expect(try TBXSchemaValidation.issues(in: TBXTestSupport.temporaryFile(v3, name: "v3.tbx"), schemas: schemas) == [])
        #expect(try TBXSchemaValidation.issues(in: TBXTestSupport.temporaryFile(v2008, name: "v2008.tbx"), schemas: schemas) == [])
        let broken = String(decoding: v3, as: UTF8.self).replacingOccurrences(of: "<term>", with: "<terme>")
            .replacingOccurrences(of: "</term>", with: "</terme>")
        let issues = try TBXSchemaValidation.issues(in: TBXTestSupport.temporaryFile(Data(broken.utf8), name: "broken.tbx"), schemas: schemas)
        #expect(issues.map(\.severity) == [.error])
        #expect(issues.first?.message.contains("not valid against \(rng)") == true)
    }

    // MARK: RelaxNG and Schematron through scripts/validate-tbx.sh

    /// Runs scripts/validate-tbx.sh on `data` with the schemas it finds by default (the
    /// checkout's) and the pyschematron the tests found.
    private func validateScript(_ data: Data) throws -> (status: Int32, output: String) {
        let script = TBXTestSupport.packageRoot.appendingPathComponent("scripts/validate-tbx.sh").path
        let file = try TBXTestSupport.temporaryFile(data, name: "out.tbx")
        return try TBXTestSupport.run("/bin/bash", [script, file], environment: ["PYSCHEMATRON": try #require(TBXTestSupport.pyschematron)])
    }

    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint),
          .enabled(if: TBXTestSupport.pyschematron != nil, TBXTestSupport.noPyschematron))
    func v3OutputPassesTheTBXBasicSchematron() throws {
        let (data, _) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v3)
        let result = try validateScript(data)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Schematron (TBX-Basic): VALID"))
    }

    /// The check that the Schematron route is real: the same file with a category TBX-Basic
    /// does not permit is reported INVALID (pyschematron itself exits 0 either way).
    @Test(.enabled(if: TBXTestSupport.xmllint != nil, TBXTestSupport.noXmllint),
          .enabled(if: TBXTestSupport.pyschematron != nil, TBXTestSupport.noPyschematron))
    func theValidationScriptFailsOnACategoryTBXBasicDoesNotPermit() throws {
        let (data, _) = try TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v3)
        let broken = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"<termNote type="termType">fullForm</termNote>"#,
                                  with: #"<termNote type="register">formal</termNote>"#)
        #expect(broken.contains("register"))
        let result = try validateScript(Data(broken.utf8))
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("INVALID"))
    }
}
