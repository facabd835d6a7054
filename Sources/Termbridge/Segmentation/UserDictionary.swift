import Foundation

/// Terms that must come out of the segmenter as single tokens where ICU would split them
/// (准盟友, 主要非北约盟友, 陆军战术导弹系统). Terms are stored folded — NFKC and Simplified —
/// so 準盟友 in the text matches 准盟友 in the dictionary.
///
/// A term may carry a part of speech (a jieba dictionary's tag column, a glossary's part of
/// speech), which the segmenter reports for it; user terms always win over the general
/// vocabulary (see ``Segmenter``).
///
/// Built once, then shared read-only by any number of segmenters. Adding a term is O(length).
public struct UserDictionary: Sendable {
    /// Folded term → term id.
    private(set) var trie = ScalarTrie()
    /// Term id → its part of speech, when given.
    private(set) var partsOfSpeech: [PartOfSpeech?] = []

    /// The number of distinct terms.
    public var count: Int { partsOfSpeech.count }

    /// An empty dictionary.
    public init() {}

    /// A dictionary holding `terms`.
    public init(_ terms: some Sequence<String>) {
        for term in terms { add(term) }
    }

    /// Whether the dictionary has no terms.
    public var isEmpty: Bool { count == 0 }

    /// Adds a term; surrounding white space is ignored, and so is an empty term. A part of
    /// speech given for a term already present replaces none, never another.
    public mutating func add(_ term: String, partOfSpeech: PartOfSpeech? = nil) {
        let normalizer = TextNormalizer.shared
        var folded: [UInt32] = []
        folded.reserveCapacity(term.unicodeScalars.count)
        for scalar in term.unicodeScalars where !scalar.properties.isWhitespace || !folded.isEmpty {
            folded.append(normalizer.fold(scalar.value))
        }
        while let last = folded.last, Unicode.Scalar(last)?.properties.isWhitespace == true {
            folded.removeLast()
        }
        add(folded: folded, partOfSpeech: partOfSpeech)
    }

    mutating func add(folded: [UInt32], partOfSpeech: PartOfSpeech? = nil) {
        guard !folded.isEmpty, !Self.isClauseFragment(folded) else { return }
        let id = trie.value(for: folded)
        if id < 0 {
            trie.insert(folded, value: Int32(partsOfSpeech.count))
            partsOfSpeech.append(partOfSpeech)
        } else if partsOfSpeech[Int(id)] == nil {
            partsOfSpeech[Int(id)] = partOfSpeech
        }
    }

    /// The part of speech given for `term` (folded), nil when none was given or the
    /// dictionary does not have it.
    public func partOfSpeech(of term: String) -> PartOfSpeech? {
        let id = trie.value(for: TextNormalizer.shared.foldedScalars(term))
        return id >= 0 ? partsOfSpeech[Int(id)] : nil
    }

    /// The tag of a jieba user-dictionary line's remainder (` [freq] [tag]`): the field
    /// after an optional frequency, when it is lower-case ASCII letters.
    static func jiebaTag(_ rest: ArraySlice<UInt32>) -> PartOfSpeech? {
        let fields = rest.split { $0 == 0x20 || $0 == 0x0D }
        guard var field = fields.first else { return nil }
        if field.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard fields.count > 1 else { return nil }
            field = fields[1]
        }
        guard field.count <= 8, field.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        return PartOfSpeech(rawValue: String(decoding: field.map(UInt8.init), as: UTF8.self))
    }

    /// Clause punctuation, which never starts or ends a word.
    static let clausePunctuation: Set<UInt32> = Set("，。、；：？！,;:?!".unicodeScalars.map(\.value))

    /// Whether a folded term is a fragment of a clause rather than a word: Han text that
    /// starts or ends with clause punctuation (word lists cut from corpora hold such
    /// entries, e.g. `，还`). Such terms are skipped.
    static func isClauseFragment(_ folded: [UInt32]) -> Bool {
        guard folded.count > 1,
              clausePunctuation.contains(folded[0]) || clausePunctuation.contains(folded[folded.count - 1])
        else { return false }
        return folded.contains { TextNormalizer.shared.characterClass(of: $0) == .han }
    }

    /// Whether `term` is in the dictionary (after folding).
    public func contains(_ term: String) -> Bool {
        trie.value(for: TextNormalizer.shared.foldedScalars(term)) >= 0
    }

    /// Reads a dictionary file: one term per line. A line with a tab holds the term before
    /// the first tab; otherwise the term ends at the first space, so jieba user dictionaries
    /// (`term [freq] [tag]`) load as they are, their tag (lower-case letters after the term
    /// or the frequency) becoming the term's part of speech. Blank lines and lines starting
    /// with `#` are skipped. A UTF-8 BOM is allowed.
    ///
    /// - Throws: ``InvalidUTF8Error`` naming the file and byte offset, or the file error.
    public static func load(contentsOf path: String) throws -> UserDictionary {
        let data = try TextFile.data(path)
        var dictionary = UserDictionary()
        try dictionary.addLines(of: data, file: path)
        return dictionary
    }

    /// Adds the terms of a dictionary file's contents (see ``load(contentsOf:)``).
    public mutating func addLines(of data: Data, file: String? = nil) throws {
        let normalizer = TextNormalizer.shared
        let scalars: [UInt32]
        do {
            scalars = try data.withUnsafeBytes { raw in
                try UTF8Decoding.scalars(of: raw.bindMemory(to: UInt8.self))
            }
        } catch let error as InvalidUTF8Error {
            throw InvalidUTF8Error(file: file, byteOffset: error.byteOffset)
        }
        var term: [UInt32] = []
        var i = scalars.first == ByteOrderMark.scalar.value ? 1 : 0
        while i <= scalars.count {
            // One line: the term is the text before the first space or tab.
            var j = i
            while j < scalars.count, scalars[j] != 0x0A { j += 1 }
            term.removeAll(keepingCapacity: true)
            var k = i
            while k < j, scalars[k] == 0x20 || scalars[k] == 0x09 { k += 1 }
            if k < j, scalars[k] != 0x23 /* # */ {
                // A tab ends the term when the line has one (the term may hold spaces);
                // otherwise the first space does (jieba's `term freq tag`).
                let hasTab = scalars[k..<j].contains(0x09)
                while k < j, scalars[k] != 0x09, scalars[k] != 0x0D, hasTab || scalars[k] != 0x20 {
                    term.append(normalizer.fold(scalars[k]))
                    k += 1
                }
                while let last = term.last, last == 0x20 { term.removeLast() }
                add(folded: term, partOfSpeech: hasTab ? nil : Self.jiebaTag(scalars[k..<j]))
            }
            i = j + 1
        }
    }
}
