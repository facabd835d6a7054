import Testing
@testable import Termbridge

@Suite struct ScoreThresholdsTests {
    @Test func sharesOfCorrectDroppedAndWrongKept() {
        var thresholds = ScoreThresholds()
        let gold = [Bead(chinese: [0], english: [0], score: 1), Bead(chinese: [1], english: [1, 2], score: 1),
                    Bead(chinese: [2], english: [3], score: 1), Bead(chinese: [3], english: [4], score: 1)]
        thresholds.add(predicted: [
            Bead(chinese: [0], english: [0], score: 0.9),      // correct
            Bead(chinese: [1], english: [1], score: 0.4),      // wrong, overlaps the gold (lax)
            Bead(chinese: [], english: [2], score: 0.5),       // null: not a translation unit
            Bead(chinese: [2], english: [3], score: 0.2),      // correct but weak
            Bead(chinese: [3], english: [5], score: 0.35),     // wrong and unrelated
        ], gold: gold)
        #expect(thresholds.correct == [0.9, 0.2])
        #expect(thresholds.wrong == [0.4, 0.35])
        #expect(thresholds.unrelated == [0.35])
        let rows = thresholds.rows([0, 0.3, 0.38, 0.5])
        #expect(rows.map(\.correctDropped) == [0, 0.5, 0.5, 0.5])
        #expect(rows.map(\.wrongKept) == [1, 1, 0.5, 0])
        #expect(rows.map(\.unrelatedKept) == [1, 1, 0, 0])
        #expect(rows.map(\.precisionKept) == [0.5, 1.0 / 3, 0.5, 1])
    }
}
