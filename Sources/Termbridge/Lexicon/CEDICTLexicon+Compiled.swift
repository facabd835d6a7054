import Foundation

/// CC-CEDICT compiled: every array of a ``CEDICTLexicon`` — the entry store, the headword
/// trie, the posting lists and both English indexes (plain and stemmed) — as sections of a
/// ``CompiledDataFile`` of kind `CEDI`. Loading reads each section into its array and
/// checks it; nothing is parsed, cleaned, folded or stemmed. See `Docs/Data.md`.
extension CEDICTLexicon {
    /// The layout of the `CEDI` sections. Bump it whenever what they mean changes: the
    /// sections, the gloss-cleaning rules (``CEDICTGlosses``), the stop words or the key
    /// functions of ``CEDICTEnglishIndex`` — a file of another layout is then refused as
    /// outdated instead of giving answers that differ from the text's.
    public static let compiledLayoutVersion: UInt32 = 2

    /// The lexicon as a compiled file (with its stemmed index, built when absent), stamped
    /// with the source file's size and modification time.
    ///
    /// - Throws: ``FileError`` when libstemmer has no English stemmer.
    public func compiledData(source: CompiledDataFile.SourceStamp) throws -> Data {
        let lexicon = try withStemmedIndex()
        var writer = CompiledDataFile.Writer(kind: .cedict, layoutVersion: Self.compiledLayoutVersion, source: source)
        let store = lexicon.store
        writer.add("STRB", store.strings.bytes)
        writer.add("STRS", store.strings.starts)
        writer.add("ENTR", store.records)
        writer.add("DEFO", store.definitions.offsets)
        writer.add("DEFV", store.definitions.values)
        writer.add("GLOO", store.glosses.offsets)
        writer.add("GLOV", store.glosses.values)
        writer.add("HWFM", lexicon.headwordForms)
        writer.add("SHWE", lexicon.simplifiedHeadwordOfEntry)
        writer.add("EOHO", lexicon.entriesOfHeadword.offsets)
        writer.add("EOHV", lexicon.entriesOfHeadword.values)
        writer.add("TRRT", lexicon.trie.rootChildren)
        writer.add("TRVA", lexicon.trie.values)
        writer.add("TRES", lexicon.trie.edgeStarts)
        writer.add("TRSC", lexicon.trie.edgeScalars)
        writer.add("TRTG", lexicon.trie.edgeTargets)
        lexicon.english.add(to: &writer, prefix: "E")
        lexicon.stemmedEnglish?.add(to: &writer, prefix: "S")
        return writer.data()
    }

    public static func loadCompiled(_ file: CompiledDataFile.Reader) throws(CompiledDataError) -> CEDICTLexicon {
        try file.decode {
            let strings = try StringArena(bytes: file.section("STRB"), starts: file.section("STRS"))
            let records: [Int32] = try file.section("ENTR")
            let entryCount = records.count / CEDICTEntryStore.recordSize
            let store = try CEDICTEntryStore(
                strings: strings, records: records,
                definitions: PostingLists(offsets: file.section("DEFO"), values: file.section("DEFV"), valueLimit: strings.count),
                glosses: PostingLists(offsets: file.section("GLOO"), values: file.section("GLOV"), valueLimit: strings.count))
            let forms: [Int32] = try file.section("HWFM")
            guard ArrayCheck.all(forms, in: 0..<Int32(clamping: entryCount * 2)) else {
                throw StructureError("a headword names an entry that does not exist")
            }
            let simplifiedHeadwordOfEntry: [Int32] = try file.section("SHWE")
            guard simplifiedHeadwordOfEntry.count == entryCount,
                  ArrayCheck.all(simplifiedHeadwordOfEntry, in: 0..<Int32(forms.count)) else {
                throw StructureError("the entry → headword array does not fit the entries")
            }
            let entriesOfHeadword = try PostingLists(offsets: file.section("EOHO"), values: file.section("EOHV"),
                                                     valueLimit: entryCount)
            let trie = try SortedTrie(rootChildren: file.section("TRRT"), values: file.section("TRVA"),
                                      edgeStarts: file.section("TRES"), edgeScalars: file.section("TRSC"),
                                      edgeTargets: file.section("TRTG"), valueLimit: forms.count)
            guard entriesOfHeadword.keyCount == forms.count else {
                throw StructureError("the headword arrays disagree on the number of headwords")
            }
            return CEDICTLexicon(
                store: store, headwordForms: forms, trie: trie, entriesOfHeadword: entriesOfHeadword,
                simplifiedHeadwordOfEntry: simplifiedHeadwordOfEntry,
                english: try CEDICTEnglishIndex(file, prefix: "E", headwordCount: forms.count),
                stemmedEnglish: try CEDICTEnglishIndex(file, prefix: "S", headwordCount: forms.count))
        }
    }
}

extension CEDICTEnglishIndex {
    /// Adds the index's arrays as sections whose tags start with `prefix`.
    func add(to writer: inout CompiledDataFile.Writer, prefix: String) {
        writer.add(prefix + "KSB", keyTable.strings.bytes)
        writer.add(prefix + "KSS", keyTable.strings.starts)
        writer.add(prefix + "KSL", keyTable.slots)
        writer.add(prefix + "HKO", headwordsOfKey.offsets)
        writer.add(prefix + "HKV", headwordsOfKey.values)
        writer.add(prefix + "KHO", keysOfHeadword.offsets)
        writer.add(prefix + "KHV", keysOfHeadword.values)
    }

    /// The index stored under `prefix` in a compiled file.
    init(_ file: CompiledDataFile.Reader, prefix: String, headwordCount: Int) throws {
        let keyTable = try ByteStringTable(
            strings: StringArena(bytes: file.section(prefix + "KSB"), starts: file.section(prefix + "KSS")),
            slots: file.section(prefix + "KSL"))
        let headwordsOfKey = try PostingLists(offsets: file.section(prefix + "HKO"), values: file.section(prefix + "HKV"),
                                              valueLimit: headwordCount)
        let keysOfHeadword = try PostingLists(offsets: file.section(prefix + "KHO"), values: file.section(prefix + "KHV"),
                                              valueLimit: keyTable.count)
        guard headwordsOfKey.keyCount == keyTable.count, keysOfHeadword.keyCount == headwordCount else {
            throw StructureError("the English index does not fit the headwords")
        }
        self.init(keyTable: keyTable, headwordsOfKey: headwordsOfKey, keysOfHeadword: keysOfHeadword)
    }
}
