import Foundation
import Testing
@testable import Termbridge

/// The default segmentation model, found as `termbridge segment` finds it (the setup fetches
/// and compiles it into .cache/); nil when it is not there.
let defaultSegmentationModel: SegmentationModel? = try? DataFiles.load(SegmentationModel.self).value
let hasDefaultModel = defaultSegmentationModel != nil
let needsDefaultModel = Testing.ConditionTrait.enabled(
    if: hasDefaultModel, "needs the segmentation model in .cache/ (scripts/fetch-data.sh)")

/// The words of `text` (white space dropped) with the default model.
private func words(_ text: String, dictionary: [String] = []) throws -> [String] {
    try Segmenter(dictionary: UserDictionary(dictionary), model: defaultSegmentationModel).tokens(in: text)
        .filter { $0.kind != .whitespace }.map(\.text)
}

/// `word/tag` for every token but white space, with the default model.
private func tagged(_ text: String, dictionary: UserDictionary = UserDictionary()) throws -> [String] {
    try Segmenter(dictionary: dictionary, model: defaultSegmentationModel).tokens(in: text)
        .filter { $0.kind != .whitespace }.map { "\($0.text)/\($0.partOfSpeech)" }
}

@Suite struct SegmentationModelTests {
    @Test(needsDefaultModel) func theDefaultModelIsFoundCompiledAndLoadsFast() throws {
        let loaded = try DataFiles.load(SegmentationModel.self)
        #expect(loaded.compiled)
        #expect(loaded.path?.hasSuffix("segmentation.tbdata") == true)
        #expect(loaded.problems.isEmpty)
        let model = try #require(loaded.value)
        #expect(model.wordCount > 150_000)          // CC-CEDICT and jieba's list together
        #expect(model.contains("盟友") && model.contains("保护伞"))
        #expect(loaded.seconds < 1)                  // a few ms in a release build
    }

