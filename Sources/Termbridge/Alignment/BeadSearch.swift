import Foundation

/// A kind of bead the search may use, with its prior (a log-probability-like bonus).
struct BeadShape: Sendable, Hashable {
    var chinese: Int
    var english: Int
    var prior: Double
}

/// The weights of the bead score. See `Docs/Alignment.md`.
struct BeadScoring: Sendable {
    /// Bead shapes and their priors.
    var shapes: [BeadShape]
    /// Reward per matched item (Chinese) or content word (English).
    var matchWeight: Double
    /// Penalty per unmatched item or content word.
    var unmatchedWeight: Double
    /// Weight of the length model's log-probability.
    var lengthWeight: Double
    /// Penalty per orphan unit in a many-sentence bead (see ``BeadSearch/Evidence/orphans``).
    var orphanPenalty: Double
    /// Which units may count as orphans: every unit (paragraphs: a cut paragraph is
    /// long and matches nothing), or only units in a run of this many consecutive units that
    /// match nothing anywhere (sentences: a single loosely translated sentence is normal in
    /// a 1:2 bead, a run of untranslated ones is a cut).
    var orphanRun: Int
    /// English characters per Chinese character, estimated from the document pair.
    var lengthRatio: Double
    /// Variance of the length difference per Chinese character, estimated from the pair.
    var lengthVariance: Double
    /// Whether the evidence includes a bilingual lexicon (CC-CEDICT); without one, a bead's
    /// confidence rests more on length (see ``BeadSearch/confidence(_:lexical:)``).
    var lexical = true
}

/// The best-scoring sequence of beads through a band of the
/// (Chinese × English) grid, by dynamic programming, among the beads the constraints allow
/// (``BeadConstraints``). O(cells in the band × shapes).
struct BeadSearch {
    let chinese: [ChineseUnitFeatures]
    let english: [EnglishUnitFeatures]
    let scoring: BeadScoring
    /// For each Chinese position i in 0...n, the English positions j allowed in state (i, j).
    let band: [Range<Int>]
    /// Beads the search may not form (``BeadConstraints``); nil for none.
    let constraints: BeadConstraints?

    private let pairs: PairMatches
    /// Units that may count as orphans (see ``BeadScoring/orphanRun``).
    private let mayBeOrphan: (chinese: [Bool], english: [Bool])
    private let zhLengthPrefix: [Int]
    private let enLengthPrefix: [Int]
    private let zhCountPrefix: [Int]
    private let enCountPrefix: [Int]

    /// A search over `band`; `pairs` must have been built for the same units and band with
    /// at least the largest shape of `scoring`.
    init(chinese: [ChineseUnitFeatures], english: [EnglishUnitFeatures], scoring: BeadScoring, band: [Range<Int>],
         constraints: BeadConstraints? = nil, pairs: PairMatches? = nil) {
        self.chinese = chinese
        self.english = english
        self.scoring = scoring
        self.band = band
        self.constraints = constraints.flatMap { $0.isEmpty ? nil : $0 }
        self.pairs = pairs ?? PairMatches(chinese: chinese, english: english, band: band,
                                          maxChinese: scoring.shapes.map(\.chinese).max() ?? 1,
                                          maxEnglish: scoring.shapes.map(\.english).max() ?? 1)
        let pairs = self.pairs
        mayBeOrphan = (
            Self.orphanCandidates(chinese.indices.map { (pairs.bestChineseMatches[$0], chinese[$0].items.count) }, run: scoring.orphanRun),
            Self.orphanCandidates(english.indices.map { (pairs.bestEnglishMatches[$0], english[$0].content.count) }, run: scoring.orphanRun))
        zhLengthPrefix = chinese.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        enLengthPrefix = english.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        zhCountPrefix = chinese.reduce(into: [0]) { $0.append($0.last! + $1.items.count) }
        enCountPrefix = english.reduce(into: [0]) { $0.append($0.last! + $1.content.count) }
    }

    /// Units that may be orphans: all when `run` ≤ 1, else those in runs of at least `run`
    /// consecutive units that are orphans even against their best partner in the band.
    static func orphanCandidates(_ units: [(best: Int, total: Int)], run: Int) -> [Bool] {
        guard run > 1 else { return [Bool](repeating: true, count: units.count) }
        var result = [Bool](repeating: false, count: units.count)
        var start = 0
        for end in 0...units.count {
            if end < units.count && isOrphan(matched: units[end].best, of: units[end].total) { continue }
            if end - start >= run { for k in start..<end { result[k] = true } }
            start = end + 1
        }
        return result
    }

