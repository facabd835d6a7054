import Foundation
import Testing
@testable import Termbridge

/// The Chinese compilation and its English source in the sample corpus.
private let corpusChinese = "Corpus/zh/quasi-alliances.zh.txt"
private let corpusSource = "Corpus/en/quasi-alliances.en.md"
private let corpusTitle = "Partners on the Fault Line: Washington’s Quasi Allies and the Limits of Leverage"
private let decoys = [
    "Corpus/en/alliance-burden-sharing.en.txt",
    "Corpus/en/fault-line-gulf-partners.en.txt",
    "Corpus/en/nuclear-umbrella-asia.en.md",
]

/// A third-party compilation, read by path for testing only (never copied into the repository).
private let seedPath = "../shared/seed/000_fc94195cf814659a.txt"
private let seedIsPresent = FileManager.default.fileExists(atPath: seedPath)
/// The English title of the seed's source, as published.
private let seedSourceTitle = "America’s Quasi Alliances: How Washington Should Manage Its Most Complicated Relationships"

private func read(_ path: String) throws -> String {
    try TextFile.read(path)
}

private func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "termbridge-pairing-\(UUID().uuidString).txt"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Document pairing: attribution, English titles, title matching and the verdict (one
/// parent suite, so `--filter Pairing` runs them all).
@Suite struct PairingTests {}

extension PairingTests {
    @Suite struct SourceAttributionTests {
        @Test func findsTheCorpusAttributionAtTheEnd() throws {
            let attribution = SourceAttribution(text: try read(corpusChinese))
            let title = try #require(attribution.title)
            #expect(title.text == "Partners on the Fault Line Washington’s Quasi Allies and the Limits of Leverage")
            #expect(title.keyword == "文章原题目为")
            #expect(title.kind == .originalTitle)
            #expect(title.line == 29)
            #expect(attribution.titles.count == 1)
        }

        @Test func readsTheAuthorLineWithItsEnglishName() throws {
            let author = try #require(SourceAttribution(text: try read(corpusChinese)).author)
            #expect(author.chineseName == "玛格丽特·霍洛韦")
            #expect(author.englishName == "Margaret Holloway")
            #expect(author.line == 4)
        }

        @Test func readsTheCorpusCreditLines() throws {
            let attribution = SourceAttribution(text: try read(corpusChinese))
            #expect(attribution.credits == [Credit(role: "编译", names: ["周若琳"]), Credit(role: "审校", names: ["陈思远"])])
            #expect(attribution.names(for: "编译") == ["周若琳"])
            #expect(attribution.names(for: "终审").isEmpty)
        }

        @Test func notesThatTheCorpusCompilationWasCut() throws {
            #expect(SourceAttribution(text: try read(corpusChinese)).isAbridged)
        }

        @Test(arguments: [
            ("文章原题目为“Partners on the Fault Line”,标题为编者所加。", "Partners on the Fault Line", AttributionKind.originalTitle, "文章原题目为"),
            ("原题目为「Under the Umbrella」", "Under the Umbrella", .originalTitle, "原题目为"),
            ("原文标题：Partners on the Fault Line", "Partners on the Fault Line", .originalTitle, "原文标题"),
            ("注：原文题目为《Allies, Leverage and the Burden-Sharing Debate at NATO》", "Allies, Leverage and the Burden-Sharing Debate at NATO", .originalTitle, "注：原文题目"),
            ("原标题:\"America's Quasi Alliances\"", "America's Quasi Alliances", .originalTitle, "原标题"),
            ("*原题：Partners of Convenience,内容有所删减。", "Partners of Convenience", .originalTitle, "原题"),
            ("本文编译自《Under the Umbrella》一文。", "Under the Umbrella", .compiledFrom, "本文编译自"),
            ("编译自《外交事务》网站文章“America’s Quasi Alliances”", "America’s Quasi Alliances", .compiledFrom, "编译自"),
            ("【原题】Partners of Convenience", "Partners of Convenience", .originalTitle, "原题"),
            ("(本文原题为:Partners of Convenience (Gulf Edition))", "Partners of Convenience (Gulf Edition)", .originalTitle, "本文原题"),
            ("译自Partners of Convenience一文", "Partners of Convenience", .translatedFrom, "译自"),
            ("来源｜“Partners of Convenience”", "Partners of Convenience", .source, "来源"),
            ("Original title: Partners on the Fault Line.", "Partners on the Fault Line", .originalTitle, "Original title"),
            ("Source title — \"Under the Umbrella\"", "Under the Umbrella", .originalTitle, "Source title"),
        ] as [(String, String, AttributionKind, String)])
        func readsEachAttributionPattern(_ line: String, _ title: String, _ kind: AttributionKind, _ keyword: String) throws {
            let detected = try #require(SourceAttribution(text: "正文第一段。\n\n" + line + "\n").title)
            #expect(detected.text == title)
            #expect(detected.kind == kind)
            #expect(detected.keyword == keyword)
            #expect(detected.line == 3)
        }

        @Test func readsATitleOnTheLineAfterItsKeyword() throws {
            let detected = try #require(SourceAttribution(text: "原文标题：\n\nPartners on the Fault Line\n编译|张晓明").title)
            #expect(detected.text == "Partners on the Fault Line")
            #expect(detected.line == 3)
        }

        @Test func readsAWindowsDocumentLineByLine() throws {
            let attribution = SourceAttribution(text: "\u{FEFF}正文。\r\n原题:Under the Umbrella\r\n编译|张晓明\r\n")
            #expect(attribution.title?.text == "Under the Umbrella")
            #expect(attribution.title?.line == 2)
            #expect(attribution.credits == [Credit(role: "编译", names: ["张晓明"])])
        }

        @Test func ignoresQuotedPhrasesWithoutAKeyword() {
            let text = """
            其结果是一张由“准盟友”(quasi allies)构成的网络,分析师称之为“Partners on the Fault Line”。
            他在《Foreign Affairs》上发表了“America’s Quasi Alliances”一文。
            """
            #expect(SourceAttribution(text: text).title == nil)
        }

        @Test(arguments: ["资金来源:美国国会拨款“Partners”", "原题材“Quasi Allies”很常见", "消息来源称“Under the Umbrella”",
                          "As the original title “Partners” suggests"])
        func ignoresKeywordsInsideOrdinarySentences(_ text: String) {
            #expect(SourceAttribution(text: text).title == nil)
        }

        @Test func prefersAnEnglishTitleToAChineseOne() throws {
            let attribution = SourceAttribution(text: "原题:《美国的准盟友》\n来源:“America’s Quasi Alliances”")
            #expect(attribution.titles.map(\.text) == ["America’s Quasi Alliances", "美国的准盟友"])
        }

        @Test func aDocumentWithoutAttributionHasNoTitle() throws {
            let attribution = SourceAttribution(text: try read("Corpus/zh/quasi-alliances.zh-Hant.txt"))
            #expect(attribution.title == nil)
            #expect(attribution.author == nil)
            #expect(attribution.credits.isEmpty)
            #expect(!attribution.isAbridged)
        }

        @Test func readsCreditsWithAnyBarOrColonAndSeveralToALine() {
            let attribution = SourceAttribution(text: """
            编译｜张晓明、李文
            审校：王 芳
            排版丨赵一鸣  终审|孙立平
            翻译: Jane Doe
            责任编辑/周平 吴刚
            """)
            #expect(attribution.credits == [
                Credit(role: "编译", names: ["张晓明", "李文"]),
                Credit(role: "审校", names: ["王芳"]),
                Credit(role: "排版", names: ["赵一鸣"]),
                Credit(role: "终审", names: ["孙立平"]),
                Credit(role: "翻译", names: ["Jane Doe"]),
                Credit(role: "责任编辑", names: ["周平", "吴刚"]),
            ])
        }

        @Test func aLineThatOnlyEndsWithARoleIsNotACredit() {
            let attribution = SourceAttribution(text: "准盟友为何与众不同?|某某编译\n热门编译")
            #expect(attribution.credits.isEmpty)
        }

        @Test func readsALabelledAuthorWithFullWidthBrackets() throws {
            let author = try #require(SourceAttribution(text: "导语:\n作者｜海伦·沃斯（Helen Voss）\n正文。").author)
            #expect(author == Author(chineseName: "海伦·沃斯", englishName: "Helen Voss", line: 2))
        }

        @Test(arguments: [
            "北大西洋公约组织(NATO)",
            "高级分析师海伦·沃斯(Helen Voss)博士认为,这是一种承诺。",
            "卡尔德安全政策研究所(Calder Institute)",
        ])
        func aBracketedNameInsideASentenceOrAnAbbreviationIsNotTheAuthor(_ line: String) {
            #expect(SourceAttribution(text: line).author == nil)
        }

        @Test(arguments: [
            ("（本文有删节）", true),
            ("*原题:Partners on the Fault Line,内容有所删减。", true),
            ("全文略有删减。", true),
            ("今年的国防预算有删减,但援助没有减少。", false),
            ("这篇文章没有说明。", false),
        ])
        func detectsAnEditorialNoteThatTheTextWasCut(_ text: String, _ cut: Bool) {
            #expect(SourceAttribution(text: "正文。\n" + text).isAbridged == cut)
        }

        @Test(.enabled(if: seedIsPresent, "the seed compilation is not on this machine"))
        func readsTheSeedAttributionAuthorAndCredits() throws {
            let attribution = SourceAttribution(text: try read(seedPath))
            let title = try #require(attribution.title)
            #expect(title.text == "America’s Quasi Alliances How Washington Should Manage Its Most Complicated Relationships")
            #expect(title.keyword == "文章原题目为")
            #expect(attribution.author?.englishName == "Rebecca Lissner")
            // The list of related articles (…?|IPP编译) adds no credits.
            #expect(attribution.credits.map(\.role) == ["编译", "审校", "排版", "终审"])
            #expect(attribution.credits.allSatisfy { $0.names.count == 1 })
            // A two-character name padded with a space to the width of three is one name.
            #expect(attribution.names(for: "审校").first?.contains(" ") == false)
            #expect(attribution.isAbridged)
        }
    }
}

