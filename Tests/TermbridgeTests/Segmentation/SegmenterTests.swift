import Foundation
import Testing
@testable import Termbridge

/// The words of `text` (white space dropped) as the segmenter cuts them, with the default
/// model or without any.
private func words(_ text: String, dictionary: [String] = [], withModel: Bool = false) throws -> [String] {
    try segmenter(dictionary, withModel).tokens(in: text).filter { $0.kind != .whitespace }.map(\.text)
}

private func segmenter(_ dictionary: [String] = [], _ withModel: Bool) throws -> Segmenter {
    try Segmenter(dictionary: UserDictionary(dictionary), model: withModel ? defaultSegmentationModel : nil)
}

/// Without a model, and with the default model when the setup has made it: the joining
/// rules and the dictionary's guarantees hold either way.
private let modelVariants = hasDefaultModel ? [false, true] : [false]

private let glossaryTerms = ["准盟友", "主要非北约盟友", "陆军战术导弹系统", "核保护伞"]

@Suite struct SegmenterTests {
    @Test(arguments: glossaryTerms)
    func icuAloneSplitsTheGlossaryTerm(_ term: String) throws {
        #expect(try words("美国的\(term)问题").contains(term) == false)
    }

    @Test(arguments: glossaryTerms)
    func keepsDictionaryTermWhole(_ term: String) throws {
        let cut = try words("美国的\(term)问题", dictionary: glossaryTerms)
        #expect(cut.contains(term))
    }

