import Foundation
import Testing

/// Termbase exports (IATE CSV, MultiTerm XML, UNTERM JSON) on the command line (chosen by
/// content or by --from), and the declared
/// source language of the glossaries the commands write.
@Suite struct TermbaseCommandTests {
    private func outputPath(_ suffix: String) -> String {
        NSTemporaryDirectory() + "termbase-\(UUID().uuidString)\(suffix)"
    }

    @Test func convertsMultiTermAndIATEExportsChosenByContent() throws {
        for input in ["Tests/Fixtures/Termbases/multiterm.xml", "Tests/Fixtures/Termbases/iate.csv", "Tests/Fixtures/Termbases/unterm.json"] {
            let out = outputPath(".json")
            defer { try? FileManager.default.removeItem(atPath: out) }
            let result = try termbridge(["glossary", "convert", input, out])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("准盟友"))
            let expected = input.hasSuffix(".xml") ? #""language" : "EN-US""# : input.hasSuffix(".csv") ? #""id" : "IATE-900001""#
                : #""id" : "5f0c2a91-7d3e-4b1a-9c11-0a7e3b2d9f01""#
            #expect(text.contains(expected))
        }
    }

    @Test func validatesAMultiTermExportWithoutATBXSchema() throws {
        let result = try termbridge(["glossary", "validate", "Tests/Fixtures/Termbases/multiterm.xml", "--languages", "en"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("multiterm.xml: 2 concepts, 0 error(s)"))
        #expect(!result.stdout.contains("not valid against"))
    }

    @Test func readsExportsFromStandardInputWithFrom() throws {
        let xml = try Data(contentsOf: URL(fileURLWithPath: "Tests/Fixtures/Termbases/multiterm.xml"))
        let result = try termbridge(["glossary", "convert", "-", "-", "--from", "multiterm", "--to", "tsv"], stdin: xml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("id\tsubject\tZH-CN\t") && result.stdout.contains("\tEN-US_definition\t"))
        let csv = try Data(contentsOf: URL(fileURLWithPath: "Tests/Fixtures/Termbases/iate.csv"))
        let iate = try termbridge(["glossary", "convert", "-", "-", "--from", "iate-csv", "--to", "tsv"], stdin: csv)
        #expect(iate.status == 0, "\(iate.stderr)")
        #expect(iate.stdout.contains("海上交通线"))
        let refused = try termbridge(["glossary", "convert", "Tests/Fixtures/Termbases/iate.csv", "out.xml", "--to", "multiterm"])
        #expect(refused.status == 2 && refused.stderr.contains("this format is read, not written"))
    }

    @Test func sourceLanguagePutsThatLanguageFirstInTBX() throws {
        let out = outputPath(".tbx")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try termbridge(["glossary", "convert", "Glossary/quasi-alliance.tsv", out, "--to", "tbx2008", "--source-language", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        let tbx = try String(contentsOfFile: out, encoding: .utf8)
        #expect(tbx.contains(#"<martif type="TBX-Basic" xml:lang="zh">"#))
        let firstSection = try #require(tbx.range(of: "<langSet xml:lang=\""))
        #expect(tbx[firstSection.upperBound...].hasPrefix("zh"))
        // Read back, the declaration survives into JSON.
        let json = outputPath(".json")
        defer { try? FileManager.default.removeItem(atPath: json) }
        #expect(try termbridge(["glossary", "convert", out, json]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains(#""sourceLanguage" : "zh""#))
    }

    @Test func sourceLanguageIsCheckedAndSharedByEveryCommandThatWritesGlossaries() throws {
        let bad = try termbridge(["glossary", "convert", "Glossary/quasi-alliance.tsv", "-", "--source-language", "en US"])
        #expect(bad.status == 2 && bad.stderr.contains("not a language tag"))
        let absent = try termbridge(["glossary", "convert", "Glossary/quasi-alliance.tsv", "-", "--source-language", "fr"])
        #expect(absent.status == 2 && absent.stderr.contains("the glossary has no terms in that language"))
        for command in [["glossary", "merge", "--help"], ["extract", "--help"], ["glossary", "convert", "--help"]] {
            #expect(try termbridge(command).stdout.contains("--source-language"))
        }
        let extracted = try termbridge(["extract", "Corpus/zh/quasi-alliances.zh.txt", "--top", "5", "--format", "tbx",
                                        "--source-language", "zh"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stdout.contains(#"<tbx type="TBX-Basic" style="dca" xml:lang="zh""#))
    }

    @Test func extractWritesEveryWrittenGlossaryFormat() throws {
        for format in ["xlsx", "omegat"] {
            let out = outputPath(format == "xlsx" ? ".xlsx" : ".utf8")
            defer { try? FileManager.default.removeItem(atPath: out) }
            let result = try termbridge(["extract", "Corpus/zh/quasi-alliances.zh.txt", "--top", "10", "--format", format, "-o", out])
            #expect(result.status == 0, "\(result.stderr)")
            let stats = try termbridge(["glossary", "stats", out])
            #expect(stats.status == 0, "\(stats.stderr)")
        }
        let refused = try termbridge(["extract", "Corpus/zh/quasi-alliances.zh.txt", "--format", "cedict"])
        #expect(refused.status == 2 && refused.stderr.contains("this format is read, not written"))
    }
}
