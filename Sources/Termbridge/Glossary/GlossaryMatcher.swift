/// Where a term sits in a glossary: `glossary.concepts[concept].languages[language].terms[term]`.
public struct TermReference: Sendable, Hashable, Codable {
    public var concept: Int
    public var language: Int
    public var term: Int

    public init(concept: Int, language: Int, term: Int) {
        self.concept = concept
        self.language = language
        self.term = term
    }
}

/// One occurrence of a glossary term in a text.
public struct TermMatch: Sendable, Hashable {
    /// The matched text as it appears (準盟友 for the term 准盟友).
    public var text: String
    /// Where it is in the searched text.
    public var range: TextRange
    /// Every glossary term with this form — usually one; more when concepts share a term.
    public var references: [TermReference]
}

/// Finds every occurrence of every glossary term in a text, with offsets into the original.
/// Compiled once from a glossary, then used for any number of texts.
///
/// - **Chinese** terms (language `zh`, `zh-*`) are matched on folded text — NFKC, Simplified
///   (see ``TextNormalizer``) — so 準盟友 and ＡＴＡＣＭＳ find 准盟友 and ATACMS. Matching is
///   leftmost-longest: a term inside a longer term is reported once, as the longer term. A
///   term that begins or ends with a letter or digit does not match inside a longer Latin
///   word or number (G7 is not found in G77). O(n·k) for text length n and longest term k.
/// - **English** terms (language `en`, `en-*`) are matched word by word on Snowball stems,
///   case-insensitively: "quasi ally", "quasi-ally", "quasi allies", "Quasi-Allies" and
///   "quasi ally's" are one term, and no term matches inside a longer word.
///
/// Holds a stemmer (C state): use one matcher per thread, or ``copy()`` one.
public final class GlossaryMatcher {
    /// The glossary the matcher was compiled from.
    public let glossary: Glossary
    private let chinese: ScalarTrie
    private let english: ScalarTrie
    /// Stem → identifier; identifiers start at 1.
    private let stemIDs: [String: UInt32]
    /// Trie value → the terms with that key.
    private let references: [[TermReference]]
    private let stemmer: EnglishStemmer
    private var stemCache: [String: UInt32] = [:]
    private var scanner = ChineseScanner()

    /// Compiles `glossary`. O(total length of its terms); 100,000 terms take well under a
    /// second.
    public convenience init(glossary: Glossary) throws {
        try self.init(compiled: CompiledTerms(glossary: glossary, stemmer: EnglishStemmer()), glossary: glossary)
    }

    private init(compiled: CompiledTerms, glossary: Glossary) throws {
        self.glossary = glossary
        chinese = compiled.chinese
        english = compiled.english
        stemIDs = compiled.stemIDs
        references = compiled.references
        stemmer = try EnglishStemmer()
    }

    /// A matcher sharing this one's compiled tables, for use on another thread.
    public func copy() throws -> GlossaryMatcher {
        try GlossaryMatcher(compiled: CompiledTerms(chinese: chinese, english: english, stemIDs: stemIDs,
                                                    references: references), glossary: glossary)
    }

    /// The number of distinct Chinese and English term forms compiled.
    public var formCount: Int { references.count }

    /// The glossary term at `reference`.
    public func term(_ reference: TermReference) -> Term {
        glossary.concepts[reference.concept].languages[reference.language].terms[reference.term]
    }

    // MARK: Chinese