    /// The same search (same band and pair matches) with different weights.
    func with(_ scoring: BeadScoring) -> BeadSearch {
        BeadSearch(chinese: chinese, english: english, scoring: scoring, band: band, constraints: constraints, pairs: pairs)
    }

    /// The evidence for one bead: matched and total items on each side, and the length
    /// model's log-probability (0 for a bead with an empty side).
    struct Evidence {
        var chineseMatched = 0, chineseTotal = 0, englishMatched = 0, englishTotal = 0
        var lengthLogProbability = 0.0
        /// Units of a many-unit bead that the other side barely explains (see
        /// ``isOrphan(matched:of:restMatched:restTotal:)``). An untranslated sentence or
        /// paragraph absorbed into a neighbouring bead looks like this.
        var orphans = 0
    }

    /// Whether a unit with `matched` of `total` items matched is an orphan: it has six or
    /// more items, and under a tenth of them match — or, beside the rest of its bead, under
    /// 40% of the rest's share.
    @inline(__always)
    static func isOrphan(matched: Int, of total: Int, restMatched: Int = 0, restTotal: Int = 0) -> Bool {
        guard total >= 6 else { return false }
        let share = Double(matched) / Double(total)
        let rest = restTotal > 0 ? Double(restMatched) / Double(restTotal) : 0
        return share < max(0.1, 0.4 * rest)
    }

    /// The orphans among `units` units of one side of a bead, starting at unit `first`,
    /// judged against the rest of that side (none when the side has a single unit).
    @inline(__always)
    static func orphans(_ matched: SIMD8<Int32>, units: Int, first: Int, candidates: [Bool],
                        sideMatched: Int, sideTotal: Int, total: (Int) -> Int) -> Int {
        guard units > 1 else { return 0 }
        var orphans = 0
        for k in 0..<units where candidates[first + k] {
            let mine = Int(matched[k]), size = total(first + k)
            if isOrphan(matched: mine, of: size, restMatched: sideMatched - mine, restTotal: sideTotal - size) {
                orphans += 1
            }
        }
        return orphans
    }

    func evidence(_ i: Int, _ j: Int, _ a: Int, _ b: Int) -> Evidence {
        var e = Evidence()
        e.chineseTotal = zhCountPrefix[i + a] - zhCountPrefix[i]
        e.englishTotal = enCountPrefix[j + b] - enCountPrefix[j]
        if a > 0 && b > 0 {
            // Matched items per unit (shapes have at most eight units a side).
            var zhMatched = SIMD8<Int32>(), enMatched = SIMD8<Int32>()
            for k in 0..<a {
                var bits: UInt64 = 0
                for l in 0..<b { bits |= pairs.chineseBits(i + k, j + l) }
                zhMatched[k] = Int32(bits.nonzeroBitCount)
            }
            for l in 0..<b {
                var bits: UInt64 = 0
                for k in 0..<a { bits |= pairs.englishBits(i + k, j + l) }
                enMatched[l] = Int32(bits.nonzeroBitCount)
            }
            e.chineseMatched = Int(zhMatched.wrappedSum())
            e.englishMatched = Int(enMatched.wrappedSum())
            e.orphans = Self.orphans(zhMatched, units: a, first: i, candidates: mayBeOrphan.chinese,
                                     sideMatched: e.chineseMatched, sideTotal: e.chineseTotal) { chinese[$0].items.count }
                + Self.orphans(enMatched, units: b, first: j, candidates: mayBeOrphan.english,
                               sideMatched: e.englishMatched, sideTotal: e.englishTotal) { english[$0].content.count }
            let l1 = Double(zhLengthPrefix[i + a] - zhLengthPrefix[i])
            let l2 = Double(enLengthPrefix[j + b] - enLengthPrefix[j])
            e.lengthLogProbability = Self.lengthLogProbability(l1, l2, ratio: scoring.lengthRatio, variance: scoring.lengthVariance)
        }
        return e
    }

