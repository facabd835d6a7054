import Foundation

/// Sentence alignment of a Chinese translation with its English source.
///
/// Paragraphs are aligned first (when both sides have several), then sentences inside each
/// group of aligned paragraphs. Each level is a dynamic-programming search over beads
/// (1:1, 1:0, 0:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:4, 2:3, 3:2) scored by
/// - lexical anchors: Chinese words whose CC-CEDICT glosses or glossary translations appear
///   (as Snowball stems) on the English side, numbers (2024 ↔ 2024年), Latin tokens carried
///   over (ATACMS) and names matched through pinyin (陈清扬 ↔ Chen Qingyang); each matched
///   word counts for the bead, each unmatched one against it;
/// - a Gale–Church length model whose ratio and variance are estimated from the pair
///   itself (a first pass with defaults, then the 1:1 beads it found);
/// - a prior per bead shape.
///
/// Long documents are searched coarse to fine: a first search over blocks of sentences
/// gives a path, and the sentence-level search runs in a band around it, so time grows
/// linearly with length. See `Docs/Alignment.md`.
public final class Aligner {
    public let glossary: Glossary?
    public let lexicon: CEDICTLexicon?
    private let features: AlignmentFeatureExtractor

    /// Cells in a full (unbanded) search above which the search goes coarse to fine.
    static let fullSearchLimit = 600_000

    public init(glossary: Glossary? = nil, lexicon: CEDICTLexicon? = nil) throws {
        self.glossary = glossary
        self.lexicon = lexicon
        features = try AlignmentFeatureExtractor(glossary: glossary, lexicon: lexicon)
    }

    /// Aligns the two documents. Either side may be empty: the result then pairs every
    /// sentence of the other side with nothing.
    public func align(_ chinese: AlignmentDocument, _ english: AlignmentDocument) throws -> Alignment {
        let zh = try chinese.sentences.map { try features.chinese($0.text) }
        let en = english.sentences.map { features.english($0.text) }
        let ratio = Double(max(1, en.reduce(0) { $0 + $1.length })) / Double(max(1, zh.reduce(0) { $0 + $1.length }))
        // Without CC-CEDICT the evidence is thin (numbers, Latin words, names, punctuation):
        // the length model then leads (see `lengthScoring`).
        let scoring = lexicon != nil ? Self.defaultScoring(ratio: ratio) : Self.lengthScoring(ratio: ratio)

        let zhParagraphs = chinese.paragraphs, enParagraphs = english.paragraphs
        // Front and back matter, captions, titles and bylines (see BeadConstraints).
        let constraints = BeadConstraints(chinese: chinese.sentences.map(\.part), english: english.sentences.map(\.part))
        // Sentence groups to align: the whole documents, or the groups of aligned paragraphs.
        var groups: [(Range<Int>, Range<Int>)] = [(0..<zh.count, 0..<en.count)]
        if zhParagraphs.count > 1, enParagraphs.count > 1,
           zhParagraphs.count < zh.count || enParagraphs.count < en.count {
            let paragraphBeads = Self.search(zhParagraphs.map { Self.merge(zh[$0]) },
                                             enParagraphs.map { Self.merge(en[$0]) },
                                             Self.paragraphScoring(scoring),
                                             constraints: BeadConstraints(chinese: zhParagraphs.map { constraints.chinese[$0.lowerBound] },
                                                                          english: enParagraphs.map { constraints.english[$0.lowerBound] }))
            groups = paragraphBeads.map { bead in
                (bead.chinese.isEmpty ? zh.count..<zh.count
                    : zhParagraphs[bead.chinese.first!].lowerBound..<zhParagraphs[bead.chinese.last!].upperBound,
                 bead.english.isEmpty ? en.count..<en.count
                    : enParagraphs[bead.english.first!].lowerBound..<enParagraphs[bead.english.last!].upperBound)
            }
        }
        // Each group is searched twice: with the default length variance, then with the
        // variance measured on the first pass's confident 1:1 beads (over all groups).
        let prepared = groups.map { group in
            Self.prepare(Array(zh[group.0]), Array(en[group.1]), scoring, constraints: constraints.slice(group.0, group.1))
        }
        var firstPass: [Bead] = []
        for (group, search) in zip(groups, prepared) {
            firstPass += Self.beads(search, offset: (group.0.lowerBound, group.1.lowerBound), scoring)
        }
        guard let variance = Self.measuredVariance(firstPass, zh, en, ratio: ratio, lexical: scoring.lexical) else {
            return Alignment(chinese: chinese, english: english, beads: firstPass)
        }
        var measured = scoring
        measured.lengthVariance = variance
        var beads: [Bead] = []
        for (group, search) in zip(groups, prepared) {
            beads += Self.beads(search, offset: (group.0.lowerBound, group.1.lowerBound), measured)
        }
        return Alignment(chinese: chinese, english: english, beads: beads)
    }

