import Foundation
import Testing

// These run the built executable: they pass once `CheckCommand` is registered in
// Termbridge.swift.

private let glossary = "Glossary/quasi-alliance.tsv"
private let supplement = "Tests/Fixtures/Checking/quasi-alliances.supplement.tsv"
private let english = "Corpus/en/quasi-alliances.en.md"
private let cleanChinese = "Tests/Fixtures/Checking/quasi-alliances.zh.clean.txt"
private let plantedChinese = "Tests/Fixtures/Checking/quasi-alliances.zh.planted.txt"
private let cedict = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
private let hasCEDICT = FileManager.default.fileExists(atPath: cedict)

@Suite struct CheckCommandTests {
    @Test func exitsZeroWhenTheTranslationFollowsTheGlossary() throws {
        let tsv = try temporaryFile("Donald Trump visited Kyiv in 2024.\t唐纳德·特朗普2024年访问基辅。\n", suffix: ".tsv")
        let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("no findings in 1 segment"))
    }

    @Test func exitsOneOnAnErrorAndPrintsLinterLines() throws {
        let tsv = try temporaryFile("en\tzh\nDonald Trump visited Kyiv in 2024.\t川普2023年访问基辅。\n", suffix: ".tsv")
        let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(tsv):2:36: error [term-forbidden] 川普 is forbidden for qa-076 (Donald Trump): use 特朗普 (or 唐纳德·特朗普)"))
        #expect(lines.contains("\(tsv):2:38: error [number-mismatch] number 2024 of the source is 2023 in the translation"))
    }

    @Test func failOnAndDisableDecideTheExitStatus() throws {
        let tsv = try temporaryFile("Kiev in 2024\t基辅(Kiev)2024年\n", suffix: ".tsv")   // a deprecated term: a warning
        #expect(try termbridge(["check", "--bilingual", tsv, "--glossary", glossary]).status == 0)
        #expect(try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--fail-on", "warning"]).status == 1)
        #expect(try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--fail-on", "warning",
                                "--disable", "term-deprecated"]).status == 0)
        let errors = try temporaryFile("Trump\t川普\n", suffix: ".tsv")
        #expect(try termbridge(["check", "--bilingual", errors, "--glossary", glossary, "--fail-on", "never"]).status == 0)
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        #expect(try termbridge(["check"]).status == 2)
        #expect(try termbridge(["check", "--bilingual", "x.tmx", cleanChinese]).status == 2)
        #expect(try termbridge(["check", "--bilingual", "missing.tmx", "--glossary", glossary]).status == 2)
        let unknown = try termbridge(["check", cleanChinese, "--disable", "no-such-check"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no-such-check"))
        let broken = try temporaryFile("<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>a</tuv></tu>\n</body></tmx>\n", suffix: ".tmx")
        let malformed = try termbridge(["check", "--bilingual", broken, "--glossary", glossary])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("\(broken):2:"))
        let badGlossary = try temporaryFile("id\tzh\nqa-1\n", suffix: ".tsv")
        #expect(try termbridge(["check", cleanChinese, "--glossary", badGlossary]).status == 2)
    }

    @Test func checksTMXWithThePlaceOfTheTermInTheFile() throws {
        let tmx = try temporaryFile("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            <tu tuid="1"><tuv xml:lang="en"><seg>A quasi-ally fights.</seg></tuv><tuv xml:lang="zh-CN"><seg>一个准同盟在作战。</seg></tuv></tu>
            </body></tmx>
            """, suffix: ".tmx")
        let result = try termbridge(["check", "--bilingual", tmx, "--glossary", glossary, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["check"] as? String == "term-deprecated")
        #expect(findings.first?["line"] as? Int == 4)
        #expect(findings.first?["column"] as? Int == 99)
        #expect(findings.first?["segmentId"] as? String == "1")
    }

    @Test func writesAnHTMLReportToAFile() throws {
        let tsv = try temporaryFile("Trump\t川普\n", suffix: ".tsv")
        let output = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "-o", output])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<mark class=\"error\""))
    }

    @Test func aChineseDocumentAloneGetsTheChecksThatNeedNoEnglish() throws {
        let result = try termbridge(["check", plantedChinese, "--glossary", glossary])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(plantedChinese):17:"))
        #expect(result.stdout.contains("[term-forbidden] 川普"))
        #expect(result.stdout.contains("[variant-drift] qa-001 (quasi ally)"))
        #expect(result.stdout.contains("number-mismatch: not run (needs an English side)"))
    }

    @Test(.enabled(if: hasCEDICT, "needs .cache/cedict_ts.u8 (scripts/fetch-cedict.sh)"))
    func plainTextPairsAreAlignedAndChecked() throws {
        let clean = try termbridge(["check", cleanChinese, english, "--glossary", glossary, "--glossary", supplement, "--lexicon", cedict])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let planted = try termbridge(["check", plantedChinese, english, "--glossary", glossary, "--glossary", supplement,
                                      "--lexicon", cedict, "--format", "json"])
        #expect(planted.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(planted.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let places = Set(findings.map { "\($0["check"] as? String ?? "")@\($0["line"] as? Int ?? 0)" })
        for place in ["term-mistranslated@9", "term-deprecated@15", "latin-token-missing@15", "number-mismatch@17",
                      "term-forbidden@17", "rendering-inconsistent@19"] {
            #expect(places.contains(place), "\(place) not in \(places.sorted())")
        }
    }

    @Test func listsTheChecks() throws {
        let result = try termbridge(["check", "--list-checks"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 9)
        #expect(result.stdout.contains("term-mistranslated            error"))
    }
}