extension PairingTests {
    @Suite struct EnglishTitleTests {
        @Test(arguments: [
            (corpusSource, corpusTitle, EnglishTitle.Convention.markdownHeading, 1),
            ("Corpus/en/alliance-burden-sharing.en.txt", "Allies, Leverage and the Burden-Sharing Debate at NATO", .titleLine, 1),
            ("Corpus/en/nuclear-umbrella-asia.en.md",
             "Under the Umbrella: Washington’s Asian Allies and the Credibility of Extended Deterrence", .markdownHeading, 1),
            ("Corpus/en/fault-line-gulf-partners.en.txt",
             "Partners of Convenience: The Gulf States and the Limits of American Influence", .firstLine, 2),
        ] as [(String, String, EnglishTitle.Convention, Int)])
        func readsEachCorpusTitleByItsConvention(_ path: String, _ text: String, _ convention: EnglishTitle.Convention, _ line: Int) throws {
            let title = try #require(EnglishTitle(document: try read(path)))
            #expect(title == EnglishTitle(text: text, line: line, convention: convention))
        }

        @Test func skipsAByteOrderMarkAndBlankLinesAndStripsClosingHashes() throws {
            let title = try #require(EnglishTitle(document: "\u{FEFF}\n  \r\n# Under the Umbrella #\r\nBody."))
            #expect(title == EnglishTitle(text: "Under the Umbrella", line: 3, convention: .markdownHeading))
        }

