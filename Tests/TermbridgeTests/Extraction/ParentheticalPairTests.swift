import Foundation
import Testing
@testable import Termbridge

/// The 16 pairs of `Corpus/zh/quasi-alliances.zh.txt`, in file order, as listed in
/// Corpus/README.md: (Chinese side, English side, form, full-width brackets).
private let corpusPairs: [(String, String, ParentheticalForm, Bool)] = [
    ("玛格丽特·霍洛韦", "Margaret Holloway", .chineseEnglish, false),
    ("准盟友", "quasi allies", .chineseEnglish, false),
    ("北大西洋公约组织", "NATO", .chineseAbbreviation, false),
    ("安全保障", "security guarantee", .chineseEnglish, false),
    ("核保护伞", "nuclear umbrella", .chineseEnglish, false),
    ("共同防御条约", "mutual defense treaty", .chineseEnglish, false),
    ("主要非北约盟友", "major non-NATO ally", .chineseEnglish, false),
    ("卡尔德安全政策研究所", "Calder Institute for Security Policy", .chineseEnglish, true),
    ("海伦·沃斯", "Helen Voss", .chineseEnglish, false),
    ("陆军战术导弹系统", "ATACMS", .abbreviationChinese, false),
    ("最终用途限制", "end-use restrictions", .chineseEnglish, false),
    ("杠杆", "leverage", .chineseEnglish, false),
    ("托马斯·埃弗里", "Thomas Avery", .chineseEnglish, false),
    ("风险对冲", "hedging", .englishChinese, false),
    ("战略模糊", "strategic ambiguity", .chineseEnglish, true),
    ("七国集团", "G7", .abbreviationChinese, false),
]

private func pairs(in path: String, lexicon: CEDICTLexicon?, glossary: Glossary? = nil) throws -> [ParentheticalPair] {
    let segmenter = try Segmenter(dictionary: glossary.map { UserDictionary(glossary: $0) } ?? UserDictionary())
    let finder = try ParentheticalPairFinder(segmenter: segmenter, lexicon: lexicon, glossary: glossary)
    return try ExtractionFixtures.lines(path).flatMap { try finder.pairs(in: $0) }
}

private func finds(_ text: String, _ chinese: String, _ english: String, _ form: ParentheticalForm,
                   lexicon: CEDICTLexicon? = nil) throws -> Bool {
    let finder = try ParentheticalPairFinder(segmenter: Segmenter(), lexicon: lexicon)
    let found = try finder.pairs(in: text)
    return found.count == 1 && found[0].chinese == chinese && found[0].english == english && found[0].form == form
}

@Suite struct ParentheticalPairTests {
    @Test(.enabled(if: ExtractionFixtures.hasLexicon, ExtractionFixtures.noLexicon))
    func findsEveryCorpusPairWithItsLeftBoundary() throws {
        let found = try pairs(in: ExtractionFixtures.chinesePath, lexicon: ExtractionFixtures.lexicon())
        #expect(found.map(\.chinese) == corpusPairs.map(\.0))
        #expect(found.map(\.english) == corpusPairs.map(\.1))
        #expect(found.map(\.form) == corpusPairs.map(\.2))
        #expect(found.map(\.fullWidth) == corpusPairs.map(\.3))
        #expect(found.filter(\.quoted).map(\.chinese) == ["准盟友"])
    }

    @Test func findsEveryCorpusPairWithTheGlossaryAndNoLexicon() throws {
        let glossary = try Glossary.read(contentsOf: ExtractionFixtures.glossaryPath)
        let found = try pairs(in: ExtractionFixtures.chinesePath, lexicon: nil, glossary: glossary)
        #expect(found.map(\.chinese) == corpusPairs.map(\.0))
        #expect(found.map(\.english) == corpusPairs.map(\.1))
    }

    @Test func findsMostCorpusPairsWithNeitherGlossaryNorLexicon() throws {
        let found = try pairs(in: ExtractionFixtures.chinesePath, lexicon: nil)
        #expect(found.map(\.english) == corpusPairs.map(\.1))
        let exact = zip(found.map(\.chinese), corpusPairs.map(\.0)).filter { $0 == $1 }.count
        #expect(exact >= 14, "\(found.map(\.chinese))")
    }

