import Foundation
import Testing

@Suite struct GlossaryCommandTests {
    let glossary = "Glossary/quasi-alliance.tsv"

    @Test func lookupShowsConceptVariantsAndPinyin() throws {
        let result = try termbridge(["glossary", "lookup", "準盟友", "--glossary", glossary])
        #expect(result.status == 0)
        #expect(result.stdout.contains("zh: 准盟友  zhǔn méng yǒu"))
        #expect(result.stdout.contains("deprecated: 准同盟"))
        #expect(result.stdout.contains("en: quasi ally"))
    }

    @Test func lookupFindsEnglishVariantsAndExitsOneWhenAbsent() throws {
        #expect(try termbridge(["glossary", "lookup", "Quasi-Allies", "--glossary", glossary]).stdout.contains("qa-001"))
        let missing = try termbridge(["glossary", "lookup", "no such term", "--glossary", glossary])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
    }

    @Test func convertWritesTheFormatOfTheExtension() throws {
        let out = NSTemporaryDirectory() + "convert-\(UUID().uuidString).json"
        let result = try termbridge(["glossary", "convert", glossary, out])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        #expect((json["concepts"] as! [Any]).count >= 60)
    }

    @Test func mergeRefusesConflictsUnlessAPreferenceIsGiven() throws {
        let a = try temporaryFile("id\tzh\ten\na1\t准盟友\tquasi ally\n", suffix: ".tsv")
        let b = try temporaryFile("id\tzh\ten\nb1\t准盟友\tnear ally\nb2\t北约\tNATO\n", suffix: ".tsv")
        let out = NSTemporaryDirectory() + "merge-\(UUID().uuidString).tsv"
        let refused = try termbridge(["glossary", "merge", a, b, "-o", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("conflict: 准盟友: concept a1 has en preferred quasi ally, concept b1 has preferred near ally"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let merged = try termbridge(["glossary", "merge", a, b, "-o", out, "--prefer", "first"])
        #expect(merged.status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("a1\t\t准盟友\t\t\t\t\tzhǔn méng yǒu\tquasi ally\tnear ally"))
        #expect(text.contains("b2\t"))
    }

    @Test func validateExitsNonZeroOnErrors() throws {
        #expect(try termbridge(["glossary", "validate", glossary]).status == 0)
        let bad = try temporaryFile("id\tzh\ten\tzh_forbidden\nc1\t准盟友\tquasi ally\t\nc2\t准同盟\tquasi alliance\t准盟友\n", suffix: ".tsv")
        let result = try termbridge(["glossary", "validate", bad])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: concept c2: 准盟友 is forbidden here but preferred in concept c1"))
    }

    /// The schemas ship in the checkout (Schemas/), so a fresh clone validates TBX against
    /// them with no setting; a file that breaks the structure is an error naming the schema.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"),
                   "needs xmllint (Debian libxml2-utils; scripts/setup.sh installs it)"))
    func validateChecksTBXAgainstTheShippedSchemas() throws {
        let valid = try termbridge(["glossary", "validate", "Glossary/quasi-alliance.tbx"], environment: ["TERMBRIDGE_SCHEMAS": ""])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(!valid.stdout.contains("schema check skipped"))
        let text = try String(contentsOfFile: "Glossary/quasi-alliance.tbx", encoding: .utf8)
        // An attribute the schema does not allow: Termbridge reads the file, the RelaxNG rejects it.
        let broken = try temporaryFile(text.replacingOccurrences(of: #"<descrip type="subjectField">"#,
                                                                 with: #"<descrip type="subjectField" colour="red">"#), suffix: ".tbx")
        let invalid = try termbridge(["glossary", "validate", broken])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("not valid against "))
        #expect(invalid.stdout.contains("/Schemas/tbx/TBXcoreStructV03.rng"))
        #expect(invalid.stdout.contains("Invalid attribute colour for element descrip"))
    }

    @Test func malformedGlossaryNamesFileAndLine() throws {
        let bad = try temporaryFile("id\tzh\ten\nc1\t准盟友\n", suffix: ".tsv")
        let result = try termbridge(["glossary", "stats", bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad):2: expected 3 fields"))
    }

    @Test func validateNamesTheLineOfAnUnclosedQuote() throws {
        let bad = try temporaryFile("id\tzh\ten\nc1\t准盟友\tquasi ally\nc2\t\"北约\tNATO\nc3\t伙伴\tpartner\n", suffix: ".tsv")
        let result = try termbridge(["glossary", "validate", bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad):3:4: malformed TSV: the quoted field opened here is never closed"))
    }

    @Test func convertWritesCSVWithAByteOrderMarkUnlessToldNot() throws {
        let out = NSTemporaryDirectory() + "bom-\(UUID().uuidString).csv"
        #expect(try termbridge(["glossary", "convert", glossary, out]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try termbridge(["glossary", "convert", glossary, out, "--no-bom"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).starts(with: Array("id,".utf8)))
    }

    @Test func aHeaderlessListIsReadAndTheAssumptionPrinted() throws {
        let list = try temporaryFile("quasi ally\t准盟友\nNATO\t北约\n", suffix: ".tsv")
        let result = try termbridge(["glossary", "stats", list])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(list): note: TSV without a header row: read as source⇥target with source = en, target = zh"))
    }

    @Test func statsCountsTermsByStatus() throws {
        let result = try termbridge(["glossary", "stats", glossary])
        #expect(result.stdout.contains("concepts"))
        #expect(result.stdout.contains("zh:"))
        #expect(result.stdout.contains("forbidden"))
    }
}
