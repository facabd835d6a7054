/// A text folded for comparison and hashed: NFKC, Simplified, lower case, white space runs
/// as one space, trimmed; 64-bit FNV-1a over the UTF-8 of the result. Used to find
/// identical segments (segment-inconsistent-*) and to fingerprint findings for baselines.
enum FoldedTextKey {
    /// A text — given folded scalar by scalar (``TextNormalizer``: NFKC, Simplified) — folded
    /// further for comparison (lower case, white space runs as one space, trimmed) and
    /// hashed; nil for a text with no letter or Han character (numbers and punctuation alone
    /// are not worth comparing).
    static func key(folded: [UInt32]) -> UInt64? {
        let (hash, meaningful) = hash(folded: folded, seed: offsetBasis)
        return meaningful ? hash : nil
    }

    /// FNV-1a's starting value.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The text folded scalar by scalar, folded for comparison and hashed, continuing from
    /// `seed` (the hash of what came before, so that several texts hash as one), and whether
    /// it has a letter or Han character.
    static func hash(folded: [UInt32], seed: UInt64) -> (hash: UInt64, meaningful: Bool) {
        let normalizer = TextNormalizer.shared
        var hash = seed
        var pendingSpace = false
        var started = false
        var meaningful = false
        func mix(_ byte: UInt32) { hash = (hash ^ UInt64(byte & 0xFF)) &* 0x100_0000_01b3 }
        /// Hashes the UTF-8 encoding of scalar value `v`.
        func add(_ v: UInt32) {
            if v < 0x80 { mix(v) }
            else if v < 0x800 { mix(0xC0 | v >> 6); mix(0x80 | v & 0x3F) }
            else if v < 0x10000 { mix(0xE0 | v >> 12); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F) }
            else { mix(0xF0 | v >> 18); mix(0x80 | v >> 12 & 0x3F); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F) }
        }
        for folded in folded {
            var value = folded
            let kind = normalizer.characterClass(of: value)
            if kind == .whitespace {
                pendingSpace = started
                continue
            }
            if kind == .letter || kind == .han { meaningful = true }
            if value < 0x80, value >= 0x41, value <= 0x5A { value += 0x20 }
            else if value >= 0x80, kind == .letter, let s = Unicode.Scalar(value) {
                let lower = s.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1 { value = lower.first!.value }
            }
            if pendingSpace { add(0x20); pendingSpace = false }
            started = true
            add(value)
        }
        return (hash, meaningful)
    }

    /// `value` mixed into `hash`, byte by byte (FNV-1a).
    static func mix(_ value: UInt64, into hash: UInt64) -> UInt64 {
        var hash = hash
        for shift in stride(from: 0, to: 64, by: 8) { hash = (hash ^ (value >> UInt64(shift) & 0xFF)) &* 0x100_0000_01b3 }
        return hash
    }
}
