/// Guesses the part of speech of a word the vocabulary does not tag — an unknown word the
/// segmenter found, a CC-CEDICT word that jieba's list lacks, a user term without a tag —
/// from its characters: jieba's `posseg` model (MIT licence), a hidden Markov model whose
/// states are a character position (B M E S, as in ``UnknownWordModel``) joined with a tag
/// (B-nr, M-nr, E-nr …). For each tag the word's characters are scored along the path
/// B M… E (or S for one character) of that tag; the best-scoring tag wins (ties: the first
/// tag in ``tags`` order, which is sorted). 利斯纳 → nr, 准盟友 → n, 海合会 → nt.
///
/// O(length × tags a character takes), no allocation beyond two small scratch arrays.
struct UnknownWordTagger: Sendable {
    /// The tags, ascending (byte order).
    let tags: [String]
    /// Per tag, six log-probabilities: start in B, start in S, then the transitions
    /// B→M, B→E, M→M, M→E within the tag.
    let paths: [Float]
    /// The characters with emission probabilities (folded), ascending.
    let characters: [UInt32]
    /// `rowStarts[k]..<rowStarts[k + 1]`: the emissions of `characters[k]` in ``cells`` and
    /// ``cellScores``.
    let rowStarts: [Int32]
    /// Each emission's state and tag: `tag * 4 + state` (state as in ``UnknownWordModel/State``).
    let cells: [UInt16]
    /// ln P(character | state, tag).
    let cellScores: [Float]

    static let pathValuesPerTag = 6

    /// A tagger from its tables.
    ///
    /// - Throws: ``StructureError`` when they do not fit together.
    init(tags: [String], paths: [Float], characters: [UInt32], rowStarts: [Int32], cells: [UInt16],
         cellScores: [Float]) throws(StructureError) {
        guard !tags.isEmpty, tags.count < 1 << 14, paths.count == tags.count * Self.pathValuesPerTag,
              rowStarts.count == characters.count + 1, rowStarts.first == 0,
              Int(rowStarts[characters.count]) == cells.count, cells.count == cellScores.count else {
            throw StructureError("the part-of-speech model's tables do not fit together")
        }
        for k in 0..<characters.count {
            guard rowStarts[k] <= rowStarts[k + 1], k == 0 || characters[k - 1] < characters[k] else {
                throw StructureError("the part-of-speech model's character rows are out of order")
            }
        }
        for cell in cells where Int(cell >> 2) >= tags.count {
            throw StructureError("the part-of-speech model names a tag it does not have")
        }
        self.tags = tags
        self.paths = paths.map { Swift.max($0, UnknownWordModel.floor * 4) }
        self.characters = characters
        self.rowStarts = rowStarts
        self.cells = cells
        self.cellScores = cellScores
    }

    /// The most probable tag of the word whose folded scalars are `word`; nil when no tag
    /// has an emission for every character in its position.
    func tag(of word: UnsafeBufferPointer<UInt32>) -> PartOfSpeech? {
        let count = word.count
        guard count > 0 else { return nil }
        var score = [Float](repeating: 0, count: tags.count)
        var seen = [Int32](repeating: 0, count: tags.count)
        for (k, scalar) in word.enumerated() {
            guard let row = characters.binarySearch(scalar) else { return nil }
            let state: UnknownWordModel.State = count == 1 ? .single : k == 0 ? .begin : k == count - 1 ? .end : .middle
            for cell in Int(rowStarts[row])..<Int(rowStarts[row + 1]) where Int(cells[cell] & 3) == state.rawValue {
                let tag = Int(cells[cell] >> 2)
                if seen[tag] == Int32(k) {
                    score[tag] += cellScores[cell]
                    seen[tag] += 1
                }
            }
        }
        var best: Int?
        var bestScore = -Float.infinity
        for tag in tags.indices where seen[tag] == Int32(count) {
            let base = tag * Self.pathValuesPerTag
            var total = score[tag]
            if count == 1 {
                total += paths[base + 1]
            } else {
                total += paths[base]                                    // start in B
                if count == 2 {
                    total += paths[base + 3]                            // B→E
                } else {
                    total += paths[base + 2]                            // B→M
                    total += paths[base + 4] * Float(count - 3)         // M→M
                    total += paths[base + 5]                            // M→E
                }
            }
            if total > bestScore {
                bestScore = total
                best = tag
            }
        }
        return best.map { PartOfSpeech(rawValue: tags[$0]) }
    }
}
