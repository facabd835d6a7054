import Foundation

/// Word frequencies of general Chinese, the background against which a candidate's
/// *specificity* is measured: a word that is frequent in the text but rare in general
/// language (准盟友, 杠杆) is more likely a term than one frequent everywhere (美国, 提供).
///
/// The file format is jieba's `dict.txt` (`word frequency [tag]` per line, 349,046 words
/// counted over a balanced corpus; MIT licence, from the PyPI package `jieba`, fetched by
/// `scripts/fetch-jieba-dict.sh` into `.cache/`). Any list in that format works.
public struct GeneralChineseFrequencies: Sendable {
    /// Folded word → frequency.
    private let counts: [String: Int]
    /// The sum of all frequencies.
    public let total: Int

    /// The number of words.
    public var count: Int { counts.count }

    /// A list from words and frequencies (words are folded: NFKC, Simplified).
    public init(_ frequencies: [String: Int]) {
        let normalizer = TextNormalizer.shared
        var counts: [String: Int] = [:]
        counts.reserveCapacity(frequencies.count)
        for (word, count) in frequencies where count > 0 {
            let changes = word.unicodeScalars.contains { normalizer.fold($0.value) != $0.value }
            counts[changes ? normalizer.fold(word) : word, default: 0] += count
        }
        self.counts = counts
        self.total = max(1, counts.values.reduce(0, +))
    }

    /// Reads a jieba-style dictionary: one `word frequency [tag]` per line, separated by
    /// spaces or tabs. Blank lines and `#` lines are skipped; a byte-order mark is dropped.
    ///
    /// - Throws: ``FileError`` naming the file and line of a line without a frequency, or
    ///   when the file cannot be read or holds no word; ``InvalidUTF8Error``.
    public static func load(contentsOf path: String) throws -> GeneralChineseFrequencies {
        let data = try TextFile.data(path)
        // Validated as UTF-8 once, then read as bytes: fields are split at ASCII spaces and
        // tabs, and only the words become strings (the list has 349,046 lines).
        _ = try data.withUnsafeBytes { try String(strictUTF8: $0.bindMemory(to: UInt8.self), file: path) }
        var frequencies: [String: Int] = [:]
        frequencies.reserveCapacity(400_000)
        var failure: Int?
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineNumber = 0
            var start = ByteOrderMark.length(in: bytes)
            while start <= bytes.count, failure == nil {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var i = start
                while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
                let wordStart = i
                while i < end, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0D { i += 1 }
                let wordEnd = i
                if wordStart < wordEnd, bytes[wordStart] != 0x23 /* # */ {
                    while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                    var count = 0, digits = 0
                    while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 18 {
                        count = count * 10 + Int(bytes[i] - 0x30)
                        digits += 1
                        i += 1
                    }
                    if digits == 0 || (i < end && bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0D) {
                        failure = lineNumber
                    } else {
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self)
                        frequencies[word, default: 0] += count
                    }
                }
                start = end + 1
            }
        }
        if let failure {
            throw FileError(path: path, line: failure, message: "expected `word frequency [tag]`")
        }
        guard !frequencies.isEmpty else {
            throw FileError(path: path, message: "no words: expected lines of `word frequency [tag]`")
        }
        return GeneralChineseFrequencies(frequencies)
    }

    /// The frequency of a (folded) word; 0 when the list does not have it.
    public func frequency(of word: String) -> Int { counts[word] ?? 0 }

    /// The inverse frequency of a (folded) word, ln(total / (frequency + 1)): about 2 for
    /// the commonest words (的), 18 for a word the list does not have.
    public func inverseFrequency(of word: String) -> Double {
        log(Double(total) / Double(frequency(of: word) + 1))
    }

    /// The largest value ``inverseFrequency(of:)`` takes.
    public var maximumInverseFrequency: Double { log(Double(total)) }
}
