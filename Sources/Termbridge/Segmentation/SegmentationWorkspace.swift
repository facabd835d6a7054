import ICU

/// How a token was made, recorded at its first position: what the segmenter knows of it
/// (its part of speech comes from there).
enum TokenSource: UInt8 {
    /// Cut by ICU and the joining rules, with no dictionary or model.
    case plain
    /// A term of the user's dictionary or glossary.
    case userTerm
    /// An unbreakable run of the joining stage (a number, a Latin word, a dotted name).
    case atomic
    /// A word of the general vocabulary.
    case vocabulary
    /// A number in Chinese numerals (三十一, 第十九, 十二月).
    case number
    /// An ICU word the vocabulary does not have.
    case icuWord
    /// A word the unknown-word model found.
    case unknownWord
    /// A single character the vocabulary does not have as a word.
    case singleCharacter
}

/// The per-text state of one segmentation pass, kept between calls so that its arrays are
/// allocated once per segmenter rather than once per line.
///
/// Positions are scalar indices 0...n. `boundary[i]` says whether a token boundary falls
/// before scalar i; `icuBoundary` keeps ICU's own answer for the joining rules to consult.
struct SegmentationWorkspace {
    let normalizer = TextNormalizer.shared
    let flags = CharacterFlags.table
    var scalars: [UInt32] = []
    /// UTF-8 offset of each scalar, plus the total length at index n.
    var offsets: [Int32] = []
    var folded: [UInt32] = []
    var classes: [CharacterClass] = []
    var utf16: [UInt16] = []
    var utf16ToScalar: [Int32] = []
    var icuBoundary: [Bool] = []
    var boundary: [Bool] = []
    /// For a position where an unbreakable run starts, the run's end; otherwise -1.
    var atomicEnd: [Int32] = []
    /// True for positions strictly inside an unbreakable run.
    var insideAtomic: [Bool] = []
    // Dictionary lattice scratch.
    var matchFirst: [Int32] = []
    var matchEnds: [Int32] = []
    /// The user-dictionary term id of each match in ``matchEnds``.
    var matchTerms: [Int32] = []
    var pathCost: [Float] = []
    var pathBack: [Int32] = []
    var nextBoundary: [Int32] = []
    /// For a position where a token starts, how the token was made (``TokenSource``).
    var tokenSource: [TokenSource] = []
    /// For a token start: the user term id (``TokenSource/userTerm``) or the vocabulary trie
    /// node (``TokenSource/vocabulary``) of the token; otherwise -1.
    var tokenWord: [Int32] = []
    // Model lattice scratch.
    var pathScore: [Double] = []
    var pathSource: [TokenSource] = []
    var pathWord: [Int32] = []
    var hardLimit: [Int32] = []
    var singleScore: [Float] = []
    var characterEmissions: [(begin: Float, middle: Float, end: Float, single: Float)] = []

    /// The number of scalars in the current text. The arrays are grown, never shrunk,
    /// so they may be longer than `count + 1`; only the first `count + 1` entries count.
    private(set) var count = 0

    /// Grows `array` to at least `size` elements.
    @inline(__always)
    private static func ensure<T>(_ array: inout [T], _ size: Int, _ filler: T) {
        if array.count < size { array.append(contentsOf: repeatElement(filler, count: size - array.count)) }
    }

