import Foundation
import Testing
@testable import Termbridge

@Suite struct SegmentationScoreTests {
    @Test func countsSpansLikeTheBakeoffScorer() throws {
        let gold = "美国 与 准盟友 的 关系\n"
        let test = "美国 与 准 盟友\n的 关系"   // line breaks may differ
        let score = try SegmentationScore(gold: gold, test: test, vocabulary: ["美国", "与", "的", "关系"])
        #expect(score.goldWords == 5)
        #expect(score.testWords == 6)
        #expect(score.correct == 4)
        #expect(score.recall == 0.8)
        #expect(abs(score.precision - 4.0 / 6.0) < 1e-12)
        #expect(score.oovRate == 0.2)
        #expect(score.oovRecall == 0)
        #expect(score.ivRecall == 1)
    }

    @Test func differentTextsAreAnError() {
        #expect(throws: SegmentationScore.MismatchError.self) {
            try SegmentationScore(gold: "美国 与 准盟友", test: "美国 和 准盟友")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "../shared/eval/seg/pku/pku_test.utf8"),
                   "SIGHAN 2005 PKU is at ../shared/eval/seg/pku (not in a user's clone)"))
    func pkuWithTrainingWordsReachesTheTarget() throws {
        let folder = "../shared/eval/seg/pku"
        let words = try String(contentsOfFile: folder + "/pku_training_words.utf8", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let segmenter = try Segmenter(dictionary: UserDictionary(words))
        let raw = try String(contentsOfFile: folder + "/pku_test.utf8", encoding: .utf8)
        let test = try raw.split(separator: "\n").map {
            try segmenter.tokens(in: String($0)).filter { $0.kind != .whitespace }.map(\.text).joined(separator: " ")
        }.joined(separator: "\n")
        let gold = try String(contentsOfFile: folder + "/pku_test_gold.utf8", encoding: .utf8)
        let score = try SegmentationScore(gold: gold, test: test, vocabulary: Set(words))
        #expect(score.f1 >= 0.90)
        #expect(try #require(score.oovRecall) >= 0.34)
    }
}