        @Test func findsATitleLineAfterAnAuthorLine() throws {
            let title = try #require(EnglishTitle(document: "Author: Daniel Okoro\nTITLE：Allies and Leverage\n\nBody."))
            #expect(title == EnglishTitle(text: "Allies and Leverage", line: 2, convention: .titleLine))
        }

        @Test func readsTheTitleKeyOfFrontMatter() throws {
            let title = try #require(EnglishTitle(document: "---\nauthor: Hana Sato\ntitle: \"Under the Umbrella\"\n---\n# Draft\n"))
            #expect(title == EnglishTitle(text: "Under the Umbrella", line: 3, convention: .frontMatter))
        }

        @Test func aSecondLevelHeadingIsNotTheTitle() throws {
            let title = try #require(EnglishTitle(document: "Partners on the Fault Line\n\n## Why Quasi-Allies Are Different\n"))
            #expect(title.convention == .firstLine)
            #expect(title.text == "Partners on the Fault Line")
        }

        @Test func anEmptyDocumentHasNoTitle() {
            #expect(EnglishTitle(document: "\u{FEFF}\n \n") == nil)
        }
    }
}

extension PairingTests {
    @Suite struct TitleMatcherTests {
        let matcher: TitleMatcher

        init() throws {
            matcher = try TitleMatcher()
        }

