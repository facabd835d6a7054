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
