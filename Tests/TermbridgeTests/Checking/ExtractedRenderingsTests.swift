import Testing
@testable import Termbridge

@Suite struct ExtractedRenderingsTests {
    private let associations: ExtractedRenderings

    init() throws {
        associations = try ExtractedRenderings(candidates: [
            TermCandidate(chinese: "台湾", english: "Taiwan", kind: .bilingual, frequency: 3, score: 0.5),
            TermCandidate(chinese: "台湾地区", english: "Taiwan", kind: .bilingual, frequency: 1, score: 0.3),
            TermCandidate(chinese: "杠杆", english: "leverage", kind: .paren, frequency: 4, score: 0.6),
            TermCandidate(chinese: "援助", english: "", kind: .zh, frequency: 5, score: 0.4),
        ])
    }

    @Test func groupsCandidatesByEnglishTerm() {
        #expect(associations.termCount == 2)
    }

    @Test func findsTheRenderingUsedInASegmentPair() {
        let renderings = associations.renderings(source: "all may be the one with Taiwan.", target: "或许是与台湾地区的关系。")
        #expect(renderings.count == 1)
        #expect(renderings[0].englishKey == "taiwan")
        #expect(renderings[0].chinese == "台湾地区")
        #expect(renderings[0].englishRange == 24..<30)
        #expect(renderings[0].chineseRange == 4..<8)
        let missing = associations.renderings(source: "Leverage exists.", target: "影响力存在。")
        #expect(missing.map(\.chinese) == [nil])
    }

    @Test func letTheCheckerReportRenderingsWithoutAGlossary() throws {
        let checker = try Checker(glossary: nil, associations: associations)
        let findings = checker.check([
            CheckingFixtures.pair("Taiwan is a quasi ally.", "台湾是准盟友。", index: 0),
            CheckingFixtures.pair("Taiwan buys arms.", "台湾购买武器。", index: 1),
            CheckingFixtures.pair("The one with Taiwan.", "与台湾地区的关系。", index: 2),
        ])
        let inconsistent = findings.filter { $0.check == .renderingInconsistent }
        #expect(inconsistent.count == 1)
        #expect(inconsistent.first?.segment == 2)
        #expect(inconsistent.first?.found == "台湾地区")
    }
}