    /// Decodes and folds `bytes`, and resets the per-position state.
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let capacity = bytes.count + 1
        Self.ensure(&scalars, capacity, 0)
        Self.ensure(&offsets, capacity, 0)
        Self.ensure(&folded, capacity, 0)
        Self.ensure(&classes, capacity, .other)
        let decoded = scalars.withUnsafeMutableBufferPointer { scalars in
            offsets.withUnsafeMutableBufferPointer { offsets in
                UTF8Decoding.decode(bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!)
            }
        }
        let n: Int
        switch decoded {
        case .success(let decodedCount): n = decodedCount
        case .failure(let error): count = 0; throw error
        }
        count = n
        offsets[n] = Int32(bytes.count)
        let normalizer = self.normalizer
        scalars.withUnsafeBufferPointer { scalars in
            folded.withUnsafeMutableBufferPointer { folded in
                classes.withUnsafeMutableBufferPointer { classes in
                    for i in 0..<n {
                        let f = normalizer.fold(scalars[i])
                        folded[i] = f
                        classes[i] = normalizer.characterClass(of: f)
                    }
                }
            }
        }
        Self.ensure(&boundary, n + 1, false)
        Self.ensure(&icuBoundary, n + 1, false)
        Self.ensure(&atomicEnd, n + 1, -1)
        Self.ensure(&insideAtomic, n + 1, false)
        Self.ensure(&tokenSource, n + 1, .plain)
        Self.ensure(&tokenWord, n + 1, -1)
        boundary.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: false, count: n + 1) }
        tokenSource.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: .plain, count: n + 1) }
        atomicEnd.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: -1, count: n + 1) }
        insideAtomic.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: false, count: n + 1) }
    }

    /// Runs ICU's word break over the folded text and records its boundaries. With
    /// `hanAsSingles`, ICU is shown U+FFFD in place of each Han character, so that it breaks
    /// around every one without consulting its dictionary (the model cuts Han text).
    mutating func breakWords(with breaker: BreakIterator, hanAsSingles: Bool = false) throws {
        let n = count
        utf16.removeAll(keepingCapacity: true)
        utf16.reserveCapacity(n)
        var allBMP = true
        for (f, c) in zip(folded[..<n], classes[..<n]) {
            if f < 0x10000 {
                utf16.append(hanAsSingles && c == .han ? 0xFFFD : UInt16(f))
            } else {
                allBMP = false
                break
            }
        }
        if !allBMP {
            utf16.removeAll(keepingCapacity: true)
            utf16ToScalar.removeAll(keepingCapacity: true)
            for (index, f) in folded[..<n].enumerated() {
                if hanAsSingles && classes[index] == .han {
                    utf16.append(0xFFFD)
                    utf16ToScalar.append(Int32(index))
                    continue
                }
                for unit in Unicode.Scalar(f)!.utf16 {
                    utf16.append(unit)
                    utf16ToScalar.append(Int32(index))
                }
            }
            utf16ToScalar.append(Int32(n))
        }
        boundary[0] = true
        boundary[n] = true
        let map = utf16ToScalar
        try utf16.withUnsafeBufferPointer { units in
            try boundary.withUnsafeMutableBufferPointer { marks in
                if allBMP {
                    try breaker.forEachBoundary(in: units) { marks[$0.offset] = true }
                } else {
                    try breaker.forEachBoundary(in: units) { marks[Int(map[$0.offset])] = true }
                }
            }
        }
        icuBoundary.withUnsafeMutableBufferPointer { icu in
            boundary.withUnsafeBufferPointer { icu.baseAddress!.update(from: $0.baseAddress!, count: n + 1) }
        }
    }

    /// Marks `start..<end` as one unbreakable token.
    mutating func markAtomic(_ start: Int, _ end: Int) {
        guard end - start > 1 else { return }
        boundary[start] = true
        boundary[end] = true
        atomicEnd[start] = Int32(end)
        for i in (start + 1)..<end {
            boundary[i] = false
            insideAtomic[i] = true
            atomicEnd[i] = -1
        }
    }

    /// Calls `body` for every token between consecutive boundaries.
    func forEachToken(
        _ body: (_ kind: TokenKind, _ utf8: Range<Int>, _ scalars: Range<Int>) throws -> Void
    ) throws {
        let n = count
        var start = 0
        var i = 1
        while i <= n {
            if boundary[i] {
                try body(kind(start, i), Int(offsets[start])..<Int(offsets[i]), start..<i)
                start = i
            }
            i += 1
        }
    }

    /// The kind of the token `start..<end`, from the classes of its folded scalars.
    func kind(_ start: Int, _ end: Int) -> TokenKind {
        switch classes[start] {
        case .han: return .hanWord
        case .letter: return .latinWord
        case .digit:
            // G7 and 3D are words; 2,000, 2024年 and 3.5% are numbers.
            for i in start..<end where classes[i] == .letter { return .latinWord }
            return .number
        case .whitespace: return .whitespace
        case .punctuation: return .punctuation
        case .kana, .other: return .other
        }
    }

    /// The part of speech of the token `scalars` (see ``Token/partOfSpeech``).
    func partOfSpeech(_ scalars: Range<Int>, kind: TokenKind, dictionary: UserDictionary,
                      model: SegmentationModel?) -> PartOfSpeech {
        switch kind {
        case .number: return .numeral
        case .latinWord: return .english
        case .whitespace, .punctuation, .other: return .unknown
        case .hanWord: break
        }
        let start = scalars.lowerBound, end = scalars.upperBound
        switch tokenSource[start] {
        case .userTerm:
            if let tag = dictionary.partsOfSpeech[Int(tokenWord[start])] { return tag }
        case _ where end - start == 1 && !dictionary.isEmpty:
            // A one-character token that is a user term carries the term's tag.
            let term = dictionary.trie.value(for: CollectionOfOne(folded[start]))
            if term >= 0, let tag = dictionary.partsOfSpeech[Int(term)] { return tag }
            if tokenSource[start] == .vocabulary, let tag = model?.tag(ofNode: tokenWord[start]) { return tag }
        case .vocabulary:
            if let tag = model?.tag(ofNode: tokenWord[start]) { return tag }
        case .number:
            return .numeral
        default:
            break
        }
        if atomicEnd[start] == Int32(end) {
            // Runs of the joining stage: a year in Chinese numerals, or a name.
            if folded[end - 1] == 0x5E74 /* 年 */ { return .numeral }
            if (start..<end).contains(where: { classes[$0] == .punctuation }) { return .personalName }
        }
        let guess = folded.withUnsafeBufferPointer { model?.partOfSpeech(folded: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        if let guess { return guess }
        return atomicEnd[start] == Int32(end) ? .personalName : .unknown
    }
}
