/// CC-CEDICT's entries as flat arrays: every string (headwords, readings, definitions,
/// cleaned glosses) once in a ``StringArena``, repeats shared, and per entry four integers
/// and two lists of string ids. This is what a compiled file stores; a ``CEDICTEntry`` is
/// decoded only when one is asked for.
struct CEDICTEntryStore: Sendable {
    let strings: StringArena
    /// Per entry: string ids of the Traditional form, the Simplified form and the reading,
    /// then the 1-based line — four integers an entry.
    let records: [Int32]
    /// Entry → string ids of its definitions, in order.
    let definitions: PostingLists
    /// Entry → string ids of its cleaned glosses, in order.
    let glosses: PostingLists

    static let recordSize = 4

    /// The store of `entries`, in order.
    init(_ entries: [CEDICTEntry]) {
        var table = ByteStringTable(capacity: entries.count * 6)   // about 6 distinct strings an entry
        var records: [Int32] = []
        records.reserveCapacity(entries.count * Self.recordSize)
        var definitionEntries: [Int32] = [], definitionStrings: [Int32] = []
        var glossEntries: [Int32] = [], glossStrings: [Int32] = []
        for (index, entry) in entries.enumerated() {
            records.append(table.insert(entry.traditional).id)
            records.append(table.insert(entry.simplified).id)
            records.append(table.insert(entry.pinyin).id)
            records.append(Int32(clamping: entry.line))
            for definition in entry.definitions {
                definitionEntries.append(Int32(index))
                definitionStrings.append(table.insert(definition).id)
            }
            for gloss in entry.glosses {
                glossEntries.append(Int32(index))
                glossStrings.append(table.insert(gloss).id)
            }
        }
        strings = table.strings
        self.records = records
        definitions = PostingLists(keyCount: entries.count, keys: definitionEntries, values: definitionStrings, sorted: false)
        glosses = PostingLists(keyCount: entries.count, keys: glossEntries, values: glossStrings, sorted: false)
    }

    /// A store from its arrays (as read from a compiled file), checked.
    init(strings: StringArena, records: [Int32], definitions: PostingLists, glosses: PostingLists) throws(StructureError) {
        let count = records.count / Self.recordSize
        guard records.count % Self.recordSize == 0, definitions.keyCount == count, glosses.keyCount == count else {
            throw StructureError("the entry arrays disagree on the number of entries")
        }
        // Fields 0–2 of each record are string ids; field 3, the line, is any number.
        let valid = records.withUnsafeBufferPointer { buffer in
            var k = 0
            let limit = Int32(strings.count)
            while k + 3 < buffer.count {
                if buffer[k] < 0 || buffer[k] >= limit || buffer[k + 1] < 0 || buffer[k + 1] >= limit
                    || buffer[k + 2] < 0 || buffer[k + 2] >= limit { return false }
                k += Self.recordSize
            }
            return true
        }
        guard valid else { throw StructureError("an entry names a string that does not exist") }
        self.strings = strings
        self.records = records
        self.definitions = definitions
        self.glosses = glosses
    }

    /// The number of entries.
    var count: Int { records.count / Self.recordSize }

    /// Entry `index`, decoded.
    func entry(_ index: Int) -> CEDICTEntry {
        let base = index * Self.recordSize
        return CEDICTEntry(traditional: strings.string(Int(records[base])),
                           simplified: strings.string(Int(records[base + 1])),
                           pinyin: strings.string(Int(records[base + 2])),
                           definitions: definitions[index].map { strings.string(Int($0)) },
                           glosses: glosses[index].map { strings.string(Int($0)) },
                           line: Int(records[base + 3]))
    }

    /// The Traditional (`field` 0) or Simplified (1) form of entry `index`.
    func headword(_ index: Int, field: Int) -> String {
        strings.string(Int(records[index * Self.recordSize + field]))
    }

    /// The cleaned glosses of entry `index`, decoded.
    func glossStrings(ofEntry index: Int) -> [String] {
        glosses[index].map { strings.string(Int($0)) }
    }

    /// Calls `body` with the UTF-8 of each cleaned gloss of entry `index`, in order.
    func forEachGloss(ofEntry index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for id in glosses[index] { strings.withBytes(Int(id), body) }
    }
}