    @Test(.enabled(if: ExtractionFixtures.hasLexicon, ExtractionFixtures.noLexicon))
    func findsTheTraditionalPairsAsWritten() throws {
        let found = try pairs(in: ExtractionFixtures.traditionalPath, lexicon: ExtractionFixtures.lexicon())
        #expect(found.map(\.chinese) == ["準盟友", "北大西洋公約組織", "安全保障", "核保護傘", "共同防禦條約",
                                         "主要非北約盟友", "卡爾德安全政策研究所", "海倫·沃斯"])
    }

    @Test func readsChineseThenEnglishInHalfWidthBrackets() throws {
        #expect(try finds("华盛顿希望维持战略模糊(strategic ambiguity)。", "战略模糊", "strategic ambiguity", .chineseEnglish))
    }

    @Test func readsFullWidthBrackets() throws {
        let finder = try ParentheticalPairFinder(segmenter: Segmenter())
        let found = try finder.pairs(in: "这一立场被称为战略模糊（strategic ambiguity）。")
        #expect(found.map(\.chinese) == ["战略模糊"])
        #expect(found.first?.fullWidth == true)
    }

    @Test func takesTheQuotedTermBeforeTheBracket() throws {
        let finder = try ParentheticalPairFinder(segmenter: Segmenter())
        let found = try finder.pairs(in: "他们称之为一种“分期付款式承诺”(installment commitment)。")
        #expect(found.map(\.chinese) == ["分期付款式承诺"])
        #expect(found.first?.quoted == true)
    }

    @Test func keepsBookTitleMarks() throws {
        #expect(try finds("文章发表于《外交事务》(Foreign Affairs)杂志。", "《外交事务》", "Foreign Affairs", .chineseEnglish))
    }

    @Test func readsAnAbbreviationAfterTheChineseName() throws {
        #expect(try finds("美国与北大西洋公约组织(NATO)的关系", "北大西洋公约组织", "NATO", .chineseAbbreviation))
    }

    @Test func readsAnAbbreviationExplainedInChinese() throws {
        #expect(try finds("乌克兰获得了ATACMS(即陆军战术导弹系统)。", "陆军战术导弹系统", "ATACMS", .abbreviationChinese))
    }

    @Test func readsAnEnglishWordExplainedInChinese() throws {
        #expect(try finds("海湾国家借此进行hedging(风险对冲)。", "风险对冲", "hedging", .englishChinese))
    }

    @Test func takesATransliteratedNameWithoutItsTitle() throws {
        #expect(try finds("前副顾问丽贝卡·利斯纳(Rebecca Lissner)撰文", "丽贝卡·利斯纳", "Rebecca Lissner", .chineseEnglish))
    }

    @Test func stopsAtFunctionWordsAndUntranslatedModifiers() throws {
        #expect(try finds("享有写入法律的安全保障(security guarantee)", "安全保障", "security guarantee", .chineseEnglish))
        #expect(try finds("但附带了最终用途限制(end-use restrictions)", "最终用途限制", "end-use restrictions", .chineseEnglish))
    }

    @Test(.enabled(if: ExtractionFixtures.hasLexicon, ExtractionFixtures.noLexicon))
    func leavesOutAModifierTheEnglishDoesNotTranslate() throws {
        #expect(try finds("处于美国核保护伞(nuclear umbrella)之下", "核保护伞", "nuclear umbrella", .chineseEnglish,
                          lexicon: ExtractionFixtures.lexicon()))
    }

    @Test func ignoresChineseExplanationsAndNumbers() throws {
        let finder = try ParentheticalPairFinder(segmenter: Segmenter())
        #expect(try finder.pairs(in: "这一令人困惑的称号(由总统授予)并无法律效力。").isEmpty)
        #expect(try finder.pairs(in: "降低征兵年龄(从25岁降到18岁)").isEmpty)
        #expect(try finder.pairs(in: "伤亡人数(2024)仍在上升。").isEmpty)
        #expect(try finder.pairs(in: "可以通过胁迫手段(例如扣留武器)施压。").isEmpty)
    }

    @Test func ignoresUnclosedBrackets() throws {
        let finder = try ParentheticalPairFinder(segmenter: Segmenter())
        #expect(try finder.pairs(in: "核保护伞(nuclear umbrella").isEmpty)
    }
}
