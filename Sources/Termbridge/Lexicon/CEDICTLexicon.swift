import Foundation

/// CC-CEDICT as a lexicon: Chinese words with their readings and English glosses, the
/// background knowledge of the aligner and the term extractor. Built once, then shared
/// read-only (it is a value type of immutable arrays, `Sendable`).
///
/// Three ways in:
/// - **By Chinese word**: ``entries(for:)`` and ``glosses(for:)`` fold their argument with
///   ``TextNormalizer`` (NFKC, Traditional → Simplified), so 盟約, 盟约 and full-width input
///   all find the entry 盟約 盟约. Every entry is findable by its folded Simplified and
///   folded Traditional form.
/// - **By headword id**, for hot loops: ``headwordID(for:)`` and
///   ``forEachHeadword(in:startingAt:_:)`` map text to a small integer once; everything
///   else (``entryIndices(forHeadwordID:)``, ``english``) is then an array slice, with no
///   hashing and no allocation.
/// - **By English word**: ``chineseWords(forEnglishWord:)`` and the index ``english``
///   (see ``CEDICTEnglishIndex``).
///
/// A *headword* is one distinct folded written form: 准 (from 准 and from 準) is one
/// headword whose entries are every reading of 准 and 準.
///
/// Loading the full dictionary (about 122,000 entries) takes well under a second in a
/// release build; `termbridge-bench cedict` measures it.
public struct CEDICTLexicon: Sendable {
    /// The entries, in file order (each decoded when read).
    public var entries: Entries { Entries(store: store) }
    /// The headwords, by id: the Simplified form as written in the first entry that has it
    /// (or the Traditional form, for a folded Traditional form that is no entry's Simplified),
    /// each decoded when read.
    public var headwords: Headwords { Headwords(store: store, forms: headwordForms) }
    /// English → Chinese: content words of the cleaned glosses, with their headwords.
    public let english: CEDICTEnglishIndex
    /// English → Chinese under Snowball stems (``CEDICTEnglishIndex/stemmedContentWord(_:)``),
    /// the aligner's index: present in a lexicon read from a compiled file or built by
    /// ``withStemmedIndex()``, nil otherwise (the aligner then builds it).
    public let stemmedEnglish: CEDICTEnglishIndex?

    /// The entries' strings and fields.
    let store: CEDICTEntryStore
    /// Headword id → (entry index, 0 for its Traditional form or 1 for its Simplified form),
    /// packed as `entry << 1 | field`: where the headword's written form is.
    let headwordForms: [Int32]
    /// Folded headword → headword id.
    let trie: SortedTrie
    /// Headword id → indices of its entries, in file order.
    let entriesOfHeadword: PostingLists
    /// Entry index → id of the headword of its Simplified form.
    let simplifiedHeadwordOfEntry: [Int32]

    /// The number of entries.
    public var count: Int { store.count }

    /// Reads `cedict_ts.u8` (or any file in its format), or a compiled file written by
    /// ``writeCompiled(to:source:)`` (recognized by its first bytes).
    ///
    /// - Throws: ``FileError`` when the file cannot be read or a line is malformed (with its
    ///   line and column), ``InvalidUTF8Error`` with the byte offset of invalid UTF-8,
    ///   ``CompiledDataError`` for a damaged or outdated compiled file.
    public static func load(contentsOf path: String) throws -> CEDICTLexicon {
        if CompiledDataFile.isCompiled(path) { return try loadCompiled(contentsOf: path) }
        return try read(TextFile.data(path), file: path)
    }

    /// Reads the contents of a CC-CEDICT file; `file` names it in errors.
    ///
    /// - Throws: as ``load(contentsOf:)``.
    public static func read(_ data: Data, file: String? = nil) throws -> CEDICTLexicon {
        let entries = try data.withUnsafeBytes { raw in
            try CEDICTReader.entries(of: raw.bindMemory(to: UInt8.self), file: file)
        }
        return CEDICTLexicon(entries: entries)
    }

