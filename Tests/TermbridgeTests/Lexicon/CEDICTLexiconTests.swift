import Foundation
import Testing
@testable import Termbridge

/// Lines in CC-CEDICT's format, written for these tests.
private let fixture = """
# A small dictionary in CC-CEDICT format
#! entries=9

盟友 盟友 [meng2 you3] /ally/allied nation/CL:個|个[ge4]/
盟約 盟约 [meng2 yue1] /treaty of alliance/oath of alliance/
準盟友 准盟友 [zhun3 meng2 you3] /quasi ally/
同盟 同盟 [tong2 meng2] /alliance; league/to ally/
了 了 [le5] /(completed action marker)/
了 了 [liao3] /to finish/to understand clearly (Tw)/variant of 瞭|了[liao3]/
中國 中国 [Zhong1 guo2] /China/
綠 绿 [lu:4] /green/
聯盟 联盟 [lian2 meng2] /alliance; union; coalition/

"""

private func readFixture(_ text: String = fixture) throws -> CEDICTLexicon {
    try CEDICTLexicon.read(Data(text.utf8), file: "test.u8")
}

/// The copy fetched by scripts/fetch-cedict.sh, when there is one.
private let realDictionaryPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".cache/cedict_ts.u8").path

@Suite struct CEDICTLexiconTests {
    // MARK: Reading

    @Test func readsEntriesSkippingCommentsAndBlankLines() throws {
        let lexicon = try readFixture()
        #expect(lexicon.count == 9)
        let first = lexicon.entries[0]
        #expect(first.traditional == "盟友")
        #expect(first.simplified == "盟友")
        #expect(first.pinyin == "meng2 you3")
        #expect(first.definitions == ["ally", "allied nation", "CL:個|个[ge4]"])
        #expect(first.glosses == ["ally", "allied nation"])
        #expect(first.line == 4)
    }

    @Test func readsCRLFAndBOMAlike() throws {
        let crlf = "\u{FEFF}" + fixture.replacingOccurrences(of: "\n", with: "\r\n")
        let lexicon = try readFixture(crlf)
        #expect(lexicon.entries.map(\.definitions) == (try readFixture()).entries.map(\.definitions))
        #expect(lexicon.entries[1].traditional == "盟約")
    }

    @Test func readsLastLineWithoutNewline() throws {
        #expect(try readFixture("綠 绿 [lu:4] /green/").entries.first?.glosses == ["green"])
    }