        @Test(arguments: [
            "Partners on the Fault Line: Washington's Quasi Allies and the Limits of Leverage",    // straight apostrophe
            "Partners on the Fault Line Washington’s Quasi Allies and the Limits of Leverage",     // colon dropped
            "Partners on the Fault-Line — Washington’s Quasi-Allies and the Limits of Leverage",   // extra dashes
            "PARTNERS ON THE FAULT LINE: washington’s quasi allies and the limits of leverage",    // case
            "Partners on the Fault Line Washingtons Quasi Allies & the Limits of Leverage",        // no apostrophe, &
            "Ｐａｒｔｎｅｒｓ on the Fault Line：Washington’s Quasi Allies and the Limits of Leverage", // full width
            "  Partners on  the Fault Line:Washington’s Quasi Allies and the Limits of Leverage. ", // spacing, stop
        ])
        func typographicVariantsAreTheSameTitle(_ variant: String) {
            #expect(matcher.similarity(variant, corpusTitle) == 1)
            #expect(matcher.similarity(corpusTitle, variant) == 1)
        }

        @Test func dottedInitialsAreOneWord() {
            #expect(matcher.similarity("The U.S. and Its Quasi Allies", "The US and Its Quasi Allies") == 1)
        }

        @Test func ranksTheCorpusSourceFirstByAClearMargin() throws {
            let detected = try #require(SourceAttribution(text: try read(corpusChinese)).title).text
            let source = matcher.similarity(detected, corpusTitle)
            #expect(source == 1)
            for decoy in decoys {
                let title = try #require(EnglishTitle(document: try read(decoy))).text
                let score = matcher.similarity(detected, title)
                // Observed 0.302 (Gulf partners), 0.258 (umbrella), 0.206 (burden-sharing).
                #expect(score < 0.35, "\(decoy): \(score)")
                #expect(source - score > 0.6)
            }
        }

        @Test func theSeedCitationIsItsSourceTitle() {
            let cited = "America’s Quasi Alliances How Washington Should Manage Its Most Complicated Relationships"
            #expect(matcher.similarity(cited, seedSourceTitle) == 1)
            #expect(matcher.similarity(cited, corpusTitle) < 0.2)
        }

        @Test func theMainTitleAloneScoresHighButBelowAnExactMatch() {
            let score = matcher.similarity("Partners on the Fault Line", corpusTitle)
            #expect(score == TitleMatcher.mainTitleScore)
            #expect(matcher.similarity(corpusTitle, "Partners on the Fault Line") == score)
        }

        @Test func aTitleWhoseSubtitleIsJoinedWithoutPunctuationMatchesItsMainTitle() {
            let cited = "America’s Quasi Alliances How Washington Should Manage Its Most Complicated Relationships"
            #expect(matcher.similarity(cited, "America's Quasi Alliances") == TitleMatcher.prefixScore)
        }

        @Test func aChangedWordScoresBelowOneButAboveTheThreshold() {
            let score = matcher.similarity("Partners on the Fault Line: Washington’s Quasi Alliances and the Limits of Leverage",
                                           "Partners on the Fault Line: Washington’s Uneasy Allies and the Limits of Leverage")
            #expect(score < 1)
            #expect(score >= DocumentPairing.matchThreshold)
        }

        @Test func titlesWithoutEnglishWordsScoreZero() {
            #expect(matcher.similarity("美国的准盟友", "美国的准盟友") == 0)
            #expect(matcher.similarity("", corpusTitle) == 0)
        }
    }
}

extension PairingTests {
    @Suite struct DocumentPairingTests {
        let matcher: TitleMatcher

        init() throws {
            matcher = try TitleMatcher()
        }

        private func candidates() throws -> [SourceCandidate] {
            try ([corpusSource] + decoys).map(SourceCandidate.load)
        }

        @Test func pairsTheCorpusCompilationWithItsSource() throws {
            let pairing = try DocumentPairing.pair(chineseFile: corpusChinese, candidates: candidates(), matcher: matcher)
            #expect(pairing.verdict == .matched)
            #expect(pairing.match?.path == corpusSource)
            #expect(pairing.match?.score == 1)
            #expect(pairing.runnerUp?.path == "Corpus/en/fault-line-gulf-partners.en.txt")
            #expect(pairing.confidence == .high)
            #expect(pairing.ranking.count == 4)
            #expect(pairing.document == corpusChinese)
        }

        @Test func findsNoSourceAmongDecoysAlone() throws {
            let pairing = DocumentPairing(chineseText: try read(corpusChinese),
                                          candidates: try decoys.map(SourceCandidate.load), matcher: matcher)
            #expect(pairing.verdict == .noSourceFound)
            #expect(pairing.match == nil)
            #expect(pairing.best != nil)
            #expect(pairing.confidence == PairingConfidence.none)
        }

