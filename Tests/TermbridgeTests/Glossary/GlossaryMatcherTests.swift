import Testing
@testable import Termbridge

private func glossary(_ rows: [(zh: [String], en: [String])]) -> Glossary {
    Glossary(concepts: rows.enumerated().map { index, row in
        var concept = Concept(id: "c\(index + 1)")
        for (i, text) in row.zh.enumerated() { concept.add(Term(text, status: i == 0 ? .preferred : .admitted), in: "zh") }
        for (i, text) in row.en.enumerated() { concept.add(Term(text, status: i == 0 ? .preferred : .admitted), in: "en") }
        return concept
    })
}

@Suite struct GlossaryMatcherTests {
    let matcher: GlossaryMatcher

    init() throws {
        matcher = try GlossaryMatcher(glossary: glossary([
            (["准盟友"], ["quasi ally", "quasi-ally"]),
            (["盟友"], ["ally"]),
            (["主要非北约盟友"], ["major non-NATO ally"]),
            (["北约"], ["NATO"]),
            (["七国集团", "G7"], ["G7", "Group of Seven"]),
            (["陆军战术导弹系统", "ATACMS"], ["Army Tactical Missile System", "ATACMS"]),
        ]))
    }

    @Test func findsTheLongestTermOnceWithOffsets() {
        let matches = matcher.chineseMatches(in: "美国的准盟友和主要非北约盟友")
        #expect(matches.map(\.text) == ["准盟友", "主要非北约盟友"])
        #expect(matches[0].range.scalars == 3..<6)
        #expect(matches[0].range.utf8 == 9..<18)
        #expect(matches[1].references.map(\.concept) == [2])
    }

    @Test func matchesTraditionalAndFullWidthTextKeepingItsOwnForm() {
        let matches = matcher.chineseMatches(in: "準盟友獲得ＡＴＡＣＭＳ")
        #expect(matches.map(\.text) == ["準盟友", "ＡＴＡＣＭＳ"])
        #expect(matches[1].references.map(\.concept) == [5])
        #expect(matches[1].range.utf8 == 15..<33)
    }

    @Test func latinTermsDoNotMatchInsideLongerWords() {
        #expect(matcher.chineseMatches(in: "G77和G7峰会").map(\.text) == ["G7"])
        #expect(matcher.chineseMatches(in: "G7").count == 1)
    }

    @Test(arguments: ["quasi ally", "quasi-ally", "quasi allies", "Quasi-Allies", "the quasi ally's aims", "QUASI ALLY"])
    func englishVariantsAreOneTerm(_ text: String) {
        let matches = matcher.englishMatches(in: text)
        #expect(matches.count == 1)
        // Both English terms of the concept have this stem sequence.
        #expect(matches.first.map { Set($0.references.map(\.concept)) } == [0])
    }

    @Test func englishMatchesWholeWordsOnlyAndLongestFirst() {
        let matches = matcher.englishMatches(in: "Talks: a major non-NATO ally, not an ally of NATO’s nor a G7s.")
        #expect(matches.map(\.text) == ["major non-NATO ally", "ally", "NATO’s"])
        #expect(matches[0].range.utf8 == 9..<28)
    }

    @Test func sharedTermFormsListEveryConcept() throws {
        let shared = try GlossaryMatcher(glossary: glossary([(["准同盟"], ["quasi ally"]), (["准同盟关系", "准同盟"], ["quasi alliance"])]))
        #expect(shared.chineseMatches(in: "准同盟").first?.references.map(\.concept) == [0, 1])
    }

    @Test func countsMatchesInUTF8AndRejectsBadBytes() throws {
        let bytes = Array("准盟友，准盟友。".utf8)
        #expect(try bytes.withUnsafeBufferPointer { try matcher.countChineseMatches(utf8: $0) } == 2)
        let bad: [UInt8] = Array("准".utf8) + [0xFF]
        #expect(throws: InvalidUTF8Error(byteOffset: 3)) { try bad.withUnsafeBufferPointer { try matcher.countChineseMatches(utf8: $0) } }
    }

    @Test func feedsTheSegmenterDictionary() throws {
        let dictionary = UserDictionary(glossary: matcher.glossary)
        let words = try Segmenter(dictionary: dictionary).tokens(in: "美国向准盟友提供陆军战术导弹系统").map(\.text)
        #expect(words.contains("准盟友") && words.contains("陆军战术导弹系统"))
    }
}