    /// A search over the units' band (full when small, coarse-to-fine when large), with its
    /// pair matches built once for every pass.
    static func prepare(_ zh: [ChineseUnitFeatures], _ en: [EnglishUnitFeatures], _ scoring: BeadScoring,
                        constraints: BeadConstraints? = nil) -> BeadSearch {
        let band = self.band(zh, en, scoring)
        return BeadSearch(chinese: zh, english: en, scoring: scoring, band: band, constraints: constraints)
    }

    /// The beads of `search` run with `scoring` (same shapes), indices shifted by `offset`.
    static func beads(_ search: BeadSearch, offset: (Int, Int), _ scoring: BeadScoring) -> [Bead] {
        let n = search.chinese.count, m = search.english.count
        if n == 0 || m == 0 {
            return (0..<n).map { Bead(chinese: [$0 + offset.0], english: [], score: 0.5) }
                + (0..<m).map { Bead(chinese: [], english: [$0 + offset.1], score: 0.5) }
        }
        let rescored = search.with(scoring)
        return rescored.run().map { step in
            let evidence = rescored.evidence(step.i, step.j, step.a, step.b)
            return Bead(chinese: (step.i..<(step.i + step.a)).map { $0 + offset.0 },
                        english: (step.j..<(step.j + step.b)).map { $0 + offset.1 },
                        score: BeadSearch.confidence(evidence, lexical: scoring.lexical))
        }
    }

    /// Aligns units in one pass.
    static func search(_ zh: [ChineseUnitFeatures], _ en: [EnglishUnitFeatures], _ scoring: BeadScoring,
                       constraints: BeadConstraints? = nil) -> [Bead] {
        beads(prepare(zh, en, scoring, constraints: constraints), offset: (0, 0), scoring)
    }

    /// The cells the search may visit: all of them for a small grid; for a large one, a band
    /// around the path found by aligning blocks of sentences (recursively), widened by a
    /// margin, so that the search touches O(n) cells.
    static func band(_ zh: [ChineseUnitFeatures], _ en: [EnglishUnitFeatures], _ scoring: BeadScoring) -> [Range<Int>] {
        let n = zh.count, m = en.count
        if (n + 1) * (m + 1) <= fullSearchLimit || n < 2 * blockSize || m < 2 * blockSize {
            return [Range<Int>](repeating: 0..<(m + 1), count: n + 1)
        }
        let zhBlock = blockSize
        let enBlock = max(1, Int((Double(blockSize) * Double(m) / Double(n)).rounded()))
        let zhRanges = stride(from: 0, to: n, by: zhBlock).map { $0..<min(n, $0 + zhBlock) }
        let enRanges = stride(from: 0, to: m, by: enBlock).map { $0..<min(m, $0 + enBlock) }
        var coarse = paragraphScoring(scoring)
        coarse.shapes = coarse.shapes.filter { $0.chinese <= 2 && $0.english <= 2 }
        let blockBeads = search(zhRanges.map { merge(zh[$0]) }, enRanges.map { merge(en[$0]) }, coarse)
        // Each block bead covers a rectangle of the sentence grid; the band holds every
        // rectangle, widened by the margin. A block aligned with nothing sits on the line
        // where the path is at that point.
        let margin = blockSize
        var low = [Int](repeating: m, count: n + 1)
        var high = [Int](repeating: 0, count: n + 1)
        var row = 0, column = 0
        for bead in blockBeads {
            let rows = bead.chinese.isEmpty ? row...row
                : zhRanges[bead.chinese.first!].lowerBound...zhRanges[bead.chinese.last!].upperBound
            let columns = bead.english.isEmpty ? column...column
                : enRanges[bead.english.first!].lowerBound...enRanges[bead.english.last!].upperBound
            for i in max(0, rows.lowerBound - margin)...min(n, rows.upperBound + margin) {
                low[i] = min(low[i], max(0, columns.lowerBound - margin))
                high[i] = max(high[i], min(m, columns.upperBound + margin))
            }
            row = rows.upperBound
            column = columns.upperBound
        }
        // Connected, and anchored at both corners.
        low[0] = 0
        high[n] = m
        for i in 1...n { low[i] = max(0, min(low[i], high[i - 1])) }
        for i in stride(from: n - 1, through: 0, by: -1) { high[i] = max(high[i], min(m, low[i + 1])) }
        return (0...n).map { low[$0]..<(max(low[$0], high[$0]) + 1) }
    }

