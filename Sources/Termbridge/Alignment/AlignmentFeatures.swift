import ICU

/// What the aligner knows about one Chinese unit (a sentence, or a block of them).
struct ChineseUnitFeatures: Sendable {
    /// Length in characters, white space excluded.
    var length: Int
    /// The unit's translatable items (words, numbers, Latin tokens, names, and the question
    /// marks, exclamation marks and quotation marks a translation keeps), each with the
    /// identifiers of the English keys it may be rendered as (sorted). At most 64 are kept.
    var items: [[Int32]]
}

/// What the aligner knows about one English unit.
struct EnglishUnitFeatures: Sendable {
    /// Length in characters, white space excluded.
    var length: Int
    /// The identifiers of its content words' stems, numbers, Latin tokens and kinds of kept
    /// punctuation (sorted, unique); at most 64 are kept. Unmatched ones count against a bead.
    var content: [Int32]
    /// The identifiers of its name keys — capitalised words and runs of them, lower case
    /// (Chen, Qingyang, chenqingyang) — which pinyin of Chinese names can match (sorted,
    /// unique). They count only when matched.
    var names: [Int32]
}

/// Turns sentences into ``ChineseUnitFeatures`` and ``EnglishUnitFeatures``: the
/// bilingual lexicon (CC-CEDICT glosses and glossary terms, as Snowball stems), numbers
/// (2024 ↔ 2024年, 2,000 ↔ 2000磅), Latin tokens carried over (ATACMS, G7), names
/// (陈清扬 ↔ Chen Qingyang, through pinyin) and punctuation a translation keeps (？ ↔ ?,
/// ！ ↔ !, “” ↔ “” or ", which mark questions, exclamations and dialogue in either language).
final class AlignmentFeatureExtractor {
    static let maximumItems = 64

    private let segmenter: Segmenter
    private let stemmer: EnglishStemmer
    private let pinyin: Transform?
    private let cedict: CEDICTLexicon?
    private let cedictIndex: CEDICTEnglishIndex?
    /// Keys beyond CC-CEDICT's: stems of glossary terms and English words CC-CEDICT lacks,
    /// numbers, name keys. Their identifiers start after the CC-CEDICT keys.
    private var extraKeys: [String: Int32] = [:]
    private let firstExtraKey: Int32
    /// Chinese glossary term (folded) → English key ids of its acceptable English terms.
    private var glossaryTranslations: [String: [Int32]] = [:]
    private var chineseCache: [String: [Int32]] = [:]
    private var stemCache: [String: Int32] = [:]

    init(glossary: Glossary?, lexicon: CEDICTLexicon?) throws {
        stemmer = try EnglishStemmer()
        pinyin = try? Transform(id: "Han-Latin; Latin-ASCII")
        cedict = lexicon
        // Compiled lexicons carry the stemmed index; one read from text gets it built here.
        let key = CEDICTEnglishIndex.stemmedContentWord(stemmer)
        cedictIndex = lexicon.map { lexicon in lexicon.stemmedEnglish ?? CEDICTEnglishIndex(lexicon, key: key) }
        firstExtraKey = Int32(cedictIndex?.keyCount ?? 0)
        segmenter = try Segmenter(dictionary: glossary.map(UserDictionary.init(glossary:)) ?? UserDictionary())
        if let glossary {
            for concept in glossary.concepts {
                let english = concept.terms(in: "en").filter { $0.status.isAcceptable }
                let ids = Array(Set(english.flatMap { term in EnglishWords.of(term.text).compactMap { contentKey($0.folded) } })).sorted()
                guard !ids.isEmpty else { continue }
                for term in concept.terms(in: "zh") {
                    let key = TextNormalizer.shared.fold(term.text)
                    glossaryTranslations[key] = Array(Set((glossaryTranslations[key] ?? []) + ids)).sorted()
                }
            }
        }
    }

    // MARK: English