    @Test(arguments: modelVariants) func keepsDictionaryTermsWholeInRunningText(withModel: Bool) throws {
        let text = "一些国家拥有主要非北约盟友的称号，美国向准盟友提供陆军战术导弹系统，却不提供核保护伞。"
        let cut = try words(text, dictionary: glossaryTerms, withModel: withModel)
        #expect(cut == ["一些", "国家", "拥有", "主要非北约盟友", "的", "称号", "，", "美国", "向", "准盟友",
                        "提供", "陆军战术导弹系统", "，", "却", "不", "提供", "核保护伞", "。"])
    }

    @Test(arguments: modelVariants) func longestDictionaryTermWins(withModel: Bool) throws {
        let cut = try words("主要非北约盟友", dictionary: ["盟友", "北约盟友", "非北约", "主要非北约盟友"], withModel: withModel)
        #expect(cut == ["主要非北约盟友"])
    }

    @Test func termCuttingAnICUWordLeavesTheRestWhole() throws {
        // ICU reads 准盟友关系 as 准 | 盟友关系? or 盟友 | 关系; either way the term stays whole
        // and the rest of the cut word is one token, not single characters.
        let cut = try words("准盟友关系紧张", dictionary: ["准盟友"])
        #expect(cut.first == "准盟友")
        #expect(cut.dropFirst().joined() == "关系紧张")
        #expect(!cut.contains("关"))
    }

    @Test(arguments: modelVariants) func joinsTransliteratedNameAroundMiddleDot(withModel: Bool) throws {
        let tokens = try segmenter([], withModel).tokens(in: "前官员丽贝卡·利斯纳(Rebecca Lissner)发文")
        let name = try #require(tokens.first { $0.text == "丽贝卡·利斯纳" })
        #expect(name.kind == .hanWord)
        #expect(name.range.scalars == 3..<10)
        #expect(name.range.utf8 == 9..<29)
        #expect(tokens.contains { $0.text == "Rebecca" && $0.kind == .latinWord })
    }

    @Test(arguments: modelVariants) func joinsNamesWithSeveralDots(withModel: Bool) throws {
        #expect(try words("会见穆罕默德·本·萨勒曼时", withModel: withModel).contains("穆罕默德·本·萨勒曼"))
    }

    @Test(arguments: modelVariants) func dottedNameStopsAtOrdinaryWords(withModel: Bool) throws {
        let cut = try words("美国总统乔·拜登表示", withModel: withModel)
        #expect(cut.contains("乔·拜登"))
        #expect(cut.contains("表示"))
        let trip = try words("乔·拜登亚洲之行", withModel: withModel)
        #expect(trip.contains("乔·拜登"))
        #expect(trip.contains("亚洲"))
    }

    @Test(arguments: modelVariants) func joinsLatinWordsWithDigitsHyphensAndDots(withModel: Bool) throws {
        let tokens = try segmenter([], withModel).tokens(in: "ATACMS导弹、G7峰会、non-NATO伙伴和U.S. officials")
        let latin = tokens.filter { $0.kind == .latinWord }.map(\.text)
        #expect(latin == ["ATACMS", "G7", "non-NATO", "U.S.", "officials"])
    }

    @Test(arguments: modelVariants) func joinsNumbersWithSeparatorsAndDateUnits(withModel: Bool) throws {
        let tokens = try segmenter([], withModel).tokens(in: "2024年提供2,000磅炸弹，占3.5%，持续10年")
        let numbers = tokens.filter { $0.kind == .number }.map(\.text)
        #expect(numbers == ["2024年", "2,000", "3.5%", "10"])
    }

    @Test(arguments: modelVariants) func dictionaryCannotCutInsideANumber(withModel: Bool) throws {
        #expect(try words("2001年", dictionary: ["20", "01"], withModel: withModel) == ["2001年"])
    }

    @Test(arguments: modelVariants) func joinsRunsOfADashOrAnEllipsis(withModel: Bool) throws {
        #expect(try words("他说——好吧……走--了...", withModel: withModel).filter { !$0.allSatisfy(\.isLetter) }
                == ["——", "……", "--", "..."])
    }

    @Test(arguments: modelVariants) func matchesTraditionalTextToSimplifiedTermWithOriginalOffsets(withModel: Bool) throws {
        let tokens = try segmenter(["准盟友"], withModel).tokens(in: "美國的準盟友")
        let term = try #require(tokens.first { $0.text == "準盟友" })
        #expect(term.kind == .hanWord)
        #expect(term.range.scalars == 3..<6)
        #expect(term.range.utf8 == 9..<18)
    }

    @Test(arguments: modelVariants) func matchesFullWidthFormsToASCIITerms(withModel: Bool) throws {
        let tokens = try segmenter(["G7峰会"], withModel).tokens(in: "ＡＴＡＣＭＳ于２０２４年在Ｇ７峰会")
        #expect(tokens.map(\.text) == ["ＡＴＡＣＭＳ", "于", "２０２４年", "在", "Ｇ７峰会"])
        #expect(tokens.map(\.kind) == [.latinWord, .hanWord, .number, .hanWord, .latinWord])
        #expect(tokens[0].range.utf8 == 0..<18)
    }

    @Test(arguments: modelVariants) func leavesSimplifiedCharactersThatHantHansWouldChangeAlone(withModel: Bool) throws {
        // 著 and 俱 are Simplified characters too: 著名 and 俱乐部 must not become 着名 and 具乐部.
        let segmenter = try segmenter(["俱乐部"], withModel)
        #expect(try segmenter.tokens(in: "著名俱乐部").map(\.text) == ["著名", "俱乐部"])
    }

    @Test(arguments: modelVariants) func tokensCoverTheTextAndTheirRangesSliceIt(withModel: Bool) throws {
        let text = "  美国与“准盟友”(quasi allies)在2024年;丽贝卡·利斯纳\u{1F600}说：ＯＫ。\r𠀀𠀁"
        let tokens = try segmenter(["准盟友"], withModel).tokens(in: text)
        #expect(tokens.map(\.text).joined() == text)
        let bytes = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        var expectedStart = 0
        for token in tokens {
            #expect(token.range.utf8.lowerBound == expectedStart)
            expectedStart = token.range.utf8.upperBound
            #expect(String(decoding: bytes[token.range.utf8], as: UTF8.self) == token.text)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.range.scalars])
            #expect(String(view) == token.text)
        }
        #expect(expectedStart == bytes.count)
    }

    @Test(arguments: modelVariants) func rejectsInvalidUTF8WithItsByteOffset(withModel: Bool) throws {
        let bytes: [UInt8] = Array("准盟友".utf8) + [0xE5, 0x41] + Array("x".utf8)
        let segmenter = try segmenter([], withModel)
        #expect(throws: InvalidUTF8Error(byteOffset: 9)) {
            try bytes.withUnsafeBufferPointer { try segmenter.tokens(utf8: $0) }
        }
    }

    @Test func segmenterIsReusableAcrossTexts() throws {
        let segmenter = try Segmenter(dictionary: UserDictionary(["准盟友"]))
        let long = String(repeating: "美国与准盟友的关系。", count: 200)
        _ = try segmenter.tokens(in: long)
        #expect(try segmenter.tokens(in: "准盟友").map(\.text) == ["准盟友"])
    }
}
