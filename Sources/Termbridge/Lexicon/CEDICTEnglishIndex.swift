/// English ↔ Chinese through CC-CEDICT's glosses, for an aligner that scores a Chinese
/// sentence against an English one.
///
/// The index holds *keys*: the English content words of the cleaned glosses (see
/// ``CEDICTGlosses``), folded as ``EnglishWord/folded`` is (NFKC, lower case, no possessive
/// `'s`), then passed through a key function — by default ``contentWord(_:)``, which drops
/// stop words; an aligner that stems builds its own index with
/// `CEDICTEnglishIndex(lexicon) { stemmer.stem($0) }` and looks up stems.
///
/// Everything is an integer id after one lookup per word:
///
///     // once per English sentence: its key ids (a hash lookup per word)
///     let en = Set(words.compactMap { index.keyID(for: $0.folded) })
///     // once per Chinese word: the key ids of its glosses (an array slice)
///     for key in index.keyIDs(forHeadwordID: id) where en.contains(Int(key)) { … }
///
/// Lists are sorted by id, so two of them intersect by a linear merge, and the length of
/// ``headwordIDs(forKeyID:)`` is the key's document frequency, for IDF weighting (`of`
/// would link to thousands of words; `ally` links to a dozen). Lookups by id are O(1) and
/// allocate nothing; the lists are slices of two shared flat arrays (compressed rows).
/// Building is O(total gloss length) and takes a few tens of milliseconds for the full
/// dictionary.
///
/// Direction matters in one detail: ``keyIDs(forHeadwordID:)`` covers every entry the
/// headword finds (its Simplified and Traditional readings), while
/// ``headwordIDs(forKeyID:)`` lists each entry under its Simplified headword only.
public struct CEDICTEnglishIndex: Sendable {
    /// The keys, by id (decoded when read).
    public var keys: Keys { Keys(table: keyTable) }
    let keyTable: ByteStringTable
    let headwordsOfKey: PostingLists
    let keysOfHeadword: PostingLists

    /// An index of `lexicon`'s glosses under the keys `key` gives each folded word (nil to
    /// leave the word out).
    public init(_ lexicon: CEDICTLexicon, key: (String) -> String?) {
        self.init(store: lexicon.store, headwordCount: lexicon.headwords.count,
                  simplifiedHeadwordOfEntry: lexicon.simplifiedHeadwordOfEntry,
                  entryIndicesOfHeadword: lexicon.entryIndices(forHeadwordID:), key: key)
    }

    init(
        store: CEDICTEntryStore, headwordCount: Int, simplifiedHeadwordOfEntry: [Int32],
        entryIndicesOfHeadword: (Int) -> ArraySlice<Int32>, key: (String) -> String?
    ) {
        // Key ids of each entry's glosses, flat: entry e has entryKeys[keyStart[e]..<keyStart[e + 1]].
        // Words are interned as bytes, so the key function runs once per distinct word
        // (about 45,000 for the full dictionary) rather than once per occurrence.
        let entryCount = store.count
        var words = ByteStringTable()
        var keyOfWord: [Int32] = []            // word id → key id, -1 when left out
        var keyTable = ByteStringTable()
        var keyStart: [Int32] = [0]
        var entryKeys: [Int32] = []
        keyStart.reserveCapacity(entryCount + 1)
        entryKeys.reserveCapacity(entryCount * 6)   // about 5 content words an entry
        for e in 0..<entryCount {
            store.forEachGloss(ofEntry: e) { gloss in
                EnglishWords.forEach(in: gloss) { bytes, _, _ in
                    let (word, inserted) = words.insert(bytes)
                    if inserted {
                        keyOfWord.append(key(String(decoding: bytes, as: UTF8.self)).map { keyTable.insert($0).id } ?? -1)
                    }
                    let id = keyOfWord[Int(word)]
                    if id >= 0 { entryKeys.append(id) }
                }
            }
            keyStart.append(Int32(entryKeys.count))
        }

        var pairKeys: [Int32] = [], pairHeadwords: [Int32] = []
        pairKeys.reserveCapacity(entryKeys.count)
        pairHeadwords.reserveCapacity(entryKeys.count)
        for e in 0..<entryCount {
            for k in Int(keyStart[e])..<Int(keyStart[e + 1]) {
                pairKeys.append(entryKeys[k])
                pairHeadwords.append(simplifiedHeadwordOfEntry[e])
            }
        }
        headwordsOfKey = PostingLists(keyCount: keyTable.count, keys: pairKeys, values: pairHeadwords, sorted: true)

        pairKeys.removeAll(keepingCapacity: true)
        pairHeadwords.removeAll(keepingCapacity: true)
        for h in 0..<headwordCount {
            for e in entryIndicesOfHeadword(h) {
                for k in Int(keyStart[Int(e)])..<Int(keyStart[Int(e) + 1]) {
                    pairHeadwords.append(Int32(h))
                    pairKeys.append(entryKeys[k])
                }
            }
        }
        keysOfHeadword = PostingLists(keyCount: headwordCount, keys: pairHeadwords, values: pairKeys, sorted: true)
        self.keyTable = keyTable
    }