    func english(_ text: String) -> EnglishUnitFeatures {
        var content = Set<Int32>()
        var names = Set<Int32>()
        var length = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { length += 1 }
        let words = EnglishWords.of(text)
        for scalar in text.unicodeScalars {
            if let key = Self.punctuationKey(scalar) { content.insert(extraKey(key)) }
        }
        var run = ""
        for word in words {
            if let id = contentKey(word.folded) { content.insert(id) }
            let isName = word.text.first?.isUppercase == true && word.text.contains(where: \.isLowercase)
            if isName {
                let key = Self.asciiLetters(word.folded)
                if key.count >= 4 { names.insert(extraKey("n:" + key)) }
                run += key
                if run != key { names.insert(extraKey("n:" + run)) }
            } else {
                run = ""
            }
        }
        return EnglishUnitFeatures(length: length, content: Array(content.sorted().prefix(Self.maximumItems)),
                                   names: names.sorted())
    }

    /// The key of an English word: its stem's id, a number's digits, or nil for stop words.
    private func contentKey(_ folded: String) -> Int32? {
        if let cached = stemCache[folded] { return cached < 0 ? nil : cached }
        var id: Int32 = -1
        if folded.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "," || $0 == "." }) {
            let digits = Self.digits(folded)
            if !digits.isEmpty { id = extraKey("#" + digits) }
        } else if !CEDICTEnglishIndex.stopWords.contains(folded) {
            let stem = stemmer.stem(folded)
            if let known = cedictIndex?.keyID(for: stem) { id = Int32(known) } else { id = extraKey(stem) }
        }
        stemCache[folded] = id
        return id < 0 ? nil : id
    }

    // MARK: Chinese

    func chinese(_ text: String) throws -> ChineseUnitFeatures {
        var items: [[Int32]] = []
        var length = 0
        for token in try segmenter.tokens(in: text) {
            if token.kind != .whitespace { length += token.text.unicodeScalars.count }
            guard items.count < Self.maximumItems else { continue }
            switch token.kind {
            case .number:
                let digits = Self.digits(token.text)
                if !digits.isEmpty { items.append([extraKey("#" + digits)]) }
            case .latinWord:
                for word in EnglishWords.of(token.text) {
                    if let id = contentKey(word.folded) { items.append([id]) }
                }
            case .hanWord:
                let translations = chineseTranslations(token.text)
                if !translations.isEmpty { items.append(translations) }
            case .punctuation:
                // Each mark is an item; the English side has each kind of mark once, so a
                // sentence with a question and its quotes matches one with both.
                for scalar in token.text.unicodeScalars {
                    if let key = Self.punctuationKey(scalar), items.count < Self.maximumItems { items.append([extraKey(key)]) }
                }
            default:
                break
            }
        }
        return ChineseUnitFeatures(length: length, items: items)
    }

    /// The English keys a Chinese word may be rendered as: glossary terms first, then
    /// CC-CEDICT's glosses, plus the pinyin of words of two or more characters (for names).
    private func chineseTranslations(_ word: String) -> [Int32] {
        let folded = TextNormalizer.shared.fold(word)
        if let cached = chineseCache[folded] { return cached }
        var ids = Set<Int32>(glossaryTranslations[folded] ?? [])
        if let cedict, let index = cedictIndex, let headword = cedict.headwordID(for: folded) {
            ids.formUnion(index.keyIDs(forHeadwordID: headword))
        }
        let hanCount = folded.unicodeScalars.filter { $0.properties.isIdeographic }.count
        if hanCount >= 2, let pinyin, let romanized = try? pinyin.apply(folded) {
            let key = Self.asciiLetters(romanized.lowercased())
            if key.count >= 4 { ids.insert(extraKey("n:" + key)) }
        }
        let result = ids.sorted()
        chineseCache[folded] = result
        return result
    }

    // MARK: Keys

    private func extraKey(_ key: String) -> Int32 {
        if let id = extraKeys[key] { return id }
        let id = firstExtraKey + Int32(extraKeys.count)
        extraKeys[key] = id
        return id
    }

    /// The digits of a number, separators removed: "2,000" → "2000", "2024年" → "2024".
    static func digits(_ text: String) -> String {
        let folded = TextNormalizer.shared.fold(text)
        var digits = String(folded.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
        return digits
    }

    /// The key of a punctuation mark that a translation keeps: question and exclamation
    /// marks, quotation marks (of either language), nil for the rest.
    static func punctuationKey(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "?", "？": "p:?"
        case "!", "！": "p:!"
        case "\u{201C}", "\u{201D}", "\"", "「", "」", "『", "』": "p:q"
        default: nil
        }
    }

    static func asciiLetters(_ text: String) -> String {
        String(text.unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}
