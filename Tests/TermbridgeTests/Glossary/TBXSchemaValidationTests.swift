import Foundation
import Testing
@testable import Termbridge

/// Our TBX output against the official schemas (see ../shared/schemas/README.md): TBX v3's
/// RelaxNG and the TBX-Basic Schematron, TBX 2008's DTD. Each test returns early when the
/// schemas or the tool are absent.
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
    private func xmllint(_ data: Data, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let xmllint = TBXTestSupport.which("xmllint") else { return nil }   // libxml2-utils absent
        let file = try TBXTestSupport.temporaryFile(data, name: "out.tbx")
        return try TBXTestSupport.run(xmllint, ["--noout"] + arguments + [file])
    }

    @Test func v3OutputValidatesAgainstTheTBXCoreRelaxNG() throws {
        guard let rng = TBXTestSupport.schemaFile("tbx/TBXcoreStructV03.rng")?.path else { return }   // schemas absent
        let (data, warnings) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v3)
        #expect(warnings.count == 4)
        guard let result = try xmllint(data, ["--relaxng", rng]) else { return }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validates"))
    }

    @Test func v2008OutputValidatesAgainstTheTBX2008DTD() throws {
        guard let dtd = TBXTestSupport.schemaFile("tbx/tbx2008/TBXcoreStructV02.dtd")?.path else { return }
        let (data, _) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v2008)
        guard let result = try xmllint(data, ["--dtdvalid", dtd]) else { return }
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theShippedGlossaryValidatesInBothVersions() throws {
        guard let rng = TBXTestSupport.schemaFile("tbx/TBXcoreStructV03.rng")?.path,
              let dtd = TBXTestSupport.schemaFile("tbx/tbx2008/TBXcoreStructV02.dtd")?.path else { return }
        let glossary = try Glossary.read(contentsOf: TBXTestSupport.packageRoot.appendingPathComponent("Glossary/quasi-alliance.tsv").path)
        guard let v3 = try xmllint(glossary.encoded(as: .tbx).data, ["--relaxng", rng]),
              let v2008 = try xmllint(glossary.encoded(as: .tbx2008).data, ["--dtdvalid", dtd]) else { return }
        #expect(v3.status == 0, "\(v3.output)")
        #expect(v2008.status == 0, "\(v2008.output)")
    }

    @Test func theOfficialSampleWrittenBackValidatesAgainstTheRelaxNG() throws {
        guard let rng = TBXTestSupport.schemaFile("tbx/TBXcoreStructV03.rng")?.path,
              let sample = TBXTestSupport.schemaFile("tbx/Example_Astronomy_DCA_VALID.tbx")?.path else { return }
        let (data, _) = try Glossary.read(contentsOf: sample).encoded(as: .tbx)
        guard let result = try xmllint(data, ["--relaxng", rng]) else { return }
        #expect(result.status == 0, "\(result.output)")
    }

    // MARK: RelaxNG and Schematron through scripts/validate-tbx.sh

    /// Runs scripts/validate-tbx.sh on `data`; nil when it reports a missing tool (exit 2).
    private func validateScript(_ data: Data) throws -> (status: Int32, output: String)? {
        guard let schemas = TBXTestSupport.schemas else { return nil }
        let script = TBXTestSupport.packageRoot.appendingPathComponent("scripts/validate-tbx.sh").path
        let file = try TBXTestSupport.temporaryFile(data, name: "out.tbx")
        let result = try TBXTestSupport.run("/bin/bash", [script, file], environment: ["TERMBRIDGE_SCHEMAS": schemas.path])
        return result.status == 2 ? nil : result   // xmllint or pyschematron not installed
    }

    @Test func v3OutputPassesTheTBXBasicSchematron() throws {
        let (data, _) = try TBXGlossaryFormat.write(glossaryWithUnwritableCategories(), version: .v3)
        guard let result = try validateScript(data) else { return }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Schematron (TBX-Basic): VALID"))
    }

    /// The check that the Schematron route is real: the same file with a category TBX-Basic
    /// does not permit is reported INVALID (pyschematron itself exits 0 either way).
    @Test func theValidationScriptFailsOnACategoryTBXBasicDoesNotPermit() throws {
        let (data, _) = try TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v3)
        let broken = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"<termNote type="termType">fullForm</termNote>"#,
                                  with: #"<termNote type="register">formal</termNote>"#)
        #expect(broken.contains("register"))
        guard let result = try validateScript(Data(broken.utf8)) else { return }
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("INVALID"))
    }
}