    /// Sentences per block in the coarse searches.
    static let blockSize = 8

    static func merge(_ units: ArraySlice<ChineseUnitFeatures>) -> ChineseUnitFeatures {
        ChineseUnitFeatures(length: units.reduce(0) { $0 + $1.length },
                            items: Array(units.flatMap(\.items).prefix(AlignmentFeatureExtractor.maximumItems)))
    }

    static func merge(_ units: ArraySlice<EnglishUnitFeatures>) -> EnglishUnitFeatures {
        EnglishUnitFeatures(length: units.reduce(0) { $0 + $1.length },
                            content: Array(Set(units.flatMap(\.content)).sorted().prefix(AlignmentFeatureExtractor.maximumItems)),
                            names: Set(units.flatMap(\.names)).sorted())
    }

    // MARK: Parameters

    /// The sentence-level scoring. The weights were chosen on the MAC dev set (literary
    /// zh–en; see `Docs/Alignment.md` for the measurements): lexical evidence dominates, the
    /// length model breaks ties, and the priors say how rare each shape is.
    static func defaultScoring(ratio: Double) -> BeadScoring {
        let shapes: [(Int, Int, Double)] = [
            (1, 1, 0), (1, 0, -6), (0, 1, -6), (1, 2, -1.5), (2, 1, -2), (2, 2, -4),
            (1, 3, -3), (3, 1, -4), (1, 4, -4.5), (2, 3, -5), (3, 2, -5.5),
        ]
        return BeadScoring(shapes: shapes.map { BeadShape(chinese: $0.0, english: $0.1, prior: $0.2) },
                           matchWeight: 0.3, unmatchedWeight: 0.1, lengthWeight: 0.2,
                           orphanPenalty: 3, orphanRun: 3,
                           lengthRatio: ratio, lengthVariance: 7 * ratio)
    }

    /// The sentence-level scoring without CC-CEDICT, when the anchors are numbers, Latin
    /// words, names and punctuation only: the same shapes and priors, the length model
    /// weighted 2.5 times as much, each (rare) anchor 7 times as much, no orphan penalty (with
    /// so few anchors every long sentence would look like an orphan), and a tighter first
    /// length variance, re-measured on all the first pass's 1:1 beads. Chosen on MAC dev
    /// (see `Docs/Alignment.md`): strict F1 0.23 with the lexical weights, 0.68 with these,
    /// where Gale–Church scores 0.42.
    static func lengthScoring(ratio: Double) -> BeadScoring {
        var scoring = defaultScoring(ratio: ratio)
        scoring.matchWeight = 2
        scoring.lengthWeight = 0.5
        scoring.orphanPenalty = 0
        scoring.lengthVariance = 4 * ratio
        scoring.lexical = false
        return scoring
    }

    /// Scoring for paragraphs and blocks: the same evidence, with shapes for whole
    /// paragraphs (cut paragraphs are common in compilations).
    static func paragraphScoring(_ sentences: BeadScoring) -> BeadScoring {
        var scoring = sentences
        scoring.orphanRun = 1
        scoring.shapes = [(1, 1, 0.0), (1, 0, -8), (0, 1, -8), (1, 2, -4), (2, 1, -4), (2, 2, -8)]
            .map { BeadShape(chinese: $0.0, english: $0.1, prior: $0.2) }
        return scoring
    }

    /// The length variance measured on the 1:1 beads of an alignment — the confident ones
    /// when the scoring is lexical, all of them otherwise (their confidence then comes from
    /// length itself) — or nil with too few.
    static func measuredVariance(_ beads: [Bead], _ zh: [ChineseUnitFeatures], _ en: [EnglishUnitFeatures],
                                 ratio: Double, lexical: Bool) -> Double? {
        var sum = 0.0, count = 0
        for bead in beads where bead.chinese.count == 1 && bead.english.count == 1 && (!lexical || bead.score >= 0.5) {
            let l1 = Double(zh[bead.chinese[0]].length), l2 = Double(en[bead.english[0]].length)
            let mean = max(1, (l1 + l2 / ratio) / 2)
            sum += (l2 - ratio * l1) * (l2 - ratio * l1) / mean
            count += 1
        }
        return count >= 10 ? sum / Double(count) : nil
    }
}