    /// A lexicon of `entries` (e.g. entries written in code, or a filtered dictionary).
    public init(entries: [CEDICTEntry]) {
        let normalizer = TextNormalizer.shared
        var lookup = ScalarTrie()            // folded form → headword id, while building
        var keys: [[UInt32]] = []
        var forms: [Int32] = []
        var isSimplifiedForm: [Bool] = []
        var pairHeadwords: [Int32] = [], pairEntries: [Int32] = []
        pairHeadwords.reserveCapacity(entries.count * 2)
        pairEntries.reserveCapacity(entries.count * 2)
        var simplifiedHeadwordOfEntry = [Int32](repeating: 0, count: entries.count)
        var simplifiedKey: [UInt32] = [], traditionalKey: [UInt32] = []

        func fold(_ word: String, into key: inout [UInt32]) {
            key.removeAll(keepingCapacity: true)
            for scalar in word.unicodeScalars { key.append(normalizer.fold(scalar.value)) }
        }
        func headword(_ key: [UInt32], entry: Int, simplified: Bool) -> Int32 {
            let form = Int32(entry << 1 | (simplified ? 1 : 0))
            let existing = lookup.value(for: key)
            if existing >= 0 {
                if simplified && !isSimplifiedForm[Int(existing)] {
                    forms[Int(existing)] = form
                    isSimplifiedForm[Int(existing)] = true
                }
                return existing
            }
            let id = Int32(keys.count)
            lookup.insert(key, value: id)
            keys.append(key)
            forms.append(form)
            isSimplifiedForm.append(simplified)
            return id
        }

        for index in entries.indices {
            fold(entries[index].simplified, into: &simplifiedKey)
            let simplified = headword(simplifiedKey, entry: index, simplified: true)
            simplifiedHeadwordOfEntry[index] = simplified
            pairHeadwords.append(simplified)
            pairEntries.append(Int32(index))
            fold(entries[index].traditional, into: &traditionalKey)
            if traditionalKey != simplifiedKey {
                pairHeadwords.append(headword(traditionalKey, entry: index, simplified: false))
                pairEntries.append(Int32(index))
            }
        }
        let store = CEDICTEntryStore(entries)
        let entriesOfHeadword = PostingLists(keyCount: keys.count, keys: pairHeadwords,
                                             values: pairEntries, sorted: false)
        self.init(store: store, headwordForms: forms,
                  trie: SortedTrie(keys: keys, values: keys.indices.map(Int32.init)),
                  entriesOfHeadword: entriesOfHeadword, simplifiedHeadwordOfEntry: simplifiedHeadwordOfEntry,
                  english: CEDICTEnglishIndex(
                    store: store, headwordCount: keys.count, simplifiedHeadwordOfEntry: simplifiedHeadwordOfEntry,
                    entryIndicesOfHeadword: { entriesOfHeadword[$0] }, key: CEDICTEnglishIndex.contentWord),
                  stemmedEnglish: nil)
    }

    init(store: CEDICTEntryStore, headwordForms: [Int32], trie: SortedTrie, entriesOfHeadword: PostingLists,
         simplifiedHeadwordOfEntry: [Int32], english: CEDICTEnglishIndex, stemmedEnglish: CEDICTEnglishIndex?) {
        self.store = store
        self.headwordForms = headwordForms
        self.trie = trie
        self.entriesOfHeadword = entriesOfHeadword
        self.simplifiedHeadwordOfEntry = simplifiedHeadwordOfEntry
        self.english = english
        self.stemmedEnglish = stemmedEnglish
    }

    /// The same lexicon with ``stemmedEnglish`` built (a few tenths of a second for the
    /// full dictionary), as compiled files hold it.
    ///
    /// - Throws: ``FileError`` when libstemmer has no English stemmer.
    public func withStemmedIndex() throws -> CEDICTLexicon {
        if stemmedEnglish != nil { return self }
        let index = CEDICTEnglishIndex(self, key: CEDICTEnglishIndex.stemmedContentWord(try EnglishStemmer()))
        return CEDICTLexicon(store: store, headwordForms: headwordForms, trie: trie, entriesOfHeadword: entriesOfHeadword,
                             simplifiedHeadwordOfEntry: simplifiedHeadwordOfEntry, english: english, stemmedEnglish: index)
    }

