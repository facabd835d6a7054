import Testing
@testable import Termbridge

@Suite struct SentenceSplitterTests {
    private func split(_ text: String) throws -> [String] {
        try SentenceSplitter().sentences(in: text).map(\.text)
    }

    @Test func keepsChineseClosingQuoteWithItsSentence() throws {
        #expect(try split("他说：“政策没有改变。”美国随后让步。") == ["他说：“政策没有改变。”", "美国随后让步。"])
        #expect(try split("“这是谁的战争？”他问道。") == ["“这是谁的战争？”", "他问道。"])
    }

    @Test func splitsChineseWithoutSpaces() throws {
        #expect(try split("第一句。第二句！第三句？") == ["第一句。", "第二句！", "第三句？"])
    }

    @Test func titlesDoNotEndEnglishSentences() throws {
        #expect(try split("Gen. Thomas Avery disagreed. Dr. Voss did not.") ==
                ["Gen. Thomas Avery disagreed.", "Dr. Voss did not."])
    }

    @Test func initialismsEndASentenceOnlyBeforeAnOpener() throws {
        #expect(try split("The U.S. Congress voted. It passed.") == ["The U.S. Congress voted.", "It passed."])
        #expect(try split("Aid came from the U.S. The war went on.") ==
                ["Aid came from the U.S.", "The war went on."])
    }

    @Test func rangesPointIntoTheText() throws {
        let text = "  首先。 Then more. "
        let sentences = try SentenceSplitter().sentences(in: text)
        #expect(sentences.map(\.range.scalars) == [2..<5, 6..<16])
        #expect(sentences.map(\.range.utf8) == [2..<11, 12..<22])
    }
}
