/// How well a bead's confidence separates correct beads from wrong ones: for candidate
/// thresholds, the share of correct beads a cut at that score drops and the share of wrong
/// beads it keeps. This is how the TMX threshold (``TMXAlignmentWriter/defaultMinimumScore``)
/// was chosen: `termbridge eval align --gold DIR --score-thresholds`.
///
/// Only beads with both sides count (they are what a translation memory holds); a bead is
/// *correct* when the gold has exactly the same bead (a strict hit). Scores pool over
/// documents. O(beads · thresholds).
public struct ScoreThresholds: Sendable, Equatable {
    /// One candidate threshold.
    public struct Row: Sendable, Equatable {
        /// Beads scoring below it are left out.
        public var threshold: Double
        /// Correct beads scoring below the threshold, over all correct beads.
        public var correctDropped: Double
        /// Wrong beads scoring at or above the threshold, over all wrong beads.
        public var wrongKept: Double
        /// Unrelated beads (no Chinese sentence aligned in the gold to any of its English
        /// ones) scoring at or above the threshold, over all unrelated beads.
        public var unrelatedKept: Double
        /// Correct beads over all beads kept: the precision of what is left.
        public var precisionKept: Double
    }

    /// Pair beads whose gold has the same bead.
    public private(set) var correct: [Double] = []
    /// Pair beads the gold does not have.
    public private(set) var wrong: [Double] = []
    /// Wrong beads that are not even a lax hit: none of their Chinese sentences is aligned
    /// in the gold to any of their English ones.
    public private(set) var unrelated: [Double] = []

    public init() {}

    /// Adds the pair beads of one document, scored against its gold beads.
    public mutating func add(predicted: [Bead], gold: [Bead]) {
        let reference = Set(gold.map(BeadKey.init))
        var englishOfChinese: [Int: Set<Int>] = [:]
        for bead in gold {
            for i in bead.chinese { englishOfChinese[i, default: []].formUnion(bead.english) }
        }
        for bead in predicted where bead.isPair && bead.score.isFinite {
            if reference.contains(BeadKey(bead)) {
                correct.append(bead.score)
                continue
            }
            wrong.append(bead.score)
            if !bead.chinese.contains(where: { englishOfChinese[$0].map { !$0.isDisjoint(with: bead.english) } ?? false }) {
                unrelated.append(bead.score)
            }
        }
    }

    /// The rows for `thresholds`, in the order given.
    public func rows(_ thresholds: [Double]) -> [Row] {
        thresholds.map { t in
            let correctKept = correct.filter { $0 >= t }.count, wrongKept = wrong.filter { $0 >= t }.count
            let unrelatedKept = unrelated.filter { $0 >= t }.count
            return Row(threshold: t,
                       correctDropped: correct.isEmpty ? 0 : Double(correct.count - correctKept) / Double(correct.count),
                       wrongKept: wrong.isEmpty ? 0 : Double(wrongKept) / Double(wrong.count),
                       unrelatedKept: unrelated.isEmpty ? 0 : Double(unrelatedKept) / Double(unrelated.count),
                       precisionKept: correctKept + wrongKept == 0 ? 0 : Double(correctKept) / Double(correctKept + wrongKept))
        }
    }

    /// 0, 0.05, …, 0.95.
    public static let candidates: [Double] = (0..<20).map { Double($0) / 20 }
}
