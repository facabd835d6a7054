import Foundation

/// Terms that must come out of the segmenter as single tokens where ICU would split them
/// (准盟友, 主要非北约盟友, 陆军战术导弹系统). Terms are stored folded — NFKC and Simplified —
/// so 準盟友 in the text matches 准盟友 in the dictionary.
///
/// Built once, then shared read-only by any number of segmenters. Adding a term is O(length).
public struct UserDictionary: Sendable {
    private(set) var trie = ScalarTrie()
    /// The number of distinct terms.
    public private(set) var count = 0

    /// An empty dictionary.
    public init() {}

    /// A dictionary holding `terms`.
    public init(_ terms: some Sequence<String>) {
        for term in terms { add(term) }
    }

    /// Whether the dictionary has no terms.
    public var isEmpty: Bool { count == 0 }

    /// Adds a term; surrounding white space is ignored, and so is an empty term.
    public mutating func add(_ term: String) {
        let normalizer = TextNormalizer.shared
        var folded: [UInt32] = []
        folded.reserveCapacity(term.unicodeScalars.count)
        for scalar in term.unicodeScalars where !scalar.properties.isWhitespace || !folded.isEmpty {
            folded.append(normalizer.fold(scalar.value))
        }
        while let last = folded.last, Unicode.Scalar(last)?.properties.isWhitespace == true {
            folded.removeLast()
        }
        add(folded: folded)
    }

    mutating func add(folded: [UInt32]) {
        guard !folded.isEmpty, !Self.isClauseFragment(folded) else { return }
        if trie.value(for: folded) < 0 {
            trie.insert(folded, value: Int32(folded.count))
            count += 1
        }
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
        let normalizer = TextNormalizer.shared
        return trie.value(for: term.unicodeScalars.map { normalizer.fold($0.value) }) >= 0
    }

    /// Reads a dictionary file: one term per line. A line with a tab holds the term before
    /// the first tab; otherwise anything after the first space is ignored, so jieba-style
    /// user dictionaries (`term freq tag`) load as they are. Blank
    /// lines and lines starting with `#` are skipped. A UTF-8 BOM is allowed.
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
                add(folded: term)
            }
            i = j + 1
        }
    }
}
