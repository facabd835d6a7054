import Testing
@testable import Termbridge

/// Checks 1 and 2 on single segments of real sentences.
@Suite struct TermCheckTests {
    func findings(_ segments: [CheckSegment], configuration: CheckConfiguration = CheckConfiguration()) throws -> [Finding] {
        try Checker(glossary: CheckingFixtures.glossary, configuration: configuration).check(segments)
    }

    @Test func flagsAForbiddenTermWithItsPlaceAndTheSuggestion() throws {
        let found = try findings([CheckingFixtures.chinese("而唐纳德·川普重返白宫没几天。")])
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.check == .termForbidden)
        #expect(finding.severity == .error)
        #expect(finding.location == FileLocation(file: "zh.txt", line: 1, column: 6))
        #expect(finding.found == "川普")
        #expect(finding.expected == ["特朗普", "唐纳德·特朗普"])
        #expect(finding.conceptID == "qa-076")
    }

    @Test func flagsADeprecatedEnglishSpellingInTheTranslationAndTheSource() throws {
        let found = try findings([CheckingFixtures.pair("Neither Kiev nor its critics were satisfied.", "既没有让基辅(Kiev)满意。")])
        #expect(found.map(\.check) == [.termDeprecated, .termDeprecated])
        #expect(found.map(\.side) == [.target, .source])
        #expect(found[0].location.column == 8)
        #expect(found[1].location == FileLocation(file: "en.txt", line: 1, column: 9))
        #expect(found[0].expected == ["Kyiv"])
        #expect(found[0].severity == .warning)
    }

    @Test func aFormOfTwoConceptsIsJudgedByTheConceptTheEnglishNames() throws {
        // 准同盟 is deprecated for quasi ally and admitted for quasi alliance.
        let state = try findings([CheckingFixtures.pair("A quasi-ally fighting for its survival.", "一个为生存而战的准同盟。")])
        #expect(state.map(\.check) == [.termDeprecated])
        #expect(state.first?.expected == ["准盟友"])
        let relationship = try findings([CheckingFixtures.pair("Every quasi alliance has a paradox.", "每一种准同盟都有悖论。")])
        #expect(relationship.isEmpty)
        // With no English, some concept accepts it: no term finding.
        #expect(try findings([CheckingFixtures.chinese("每一种准同盟都有悖论。")]).isEmpty)
    }

    @Test func reportsAnEnglishTermWithoutAnyAcceptableTranslation() throws {
        let found = try findings([CheckingFixtures.pair("It came with strings, but no quasi ally got ATACMS.",
                                                        "附带条件,但没有准盟友得到远程导弹。")])
        let mistranslated = found.filter { $0.check == .termMistranslated }
        #expect(mistranslated.count == 1)
        let finding = try #require(mistranslated.first)
        #expect(finding.term == "ATACMS")
        #expect(finding.expected == ["陆军战术导弹系统", "ATACMS"])
        #expect(finding.location == FileLocation(file: "zh.txt", line: 1, column: 1))
        #expect(finding.related == FileLocation(file: "en.txt", line: 1, column: 45))
        #expect(finding.severity == .error)
    }

    @Test func acceptsAdmittedTermsTraditionalCharactersAndTermsInsideLongerTerms() throws {
        let found = try findings([
            CheckingFixtures.pair("Washington wants leverage.", "华盛顿希望握有筹码。"),
            CheckingFixtures.pair("The quasi ally fought on.", "那個準盟友繼續作戰。", index: 1),
            CheckingFixtures.pair("NATO members met.", "北约成员国开会。", index: 2),
        ])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func aForbiddenRenderingIsNotAlsoAMissingTranslation() throws {
        let found = try findings([CheckingFixtures.pair("Donald Trump lifted the hold.", "川普取消了限制。")])
        #expect(found.map(\.check) == [.termForbidden])
        // With term-forbidden off, the missing translation is reported instead.
        var configuration = CheckConfiguration()
        configuration.enabled.remove(.termForbidden)
        let fallback = try findings([CheckingFixtures.pair("Donald Trump lifted the hold.", "川普取消了限制。")], configuration: configuration)
        #expect(fallback.map(\.check) == [.termMistranslated])
    }

    @Test func disabledChecksReportNothingAndSeveritiesCanBeChanged() throws {
        let configuration = CheckConfiguration(enabled: [.termForbidden], severities: [.termForbidden: .warning])
        let found = try findings([CheckingFixtures.pair("Trump visited Kiev in 2024.", "川普2023年访问基辅。")], configuration: configuration)
        #expect(found.map(\.check) == [.termForbidden])
        #expect(found.first?.severity == .warning)
    }

    @Test func positionsInABeadOfTwoSentencesPointIntoTheRightLineAndColumn() throws {
        let target = SegmentText(text: "第一句。川普来了。", file: "zh.txt", positions: TextPositions(anchors: [
            .init(offset: 0, line: 3, column: 5), .init(offset: 4, line: 3, column: 20),
        ]))
        let segment = CheckSegment(index: 0, source: nil, target: target)
        let found = try findings([segment])
        #expect(found.first?.location == FileLocation(file: "zh.txt", line: 3, column: 20))
    }
}
