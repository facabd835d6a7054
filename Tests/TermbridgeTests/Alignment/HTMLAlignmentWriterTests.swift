import Foundation
import Testing
@testable import Termbridge

@Suite struct HTMLAlignmentWriterTests {
    let sample = AlignmentFixtures.sample

    func page(glossary: Glossary? = nil, threshold: Double = 0.5) throws -> String {
        AlignmentFixtures.string(try sample.encoded(
            as: .html, options: AlignmentOutputOptions(glossary: glossary, lowConfidenceThreshold: threshold)))
    }

    /// The `<tr>` of bead `number` (1-based).
    func row(_ number: Int, in html: String) -> String {
        guard let start = html.range(of: "<tr id=\"b\(number)\"") else { return "" }
        return String(html[start.lowerBound...].prefix { $0 != "\n" })
    }

    @Test func isSelfContained() throws {
        let html = try page(glossary: AlignmentFixtures.glossary)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<style>"))
        for external in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
    }

    @Test func escapesTextAndFileNames() throws {
        var alignment = sample
        alignment.english.file = "a<b>&\"c\".md"
        let html = AlignmentFixtures.string(try alignment.encoded(as: .html))
        #expect(html.contains("Untranslated: &lt;b&gt;Tom &amp; Jerry&lt;/b&gt; said &quot;no&quot;."))
        #expect(html.contains("<code>a&lt;b&gt;&amp;&quot;c&quot;.md</code>"))
        #expect(!html.contains("<b>Tom"))
    }

    @Test func showsOneRowPerBeadWithBothSidesAndSentenceNumbers() throws {
        let html = try page()
        #expect(html.components(separatedBy: "<tr id=\"b").count - 1 == 4)
        let second = row(2, in: html)
        #expect(second.contains("<td lang=\"zh-CN\"><span class=\"s\" title=\"sentence 1, line 2\"><sup class=\"i\">1</sup>准同盟代价高昂,风险也大。</span></td>"))
        #expect(second.contains("<sup class=\"i\">1</sup>Such quasi alliances are costly</span> <span class=\"s\" title=\"sentence 2, line 3\"><sup class=\"i\">2</sup>and risky.</span>"))
        #expect(second.contains("<td class=\"kind\" title=\"[1]:[1,2]\">1:2</td>"))
    }

    @Test func marksCutsAndAdditions() throws {
        let html = try page()
        #expect(row(3, in: html).contains("class=\"addition low\""))
        #expect(row(3, in: html).contains("<td lang=\"en\" class=\"missing\">— no English source (addition)</td>"))
        #expect(row(4, in: html).contains("class=\"cut low\""))
        #expect(row(4, in: html).contains("— not translated (cut)"))
        #expect(html.contains("<span class=\"null\">0:1 × 1 (cut)</span>"))
        #expect(html.contains("<span class=\"null\">1:0 × 1 (addition)</span>"))
    }

    @Test func flagsBeadsBelowTheThreshold() throws {
        let html = try page(threshold: 0.5)
        #expect(!row(1, in: html).contains("low"))
        #expect(row(2, in: html).contains("<tr id=\"b2\" class=\"low\">"))
        #expect(row(2, in: html).contains("⚑</span> 0.41</td>"))
        #expect(html.contains("<dd>3 bead(s) scoring below 0.50"))
        #expect(!row(2, in: try page(threshold: 0.4)).contains("low"))
    }

    @Test func countsBeadsByKindInTheHeader() throws {
        let html = try page()
        #expect(html.contains("<dt>Beads</dt><dd>4: <span>1:1 × 1</span> · <span>1:2 × 1</span>"))
        #expect(html.contains("<code>quasi.zh.txt</code>, 3 sentences"))
        #expect(html.contains("<code>quasi.en.md</code>, 4 sentences"))
    }

    @Test func highlightsPreferredTermsOnBothSidesWithTheConceptInATooltip() throws {
        let html = try page(glossary: AlignmentFixtures.glossary)
        #expect(row(1, in: html).contains("美国的<mark class=\"term-ok\" title=\"qa-001: 准盟友 = quasi ally\">准盟友</mark>日益增多。"))
        #expect(row(1, in: html).contains("America&#39;s <mark class=\"term-ok\" title=\"qa-001: 准盟友 = quasi ally\">quasi allies</mark> are"))
    }

    @Test func highlightsDeprecatedAndForbiddenTermsDifferently() throws {
        let html = try page(glossary: AlignmentFixtures.glossary)
        let second = row(2, in: html)
        #expect(second.contains("<mark class=\"term-deprecated\" title=\"qa-001: 准盟友 = quasi ally (准同盟 is deprecated)\">准同盟</mark>"))
        #expect(second.contains("<mark class=\"term-forbidden\" title=\"qa-002: 假盟友 = sham ally (风险 is forbidden)\">风险</mark>"))
        #expect(html.contains("2 concepts; <mark class=\"term-ok\">2 preferred or admitted</mark> · <mark class=\"term-deprecated\">1 deprecated or superseded</mark> · <mark class=\"term-forbidden\">1 forbidden</mark>"))
    }

    @Test func aFormThatIsPreferredAndAdmittedInOneConceptCountsAsPreferred() throws {
        var concept = Concept(id: "qa-001")
        concept.add(Term("quasi ally"), in: "en")
        concept.add(Term("quasi-ally", status: .admitted), in: "en")
        let html = try page(glossary: Glossary(concepts: [concept]))
        #expect(row(1, in: html).contains("<mark class=\"term-ok\" title=\"qa-001: — = quasi ally\">quasi allies</mark>"))
    }

    @Test func aFormSharedByConceptsTakesTheWorstStatus() throws {
        var state = Concept(id: "qa-001")
        state.add(Term("准盟友"), in: "zh")
        state.add(Term("准同盟", status: .deprecated), in: "zh")
        var relationship = Concept(id: "qa-002")
        relationship.add(Term("准同盟关系"), in: "zh")
        relationship.add(Term("准同盟", status: .admitted), in: "zh")
        let html = try page(glossary: Glossary(concepts: [state, relationship]))
        #expect(row(2, in: html).contains("<mark class=\"term-deprecated\" title=\"qa-001: 准盟友 = — (准同盟 is deprecated)&#10;qa-002: 准同盟关系 = — (准同盟 is admitted)\">准同盟</mark>"))
    }

    @Test func withoutAGlossaryNothingIsHighlighted() throws {
        let html = try page()
        #expect(!html.contains("<mark class=\"term-ok\" title"))
        #expect(!html.contains("<dt>Glossary</dt>"))
    }

    @Test func replacesControlCharactersWithANote() throws {
        var alignment = sample
        alignment.chinese.sentences[0].text = "准盟友\u{7}"
        let encoded = try alignment.encoded(as: .html)
        #expect(AlignmentFixtures.string(encoded).contains("准盟友\u{FFFD}"))
        #expect(encoded.notes.count == 1)
    }
}
