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
        // Columns count UTF-8 bytes by default: 川普 is six bytes before 2023.
        #expect(lines.contains("\(tsv):2:42: error [number-mismatch] number 2024 of the source is 2023 in the translation"))
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
        #expect(findings.first?["column"] as? Int == 103)   // bytes: 一个 before 准同盟 is six bytes
        let scalars = try termbridge(["check", "--bilingual", tmx, "--glossary", glossary, "--format", "json", "--column-unit", "scalars"])
        let scalarObject = try #require(try JSONSerialization.jsonObject(with: Data(scalars.stdout.utf8)) as? [String: Any])
        #expect((scalarObject["findings"] as? [[String: Any]])?.first?["column"] as? Int == 99)
        #expect((scalarObject["summary"] as? [String: Any])?["columnUnit"] as? String == "scalars")
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
        for place in ["latin-token-misspelled@2", "term-mistranslated@9", "number-mismatch@9", "negation-mismatch@13",
                      "term-deprecated@15", "latin-token-missing@15", "number-mismatch@17", "term-forbidden@17",
                      "target-untranslated@21", "cjk-latin-spacing@21", "punctuation-unpaired@23", "length-ratio@25",
                      "repeated-word@27"] {
            #expect(places.contains(place), "\(place) not in \(places.sorted())")
        }
    }

    @Test func listsTheChecksWithTheirExamples() throws {
        let result = try termbridge(["check", "--list-checks"])
        #expect(result.status == 0)
        let checks = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        for id in ["term-mistranslated", "term-forbidden", "term-deprecated", "rendering-inconsistent", "variant-drift",
                   "number-mismatch", "latin-token-missing", "segment-inconsistent-target", "segment-inconsistent-source"] {
            #expect(checks.contains { $0.hasPrefix(id + " ") }, "\(id)")
        }
        #expect(result.stdout.contains("term-mistranslated            error"))
        #expect(result.stdout.contains("    + zh: 而唐纳德·↓川普重返白宫没几天。"))
        let json = try termbridge(["check", "--list-checks", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let listed = try #require(object["checks"] as? [[String: Any]])
        #expect(listed.count == checks.count)
        let forbidden = try #require(listed.first { $0["id"] as? String == "term-forbidden" })
        #expect(forbidden["severity"] as? String == "error")
        #expect((forbidden["examples"] as? [[String: Any]])?.contains { $0["triggers"] as? Bool == false } == true)
    }

    @Test func columnUnitsCountWhatEditorsCount() throws {
        let tsv = try temporaryFile("Donald Trump visited Kyiv in 2024.\t川普2023年访问基辅。\n", suffix: ".tsv")
        func column(_ unit: String) throws -> String? {
            let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--column-unit", unit])
            return result.stdout.split(separator: "\n").first { $0.contains("[number-mismatch]") }
                .map { String($0.dropFirst(tsv.count + 1).prefix { $0 != ":" } ) + ":" + String($0.dropFirst(tsv.count + 3).prefix { $0 != ":" }) }
        }
        #expect(try column("scalars") == "1:38")
        #expect(try column("bytes") == "1:42")
        #expect(try column("utf16") == "1:38")
        #expect(try column("display") == "1:45")   // the tab moves to cell 41, 川普 takes four cells
        let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary])
        #expect(result.stdout.contains("(columns count UTF-8 bytes)"))
    }

    @Test func aBaselineSilencesKnownFindingsWhereverTheyMove() throws {
        let first = "Donald Trump visited Kyiv in 2024.\t川普2023年访问基辅。\n"
        let tsv = try temporaryFile(first, suffix: ".tsv")
        let baseline = NSTemporaryDirectory() + "termbridge-baseline-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        let recorded = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--write-baseline", baseline])
        #expect(recorded.status == 1)
        let file = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(file.hasPrefix("# termbridge check baseline 1"))
        #expect(file.split(separator: "\n").count == 3)   // the header and two findings
        #expect(try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--baseline", baseline]).status == 0)
        // New lines above move the known findings; a new slip is still reported.
        let edited = try temporaryFile("Kyiv in 2022.\t基辅2022年。\nTrump again.\t川普又来了。\n" + first, suffix: ".tsv")
        let result = try termbridge(["check", "--bilingual", edited, "--glossary", glossary, "--baseline", baseline])
        #expect(result.status == 1)
        let findings = result.stdout.split(separator: "\n").filter { $0.contains(": error [") }
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("\(edited):2:") == true)
        #expect(result.stdout.contains("2 findings left out: in the baseline"))
        let bad = try temporaryFile("not a fingerprint\n", suffix: ".txt")
        let refused = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--baseline", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(bad):1:"))
    }

    @Test func unitsWaiveChecksInTMXAndXLIFF() throws {
        let tmx = try temporaryFile("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            <tu tuid="1"><prop type="x-termbridge-waive">term-forbidden</prop><tuv xml:lang="en"><seg>Trump in 2024.</seg></tuv><tuv xml:lang="zh-CN"><seg>川普2024年。</seg></tuv></tu>
            <tu tuid="2"><tuv xml:lang="en"><seg>Trump in 2024.</seg></tuv><tuv xml:lang="zh-CN"><seg>川普2024年。</seg></tuv></tu>
            </body></tmx>
            """, suffix: ".tmx")
        let result = try termbridge(["check", "--bilingual", tmx, "--glossary", glossary])
        let findings = result.stdout.split(separator: "\n").filter { $0.contains(" [term-forbidden] ") }
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("\(tmx):5:") == true)
        #expect(result.stdout.contains("1 finding waived by the units"))
        let xliff = try temporaryFile("""
            <xliff version="1.2"><file source-language="en" target-language="zh-CN" original="x" datatype="plaintext"><body>
            <trans-unit id="1"><source>Trump in 2024.</source><target>川普2023年。</target><note>termbridge-waive: term-forbidden, number-mismatch</note></trans-unit>
            </body></file></xliff>
            """, suffix: ".xlf")
        let waived = try termbridge(["check", "--bilingual", xliff, "--glossary", glossary])
        #expect(waived.status == 0, "\(waived.stdout)")
        #expect(waived.stdout.contains("2 findings waived by the units"))
    }

    @Test func userChecksFromAChecklistRunBesideTheBuiltInOnes() throws {
        let checklist = try temporaryFile("""
            # Percentages in figures, and no OK in the Chinese.
            id\tseverity\tsource\ttarget\twhen\tmessage
            percent-sign\terror\t([0-9]+) percent\t$1\\s?[%％]\ttarget-missing\t$1 percent should be written $1%
            no-ok\twarning\t\tOK\t\tOK is not written in Chinese text

            """, suffix: ".tsv")
        let tsv = try temporaryFile("It rose 70 percent.\t上涨了百分之七十,OK。\nIt fell 5 percent.\t下降了5%。\n", suffix: ".tsv")
        let result = try termbridge(["check", "--bilingual", tsv, "--checklist", checklist])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // At the start of the Chinese field (after the English and the tab).
        #expect(lines.contains("\(tsv):1:21: error [percent-sign] 70 percent should be written 70%"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("\(tsv):2:") && $0.contains("[percent-sign]") })
        #expect(lines.contains { $0.hasPrefix("\(tsv):1:") && $0.contains("warning [no-ok] OK is not written in Chinese text") })
        let listed = try termbridge(["check", "--list-checks", "--checklist", checklist])
        #expect(listed.stdout.contains("percent-sign"))
        let disabled = try termbridge(["check", "--bilingual", tsv, "--checklist", checklist, "--disable", "percent-sign",
                                       "--disable", "no-ok"])
        #expect(disabled.status == 0, "\(disabled.stdout)")
        let unknown = try termbridge(["check", "--bilingual", tsv, "--disable", "percent-sign"])
        #expect(unknown.status == 2)
        let broken = try temporaryFile("id\tseverity\ttarget\tmessage\nbad\tfatal\tx\tm\n", suffix: ".tsv")
        let refused = try termbridge(["check", "--bilingual", tsv, "--checklist", broken])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(broken):2:"))
    }
}