    init(keyTable: ByteStringTable, headwordsOfKey: PostingLists, keysOfHeadword: PostingLists) {
        self.keyTable = keyTable
        self.headwordsOfKey = headwordsOfKey
        self.keysOfHeadword = keysOfHeadword
    }

    /// The keys of an index, by id, decoded when read.
    public struct Keys: RandomAccessCollection, Sendable {
        let table: ByteStringTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(id: Int) -> String { table.string(id) }
    }

    /// The number of keys.
    public var keyCount: Int { keyTable.count }

    /// The id of `key` (a folded word passed through the index's key function), or nil.
    /// One hash lookup, no allocation.
    public func keyID(for key: String) -> Int? {
        keyTable.id(of: key).map(Int.init)
    }

    /// The ids of the headwords (see ``CEDICTLexicon/headwords``) whose glosses hold the key,
    /// ascending. O(1), no allocation.
    public func headwordIDs(forKeyID id: Int) -> ArraySlice<Int32> {
        headwordsOfKey[id]
    }

    /// The ids of the keys in the glosses of a headword's entries, ascending. O(1), no
    /// allocation.
    public func keyIDs(forHeadwordID id: Int) -> ArraySlice<Int32> {
        keysOfHeadword[id]
    }

    // MARK: Words

    /// Function words left out of the default index: articles, prepositions, conjunctions,
    /// pronouns, auxiliaries, and CC-CEDICT's placeholders `sb`, `sth`, `etc`.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "of", "to", "and", "or", "nor", "but", "in", "on", "at", "by", "for",
        "from", "with", "as", "into", "onto", "upon", "about", "than", "so", "if", "then",
        "be", "is", "are", "was", "were", "been", "being", "am", "do", "does", "did", "done",
        "have", "has", "had", "having", "it", "its", "this", "that", "these", "those",
        "he", "she", "they", "them", "his", "her", "hers", "their", "him", "we", "us", "our",
        "you", "your", "my", "me", "i", "oneself", "itself", "sb", "sth", "etc", "s",
    ]

    /// The default key function: the folded word itself, or nil for a stop word.
    public static func contentWord(_ folded: String) -> String? {
        stopWords.contains(folded) ? nil : folded
    }

    /// The key function of the aligner's index (``CEDICTLexicon/stemmedEnglish``): the
    /// word's Snowball stem, or nil for a stop word.
    public static func stemmedContentWord(_ stemmer: EnglishStemmer) -> (String) -> String? {
        { folded in stopWords.contains(folded) ? nil : stemmer.stem(folded) }
    }

    /// The words of `text` folded as ``EnglishWords`` folds them.
    static func words(of text: String) -> [String] {
        EnglishWords.folded(text)
    }
}
