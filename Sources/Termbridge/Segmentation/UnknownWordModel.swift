/// How likely a run of characters is to be one word that the vocabulary does not have: a
/// character-position hidden Markov model (jieba's `finalseg`, MIT licence), whose states
/// say where a character sits in its word — B begins a word, M is inside it, E ends it, S
/// is a one-character word — with start, transition and emission log-probabilities.
///
/// The segmenter asks one question of it: how much more probable the model finds a run of
/// characters as one word than as that many one-character words —
/// ln P(B M… E, characters) − ln P(S S…, characters), both readings scored from the start
/// probabilities (the model stage computes it incrementally, run by run; see
/// `Docs/Segmentation.md`).
struct UnknownWordModel: Sendable {
    /// The states, in the order of the tables.
    enum State: Int, CaseIterable {
        case begin = 0, middle, end, single
    }

    /// ln P(first state), by state.
    let start: [Float]
    /// ln P(next state | state), `from * 4 + to`.
    let transition: [Float]
    /// The characters the model has emission probabilities for (folded), ascending.
    let characters: [UInt32]
    /// ln P(character | state), four per character in ``characters``' order (B, M, E, S);
    /// ``floor`` where the model never saw the character in that state.
    let emissions: [Float]
    /// For each BMP scalar, 1 + its row in ``characters``, or 0 (built when loaded).
    private let rowOfScalar: [UInt16]

    /// The emission log-probability used for a character the model never saw in a state:
    /// a little below the rarest one it did see (about -17.3), so that an unseen character
    /// makes a reading improbable without ruling it out.
    static let floor: Float = -20

    /// A model from its tables. `start` holds 4 values, `transition` 16 and `emissions`
    /// four per character; characters must be ascending and distinct.
    ///
    /// - Throws: ``StructureError`` when the tables do not fit together.
    init(start: [Float], transition: [Float], characters: [UInt32], emissions: [Float]) throws(StructureError) {
        guard start.count == 4, transition.count == 16, emissions.count == characters.count * 4,
              characters.count < Int(UInt16.max) else {
            throw StructureError("the character-position tables do not fit together")
        }
        var rows = [UInt16](repeating: 0, count: 0x10000)
        for (row, scalar) in characters.enumerated() {
            guard row == 0 || characters[row - 1] < scalar else {
                throw StructureError("the character-position model's characters are not ascending")
            }
            if scalar < 0x10000 { rows[Int(scalar)] = UInt16(row + 1) }
        }
        self.start = start.map { Swift.max($0, Self.floor * 4) }
        self.transition = transition.map { Swift.max($0, Self.floor * 4) }
        self.characters = characters
        self.emissions = emissions
        self.rowOfScalar = rows
    }

    /// ln P(`scalar` | state) for the four states, B M E S.
    @inline(__always)
    func emissions(of scalar: UInt32) -> (begin: Float, middle: Float, end: Float, single: Float) {
        let row: Int
        if scalar < 0x10000 {
            row = Int(rowOfScalar[Int(scalar)]) - 1
        } else {
            row = characters.binarySearch(scalar) ?? -1
        }
        guard row >= 0 else { return (Self.floor, Self.floor, Self.floor, Self.floor) }
        let base = row * 4
        return (emissions[base], emissions[base + 1], emissions[base + 2], emissions[base + 3])
    }
}

extension Array where Element: Comparable {
    /// The index of `value` in this ascending array, or nil. O(log n).
    func binarySearch(_ value: Element) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}
