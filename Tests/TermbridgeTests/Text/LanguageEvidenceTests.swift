import Foundation
import Testing
@testable import Termbridge

@Suite struct LanguageEvidenceTests {
    @Test func chineseWithEnglishNamesAndNumbersIsChinese() {
        let evidence = LanguageEvidence("卡尔德安全政策研究所（Calder Institute for Security Policy）高级分析师海伦·沃斯(Helen Voss)博士说,2024年美国提供了ATACMS。")
        #expect(evidence.language == .chinese)
        #expect(evidence.latinLetters == 47)
        #expect(evidence.hanCharacters == 28)
    }

    @Test func englishWithAChineseTermIsEnglish() {
        let evidence = LanguageEvidence("Beijing calls such partners 准盟友, and Washington has no single word for the relationship it keeps with them in 2025.")
        #expect(evidence.language == .english)
        #expect(evidence.hanCharacters == 3)
    }

    @Test func digitsAndPunctuationAreNotCounted() {
        let evidence = LanguageEvidence("2,000 — 70% (1987), 3.5; 2024-2025!")
        #expect(evidence.counted == 0)
        #expect(evidence.language == nil)
    }

    @Test func shortOrMixedTextsGetNoVerdict() {
        #expect(LanguageEvidence("准盟友").language == nil)              // too short to judge
        #expect(LanguageEvidence("OK").language == nil)
        // A glossary line, one Chinese term and its English renderings: neither.
        #expect(LanguageEvidence("准盟友: quasi ally, allies, alliance, partnership").language == nil)
    }

    @Test func evidenceAddsUpAndPrintsGroupedCounts() {
        var evidence = LanguageEvidence()
        for _ in 0..<700 { evidence.add("Allies ") }
        #expect(evidence.latinLetters == 4200)
        #expect(evidence.description == "0 Han characters, 4,200 Latin letters")
        #expect(LanguageEvidence.grouped(1_234_567) == "1,234,567")
        #expect(LanguageEvidence("准").description == "1 Han character, 0 Latin letters")
    }

    @Test func aSwappedPairIsCalledASwap() throws {
        let english = LanguageEvidence(String(repeating: "Quasi allies are costly. ", count: 10))
        let chinese = LanguageEvidence(String(repeating: "准盟友代价高昂。", count: 10))
        #expect(throws: Never.self) {
            try LanguageCheck.requirePair(chinese: ("zh.txt", chinese), english: ("en.md", english))
        }
        let error = try #require(throws: LanguageMismatchError.self) {
            try LanguageCheck.requirePair(chinese: ("en.md", english), english: ("zh.txt", chinese))
        }
        #expect(error.description.hasPrefix("en.md: expected Chinese, but the text is English (0 Han characters, 200 Latin letters); did you swap the files?"))
        let one = try #require(throws: LanguageMismatchError.self) {
            try LanguageCheck.requirePair(chinese: ("zh.txt", chinese), english: ("zh2.txt", chinese))
        }
        #expect(one.description == "zh2.txt: expected English, but the text is Chinese (70 Han characters, 0 Latin letters)")
    }
}

/// Bilingual files and Chinese documents are judged from their first segments, before any
/// segment reaches the checker.
@Suite struct SegmentLanguageGateTests {
    static let english = ["The United States supplies its quasi allies with weapons.",
                          "It gives them no formal guarantee of defence.",
                          "Leverage is harder to use than it looks on paper."]
    static let chinese = ["美国向其准盟友提供武器。", "但它并未给予正式的防御保障。", "杠杆在实践中远比纸面上难以运用。"]

    static func tmx(englishLabel: String, chineseLabel: String, repeats: Int = 10) -> String {
        var units = ""
        for k in 0..<repeats {
            for (en, zh) in zip(english, chinese) {
                units += "<tu tuid=\"\(k)\"><tuv xml:lang=\"\(englishLabel)\"><seg>\(en)</seg></tuv><tuv xml:lang=\"\(chineseLabel)\"><seg>\(zh)</seg></tuv></tu>\n"
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n\(units)</body></tmx>\n"
    }

    @Test func tmxWithSwappedLabelsStopsBeforeAnySegment() throws {
        var delivered = 0
        let error = try #require(throws: LanguageMismatchError.self) {
            let path = try CheckingFixtures.temporaryFile(Self.tmx(englishLabel: "zh-CN", chineseLabel: "en"), suffix: ".tmx")
            try BilingualFormat.tmx.forEachSegment(inFileAt: path) { _ in delivered += 1 }
        }
        #expect(delivered == 0)
        #expect(error.subject == "the text labelled English")
        #expect(error.description.contains("expected English, but the text labelled English is Chinese ("))
        #expect(error.description.hasSuffix("are the <tuv> xml:lang labels swapped?"))
    }

    @Test func correctlyLabelledFilesPassWhole() throws {
        let path = try CheckingFixtures.temporaryFile(Self.tmx(englishLabel: "en-US", chineseLabel: "zh-CN", repeats: 40), suffix: ".tmx")
        var ids: [Int] = []
        try BilingualFormat.tmx.forEachSegment(inFileAt: path) { ids.append($0.index) }
        #expect(ids == Array(0..<120))   // the held ones first, in order, then the stream
        let short = try CheckingFixtures.temporaryFile(Self.tmx(englishLabel: "en", chineseLabel: "zh", repeats: 1), suffix: ".tmx")
        var count = 0
        try BilingualFormat.tmx.forEachSegment(inFileAt: short) { _ in count += 1 }
        #expect(count == 3)
    }

    @Test func tsvColumnsTheOtherWayRound() throws {
        let rows = zip(Self.chinese, Self.english).map { "\($0)\t\($1)" }
        let text = Array(repeating: rows, count: 10).flatMap { $0 }.joined(separator: "\n") + "\n"
        let error = try #require(throws: LanguageMismatchError.self) {
            _ = try CheckingFixtures.segments(.tsv, text)
        }
        #expect(error.description.contains("are the columns the other way round?"))
        // The same rows under a header that names the columns are fine.
        #expect(try CheckingFixtures.segments(.tsv, "zh\ten\n" + text).count == 30)
    }

    @Test func xliffWhoseTargetIsEnglish() throws {
        var units = ""
        for (k, en) in Array(repeating: Self.english, count: 10).flatMap({ $0 }).enumerated() {
            units += "<trans-unit id=\"\(k)\"><source>\(en)</source><target>\(en)</target></trans-unit>\n"
        }
        let xliff = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"zh-CN\"><body>\n\(units)</body></file></xliff>\n"
        let error = try #require(throws: LanguageMismatchError.self) { _ = try CheckingFixtures.segments(.xliff, xliff) }
        #expect(error.subject == "the text labelled Chinese")
        #expect(error.expected == .chinese)
        #expect(error.hint == nil)
    }

    @Test func anEnglishDocumentGivenAsTheChinese() throws {
        let path = try CheckingFixtures.temporaryFile(String(repeating: Self.english.joined(separator: " ") + "\n", count: 5), suffix: ".txt")
        var delivered = 0
        let error = try #require(throws: LanguageMismatchError.self) {
            try PlainTextSegments.forEachChineseSentence(inFileAt: path) { _ in delivered += 1 }
        }
        #expect(delivered == 0)
        #expect(error.description.hasPrefix("\(path): expected Chinese, but the text is English (0 Han characters, "))
    }
}
