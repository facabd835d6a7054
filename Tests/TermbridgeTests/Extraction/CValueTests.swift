import Foundation
import Testing
@testable import Termbridge

@Suite struct CValueTests {
    /// Candidates over units A, B, C, computed by hand with w(n) = log₂(n + 1):
    /// - ABC (f 3) is in no longer candidate: log₂4 · 3 = 6;
    /// - AB (f 5) is inside ABC: log₂3 · (5 − 3) ≈ 3.170;
    /// - BC (f 3) only ever occurs inside ABC: log₂3 · (3 − 3) = 0;
    /// - B (f 9) is inside ABC, AB and BC: log₂2 · (9 − (3 + 5 + 3)/3) = 16/3.
    @Test func discountsOccurrencesInsideLongerCandidates() {
        let scores = CValue.scores([["A", "B", "C"]: 3, ["A", "B"]: 5, ["B", "C"]: 3, ["B"]: 9])
        #expect(abs(scores[["A", "B", "C"]]! - 6) < 1e-9)
        #expect(abs(scores[["A", "B"]]! - 2 * log2(3.0)) < 1e-9)
        #expect(abs(scores[["B", "C"]]!) < 1e-9)
        #expect(abs(scores[["B"]]! - 16.0 / 3) < 1e-9)
    }

    @Test func weighsLongerCandidatesMore() {
        #expect(CValue.weight(length: 1) == 1)
        #expect(CValue.weight(length: 3) == 2)
    }

    @Test func nestsOnlyContiguousSubsequences() {
        // A C is not inside A B C: it keeps its whole frequency.
        let scores = CValue.scores([["A", "B", "C"]: 2, ["A", "C"]: 4])
        #expect(abs(scores[["A", "C"]]! - log2(3.0) * 4) < 1e-9)
    }
}
