/// The dictionary stage: the cheapest path through a lattice whose edges are
/// user-dictionary terms, ICU words (and what is left of an ICU word that a term cuts),
/// the unbreakable runs of the joining stage, and single characters.
///
/// Every token costs about one unit, so the path has as few tokens as possible — a term
/// that covers several ICU words always wins, and longer terms beat shorter ones. The
/// small differences between edge kinds break ties: a dictionary term beats an ICU word of
/// the same span, an ICU word beats single characters. See `Docs/Segmentation.md`.
///
/// O(n·k) for n scalars and longest term length k; lines with no term that disagrees with
/// ICU skip the path search.
extension SegmentationWorkspace {
    /// Costs of the lattice's edges.
    enum LatticeCost {
        static let term: Float = 1.0
        static let singleCharacterTerm: Float = 1.15
        static let icuWord: Float = 1.1
        static let icuRemainder: Float = 1.2
        static let atomic: Float = 1.0
        static let singleCharacter: Float = 1.3
    }

    mutating func applyDictionary(_ dictionary: UserDictionary) {
        let n = count
        guard n > 0 else { return }
        collectMatches(dictionary)
        guard hasDisagreement() else { return }
        findCheapestPath()
    }

    /// Records, for each position, the ends of the dictionary terms that start there and
    /// end on a position the joining stage allows.
    private mutating func collectMatches(_ dictionary: UserDictionary) {
        let n = count
        matchFirst.removeAll(keepingCapacity: true)
        matchEnds.removeAll(keepingCapacity: true)
        matchFirst.reserveCapacity(n + 1)
        let trie = dictionary.trie
        var ends = matchEnds
        matchEnds = []
        let inside = insideAtomic
        folded.withUnsafeBufferPointer { text in
            for i in 0..<n {
                matchFirst.append(Int32(ends.count))
                if inside[i] { continue }
                trie.forEachPrefix(of: text, from: i) { end, _ in
                    if !inside[end] { ends.append(Int32(end)) }
                }
            }
        }
        matchFirst.append(Int32(ends.count))
        matchEnds = ends
    }

    /// Whether some term of two or more characters is not already exactly one token.
    private func hasDisagreement() -> Bool {
        let n = count
        for i in 0..<n {
            let first = Int(matchFirst[i]), last = Int(matchFirst[i + 1])
            guard first < last else { continue }
            for m in first..<last {
                let end = Int(matchEnds[m])
                if end - i < 2 { continue }
                if !boundary[i] || !boundary[end] { return true }
                for k in (i + 1)..<end where boundary[k] { return true }
            }
        }
        return false
    }

    /// Viterbi over positions 0...n; replaces `boundary` with the cheapest path's cuts.
    private mutating func findCheapestPath() {
        let n = count
        pathCost.removeAll(keepingCapacity: true)
        pathCost.append(contentsOf: repeatElement(Float.infinity, count: n + 1))
        pathBack.removeAll(keepingCapacity: true)
        pathBack.append(contentsOf: repeatElement(-1, count: n + 1))
        pathCost[0] = 0

        // The token boundaries before the dictionary stage: ICU's, corrected by joining.
        let base = boundary
        // For each position, the next base boundary after it.
        var nextBase = [Int32](repeating: Int32(n), count: n + 1)
        var next = n
        for i in stride(from: n - 1, through: 0, by: -1) {
            nextBase[i] = Int32(next)
            if base[i] { next = i }
        }

        @inline(__always) func relax(_ from: Int, _ to: Int, _ cost: Float) {
            let c = pathCost[from] + cost
            if c < pathCost[to] {
                pathCost[to] = c
                pathBack[to] = Int32(from)
            }
        }

        for i in 0..<n {
            guard pathCost[i] < .infinity, !insideAtomic[i] else { continue }
            let wordEnd = Int(nextBase[i])
            if atomicEnd[i] >= 0 {
                relax(i, Int(atomicEnd[i]), LatticeCost.atomic)
            } else if base[i] {
                relax(i, wordEnd, wordEnd - i == 1 ? LatticeCost.singleCharacter : LatticeCost.icuWord)
                // What is left of this ICU word before a term that starts inside it.
                for s in (i + 1)..<wordEnd where matchFirst[s] < matchFirst[s + 1] {
                    relax(i, s, LatticeCost.icuRemainder)
                }
            } else {
                // What is left of an ICU word after a term that ended inside it.
                relax(i, wordEnd, LatticeCost.icuRemainder)
            }
            for m in Int(matchFirst[i])..<Int(matchFirst[i + 1]) {
                let end = Int(matchEnds[m])
                relax(i, end, end - i == 1 ? LatticeCost.singleCharacterTerm : LatticeCost.term)
            }
            if !insideAtomic[i + 1] && atomicEnd[i] < 0 {
                relax(i, i + 1, LatticeCost.singleCharacter)
            }
        }

        for i in 0...n { boundary[i] = false }
        var position = n
        while position > 0 {
            boundary[position] = true
            position = Int(pathBack[position])
        }
        boundary[0] = true
    }
}