    @Test(needsDefaultModel) func cutsNewsTextWithTheVocabulary() throws {
        #expect(try words("这三个国家在过去两年里购买了价值55.6亿美元的武器——包括F-16战斗机。")
                == ["这", "三个", "国家", "在", "过去", "两年", "里", "购买", "了", "价值", "55.6亿", "美元", "的",
                    "武器", "——", "包括", "F-16", "战斗机", "。"])
        #expect(try words("美国向准盟友提供陆军战术导弹系统，却不提供核保护伞。")
                == ["美国", "向", "准", "盟友", "提供", "陆军", "战术导弹", "系统", "，", "却", "不", "提供", "核",
                    "保护伞", "。"])
    }

    @Test(needsDefaultModel) func numbersInChineseNumeralsAreWords() throws {
        #expect(try words("二〇〇一年十二月三十一日，第十九届会议在北京召开。")
                == ["二〇〇一年", "十二月", "三十一日", "，", "第十九", "届", "会议", "在", "北京", "召开", "。"])
    }

    @Test(needsDefaultModel) func numeralsAndClassifiersThatCEDICTDoesNotListAreTwoWords() throws {
        // jieba's list has 一位 and 一项; CC-CEDICT does not, so they are numeral + classifier.
        #expect(try words("一位官员说，两个盟友各自提出了一项计划。")
                == ["一", "位", "官员", "说", "，", "两个", "盟友", "各自", "提出", "了", "一", "项", "计划", "。"])
    }

    @Test(needsDefaultModel) func findsNamesTheVocabularyLacks() throws {
        let cut = try words("记者周若琳报道：泽连斯基和内塔尼亚胡都希望得到更多援助……")
        #expect(cut == ["记者", "周若琳", "报道", "：", "泽连斯基", "和", "内塔尼亚胡", "都", "希望", "得到", "更",
                        "多", "援助", "……"])
        // 周若琳: the unknown-word model; without it, single characters.
        var options = Segmenter.Options()
        options.findsUnknownWords = false
        let without = try Segmenter(model: defaultSegmentationModel, options: options).tokens(in: "记者周若琳报道")
        #expect(!without.map(\.text).contains("周若琳"))
    }

    @Test(needsDefaultModel) func userTermsAlwaysWin() throws {
        let glossaryTerms = ["准盟友", "主要非北约盟友", "陆军战术导弹系统", "核保护伞"]
        #expect(try words("美国向准盟友提供陆军战术导弹系统，却不提供核保护伞。", dictionary: glossaryTerms)
                == ["美国", "向", "准盟友", "提供", "陆军战术导弹系统", "，", "却", "不", "提供", "核保护伞", "。"])
        // A term across the vocabulary's words (战术导弹 | 系统) stays whole; the rest is re-cut.
        #expect(try words("美国向准盟友提供陆军战术导弹系统", dictionary: ["导弹系统"])
                == ["美国", "向", "准", "盟友", "提供", "陆军", "战术", "导弹系统"])
        #expect(try words("一些国家拥有主要非北约盟友的称号。", dictionary: glossaryTerms)
                == ["一些", "国家", "拥有", "主要非北约盟友", "的", "称号", "。"])
    }

    @Test(needsDefaultModel) func partsOfSpeechFollowJiebasTagSet() throws {
        #expect(try tagged("美国向盟友提供ATACMS，2024年三十一日")
                == ["美国/ns", "向/p", "盟友/n", "提供/v", "ATACMS/eng", "，/x", "2024年/m", "三十一日/m"])
        // Names: joined around a dot (nr), or tagged from their characters.
        #expect(try tagged("丽贝卡·利斯纳说") == ["丽贝卡·利斯纳/nr", "说/v"])
        #expect(try tagged("记者周若琳报道").contains("周若琳/nr"))
    }

    @Test(needsDefaultModel) func userTermsCarryTheirOwnTags() throws {
        var dictionary = UserDictionary()
        try dictionary.addLines(of: Data("准盟友 3 nz\n陆军战术导弹系统\n".utf8))
        dictionary.add("核保护伞", partOfSpeech: .noun)
        let result = try tagged("准盟友要陆军战术导弹系统和核保护伞", dictionary: dictionary)
        #expect(result.contains("准盟友/nz"))                // the jieba line's tag
        #expect(result.contains("核保护伞/n"))               // given
        #expect(result.contains("陆军战术导弹系统/n"))       // none given: guessed from its characters
    }

    @Test func withoutAModelHanWordsHaveNoTag() throws {
        let tokens = try Segmenter().tokens(in: "美国提供2,000枚ATACMS。")
        #expect(tokens.map(\.partOfSpeech) == [.unknown, .unknown, .numeral, .unknown, .english, .unknown])
    }

    @Test(needsDefaultModel) func theSameTextGivesTheSameTokensEveryTime() throws {
        let text = "记者周若琳报道：泽连斯基和内塔尼亚胡都希望得到更多援助，一位官员说。"
        let first = try Segmenter(model: defaultSegmentationModel).tokens(in: text)
        let segmenter = try Segmenter(model: defaultSegmentationModel)
        _ = try segmenter.tokens(in: String(repeating: "美国与准盟友的关系。", count: 300))
        #expect(try segmenter.tokens(in: text) == first)
    }

    @Test(needsDefaultModel) func icuStillCutsOtherScripts() throws {
        #expect(try words("カタカナのテストです。") == ["カタカナ", "の", "テスト", "です", "。"])
    }

    @Test(needsDefaultModel) func tokensStillCoverTheTextWhenICUDoesNotCutHan() throws {
        let text = "  美国与“准盟友”(quasi allies)在2024年;丽贝卡·利斯纳\u{1F600}说：ＯＫ。\r"
        let tokens = try Segmenter(model: defaultSegmentationModel).tokens(in: text)
        #expect(tokens.map(\.text).joined() == text)
        var expectedStart = 0
        for token in tokens {
            #expect(token.range.utf8.lowerBound == expectedStart)
            expectedStart = token.range.utf8.upperBound
        }
    }
}

/// The vocabulary rules and the compiled form, on small data written here.
@Suite struct SegmentationModelBuildingTests {
    /// A model from a few CC-CEDICT entries, a few frequencies and the fixture's character
    /// models.
    static func sampleModel() throws -> SegmentationModel {
        let lexicon = CEDICTLexicon(entries: [
            CEDICTEntry(traditional: "一起", simplified: "一起", pinyin: "yi1 qi3", definitions: ["together"]),
            CEDICTEntry(traditional: "位", simplified: "位", pinyin: "wei4", definitions: ["position", "classifier for people (honorific)"]),
            CEDICTEntry(traditional: "信息", simplified: "信息", pinyin: "xin4 xi1", definitions: ["information"]),
            CEDICTEntry(traditional: "技術", simplified: "技术", pinyin: "ji4 shu4", definitions: ["technology"]),
            CEDICTEntry(traditional: "盟友", simplified: "盟友", pinyin: "meng2 you3", definitions: ["ally"]),
            CEDICTEntry(traditional: "準盟友", simplified: "准盟友", pinyin: "zhun3 meng2 you3", definitions: ["quasi ally"]),
        ])
        let folder = try temporaryDataFolder()
        try writeFile("一 5000 m\n位 800 q\n一位 100 m\n一起 50 m\n信息 1000 n\n技术 1000 n\n信息技术 30 n\n利斯纳 5 nr\n盟友 253 n\n",
                      at: folder + "/jieba-dict.txt")
        let frequencies = try GeneralChineseFrequencies.load(contentsOf: folder + "/jieba-dict.txt")
        return try SegmentationModel.build(characterModels: packageRoot + "/Tests/Fixtures/Data/jieba-hmm-sample.txt",
                                           lexicon: lexicon, frequencies: frequencies)
    }

