/// How many beads of one side found a match on the other: the counts behind a precision or
/// a recall. A bead is a *strict* hit when the other side has the same bead; a *lax* hit when
/// it is a strict hit or some of its Chinese sentences are aligned (on the other side) to
/// some of its English sentences.
public struct BeadMatchCounts: Sendable, Hashable, Codable {
    public var strictHits: Int
    public var strictMisses: Int
    public var laxHits: Int
    public var laxMisses: Int

    public init(strictHits: Int = 0, strictMisses: Int = 0, laxHits: Int = 0, laxMisses: Int = 0) {
        self.strictHits = strictHits
        self.strictMisses = strictMisses
        self.laxHits = laxHits
        self.laxMisses = laxMisses
    }

    /// The counts of two documents pooled.
    public static func + (a: BeadMatchCounts, b: BeadMatchCounts) -> BeadMatchCounts {
        BeadMatchCounts(strictHits: a.strictHits + b.strictHits, strictMisses: a.strictMisses + b.strictMisses,
                        laxHits: a.laxHits + b.laxHits, laxMisses: a.laxMisses + b.laxMisses)
    }

    /// Strict hits over all beads counted (0 when none are).
    public var strictRate: Double { ratio(strictHits, strictHits + strictMisses) }
    /// Lax hits over all beads counted (0 when none are).
    public var laxRate: Double { ratio(laxHits, laxHits + laxMisses) }

    /// Counts the beads of `hypothesis` against `reference`, as `align_eval.py`'s `_hits`:
    /// beads empty on both sides are ignored and duplicates count once; a bead with an empty
    /// side can only be a strict hit. O(total indices).
    public init(of hypothesis: [Bead], against reference: [Bead]) {
        let reference = Set(reference.lazy.map(BeadKey.init).filter { !$0.isEmpty })
        let hypothesis = Set(hypothesis.lazy.map(BeadKey.init).filter { !$0.isEmpty })
        var englishOfChinese: [Int: Set<Int>] = [:]
        for bead in reference {
            for i in bead.chinese { englishOfChinese[i, default: []].formUnion(bead.english) }
        }
        self.init()
        for bead in hypothesis {
            if reference.contains(bead) {
                strictHits += 1
                laxHits += 1
                continue
            }
            strictMisses += 1
            let linked = bead.chinese.contains { i in
                englishOfChinese[i].map { !$0.isDisjoint(with: bead.english) } ?? false
            }
            if linked { laxHits += 1 } else { laxMisses += 1 }
        }
    }
}