        @Test func twoFilesWithTheSameTitleAreAmbiguous() throws {
            let copy = SourceCandidate(path: "copy.txt", text: "\n" + corpusTitle.uppercased() + "\n\nBody.")
            let pairing = DocumentPairing(chineseText: try read(corpusChinese), candidates: try candidates() + [copy],
                                          matcher: matcher)
            #expect(pairing.verdict == .ambiguous)
            #expect(pairing.match == nil)
            #expect(Set([pairing.best?.path, pairing.runnerUp?.path]) == [corpusSource, "copy.txt"])
            #expect(pairing.confidence == .low)
        }

        @Test func aDocumentWithoutAttributionHasNoSourceTitle() throws {
            let pairing = DocumentPairing(chineseText: "准盟友处于条约盟友与普通伙伴之间。", candidates: try candidates(),
                                          matcher: matcher)
            #expect(pairing.verdict == .noSourceTitle)
            #expect(pairing.ranking.isEmpty)
        }

        @Test func aMainTitleOnlyCitationStillMatches() throws {
            let pairing = DocumentPairing(chineseText: "正文。\n原题:Partners on the Fault Line", candidates: try candidates(),
                                          matcher: matcher)
            #expect(pairing.verdict == .matched)
            #expect(pairing.match?.path == corpusSource)
            #expect(pairing.confidence == .high)
        }

        @Test(arguments: [
            (1.0, 0.3, PairingVerdict.matched), (0.6, nil, .matched), (0.59, nil, .noSourceFound),
            (0.9, 0.81, .ambiguous), (0.95, 0.8, .matched), (nil, nil, .noSourceFound),
        ] as [(Double?, Double?, PairingVerdict)])
        func verdictFollowsTheThresholdAndMargin(_ best: Double?, _ runnerUp: Double?, _ verdict: PairingVerdict) {
            #expect(DocumentPairing.verdict(best: best, runnerUp: runnerUp) == verdict)
        }

        @Test func loadsTheCandidatesOfAFolderInPathOrder() throws {
            let found = try SourceCandidate.loadFolder("Corpus/en")
            #expect(found.map(\.path) == [decoys[0], decoys[1], decoys[2], corpusSource])
            #expect(found.allSatisfy { $0.title != nil })
        }

        @Test func searchesSubfoldersSkippingHiddenAndOtherFilesAndTheChineseDocument() throws {
            let folder = NSTemporaryDirectory() + "termbridge-sources-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (path, text) in [("2024/nov/a.txt", "A"), ("b.MD", "# B"), ("c.pdf", "C"), (".hidden.txt", "H"),
                                 (".git/d.md", "D"), ("zh.txt", "原题:A")] {
                let url = URL(fileURLWithPath: folder + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            let found = try SourceCandidate.loadFolder(folder + "/", excluding: [folder + "/./zh.txt"])
            #expect(found.map(\.path) == [folder + "/2024/nov/a.txt", folder + "/b.MD"])
            #expect(found.map { $0.title?.text } == ["A", "B"])
        }

        @Test func anUnreadableFileIsAFileErrorNamingIt() {
            #expect {
                try DocumentPairing.pair(chineseFile: "Corpus/zh/missing.txt", candidates: [], matcher: matcher)
            } throws: { error in
                (error as? FileError)?.path == "Corpus/zh/missing.txt"
            }
        }

        @Test func invalidUTF8NamesTheFileAndOffset() throws {
            let path = try temporaryFile(Array("原题:".utf8) + [0xFF])
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(throws: InvalidUTF8Error(file: path, byteOffset: 7)) {
                try DocumentPairing.pair(chineseFile: path, candidates: [], matcher: matcher)
            }
            #expect(throws: InvalidUTF8Error(file: path, byteOffset: 7)) {
                try SourceCandidate.load(path)
            }
        }

        @Test func aMissingSourcesFolderIsAFileError() {
            #expect(throws: FileError(path: "Corpus/none", message: "not a folder")) {
                try SourceCandidate.loadFolder("Corpus/none")
            }
        }

        @Test(.enabled(if: seedIsPresent, "the seed compilation is not on this machine"))
        func pairsTheSeedWithItsSourceDespiteTheMissingColon() throws {
            let source = SourceCandidate(path: "quasi-alliances.md", text: "# \(seedSourceTitle)\n\nBody.")
            let pairing = try DocumentPairing.pair(chineseFile: seedPath, candidates: candidates() + [source], matcher: matcher)
            #expect(pairing.verdict == .matched)
            #expect(pairing.match?.path == "quasi-alliances.md")
            #expect(pairing.match?.score == 1)
            #expect((pairing.runnerUp?.score ?? 1) < 0.2)
        }
    }
}
