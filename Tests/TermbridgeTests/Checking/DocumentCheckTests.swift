import Testing
@testable import Termbridge

/// Checks 3, 4 and 6: what can only be seen across segments.
@Suite struct DocumentCheckTests {
    func findings(_ segments: [CheckSegment], glossary: Glossary? = CheckingFixtures.glossary,
                  associations: (any RenderingAssociations)? = nil) throws -> [Finding] {
        try Checker(glossary: glossary, associations: associations).check(segments)
    }

    static let leverage = [
        CheckingFixtures.pair("Leverage matters.", "杠杆很重要。", index: 0),
        CheckingFixtures.pair("Our leverage is limited.", "我们的杠杆有限。", index: 1),
        CheckingFixtures.pair("Where is our leverage?", "我们的筹码在哪里?", index: 2),
        CheckingFixtures.pair("Leverage exists before a crisis.", "杠杆存在于危机之前。", index: 3),
    ]

    @Test func anAdmittedFormIsNeverARenderingProblem() throws {
        // 筹码 is admitted for leverage: the glossary's choice, however rare in the document.
        #expect(try findings(Self.leverage).isEmpty)
    }

    @Test func reportsARenderingTheGlossaryDoesNotAcceptWithCounts() throws {
        // 筹码 deprecated, and the term checks off: rendering-inconsistent points at it.
        let glossary = Glossary(concepts: [CheckingFixtures.concept("qa-049", zh: [("杠杆", .preferred), ("筹码", .deprecated)],
                                                                    en: [("leverage", .preferred)])])
        var configuration = CheckConfiguration()
        configuration.enabled.subtract([.termDeprecated, .termMistranslated])
        let found = try Checker(glossary: glossary, configuration: configuration).check(Self.leverage)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.check == .renderingInconsistent)
        #expect(finding.location == FileLocation(file: "zh.txt", line: 3, column: 4))
        #expect(finding.found == "筹码")
        #expect(finding.expected == ["杠杆"])
        #expect(finding.renderings.map(\.form) == ["杠杆", "筹码"])
        #expect(finding.renderings.map(\.count) == [3, 1])
        // With term-deprecated on, it reports the form and rendering-inconsistent only counts it.
        let both = try Checker(glossary: glossary).check(Self.leverage)
        #expect(both.map(\.check) == [.termDeprecated])
    }

    @Test func aFullFormAtTheFirstMentionIsNotAnInconsistency() throws {
        let found = try findings([
            CheckingFixtures.pair("Members of NATO.", "北大西洋公约组织成员国。", index: 0),
            CheckingFixtures.pair("Through the G7 and NATO.", "通过G7(七国集团)和北约。", index: 1),
            CheckingFixtures.pair("NATO again.", "又是北约。", index: 2),
        ])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func reportsVariantDriftInAChineseDocumentAndAttributesSharedForms() throws {
        // 准同盟 belongs to quasi ally (deprecated) and quasi alliance (admitted); the document
        // otherwise writes quasi ally as 准盟友, so 准同盟 is drift from 准盟友.
        let lines = ["美国的准盟友越来越多。", "准盟友得到军事援助。", "支持“准同盟”国家。", "准盟友有自己的选择。"]
        let found = try findings(lines.enumerated().map { CheckingFixtures.chinese($1, index: $0) })
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.check == .variantDrift)
        #expect(finding.location == FileLocation(file: "zh.txt", line: 3, column: 4))
        #expect(finding.conceptID == "qa-001")
        #expect(finding.message.contains("准盟友 ×3, 准同盟 ×1"))
    }

    @Test func variantDriftLeavesSegmentsWithEnglishToTheEnglish() throws {
        // 筹码 renders "bargaining chip" here, not leverage.
        let found = try findings([
            CheckingFixtures.pair("Leverage matters.", "杠杆很重要。", index: 0),
            CheckingFixtures.pair("Our leverage is limited.", "我们的杠杆有限。", index: 1),
            CheckingFixtures.pair("A guarantee can become a bargaining chip.", "安全保障可能沦为筹码。", index: 2),
        ])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func identicalSourcesWithDifferentTargetsAndTheReverse() throws {
        let found = try findings([
            CheckingFixtures.pair("The policy has not changed.", "政策没有改变。", index: 0),
            CheckingFixtures.pair("The  policy has NOT changed.", "政策并未改变。", index: 1),
            CheckingFixtures.pair("Nothing has changed.", "政策没有改变。", index: 2),
            CheckingFixtures.pair("The policy has not changed.", "政策没有改变。", index: 3),
        ], glossary: nil)
        #expect(found.map(\.check) == [.segmentInconsistentTarget, .segmentInconsistentSource])
        #expect(found[0].location.line == 2)
        #expect(found[0].related?.line == 1)
        #expect(found[1].location.line == 3)
        #expect(found[1].message.contains("segment 1 (line 1)"))
    }

    final class Associations: RenderingAssociations {
        func renderings(source: String, target: String) -> [AssociatedRendering] {
            guard let english = source.range(of: "hedge") else { return [] }
            let start = source.unicodeScalars.distance(from: source.unicodeScalars.startIndex, to: english.lowerBound)
            for form in ["对冲", "两面下注"] {
                if let chinese = target.range(of: form) {
                    let at = target.unicodeScalars.distance(from: target.unicodeScalars.startIndex, to: chinese.lowerBound)
                    return [AssociatedRendering(englishKey: "hedg", english: "hedge", englishRange: start..<(start + 5),
                                                chinese: form, chineseRange: at..<(at + form.unicodeScalars.count))]
                }
            }
            return []
        }
    }

    @Test func renderingsFromAssociationsWorkWithoutAGlossary() throws {
        let found = try findings([
            CheckingFixtures.pair("The Gulf states hedge.", "海湾国家进行对冲。", index: 0),
            CheckingFixtures.pair("They hedge again.", "它们再次对冲。", index: 1),
            CheckingFixtures.pair("Others hedge too.", "其他国家也两面下注。", index: 2),
        ], glossary: nil, associations: Associations())
        #expect(found.map(\.check) == [.renderingInconsistent])
        #expect(found.first?.found == "两面下注")
        #expect(found.first?.location.line == 3)
    }
}
