import Foundation
import Testing
@testable import Termbridge

@Suite struct CheckReportTests {
    /// A forbidden term, a changed number, a drift, run through a writer.
    func report(_ format: CheckReportFormat, failOn: FailureThreshold = .error) throws -> String {
        var out = ""
        let writer = format.writer { out += $0 }
        let checker = try Checker(glossary: CheckingFixtures.glossary)
        try writer.begin(CheckRunDescription(inputs: ["zh.txt", "en.txt"], glossaries: ["g.tsv"], conceptCount: 8, failOn: failOn))
        let segments = [
            CheckingFixtures.pair("Trump paused 2,000 <b>bombs</b>.", "川普暂停交付200枚<b>炸弹</b>。", index: 0),
            CheckingFixtures.chinese("准盟友很多。", index: 1),
            CheckingFixtures.chinese("准盟友很多。", index: 2),
            CheckingFixtures.chinese("“准同盟”国家。", index: 3),
        ]
        for segment in segments { try checker.check(segment) { try writer.write($0) } }
        try writer.finish(try checker.finish { try writer.write($0) })
        return out
    }

    @Test func textPrintsOneFindingPerLineAsCompilersDoWithAnExcerptAndASummary() throws {
        let text = try report(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "zh.txt:1:1: error [term-forbidden] 川普 is forbidden for qa-076 (Donald Trump): use 特朗普 (or 唐纳德·特朗普)")
        #expect(lines[1] == "    1 | 川普暂停交付200枚<b>炸弹</b>。")
        #expect(lines[2] == "      | ^^^^")
        #expect(lines.contains("zh.txt:1:7: error [number-mismatch] number 2,000 of the source is 200 in the translation (10 times smaller: a change of magnitude)"))
        #expect(lines.contains { $0.hasPrefix("zh.txt:4:2: warning [variant-drift]") })
        #expect(lines.contains("3 findings: 2 errors, 1 warning in 4 segments (1 bilingual, 3 Chinese only)"))
        #expect(lines.contains { $0.hasPrefix("  term-forbidden ") && $0.hasSuffix("1") })
    }

    @Test func jsonHasTheFindingsFieldsAndASummary() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report(.json).utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        for key in ["check", "severity", "file", "line", "column", "segment", "term", "found", "expected", "message"] {
            #expect(findings.allSatisfy { $0[key] != nil }, "\(key)")
        }
        #expect(findings[0]["check"] as? String == "term-forbidden")
        #expect(findings[0]["expected"] as? [String] == ["特朗普", "唐纳德·特朗普"])
        let number = try #require(findings.first { $0["check"] as? String == "number-mismatch" })
        #expect((number["related"] as? [String: Any])?["column"] as? Int == 14)
        #expect((number["related"] as? [String: Any])?["file"] as? String == "en.txt")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["failed"] as? Bool == true)
        #expect((summary["byCheck"] as? [String: Int])?["variant-drift"] == 1)
    }

    @Test func htmlIsSelfContainedEscapedAndFilterableByCheck() throws {
        let html = try report(.html, failOn: .never)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;炸弹&lt;/b&gt;"))
        #expect(html.contains("id=\"show-term-forbidden\""))
        #expect(html.contains("#show-variant-drift:checked ~ table tr.seg:not(.c-variant-drift)"))
        #expect(html.contains("<mark class=\"error\""))
        #expect(html.contains("passes at <code>--fail-on never</code>"))
        #expect(html.contains("class=\"seg s-error c-number-mismatch c-term-forbidden\""))
    }

    @Test func excerptsCountWideCharactersAsTwoColumns() {
        let (line, caret) = TextCheckReport.excerpt("美国ATACMS导弹", 2..<8, radius: 30)
        #expect(line == "美国ATACMS导弹")
        #expect(caret == "    ^^^^^^")
    }
}