    /// Gale–Church: δ = (l₂ − c·l₁) / √(s²·l₁), and log of the two-sided tail probability.
    static func lengthLogProbability(_ l1: Double, _ l2: Double, ratio c: Double, variance s2: Double) -> Double {
        let mean = max(1, (l1 + l2 / c) / 2)
        let delta = (l2 - c * l1) / (s2 * mean).squareRoot()
        return log(max(1e-300, erfc(abs(delta) / 2.0.squareRoot())))
    }

    func score(_ shape: BeadShape, _ e: Evidence) -> Double {
        let matched = Double(e.chineseMatched + e.englishMatched)
        let unmatched = Double(e.chineseTotal - e.chineseMatched + e.englishTotal - e.englishMatched)
        return shape.prior + scoring.matchWeight * matched - scoring.unmatchedWeight * unmatched
            + scoring.lengthWeight * e.lengthLogProbability - scoring.orphanPenalty * Double(e.orphans)
    }

    /// Confidence of a bead in 0…1 from its evidence: the share of matched items and words,
    /// tempered by the length model (0.7 and 0.3; without a lexicon, whose anchors are few,
    /// 0.4 and 0.6); 0.5 for a bead with an empty side.
    static func confidence(_ e: Evidence, lexical: Bool = true) -> Double {
        let total = e.chineseTotal + e.englishTotal
        guard e.chineseTotal > 0 || e.englishTotal > 0 else { return 0.5 }
        if e.chineseTotal == 0 || e.englishTotal == 0 { return 0.5 }
        let dice = total == 0 ? 0 : Double(e.chineseMatched + e.englishMatched) / Double(total)
        let lengthP = exp(e.lengthLogProbability)
        let anchorWeight = lexical ? 0.7 : 0.4
        return min(1, anchorWeight * min(1, dice * 2) + (1 - anchorWeight) * lengthP)
    }

    /// The best bead sequence from (0, 0) to (n, m) within the band, as (i, j, a, b) tuples.
    func run() -> [(i: Int, j: Int, a: Int, b: Int)] {
        let n = chinese.count, m = english.count
        var offset = [Int](repeating: 0, count: n + 2)
        for i in 0...n { offset[i + 1] = offset[i] + band[i].count }
        var best = [Double](repeating: -.infinity, count: offset[n + 1])
        var back = [Int16](repeating: -1, count: offset[n + 1])
        func cell(_ i: Int, _ j: Int) -> Int? {
            guard i <= n, band[i].contains(j) else { return nil }
            return offset[i] + j - band[i].lowerBound
        }
        guard let origin = cell(0, 0) else { return [] }
        best[origin] = 0
        for i in 0...n {
            for j in band[i] {
                let from = offset[i] + j - band[i].lowerBound
                let base = best[from]
                guard base > -.infinity else { continue }
                for (s, shape) in scoring.shapes.enumerated() {
                    let a = shape.chinese, b = shape.english
                    guard i + a <= n, j + b <= m, let to = cell(i + a, j + b),
                          constraints?.allows(i, j, a, b) ?? true else { continue }
                    let value = base + score(shape, evidence(i, j, a, b))
                    if value > best[to] {
                        best[to] = value
                        back[to] = Int16(s)
                    }
                }
            }
        }
        guard let end = cell(n, m), best[end] > -.infinity else { return [] }
        var path: [(i: Int, j: Int, a: Int, b: Int)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let shape = scoring.shapes[Int(back[cell(i, j)!])]
            i -= shape.chinese
            j -= shape.english
            path.append((i, j, shape.chinese, shape.english))
        }
        return path.reversed()
    }
}

/// For each (Chinese unit, English unit) pair in a band: which of the Chinese unit's items
/// the English unit matches, and which of the English unit's content words the Chinese unit
/// matches, as 64-bit masks. Built from postings (English key → units holding it), so the
/// work is proportional to the matches found.
struct PairMatches: Sendable {
    private var rowStart: [Int]        // first English index stored for Chinese unit i
    private var rowOffset: [Int]       // offset of row i in the flat arrays
    private var zhBits: [UInt64]
    private var enBits: [UInt64]
    /// For each Chinese unit, the most items any English unit in its row matches.
    private(set) var bestChineseMatches: [Int]
    /// For each English unit, the most content words any Chinese unit matches.
    private(set) var bestEnglishMatches: [Int]

