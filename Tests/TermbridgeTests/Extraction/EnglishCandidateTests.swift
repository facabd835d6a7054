import Testing
@testable import Termbridge

@Suite struct EnglishCandidateTests {
    private func candidates(_ sentences: [String]) throws -> EnglishCandidates {
        let english = try EnglishCandidates(maximumWords: 4)
        for (line, sentence) in sentences.enumerated() { english.add(sentence: sentence, document: 0, line: line + 1) }
        return english
    }

    @Test func foldsInflectionsThroughStems() throws {
        let english = try candidates(["A quasi ally is not a treaty ally.", "Quasi allies receive far more than partners."])
        let node = try #require(english.node(of: "quasi ally"))
        #expect(english.node(of: "Quasi-Allies") == node)
        #expect(english.counts.frequency[Int(node)] == 2)
    }

    @Test func stopWordsAndPunctuationBoundCandidates() throws {
        let english = try candidates(["The security guarantee of the United States, in practice, matters."])
        #expect(english.node(of: "security guarantee") != nil)
        #expect(english.node(of: "United States") != nil)
        #expect(english.node(of: "guarantee of the United") == nil)
        #expect(english.node(of: "States practice") == nil)
    }

    @Test func hyphensJoinWordsOfOneCandidate() throws {
        let english = try candidates(["It came with end-use restrictions that barred strikes."])
        #expect(english.node(of: "end-use restrictions") != nil)
        #expect(english.node(of: "restrictions barred") == nil)   // "that" is a stop word
    }

    @Test func ranksTheWholePhraseAboveItsNestedWords() throws {
        let english = try candidates(["Quasi allies want weapons.", "Washington arms quasi allies.", "Quasi allies fight."])
        let scores = Dictionary(uniqueKeysWithValues: english.scored(minimumFrequency: 2).map { ($0.node, $0.termhood) })
        let phrase = try #require(english.node(of: "quasi allies")), word = try #require(english.node(of: "quasi"))
        #expect(scores[phrase]! > scores[word] ?? 0)
    }

    @Test func writesCandidatesAsTheTextDoes() throws {
        let english = try candidates(["Quasi allies are different.", "Washington’s quasi allies need arms.",
                                      "Donald Trump lifted the hold."])
        let nodes = try [#require(english.node(of: "quasi allies")), #require(english.node(of: "Washington")),
                         #require(english.node(of: "Donald Trump"))]
        let surfaces = english.surfaces(of: Set(nodes))
        #expect(surfaces[nodes[0]] == "quasi allies")
        #expect(surfaces[nodes[1]] == "Washington")
        #expect(surfaces[nodes[2]] == "Donald Trump")
    }
}