    @Test(arguments: [
        ("盟友 盟友 meng2 you3 /ally/", 7, "expected [ to open the pinyin, found \"m\""),
        ("盟友 盟友 [meng2 you3 /ally/", 25, "expected ] to close the pinyin opened at column 7"),
        ("盟友 盟友 [meng2 you3] ally/", 20, "expected / to open the definitions, found \"a\""),
        ("盟友 盟友 [meng2 you3] /ally", 25, "expected / to close the definitions"),
        ("盟友 盟友 [meng2 you3]", 19, "expected / to open the definitions, found the end of the line"),
        ("盟友 [meng2 you3] /ally/", 4, "expected the simplified headword after the traditional one; a line reads TRADITIONAL SIMPLIFIED [pin1 yin1] /definition/"),
        ("盟友 盟友 [meng2 you3] //", 20, "expected at least one definition between the slashes"),
    ])
    func reportsMalformedLineWithLineAndColumn(_ line: String, _ column: Int, _ message: String) {
        let text = "# comment\n綠 绿 [lu:4] /green/\n" + line + "\n"
        #expect(throws: FileError(path: "test.u8", line: 3, column: column, message: message)) {
            try readFixture(text)
        }
    }

    @Test func reportsInvalidUTF8WithFileAndByteOffset() {
        let bytes = Array("綠 绿 [lu:4] /green/\n盟 盟 [meng2] /al".utf8) + [0xFF] + Array("ly/\n".utf8)
        #expect(throws: InvalidUTF8Error(file: "test.u8", byteOffset: 42)) {
            try CEDICTLexicon.read(Data(bytes), file: "test.u8")
        }
    }

    @Test func reportsInvalidUTF8InAComment() {
        let bytes = Array("# ok\n# bad ".utf8) + [0xC0, 0x80] + Array("\n".utf8)
        #expect(throws: InvalidUTF8Error(file: nil, byteOffset: 11)) {
            try CEDICTLexicon.read(Data(bytes))
        }
    }

    // MARK: Chinese lookups

    @Test func traditionalInputFindsSimplifiedHeadword() throws {
        let lexicon = try readFixture()
        #expect(lexicon.entries(for: "盟約").map(\.simplified) == ["盟约"])
        #expect(lexicon.entries(for: "盟约").map(\.traditional) == ["盟約"])
        #expect(lexicon.glosses(for: "準盟友") == ["quasi ally"])
    }

    @Test func fullWidthAndCompatibilityFormsAreFolded() throws {
        let lexicon = CEDICTLexicon(entries: [
            CEDICTEntry(traditional: "ATACMS", simplified: "ATACMS", pinyin: "A T A C M S", definitions: ["Army Tactical Missile System"]),
        ])
        #expect(lexicon.glosses(for: "ＡＴＡＣＭＳ") == ["Army Tactical Missile System"])
    }

    @Test func glossesMergeEveryReadingWithoutRepeats() throws {
        let lexicon = try readFixture()
        #expect(lexicon.entries(for: "了").count == 2)
        #expect(lexicon.glosses(for: "了") == ["finish", "understand clearly"])
    }

    @Test func unknownWordHasNoEntries() throws {
        let lexicon = try readFixture()
        #expect(lexicon.entries(for: "核保护伞").isEmpty)
        #expect(lexicon.glosses(for: "").isEmpty)
        #expect(!lexicon.contains("核保护伞"))
    }

    @Test func findsEveryHeadwordStartingAtAPosition() throws {
        let lexicon = try readFixture()
        let sentence = "準盟友和同盟".unicodeScalars.map { TextNormalizer.shared.fold($0.value) }
        var found: [String] = []
        sentence.withUnsafeBufferPointer { text in
            for start in 0..<text.count {
                lexicon.forEachHeadword(in: text, startingAt: start) { end, id in
                    found.append("\(start)-\(end) \(lexicon.headwords[id])")
                }
            }
        }
        #expect(found == ["0-3 准盟友", "1-3 盟友", "4-6 同盟"])
    }

    // MARK: English lookups

    @Test func englishWordFindsSimplifiedHeadwords() throws {
        let lexicon = try readFixture()
        #expect(Set(lexicon.chineseWords(forEnglishWord: "ally")) == ["盟友", "准盟友", "同盟"])
        #expect(lexicon.chineseWords(forEnglishWord: "Alliance") == ["盟约", "同盟", "联盟"])
        #expect(lexicon.chineseWords(forEnglishWord: "China's") == ["中国"])
    }

    @Test func stopWordsAndUnknownWordsFindNothing() throws {
        let lexicon = try readFixture()
        #expect(lexicon.chineseWords(forEnglishWord: "of").isEmpty)
        #expect(lexicon.chineseWords(forEnglishWord: "umbrella").isEmpty)
    }

    @Test func indexLinksHeadwordsAndKeysBothWaysBySortedIDs() throws {
        let lexicon = try readFixture()
        let index = lexicon.english
        let tongmeng = try #require(lexicon.headwordID(for: "同盟"))
        let keys = index.keyIDs(forHeadwordID: tongmeng).map { index.keys[Int($0)] }
        #expect(Set(keys) == ["alliance", "league", "ally"])
        let ids = Array(index.keyIDs(forHeadwordID: tongmeng))
        #expect(ids == ids.sorted())
        let ally = try #require(index.keyID(for: "ally"))
        let headwords = Array(index.headwordIDs(forKeyID: ally))
        #expect(headwords == headwords.sorted())
        #expect(headwords.contains(Int32(tongmeng)))
    }

    @Test func customKeyFunctionBuildsAStemmedIndex() throws {
        let lexicon = try readFixture()
        let stemmer = try EnglishStemmer()
        let stemmed = CEDICTEnglishIndex(lexicon) { CEDICTEnglishIndex.contentWord($0).map(stemmer.stem) }
        let key = try #require(stemmed.keyID(for: stemmer.stem("allies")))
        let words = stemmed.headwordIDs(forKeyID: key).map { lexicon.headwords[Int($0)] }
        #expect(Set(words) == ["盟友", "准盟友", "同盟"])
    }

    @Test func englishWordsAreFoldedLikeRunningText() {
        #expect(CEDICTEnglishIndex.words(of: "Sun Yat-sen's O’Brien café ＡＴＡＣＭＳ ally’s")
                == ["sun", "yat", "sen", "o'brien", "café", "atacms", "ally"])
    }

    // MARK: Glossary

    @Test func glossaryHasOneConceptPerEntry() throws {
        let glossary = try readFixture().glossary()
        #expect(glossary.concepts.count == 9)
        let meng = try #require(glossary.concept(withID: "cedict-2"))
        #expect(meng.preferredTerm(in: "zh")?.text == "盟约")
        #expect(meng.preferredTerm(in: "zh")?.pinyin == "méng yuē")
        #expect(meng.languages.map(\.language) == ["zh", "zh-Hant", "en"])
        #expect(meng.terms(in: "zh-Hant").map(\.text) == ["盟約"])
        #expect(meng.terms(in: "en").map(\.text) == ["treaty of alliance", "oath of alliance"])
        #expect(meng.terms(in: "en").map(\.status) == [.preferred, .admitted])
        #expect(meng.definition == "treaty of alliance / oath of alliance")
    }

    @Test func glossaryLeavesOutSameTraditionalAndEmptyEnglish() throws {
        let glossary = try readFixture().glossary()
        let le = try #require(glossary.concept(withID: "cedict-5"))
        #expect(le.languages.map(\.language) == ["zh"])
        #expect(le.preferredTerm(in: "zh")?.pinyin == "le")
        #expect(glossary.concept(withID: "cedict-8")?.preferredTerm(in: "zh")?.pinyin == "lǜ")
    }

    @Test func glossaryReadsThroughTheCEDICTFormat() throws {
        let glossary = try Glossary.read(Data(fixture.utf8), format: .cedict, file: "test.u8")
        #expect(glossary.concepts.count == 9)
    }

    // MARK: The real dictionary

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realDictionaryPath)))
    func loadsTheRealDictionary() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: realDictionaryPath)
        #expect(lexicon.count > 100_000)
        #expect(lexicon.glosses(for: "盟友").contains { $0.contains("ally") })
        #expect(lexicon.entries(for: "盟約").contains { $0.simplified == "盟约" })
        #expect(lexicon.chineseWords(forEnglishWord: "ally").contains("盟友"))
        #expect(lexicon.glosses(for: "准").contains("accurate"))
    }
}

extension CEDICTLexiconTests {
    @Test func missingFileIsAFileError() {
        #expect(throws: FileError.self) {
            try CEDICTLexicon.load(contentsOf: "/nonexistent/cedict_ts.u8")
        }
    }
}