    init(chinese: [ChineseUnitFeatures], english: [EnglishUnitFeatures], band: [Range<Int>],
         maxChinese: Int, maxEnglish: Int) {
        let n = chinese.count, m = english.count
        // Row i is needed for beads starting in states (i - a + 1 … i, j) of the band.
        rowStart = []
        rowOffset = [0]
        var rowEnd: [Int] = []
        for i in 0..<n {
            var lo = m, hi = 0
            for k in max(0, i - maxChinese + 1)...i {
                lo = min(lo, band[k].lowerBound)
                hi = max(hi, band[k].upperBound)
            }
            lo = min(lo, m)
            hi = min(m, hi + maxEnglish)
            rowStart.append(lo)
            rowEnd.append(max(lo, hi))
            rowOffset.append(rowOffset.last! + max(0, hi - lo))
        }
        zhBits = [UInt64](repeating: 0, count: rowOffset.last!)
        enBits = [UInt64](repeating: 0, count: rowOffset.last!)
        bestChineseMatches = [Int](repeating: 0, count: n)
        bestEnglishMatches = [Int](repeating: 0, count: m)

        // Postings: key → English units holding it (ascending), as compressed rows.
        var maxKey: Int32 = -1
        for unit in english {
            if let last = unit.content.last { maxKey = max(maxKey, last) }
            if let last = unit.names.last { maxKey = max(maxKey, last) }
        }
        let keyCount = Int(maxKey) + 1
        var counts = [Int32](repeating: 0, count: keyCount + 1)
        for unit in english {
            for key in unit.content { counts[Int(key) + 1] += 1 }
            for key in unit.names { counts[Int(key) + 1] += 1 }
        }
        for k in 0..<keyCount { counts[k + 1] += counts[k] }
        var postings = [Int32](repeating: 0, count: Int(counts[keyCount]))
        var fill = counts
        for (j, unit) in english.enumerated() {
            for key in unit.content + unit.names {
                postings[Int(fill[Int(key)])] = Int32(j)
                fill[Int(key)] += 1
            }
        }
        // Names and content may hold the same key id only if a stem collides with "n:…";
        // duplicates in a posting list are harmless.
        for i in 0..<n {
            let lo = rowStart[i], hi = rowEnd[i]
            guard lo < hi else { continue }
            for (k, translations) in chinese[i].items.enumerated() where k < 64 {
                let itemBit = UInt64(1) << UInt64(k)
                for key in translations where Int(key) < keyCount {
                    let first = Int(counts[Int(key)]), last = Int(counts[Int(key) + 1])
                    guard first < last else { continue }
                    // Binary search for the first posting ≥ lo.
                    var low = first, high = last
                    while low < high {
                        let mid = (low + high) / 2
                        if Int(postings[mid]) < lo { low = mid + 1 } else { high = mid }
                    }
                    var p = low
                    while p < last, Int(postings[p]) < hi {
                        let j = Int(postings[p])
                        let index = rowOffset[i] + j - lo
                        zhBits[index] |= itemBit
                        if let position = Self.position(of: key, in: english[j].content) {
                            enBits[index] |= UInt64(1) << UInt64(position)
                        }
                        p += 1
                    }
                }
            }
        }
        measureBestMatches()
    }

    private mutating func measureBestMatches() {
        for i in rowStart.indices {
            for index in rowOffset[i]..<rowOffset[i + 1] {
                let j = rowStart[i] + index - rowOffset[i]
                bestChineseMatches[i] = max(bestChineseMatches[i], zhBits[index].nonzeroBitCount)
                bestEnglishMatches[j] = max(bestEnglishMatches[j], enBits[index].nonzeroBitCount)
            }
        }
    }

    private static func position(of key: Int32, in sorted: [Int32]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == key && low < 64 ? low : nil
    }

    @inline(__always)
    func chineseBits(_ i: Int, _ j: Int) -> UInt64 {
        let start = rowStart[i]
        guard j >= start, j - start < rowOffset[i + 1] - rowOffset[i] else { return 0 }
        return zhBits[rowOffset[i] + j - start]
    }

    @inline(__always)
    func englishBits(_ i: Int, _ j: Int) -> UInt64 {
        let start = rowStart[i]
        guard j >= start, j - start < rowOffset[i + 1] - rowOffset[i] else { return 0 }
        return enBits[rowOffset[i] + j - start]
    }
}
