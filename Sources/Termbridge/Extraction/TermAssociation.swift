import Foundation

/// Association between Chinese and English terms over aligned sentence pairs (beads): how
/// often each pair of terms occurs in the same bead, against how often each occurs at all.
///
/// - **Dice** = 2·a / (f_zh + f_en), where a is the number of beads holding both and f the
///   number of beads holding each: 1 when the two always occur together.
/// - **Log-likelihood ratio** (G², Dunning 1993) over the 2×2 table of beads: large when the
///   co-occurrence is unlikely by chance, which Dice cannot tell for rare terms.
///
/// Terms are small integers chosen by the caller. Adding a bead with z Chinese and e English
/// terms costs O(z·e) hash updates; the counts use O(distinct pairs) memory.
public struct TermAssociation: Sendable {
    /// Beads added.
    public private(set) var beadCount = 0
    private var chineseFrequency: [Int: Int] = [:]
    private var englishFrequency: [Int: Int] = [:]
    private var pairs: [Int: [Int: Int]] = [:]

    public init() {}

    /// Adds one bead: the distinct Chinese and English terms in its two sides.
    public mutating func add(chinese: Set<Int>, english: Set<Int>) {
        beadCount += 1
        for z in chinese { chineseFrequency[z, default: 0] += 1 }
        for e in english { englishFrequency[e, default: 0] += 1 }
        for z in chinese {
            for e in english { pairs[z, default: [:]][e, default: 0] += 1 }   // in place, no copy
        }
    }

    /// Beads holding Chinese term `z`.
    public func frequency(chinese z: Int) -> Int { chineseFrequency[z] ?? 0 }

    /// Beads holding English term `e`.
    public func frequency(english e: Int) -> Int { englishFrequency[e] ?? 0 }

    /// Beads holding both.
    public func cooccurrences(_ z: Int, _ e: Int) -> Int { pairs[z]?[e] ?? 0 }

    /// The English terms that share a bead with `z`, with the number of such beads.
    public func partners(of z: Int) -> [Int: Int] { pairs[z] ?? [:] }

    /// Dice's coefficient of `z` and `e`, in 0…1.
    public func dice(_ z: Int, _ e: Int) -> Double {
        let total = frequency(chinese: z) + frequency(english: e)
        return total == 0 ? 0 : 2 * Double(cooccurrences(z, e)) / Double(total)
    }

    /// How strongly Chinese terms claim each English term: for each English term, the best
    /// Dice it reaches with any Chinese term and the second best. O(distinct pairs); the
    /// result does not depend on the order in which pairs are visited.
    public func claims() -> EnglishClaims {
        var claims = EnglishClaims()
        for (z, partners) in pairs {
            for e in partners.keys { claims.add(dice(z, e), chinese: z, english: e) }
        }
        return claims
    }

    /// The best and second-best Dice of each English term over the Chinese terms (see
    /// ``TermAssociation/claims()``).
    public struct EnglishClaims: Sendable {
        private var table: [Int: (best: Double, bestChinese: Int, second: Double)] = [:]

        mutating func add(_ dice: Double, chinese z: Int, english e: Int) {
            guard var entry = table[e] else { table[e] = (dice, z, 0); return }
            if dice > entry.best {
                entry = (dice, z, entry.best)
            } else if dice > entry.second {
                entry.second = dice   // a tie with the best lands here: then second == best
            }
            table[e] = entry
        }

        /// The strongest Dice that English term `e` has with a Chinese term other than `z`:
        /// how strongly another candidate claims `e`.
        public func rivalDice(_ z: Int, _ e: Int) -> Double {
            guard let entry = table[e] else { return 0 }
            return entry.bestChinese == z ? entry.second : entry.best
        }
    }

    /// Dunning's log-likelihood ratio G² of `z` and `e` (0 when independent); positive for
    /// association and for repulsion alike, so read it together with ``dice(_:_:)``.
    public func logLikelihood(_ z: Int, _ e: Int) -> Double {
        let n = Double(beadCount)
        let k11 = Double(cooccurrences(z, e))
        let k12 = Double(frequency(chinese: z)) - k11
        let k21 = Double(frequency(english: e)) - k11
        let k22 = n - k11 - k12 - k21
        func term(_ k: Double, _ row: Double, _ column: Double) -> Double {
            k > 0 && row > 0 && column > 0 ? k * log(k * n / (row * column)) : 0
        }
        let g = term(k11, k11 + k12, k11 + k21) + term(k12, k11 + k12, k12 + k22)
            + term(k21, k21 + k22, k11 + k21) + term(k22, k21 + k22, k12 + k22)
        return max(0, 2 * g)
    }
}