    /// The entries of a lexicon, in file order, each decoded when read.
    public struct Entries: RandomAccessCollection, Sendable {
        let store: CEDICTEntryStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.count }
        public subscript(index: Int) -> CEDICTEntry { store.entry(index) }
    }

    /// The headwords of a lexicon, by id, each decoded when read.
    public struct Headwords: RandomAccessCollection, Sendable {
        let store: CEDICTEntryStore
        let forms: [Int32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { forms.count }
        public subscript(id: Int) -> String {
            store.headword(Int(forms[id] >> 1), field: Int(forms[id] & 1))
        }
    }

    // MARK: Chinese lookups

    /// The id of the headword `word` folds to, or nil when the dictionary does not have it.
    /// O(length of `word`), no allocation.
    public func headwordID(for word: some StringProtocol) -> Int? {
        let normalizer = TextNormalizer.shared
        let id = trie.value(for: word.unicodeScalars.lazy.map { normalizer.fold($0.value) })
        return id >= 0 ? Int(id) : nil
    }

    /// Whether the dictionary has `word` (Simplified or Traditional, folded).
    public func contains(_ word: some StringProtocol) -> Bool {
        headwordID(for: word) != nil
    }

    /// The indices into ``entries`` of the headword's entries, in file order. O(1).
    public func entryIndices(forHeadwordID id: Int) -> ArraySlice<Int32> {
        entriesOfHeadword[id]
    }

    /// The entries for `word`, Simplified or Traditional (folded, so 盟約 finds 盟约), in
    /// file order; empty when the dictionary does not have it.
    public func entries(for word: some StringProtocol) -> [CEDICTEntry] {
        guard let id = headwordID(for: word) else { return [] }
        return entryIndices(forHeadwordID: id).map { entries[Int($0)] }
    }

    /// The cleaned English glosses of every entry for `word`, in file order, without
    /// repeats (see ``CEDICTGlosses`` for the cleaning rules).
    public func glosses(for word: some StringProtocol) -> [String] {
        guard let id = headwordID(for: word) else { return [] }
        var glosses: [String] = []
        for index in entryIndices(forHeadwordID: id) {
            for gloss in store.glossStrings(ofEntry: Int(index)) where !glosses.contains(gloss) {
                glosses.append(gloss)
            }
        }
        return glosses
    }

    /// Calls `body(end, headwordID)` for every headword that starts at `start` in `text`,
    /// shortest first: the dictionary words of a sentence, whatever its segmentation.
    ///
    /// - Parameter text: scalar values already folded with ``TextNormalizer/fold(_:)-(UInt32)``.
    /// - Complexity: O(length of the longest match), no allocation.
    public func forEachHeadword(
        in text: UnsafeBufferPointer<UInt32>, startingAt start: Int,
        _ body: (_ end: Int, _ headwordID: Int) -> Void
    ) {
        trie.forEachPrefix(of: text, from: start) { end, value in body(end, Int(value)) }
    }

    // MARK: English lookups

    /// The headwords (Simplified) whose cleaned glosses contain the English word `word`,
    /// in headword-id order; empty for a stop word (`the`, `of`, `sb`) or an unknown word.
    /// The word is folded as ``EnglishWord/folded`` is (lower case, no possessive `'s`); when
    /// `word` holds several words, the first content word counts.
    ///
    /// Allocates the result; hot loops use ``english`` with ids instead.
    public func chineseWords(forEnglishWord word: String) -> [String] {
        for folded in CEDICTEnglishIndex.words(of: word) {
            guard let key = CEDICTEnglishIndex.contentWord(folded) else { continue }
            guard let id = english.keyID(for: key) else { return [] }
            return english.headwordIDs(forKeyID: id).map { headwords[Int($0)] }
        }
        return []
    }

    // MARK: Glossary

    /// The dictionary as a glossary: one concept per entry, `cedict-N` for the N-th entry
    /// (1-based, file order). Chinese: the Simplified form, preferred,
    /// with tone-marked pinyin, and the Traditional form in a `zh-Hant` section when it
    /// differs. English: the cleaned glosses, the first preferred and the others admitted
    /// (none when cleaning leaves nothing). The definition keeps the raw definitions, joined
    /// with ` / `.
    public func glossary() -> Glossary {
        var concepts: [Concept] = []
        concepts.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let pinyin = entry.toneMarkedPinyin
            var languages = [LanguageTerms(language: "zh", terms: [Term(entry.simplified, pinyin: pinyin)])]
            if entry.traditional != entry.simplified {
                languages.append(LanguageTerms(language: "zh-Hant", terms: [Term(entry.traditional, pinyin: pinyin)]))
            }
            if !entry.glosses.isEmpty {
                let terms = entry.glosses.enumerated().map { k, gloss in
                    Term(gloss, status: k == 0 ? .preferred : .admitted)
                }
                languages.append(LanguageTerms(language: "en", terms: terms))
            }
            concepts.append(Concept(id: "cedict-\(index + 1)",
                                    definition: entry.definitions.joined(separator: " / "),
                                    languages: languages))
        }
        return Glossary(concepts: concepts)
    }
}