    /// The Chinese terms in `text`, leftmost-longest, in order.
    public func chineseMatches(in text: String) -> [TermMatch] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [TermMatch] = []
            // `text` came from a String, so it is valid UTF-8 and the scan cannot fail.
            try? forEachChineseMatch(utf8: bytes) { value, utf8, scalars in
                result.append(TermMatch(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self),
                    range: TextRange(utf8: utf8, scalars: scalars), references: references[Int(value)]))
            }
            return result
        }
    }

    /// The number of Chinese term occurrences in UTF-8 `bytes` — the streaming entry point.
    ///
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first bad byte.
    public func countChineseMatches(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        var count = 0
        try forEachChineseMatch(utf8: bytes) { _, _, _ in count += 1 }
        return count
    }

    /// Calls `body` with each Chinese match: the index of its references, its UTF-8 range
    /// and its scalar range.
    func forEachChineseMatch(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ value: Int32, _ utf8: Range<Int>, _ scalars: Range<Int>) -> Void
    ) throws {
        try scanner.load(bytes)
        let n = scanner.count
        let flags = scanner.alphanumeric
        scanner.folded.withUnsafeBufferPointer { text in
        scanner.offsets.withUnsafeBufferPointer { offsets in
        flags.withUnsafeBufferPointer { alnum in
            chinese.withView { trie in
                var i = 0
                while i < n {
                    var node = ScalarTrie.root
                    var j = i
                    var bestEnd = -1
                    var bestValue: Int32 = -1
                    let startsInWord = alnum[i] && i > 0 && alnum[i - 1]
                    while j < n {
                        let (next, value) = trie.step(from: node, text[j])
                        if next == ScalarTrie.none { break }
                        node = next
                        j += 1
                        if value >= 0 && !startsInWord && !(alnum[j - 1] && j < n && alnum[j]) {
                            bestEnd = j
                            bestValue = value
                        }
                    }
                    if bestEnd > 0 {
                        body(bestValue, Int(offsets[i])..<Int(offsets[bestEnd]), i..<bestEnd)
                        i = bestEnd
                    } else {
                        i += 1
                    }
                }
            }
        }}}
    }

    // MARK: English

    /// The English terms in `text`, leftmost-longest by words, in order.
    public func englishMatches(in text: String) -> [TermMatch] {
        englishMatches(in: text, words: EnglishWords.of(text))
    }

    /// The English terms in `text`, whose words (``EnglishWords/of(_:)``) are `words`: for
    /// callers that have them already.
    func englishMatches(in text: String, words: [EnglishWord]) -> [TermMatch] {
        guard !words.isEmpty else { return [] }
        let ids = words.map { stemID($0.folded) }
        var result: [TermMatch] = []
        let utf8 = text.utf8
        english.withView { trie in
            var i = 0
            while i < ids.count {
                var node = ScalarTrie.root
                var j = i
                var bestEnd = -1
                var bestValue: Int32 = -1
                while j < ids.count {
                    let (next, value) = trie.step(from: node, ids[j])
                    if next == ScalarTrie.none { break }
                    node = next
                    j += 1
                    if value >= 0 { bestEnd = j; bestValue = value }
                }
                if bestEnd > 0 {
                    let range = TextRange(utf8: words[i].range.utf8.lowerBound..<words[bestEnd - 1].range.utf8.upperBound,
                                          scalars: words[i].range.scalars.lowerBound..<words[bestEnd - 1].range.scalars.upperBound)
                    let lower = utf8.index(utf8.startIndex, offsetBy: range.utf8.lowerBound)
                    let upper = utf8.index(lower, offsetBy: range.utf8.count)
                    result.append(TermMatch(text: String(text[lower..<upper]),
                                            range: range, references: references[Int(bestValue)]))
                    i = bestEnd
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    /// The identifier of a word's stem, or one that no term uses.
    private func stemID(_ folded: String) -> UInt32 {
        if let cached = stemCache[folded] { return cached }
        let id = stemIDs[stemmer.stem(folded)] ?? CompiledTerms.unknownStem
        if stemCache.count < 1 << 20 { stemCache[folded] = id }
        return id
    }
}

/// The compiled tables of a ``GlossaryMatcher``.
private struct CompiledTerms {
    static let unknownStem: UInt32 = 0xFFFF_FFF0

    var chinese = ScalarTrie()
    var english = ScalarTrie()
    var stemIDs: [String: UInt32] = [:]
    var references: [[TermReference]] = []

    init(chinese: ScalarTrie, english: ScalarTrie, stemIDs: [String: UInt32], references: [[TermReference]]) {
        self.chinese = chinese
        self.english = english
        self.stemIDs = stemIDs
        self.references = references
    }

    init(glossary: Glossary, stemmer: EnglishStemmer) {
        let normalizer = TextNormalizer.shared
        var chineseKeys: [[UInt32]: Int32] = [:]
        var englishKeys: [[UInt32]: Int32] = [:]
        for (c, concept) in glossary.concepts.enumerated() {
            for (l, section) in concept.languages.enumerated() {
                let isChinese = Concept.tag(section.language, matches: "zh")
                let isEnglish = Concept.tag(section.language, matches: "en")
                guard isChinese || isEnglish else { continue }
                for (t, term) in section.terms.enumerated() {
                    let reference = TermReference(concept: c, language: l, term: t)
                    let key: [UInt32]
                    if isChinese {
                        key = normalizer.foldedScalars(term.text.trimmingWhitespace)
                    } else {
                        key = EnglishWords.of(term.text).map { word in
                            let stem = stemmer.stem(word.folded)
                            if let id = stemIDs[stem] { return id }
                            let id = UInt32(stemIDs.count + 1)
                            stemIDs[stem] = id
                            return id
                        }
                    }
                    guard !key.isEmpty else { continue }
                    if let index = (isChinese ? chineseKeys : englishKeys)[key] {
                        if !references[Int(index)].contains(reference) { references[Int(index)].append(reference) }
                        continue
                    }
                    let index = Int32(references.count)
                    references.append([reference])
                    if isChinese {
                        chineseKeys[key] = index
                        chinese.insert(key, value: index)
                    } else {
                        englishKeys[key] = index
                        english.insert(key, value: index)
                    }
                }
            }
        }
    }
}

/// Decoded, folded UTF-8 text with per-scalar offsets and word-character flags, kept
/// between calls so its arrays are allocated once.
private struct ChineseScanner {
    var folded: [UInt32] = []
    var offsets: [Int32] = []
    var alphanumeric: [Bool] = []
    private(set) var count = 0

    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let capacity = bytes.count + 1
        if folded.count < capacity {
            folded = [UInt32](repeating: 0, count: capacity)
            offsets = [Int32](repeating: 0, count: capacity)
            alphanumeric = [Bool](repeating: false, count: capacity)
        }
        let decoded = folded.withUnsafeMutableBufferPointer { scalars in
            offsets.withUnsafeMutableBufferPointer { offsets in
                UTF8Decoding.decode(bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!)
            }
        }
        switch decoded {
        case .success(let n): count = n
        case .failure(let error): count = 0; throw error
        }
        offsets[count] = Int32(bytes.count)
        let normalizer = TextNormalizer.shared
        let n = count
        folded.withUnsafeMutableBufferPointer { text in
            alphanumeric.withUnsafeMutableBufferPointer { alnum in
                for i in 0..<n {
                    let f = normalizer.fold(text[i])
                    text[i] = f
                    let c = normalizer.characterClass(of: f)
                    alnum[i] = c == .letter || c == .digit
                }
            }
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