    @Test func leavesOutNumeralClassifierWordsAndSpelledCompoundsOfTheFrequencyList() throws {
        let model = try Self.sampleModel()
        #expect(!model.contains("一位"))          // 一 + 位 (classifier), not in CC-CEDICT
        #expect(model.contains("一起"))           // CC-CEDICT lists it
        #expect(!model.contains("信息技术"))      // 信息 + 技术
        #expect(model.contains("利斯纳"))         // no shorter words spell it
        #expect(model.contains("准盟友") && model.contains("準盟友"))
        #expect(try Segmenter(model: model).tokens(in: "一位信息技术").map(\.text) == ["一", "位", "信息", "技术"])
    }

    @Test func wordProbabilitiesComeFromTheCounts() throws {
        let model = try Self.sampleModel()
        let total = 5000.0 + 800 + 100 + 50 + 1000 + 1000 + 30 + 5 + 253
        #expect(abs(try #require(model.logProbability(of: "信息")) - log(1000 / total)) < 1e-5)
        // CC-CEDICT words the list does not count: count 1.
        #expect(abs(try #require(model.logProbability(of: "准盟友")) - log(1 / total)) < 1e-5)
        #expect(model.logProbability(of: "一位") == nil)
        #expect(model.vocabularyPartOfSpeech(of: "信息") == .noun)
        #expect(model.vocabularyPartOfSpeech(of: "准盟友") == nil)
    }

    @Test func theTaggerGuessesFromCharacters() throws {
        let model = try Self.sampleModel()
        #expect(model.partOfSpeech(of: "利斯纳") == .personalName)   // the list's tag
        #expect(model.partOfSpeech(of: "准盟友") == nil)             // 准 is not in the sample model
        let characters = try JiebaCharacterModels.load(contentsOf: packageRoot + "/Tests/Fixtures/Data/jieba-hmm-sample.txt")
        let word = "盟友".unicodeScalars.map(\.value)
        #expect(word.withUnsafeBufferPointer { characters.tagger.tag(of: $0) } == .noun)
        #expect(characters.tagger.tags == ["n", "nr", "uj"])
    }

    @Test func theCompiledFormAnswersAsTheBuiltModel() throws {
        let model = try Self.sampleModel()
        let path = try temporaryDataFolder() + "/segmentation.tbdata"
        try model.writeCompiled(to: path, source: .none)
        let compiled = try SegmentationModel.loadCompiled(contentsOf: path)
        #expect(compiled.wordCount == model.wordCount)
        let text = "一起一位信息技术的利斯纳盟友準盟友"
        #expect(try Segmenter(model: compiled).tokens(in: text) == Segmenter(model: model).tokens(in: text))
        #expect(compiled.logProbability(of: "信息") == model.logProbability(of: "信息"))
    }

    @Test func aChangedVocabularySourceMakesTheCompiledModelStale() throws {
        let folder = try temporaryDataFolder()
        for (fixture, name) in [("cedict-sample.u8", "cedict_ts.u8"), ("frequencies-sample.txt", "jieba-dict.txt"),
                                ("jieba-hmm-sample.txt", "jieba-hmm.txt")] {
            try FileManager.default.copyItem(atPath: packageRoot + "/Tests/Fixtures/Data/" + fixture, toPath: folder + "/" + name)
        }
        try DataFiles.compile(SegmentationModel.self, from: folder + "/jieba-hmm.txt", to: folder + "/segmentation.tbdata")
        let locator = DataLocator(environment: DataEnvironment(variables: ["TERMBRIDGE_DATA_DIR": folder],
                                                               executablePath: nil, packageRoot: nil))
        let fresh = try DataFiles.load(SegmentationModel.self, locator: locator)
        #expect(fresh.compiled && fresh.problems.isEmpty)
        #expect(fresh.value?.contains("准盟友") == true)     // from the sample CC-CEDICT beside it

        let text = try String(contentsOfFile: folder + "/cedict_ts.u8", encoding: .utf8)
        try Data((text + "盟國 盟国 [meng2 guo2] /allied country/\n").utf8).write(to: URL(fileURLWithPath: folder + "/cedict_ts.u8"))
        let stale = try DataFiles.load(SegmentationModel.self, locator: locator)
        #expect(!stale.compiled)
        #expect(stale.problems.count == 1)
        #expect(stale.problems.first?.contains("out of date (\(folder)/cedict_ts.u8 changed") == true)
        #expect(stale.value?.contains("盟国") == true)       // rebuilt from the text
    }
}
