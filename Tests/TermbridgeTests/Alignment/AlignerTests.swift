import Foundation
import Testing
@testable import Termbridge

/// CC-CEDICT as `make test` fetches it; tests that need it are skipped without it.
private let lexiconPath = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
private let hasLexicon = FileManager.default.fileExists(atPath: lexiconPath)
/// Loaded once, when a test first asks; a file that does not load fails that test.
private let loadedLexicon = Result { try CEDICTLexicon.load(contentsOf: lexiconPath) }

private func document(_ sentences: [String], _ language: String) throws -> AlignmentDocument {
    try AlignmentDocument(text: sentences.joined(separator: "\n"), language: language, presplit: true)
}

@Suite struct AlignerTests {
    @Test(.enabled(if: hasLexicon, "needs .cache/cedict_ts.u8 (scripts/fetch-data.sh, run by make test)"))
    func anchorsOnWordsNumbersAndNamesAndFindsAOneToTwoBead() throws {
        let lexicon = try loadedLexicon.get()
        let zh = try document(["2022年2月，王晓明抵达基辅。", "他在那里停留了三天，会见了几位官员。",
                               "2024年，他带着2000份文件回到北京。"], "zh")
        let en = try document(["Wang Xiaoming reached Kyiv in February 2022.", "He stayed there for three days.",
                               "He met several officials.", "In 2024 he returned to Beijing with 2,000 documents."], "en")
        let beads = try Aligner(lexicon: lexicon).align(zh, en).beads
        #expect(beads.map(\.notation) == ["[0]:[0]", "[1]:[1,2]", "[2]:[3]"])
        #expect(beads.allSatisfy { $0.score > 0.5 })
    }

    @Test(.enabled(if: hasLexicon, "needs .cache/cedict_ts.u8 (scripts/fetch-data.sh, run by make test)"))
    func cutParagraphOfTheCorpusComesOutAsNullBeads() throws {
        let lexicon = try loadedLexicon.get()
        let zh = try AlignmentDocument(text: String(contentsOfFile: "Corpus/zh/quasi-alliances.zh.txt", encoding: .utf8), language: "zh")
        let en = try AlignmentDocument(text: String(contentsOfFile: "Corpus/en/quasi-alliances.en.md", encoding: .utf8), language: "en")
        let glossary = try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv")
        let alignment = try Aligner(glossary: glossary, lexicon: lexicon).align(zh, en)
        // The cut paragraph (Corpus/README.md) is the one that starts "The legal architecture".
        let first = try #require(en.sentences.firstIndex { $0.text.hasPrefix("The legal architecture") })
        let cut = en.sentences.indices.filter { en.sentences[$0].paragraph == en.sentences[first].paragraph }
        #expect(cut.count == 4)
        for index in cut {
            #expect(alignment.beads.contains(Bead(chinese: [], english: [index], score: 0.5)))
        }
        // Beads cover every sentence once, in order.
        #expect(alignment.beads.flatMap(\.chinese) == Array(zh.sentences.indices))
        #expect(alignment.beads.flatMap(\.english) == Array(en.sentences.indices))
        #expect(alignment.beads.filter { $0.kind == "1:1" }.count >= 40)
    }

    @Test func emptySideAlignsEverySentenceWithNothing() throws {
        let zh = try document(["第一句。", "第二句。"], "zh")
        let en = AlignmentDocument(language: "en", sentences: [])
        let beads = try Aligner().align(zh, en).beads
        #expect(beads.map(\.notation) == ["[0]:[]", "[1]:[]"])
    }

    @Test func aGiganticSingleSentenceDoesNotBreakTheSearch() throws {
        let zh = try document([String(repeating: "美国向准盟友提供援助", count: 20_000)], "zh")
        let en = try document(["The United States aids its quasi allies.", "Again and again."], "en")
        let beads = try Aligner().align(zh, en).beads
        #expect(beads.flatMap(\.chinese) == [0])
        #expect(beads.flatMap(\.english) == [0, 1])
    }

    @Test func longDocumentsAreSearchedInABandAndStayComplete() throws {
        // 1,200 × 1,200 sentences: beyond the full-search limit, so coarse to fine.
        let zhSentences = (0..<1200).map { "第\($0 + 1)段提到\(1000 + $0)名士兵。" }
        let enSentences = (0..<1200).map { "Section \($0 + 1) mentions \(1000 + $0) soldiers." }
        let beads = try Aligner().align(try document(zhSentences, "zh"), try document(enSentences, "en")).beads
        #expect(beads.count == 1200)
        #expect(beads.allSatisfy { $0.chinese == $0.english && $0.chinese.count == 1 })
    }
}
