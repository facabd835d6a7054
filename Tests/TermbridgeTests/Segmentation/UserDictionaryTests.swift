import Foundation
import Testing
@testable import Termbridge

@Suite struct UserDictionaryTests {
    @Test func loadsOneTermPerLineIgnoringJiebaColumns() throws {
        var dictionary = UserDictionary()
        try dictionary.addLines(of: Data("\u{FEFF}准盟友 3 n\n核保护伞\r\n\n# comment\n  主要非北约盟友\t5\nquasi ally\tnoun\n".utf8))
        #expect(dictionary.count == 4)
        #expect(dictionary.contains("准盟友"))
        #expect(dictionary.contains("核保护伞"))
        #expect(dictionary.contains("主要非北约盟友"))
        #expect(dictionary.contains("quasi ally"))
        #expect(!dictionary.contains("3"))
    }

    @Test func jiebaLinesGiveTheTermsTag() throws {
        var dictionary = UserDictionary()
        try dictionary.addLines(of: Data("准盟友 3 nz\n核保护伞 n\n主要非北约盟友\t5\tn\n盟友 10\n陆军 12 N0\n".utf8))
        #expect(dictionary.partOfSpeech(of: "准盟友") == "nz")
        #expect(dictionary.partOfSpeech(of: "核保护伞") == .noun)
        #expect(dictionary.partOfSpeech(of: "主要非北约盟友") == nil)   // a tab line: other columns are not jieba's
        #expect(dictionary.partOfSpeech(of: "盟友") == nil)
        #expect(dictionary.partOfSpeech(of: "陆军") == nil)             // not a tag
        #expect(dictionary.partOfSpeech(of: "準盟友") == "nz")
    }

    @Test func glossaryTermsCarryTheGlossarysPartOfSpeech() throws {
        let dictionary = UserDictionary(glossary: try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv"))
        #expect(dictionary.partOfSpeech(of: "准盟友") == .noun)
        #expect(PartOfSpeech(glossaryPartOfSpeech: "properNoun") == .otherProperNoun)
        #expect(PartOfSpeech(glossaryPartOfSpeech: "other") == nil)
    }

    @Test func storesTermsFoldedSoTraditionalFindsThem() {
        let dictionary = UserDictionary(["準盟友"])
        #expect(dictionary.contains("准盟友"))
        #expect(dictionary.contains("準盟友"))
    }

    @Test func skipsClauseFragmentsOfWordLists() {
        let dictionary = UserDictionary(["，还", "的。", "U.S.", "F-16"])
        #expect(dictionary.count == 2)
        #expect(!dictionary.contains("，还"))
    }

    @Test func countsDistinctFoldedTerms() {
        #expect(UserDictionary(["准盟友", "準盟友", "准盟友", " ", ""]).count == 1)
    }

    @Test func invalidUTF8NamesFileAndOffset() {
        var dictionary = UserDictionary()
        #expect(throws: InvalidUTF8Error(file: "words.txt", byteOffset: 4)) {
            try dictionary.addLines(of: Data([0x61, 0x62, 0x0A, 0x63, 0xFF, 0x0A]), file: "words.txt")
        }
    }
}

@Suite struct ScalarTrieTests {
    @Test func findsEveryPrefixShortestFirst() {
        var trie = ScalarTrie()
        for (i, word) in ["北", "北约", "北约盟友", "盟友"].enumerated() {
            trie.insert(word.unicodeScalars.map(\.value), value: Int32(i))
        }
        let text = "北约盟友们".unicodeScalars.map(\.value)
        var found: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            trie.forEachPrefix(of: buffer, from: 0) { end, _ in found.append(end) }
        }
        #expect(found == [1, 2, 4])
        #expect(trie.value(for: "盟友".unicodeScalars.map(\.value)) == 3)
        #expect(trie.value(for: "盟".unicodeScalars.map(\.value)) == -1)
    }

    @Test func keepsEveryKeyThroughTableGrowth() {
        var trie = ScalarTrie()
        let keys = (0..<5000).map { "词\($0)条" }
        for (i, key) in keys.enumerated() { trie.insert(key.unicodeScalars.map(\.value), value: Int32(i)) }
        for (i, key) in keys.enumerated() {
            #expect(trie.value(for: key.unicodeScalars.map(\.value)) == Int32(i))
        }
        // Astral-plane scalars go through the hash table even at the root.
        trie.insert([0x20000, 0x4E00], value: 7)
        #expect(trie.value(for: [0x20000, 0x4E00]) == 7)
    }
}
