/// A fixed set of words, asked about every word of a text: most words are rejected by
/// their first byte and length (one table read, no hashing) before the set is consulted.
/// The answers are exactly those of the `Set`.
struct WordSet: Sendable {
    let words: Set<String>
    /// First UTF-8 byte → a bit for each length (bit 63: 63 bytes or more) of the members
    /// that start with it.
    private let lengthsByFirstByte: [UInt64]

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        var masks = [UInt64](repeating: 0, count: 256)
        for word in self.words {
            guard let first = word.utf8.first else { continue }
            masks[Int(first)] |= Self.bit(forLength: word.utf8.count)
        }
        lengthsByFirstByte = masks
    }

    private static func bit(forLength length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    /// Whether `word` is a member.
    func contains(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return words.contains(word) }   // the empty word
        guard lengthsByFirstByte[Int(first)] & Self.bit(forLength: word.utf8.count) != 0 else { return false }
        return words.contains(word)
    }
}

/// A fixed map from words, with ``WordSet``'s quick rejection.
struct WordMap<Value: Sendable>: Sendable {
    let values: [String: Value]
    private let keys: WordSet

    init(_ values: [String: Value]) {
        self.values = values
        keys = WordSet(values.keys)
    }

    /// The value of `word`, if it is a key.
    subscript(_ word: String) -> Value? {
        keys.contains(word) ? values[word] : nil
    }
}
