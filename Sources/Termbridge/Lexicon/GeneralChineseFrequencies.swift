import Foundation

/// Word frequencies of general Chinese, the background against which a candidate's
/// *specificity* is measured: a word that is frequent in the text but rare in general
/// language (准盟友, 杠杆) is more likely a term than one frequent everywhere (美国, 提供).
///
/// The file format is jieba's `dict.txt` (`word frequency [tag]` per line, 349,046 words
/// counted over a balanced corpus; MIT licence, from the PyPI package `jieba`, fetched by
/// `scripts/fetch-jieba-dict.sh` into `.cache/`). Any list in that format works.
public struct GeneralChineseFrequencies: Sendable {
    /// The folded words, by id (in file order; a word given twice counts once).
    let words: ByteStringTable
    /// Word id → frequency.
    let counts: [Int64]
    /// Word id → tag id (0: no tag) into ``tagNames``.
    let tags: [UInt8]
    /// Tag id → tag (string 0 is the empty tag).
    let tagNames: StringArena
    /// The sum of all frequencies.
    public let total: Int

    /// The number of words.
    public var count: Int { words.count }

    /// A list from words and frequencies (words are folded: NFKC, Simplified).
    public init(_ frequencies: [String: Int]) {
        var builder = Builder()
        // Sorted, so that word ids do not depend on the dictionary's order.
        for (word, count) in frequencies.sorted(by: { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }) {
            var word = word
            word.withUTF8 { builder.add($0, count: count, tag: UnsafeBufferPointer(start: nil, count: 0)) }
        }
        self = builder.list()
    }

    init(words: ByteStringTable, counts: [Int64], tags: [UInt8], tagNames: StringArena) {
        self.words = words
        self.counts = counts
        self.tags = tags
        self.tagNames = tagNames
        self.total = max(1, Int(counts.reduce(0, +)))
    }

    /// Collects words (folded here), frequencies and tags.
    struct Builder {
        private var words = ByteStringTable()
        private var counts: [Int64] = []
        private var tags: [UInt8] = []
        /// The count of the spelling each word's tag came from.
        private var tagCounts: [Int64] = []
        private var tagTable = ByteStringTable()
        private var folded: [UInt8] = []

        init() {
            _ = tagTable.insert(UnsafeBufferPointer(start: nil, count: 0))   // tag 0: none
        }

        /// Adds `count` to the folded form of `word` (UTF-8); its tag is that of its most
        /// frequent spelling that has one (说 v, not the rare Traditional 說 zg; the first
        /// given on a tie).
        mutating func add(_ word: UnsafeBufferPointer<UInt8>, count: Int, tag: UnsafeBufferPointer<UInt8>) {
            guard count > 0 else { return }
            let normalizer = TextNormalizer.shared
            var changes = false
            var offset = 0
            while offset < word.count {
                let (value, width) = UTF8Decoding.scalar(at: offset, in: word)
                if normalizer.fold(value) != value { changes = true; break }
                offset += width
            }
            if changes {
                folded = Array(normalizer.fold(String(decoding: word, as: UTF8.self)).utf8)
                let word = folded.withUnsafeBufferPointer { words.insert($0) }
                record(word, count: count, tag: tag)
            } else {
                record(words.insert(word), count: count, tag: tag)
            }
        }

        private mutating func record(_ word: (id: Int32, inserted: Bool), count: Int, tag: UnsafeBufferPointer<UInt8>) {
            let tagID = tagTable.insert(tag).id
            // A spelling without a tag neither gives one nor takes one away.
            let tagCount: Int64 = tag.isEmpty ? 0 : Int64(count)
            if word.inserted {
                counts.append(Int64(count))
                tags.append(tagID < 256 ? UInt8(tagID) : 0)
                tagCounts.append(tagCount)
            } else {
                let id = Int(word.id)
                counts[id] += Int64(count)
                if tagCount > tagCounts[id] {
                    tags[id] = tagID < 256 ? UInt8(tagID) : 0
                    tagCounts[id] = tagCount
                }
            }
        }

        func list() -> GeneralChineseFrequencies {
            GeneralChineseFrequencies(words: words, counts: counts, tags: tags, tagNames: tagTable.strings)
        }
    }

