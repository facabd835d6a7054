import Testing
@testable import Termbridge

@Suite struct TermAssociationTests {
    /// Three beads: {准盟友}:{quasi ally}, {准盟友, 武器}:{quasi ally, weapons}, {武器}:{weapons}.
    private var association: TermAssociation {
        var association = TermAssociation()
        association.add(chinese: [0], english: [10])
        association.add(chinese: [0, 1], english: [10, 11])
        association.add(chinese: [1], english: [11])
        return association
    }

    @Test func diceIsOneForTermsThatAlwaysShareABead() {
        #expect(association.dice(0, 10) == 1)
        #expect(association.dice(0, 11) == 0.5)   // 2·1 / (2 + 2)
        #expect(association.cooccurrences(1, 11) == 2)
    }

    @Test func logLikelihoodPrefersTheConsistentPartner() {
        #expect(association.logLikelihood(0, 10) > association.logLikelihood(0, 11))
        #expect(association.logLikelihood(0, 10) > 0)
    }

    @Test func claimsGiveTheStrongestOtherChineseTermWhateverTheOrderOfBeads() {
        // Dice with 10: 0 → 1, 1 → 2/3. With 11: 1 → 1, 0 → 2/3, 2 → 1/2. With 12: 2 only.
        let beads: [(Set<Int>, Set<Int>)] = [([0, 1], [10, 11]), ([1, 2], [11]), ([2], [12])]
        for order in [beads, beads.reversed()] {
            var association = TermAssociation()
            for (chinese, english) in order { association.add(chinese: chinese, english: english) }
            let claims = association.claims()
            #expect(claims.rivalDice(0, 10) == 2.0 / 3)   // 1 claims 10 at 2/3
            #expect(claims.rivalDice(1, 10) == 1)         // 0 claims it at 1
            #expect(claims.rivalDice(2, 11) == 1)         // 1 claims 11 at 1
            #expect(claims.rivalDice(1, 11) == 2.0 / 3)   // the second best, 0's
            #expect(claims.rivalDice(2, 12) == 0)         // nobody else
        }
    }

    @Test func anEqualMatchGoesToTheEnglishNoOtherCandidateHolds() throws {
        // 乌克兰 (4 beads) shares two beads with Ukraine and two with Russia: equal Dice.
        // 俄罗斯 holds Russia at Dice 1, so 乌克兰 takes Ukraine, on every run.
        let chinese = "俄罗斯和乌克兰开战。\n\n乌克兰需要武器。\n\n俄罗斯威胁乌克兰。\n\n乌克兰得到援助。\n"
        let english = "Russia and Ukraine went to war.\n\nUkraine needs weapons.\n\nRussia threatens the country.\n\nThe government receives aid.\n"
        let candidates = try TermExtractor().extract([ExtractionInput(
            chinese: ExtractionText(path: "zh.txt", text: chinese), english: ExtractionText(path: "en.txt", text: english))])
        #expect(candidates.first { $0.chinese == "乌克兰" }?.english == "Ukraine")
        #expect(candidates.first { $0.chinese == "俄罗斯" }?.english == "Russia")
    }

    @Test func proposesTheEnglishOfAlignedSentences() throws {
        let extractor = try TermExtractor()
        let candidates = try extractor.extract([ExtractionInput(
            chinese: ExtractionText(path: "zh.txt", text: "准盟友需要武器。\n\n华盛顿提供培训。\n\n华盛顿向准盟友提供援助。\n"),
            english: ExtractionText(path: "en.txt", text: "Quasi allies need weapons.\n\nWashington provides training.\n\nWashington gives aid to quasi allies.\n"))])
        let row = try #require(candidates.first { $0.chinese == "准盟友" })
        #expect(row.english == "quasi allies")
        #expect(row.kind == .bilingual)
        #expect(row.frequency == 2)
        #expect(row.contexts.map { "\($0.file):\($0.line)" } == ["zh.txt:1", "zh.txt:5"])
    }
}
