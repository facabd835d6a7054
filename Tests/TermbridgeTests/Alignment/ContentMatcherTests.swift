import Foundation
import Testing
@testable import Termbridge

/// Texts written for these tests: a Chinese note, its English source and two English
/// decoys of the same field.
private let chinese = """
北约的准盟友依靠核保护伞。
战术导弹的援助在2024年引起争论。
"""
private let source = """
NATO's quasi allies rely on the nuclear umbrella.
Aid in tactical missiles stirred a debate in 2024.
"""
private let decoyWithNumbers = """
Trade talks resumed in 2024 after a pause.
The ministers met twice and agreed on tariffs.
"""
private let decoyOnAlliances = """
An alliance needs trust more than treaties.
Members of a league defend one another.
"""

private func candidates(_ texts: [(String, String)]) -> [(path: String, title: String, text: String)] {
    texts.map { (path: $0.0, title: "", text: $0.1) }
}

@Suite struct ContentMatcherTests {
    @Test func theTranslatedDocumentRanksFirstThroughTheLexicon() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: DataFixtures.cedict)
        let ranking = try ContentMatcher(lexicon: lexicon).rank(
            chineseText: chinese,
            candidates: candidates([("decoy-alliances", decoyOnAlliances), ("source", source), ("decoy-numbers", decoyWithNumbers)]))
        #expect(ranking.map(\.path) == ["source", "decoy-alliances", "decoy-numbers"] || ranking.map(\.path) == ["source", "decoy-numbers", "decoy-alliances"])
        #expect(ranking[0].score >= ContentMatcher.matchThreshold)
        #expect(ContentMatcher.isDecisive(ranking))
    }

    @Test func withoutTheLexiconNumbersAndLatinWordsStillPointTheWay() throws {
        let ranking = try ContentMatcher(lexicon: nil).rank(
            chineseText: chinese + "\nATACMS系统。",
            candidates: candidates([("decoy-alliances", decoyOnAlliances), ("source", source + "\nThe ATACMS system."),
                                    ("decoy-numbers", decoyWithNumbers)]))
        #expect(ranking.first?.path == "source")
        #expect(ranking.last?.path == "decoy-alliances")   // shares neither a number nor a Latin word
        #expect(ranking.last?.score == 0)
    }

    @Test func theRankingIsTheSameWhateverTheCandidatesOrder() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: DataFixtures.cedict)
        let matcher = try ContentMatcher(lexicon: lexicon)
        let texts = [("a", decoyOnAlliances), ("b", source), ("c", decoyWithNumbers)]
        let forward = try matcher.rank(chineseText: chinese, candidates: candidates(texts))
        let backward = try ContentMatcher(lexicon: lexicon).rank(chineseText: chinese, candidates: candidates(texts.reversed()))
        #expect(forward == backward)
    }

    @Test func aCloseRunnerUpIsNotDecisive() {
        let close = [ScoredCandidate(path: "a", title: "", score: 0.40), ScoredCandidate(path: "b", title: "", score: 0.30)]
        #expect(!ContentMatcher.isDecisive(close))
        let clear = [ScoredCandidate(path: "a", title: "", score: 0.40), ScoredCandidate(path: "b", title: "", score: 0.20)]
        #expect(ContentMatcher.isDecisive(clear))
        #expect(!ContentMatcher.isDecisive([ScoredCandidate(path: "a", title: "", score: 0.1)]))
        #expect(!ContentMatcher.isDecisive([]))
    }

    @Test func pairingFallsBackToContentOnlyWhenTheTitleCannotDecide() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: DataFixtures.cedict)
        let matcher = try ContentMatcher(lexicon: lexicon)
        let texts = ["source.txt": "Quasi Allies\n" + source, "decoy.txt": "Quasi Allies\n" + decoyOnAlliances]
        let list = texts.keys.sorted().map { SourceCandidate(path: $0, text: texts[$0]!) }
        // Same title twice: ambiguous, then decided by content.
        var pairing = DocumentPairing(chineseText: chinese + "\n原题:Quasi Allies", candidates: list, matcher: try TitleMatcher())
        #expect(pairing.verdict == .ambiguous)
        try pairing.decideByContent(chineseText: chinese, candidates: list, candidateText: { texts[$0]! }, matcher: matcher)
        #expect(pairing.verdict == .matched)
        #expect(pairing.basis == .content)
        #expect(pairing.match?.path == "source.txt")
        #expect(pairing.confidence == .medium)
        // A title that decides is left alone.
        var titled = DocumentPairing(chineseText: chinese + "\n原题:Quasi Allies",
                                     candidates: [list[1]], matcher: try TitleMatcher())
        #expect(titled.verdict == .matched)
        try titled.decideByContent(chineseText: chinese, candidates: [list[1]], candidateText: { texts[$0]! }, matcher: matcher)
        #expect(titled.basis == .title)
        #expect(titled.contentRanking.isEmpty)
    }
}