    /// Reads a jieba-style dictionary: one `word frequency [tag]` per line, separated by
    /// spaces or tabs. Blank lines and `#` lines are skipped; a byte-order mark is dropped. A compiled file (written by
    /// ``writeCompiled(to:source:)``) is recognized by its first bytes and read as it is.
    ///
    /// - Throws: ``FileError`` naming the file and line of a line without a frequency, or
    ///   when the file cannot be read or holds no word; ``InvalidUTF8Error``;
    ///   ``CompiledDataError`` for a damaged or outdated compiled file.
    public static func load(contentsOf path: String) throws -> GeneralChineseFrequencies {
        if CompiledDataFile.isCompiled(path) { return try loadCompiled(contentsOf: path) }
        let data = try TextFile.data(path)
        // Validated as UTF-8 once, then read as bytes: fields are split at ASCII spaces and
        // tabs, and words are interned as bytes (the list has 349,046 lines).
        _ = try data.withUnsafeBytes { try String(strictUTF8: $0.bindMemory(to: UInt8.self), file: path) }
        var builder = Builder()
        var failure: Int?
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
            var lineNumber = 0
            var start = ByteOrderMark.length(in: bytes)
            while start <= bytes.count, failure == nil {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var i = start
                while i < end, isSpace(bytes[i]) { i += 1 }
                let wordStart = i
                while i < end, !isSpace(bytes[i]) { i += 1 }
                let wordEnd = i
                if wordStart < wordEnd, bytes[wordStart] != 0x23 /* # */ {
                    while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                    var count = 0, digits = 0
                    while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 18 {
                        count = count * 10 + Int(bytes[i] - 0x30)
                        digits += 1
                        i += 1
                    }
                    if digits == 0 || (i < end && !isSpace(bytes[i])) {
                        failure = lineNumber
                    } else {
                        while i < end, isSpace(bytes[i]) { i += 1 }
                        let tagStart = i
                        while i < end, !isSpace(bytes[i]) { i += 1 }
                        builder.add(UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), count: count,
                                    tag: UnsafeBufferPointer(rebasing: bytes[tagStart..<i]))
                    }
                }
                start = end + 1
            }
        }
        if let failure {
            throw FileError(path: path, line: failure, message: "expected `word frequency [tag]`")
        }
        let list = builder.list()
        guard list.count > 0 else {
            throw FileError(path: path, message: "no words: expected lines of `word frequency [tag]`")
        }
        return list
    }

    /// The id of a (folded) word, or nil.
    private func id(of word: String) -> Int? {
        words.id(of: word).map(Int.init)
    }

    /// The frequency of a (folded) word; 0 when the list does not have it.
    public func frequency(of word: String) -> Int { id(of: word).map { Int(counts[$0]) } ?? 0 }

    /// The part-of-speech tag the list gives a (folded) word (jieba's tag set: `n`, `v`,
    /// `nr` …), nil when the list does not have the word or gives no tag.
    public func tag(of word: String) -> String? {
        guard let id = id(of: word), tags[id] != 0 else { return nil }
        return tagNames.string(Int(tags[id]))
    }

    /// The inverse frequency of a (folded) word, ln(total / (frequency + 1)): about 2 for
    /// the commonest words (的), 18 for a word the list does not have.
    public func inverseFrequency(of word: String) -> Double {
        log(Double(total) / Double(frequency(of: word) + 1))
    }

    /// The largest value ``inverseFrequency(of:)`` takes.
    public var maximumInverseFrequency: Double { log(Double(total)) }

    // MARK: Compiled

    /// The layout of the `FREQ` sections; bump it when they change meaning (2: strings hashed
    /// eight bytes a step; 3: a folded word's tag is its most frequent spelling's).
    public static let compiledLayoutVersion: UInt32 = 3

    /// The list as a compiled file, stamped with the source file's size and time.
    public func compiledData(source: CompiledDataFile.SourceStamp) -> Data {
        var writer = CompiledDataFile.Writer(kind: .frequencies, layoutVersion: Self.compiledLayoutVersion, source: source)
        writer.add("WSTB", words.strings.bytes)
        writer.add("WSTS", words.strings.starts)
        writer.add("WSLT", words.slots)
        writer.add("FREQ", counts)
        writer.add("TAGS", tags)
        writer.add("TGNB", tagNames.bytes)
        writer.add("TGNS", tagNames.starts)
        return writer.data()
    }

    /// Reads the sections of an open compiled file.
    public static func loadCompiled(_ file: CompiledDataFile.Reader) throws(CompiledDataError) -> GeneralChineseFrequencies {
        try file.decode {
            let words = try ByteStringTable(strings: StringArena(bytes: file.section("WSTB"), starts: file.section("WSTS")),
                                            slots: file.section("WSLT"))
            let counts: [Int64] = try file.section("FREQ")
            let tags: [UInt8] = try file.section("TAGS")
            let tagNames = try StringArena(bytes: file.section("TGNB"), starts: file.section("TGNS"))
            guard counts.count == words.count, tags.count == words.count, tagNames.count >= 1,
                  ArrayCheck.all(tags, below: tagNames.count),
                  ArrayCheck.all(counts, in: 0..<Int64.max) else {
                throw StructureError("the word, frequency and tag arrays do not fit together")
            }
            return GeneralChineseFrequencies(words: words, counts: counts, tags: tags, tagNames: tagNames)
        }
    }
}