/// A bead reduced to what scoring compares: its indices as written.
struct BeadKey: Hashable {
    var chinese: [Int]
    var english: [Int]
    init(_ bead: Bead) { chinese = bead.chinese; english = bead.english }
    var isEmpty: Bool { chinese.isEmpty && english.isEmpty }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
private func harmonicMean(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

/// The counts behind the alignment scores of one document, or of several pooled with `+`.
public struct AlignmentCounts: Sendable, Hashable, Codable {
    /// Predicted beads (null beads included) matched against all gold beads.
    public var precision: BeadMatchCounts
    /// Gold beads with both sides matched against predicted beads with both sides: 1:0 and
    /// 0:1 beads are dropped from both before counting.
    public var recall: BeadMatchCounts
    /// aligner-eval's strict metric: predicted beads equal to some gold bead. Every line
    /// counts here — duplicates, null beads and beads empty on both sides.
    public var nullBeadHits: Int
    /// Number of predicted beads (every line).
    public var predictedBeads: Int
    /// Number of gold beads (every line).
    public var goldBeads: Int

    public init(precision: BeadMatchCounts = .init(), recall: BeadMatchCounts = .init(),
                nullBeadHits: Int = 0, predictedBeads: Int = 0, goldBeads: Int = 0) {
        self.precision = precision
        self.recall = recall
        self.nullBeadHits = nullBeadHits
        self.predictedBeads = predictedBeads
        self.goldBeads = goldBeads
    }

    /// Counts `predicted` against `gold` (scores are ignored). O(total indices).
    public init(gold: [Bead], predicted: [Bead]) {
        precision = BeadMatchCounts(of: predicted, against: gold)
        recall = BeadMatchCounts(of: gold.filter(\.isPair), against: predicted.filter(\.isPair))
        let goldSet = Set(gold.map(BeadKey.init))
        nullBeadHits = predicted.count(where: { goldSet.contains(BeadKey($0)) })
        predictedBeads = predicted.count
        goldBeads = gold.count
    }

    /// The counts of two documents pooled.
    public static func + (a: AlignmentCounts, b: AlignmentCounts) -> AlignmentCounts {
        AlignmentCounts(precision: a.precision + b.precision, recall: a.recall + b.recall,
                        nullBeadHits: a.nullBeadHits + b.nullBeadHits,
                        predictedBeads: a.predictedBeads + b.predictedBeads, goldBeads: a.goldBeads + b.goldBeads)
    }
}

/// Sentence-alignment precision, recall and F1, strict and lax, exactly as the evaluation
/// scorer `align_eval.py` computes them (the metric of Sennrich & Volk 2010 as implemented by
/// vecalign's `score.py` and bertalign's `eval.py`):
///
/// - **precision** is over predicted beads, *including* 1:0 and 0:1 beads: a predicted bead
///   is a strict hit when it equals a gold bead exactly, a lax hit when some of its Chinese
///   sentences are gold-aligned to some of its English sentences (a null bead can only be a
///   strict hit);
/// - **recall** is the same with gold and prediction swapped, after dropping 1:0 and 0:1
///   beads from *both*;
/// - beads empty on both sides are ignored; duplicates count once;
/// - over several documents the counts are pooled before the ratios (micro average:
///   ``init(counts:)`` of the sum of ``AlignmentCounts``); ``macroAverage(_:)`` is the mean of
///   per-document scores, which the scorer prints too.
///
/// The `null` scores are aligner-eval's strict metric (`--null-beads`): P = hits / predicted
/// beads, R = hits / gold beads, every bead counted. A ratio with nothing to count is 0.
///
/// Coding keys are the scorer's JSON keys (`precision_strict`, …, `null_f1`).
public struct AlignmentScore: Sendable, Hashable, Codable {
    public var precisionStrict: Double
    public var recallStrict: Double
    public var f1Strict: Double
    public var precisionLax: Double
    public var recallLax: Double
    public var f1Lax: Double
    public var nullPrecision: Double
    public var nullRecall: Double
    public var nullF1: Double

    /// The scores of `counts` (one document's, or several pooled).
    public init(counts: AlignmentCounts) {
        precisionStrict = counts.precision.strictRate
        recallStrict = counts.recall.strictRate
        f1Strict = harmonicMean(precisionStrict, recallStrict)
        precisionLax = counts.precision.laxRate
        recallLax = counts.recall.laxRate
        f1Lax = harmonicMean(precisionLax, recallLax)
        nullPrecision = ratio(counts.nullBeadHits, counts.predictedBeads)
        nullRecall = ratio(counts.nullBeadHits, counts.goldBeads)
        nullF1 = harmonicMean(nullPrecision, nullRecall)
    }

    /// The scores of `predicted` against `gold` for one document.
    public init(gold: [Bead], predicted: [Bead]) {
        self.init(counts: AlignmentCounts(gold: gold, predicted: predicted))
    }

    /// The micro average: counts pooled over documents, then the ratios.
    public init(pooling counts: [AlignmentCounts]) {
        self.init(counts: counts.reduce(AlignmentCounts(), +))
    }

    /// The mean of per-document scores, each field on its own (so the F1 is the mean of F1s,
    /// as the scorer prints it); nil for no documents.
    public static func macroAverage(_ scores: [AlignmentScore]) -> AlignmentScore? {
        guard !scores.isEmpty else { return nil }
        func mean(_ field: KeyPath<AlignmentScore, Double>) -> Double {
            scores.reduce(0) { $0 + $1[keyPath: field] } / Double(scores.count)
        }
        return AlignmentScore(precisionStrict: mean(\.precisionStrict), recallStrict: mean(\.recallStrict),
                              f1Strict: mean(\.f1Strict), precisionLax: mean(\.precisionLax),
                              recallLax: mean(\.recallLax), f1Lax: mean(\.f1Lax),
                              nullPrecision: mean(\.nullPrecision), nullRecall: mean(\.nullRecall),
                              nullF1: mean(\.nullF1))
    }

    private init(precisionStrict: Double, recallStrict: Double, f1Strict: Double, precisionLax: Double,
                 recallLax: Double, f1Lax: Double, nullPrecision: Double, nullRecall: Double, nullF1: Double) {
        self.precisionStrict = precisionStrict
        self.recallStrict = recallStrict
        self.f1Strict = f1Strict
        self.precisionLax = precisionLax
        self.recallLax = recallLax
        self.f1Lax = f1Lax
        self.nullPrecision = nullPrecision
        self.nullRecall = nullRecall
        self.nullF1 = nullF1
    }

    private enum CodingKeys: String, CodingKey {
        case precisionStrict = "precision_strict", recallStrict = "recall_strict", f1Strict = "f1_strict"
        case precisionLax = "precision_lax", recallLax = "recall_lax", f1Lax = "f1_lax"
        case nullPrecision = "null_precision", nullRecall = "null_recall", nullF1 = "null_f1"
    }
}
