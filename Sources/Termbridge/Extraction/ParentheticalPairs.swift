/// How a parenthetical pair is written.
public enum ParentheticalForm: String, Sendable, Codable, CaseIterable {
    /// 中文(English): a Chinese term glossed in English — 核保护伞(nuclear umbrella).
    case chineseEnglish = "zh(en)"
    /// 中文(ABBR): a Chinese term glossed by an English abbreviation — 北大西洋公约组织(NATO).
    case chineseAbbreviation = "zh(abbr)"
    /// ABBR(中文): an abbreviation explained in Chinese — ATACMS(陆军战术导弹系统).
    case abbreviationChinese = "abbr(zh)"
    /// English(中文): an English word explained in Chinese — hedging(风险对冲).
    case englishChinese = "en(zh)"
}

/// A term and its translation found side by side in Chinese text, one in brackets.
public struct ParentheticalPair: Sendable, Hashable {
    /// The Chinese side, as written (Traditional stays Traditional), without surrounding
    /// quotes; book-title marks 《》 are kept, as glossaries write titles with them.
    public var chinese: String
    /// The English side, as written.
    public var english: String
    /// Which side is in brackets.
    public var form: ParentheticalForm
    /// Whether the brackets are full-width （）.
    public var fullWidth: Bool
    /// Whether the Chinese side was in quotation marks (“准盟友”(quasi allies)).
    public var quoted: Bool
    /// Where the Chinese side is in the searched line.
    public var chineseRange: TextRange
    /// Where the whole pair — outside side, brackets and content — is in the searched line.
    public var range: TextRange

    public init(chinese: String, english: String, form: ParentheticalForm, fullWidth: Bool, quoted: Bool,
                chineseRange: TextRange, range: TextRange) {
        self.chinese = chinese
        self.english = english
        self.form = form
        self.fullWidth = fullWidth
        self.quoted = quoted
        self.chineseRange = chineseRange
        self.range = range
    }
}

/// Finds parenthetical pairs — the most reliable bilingual evidence in compiled translations —
/// in lines of Chinese text: 中文(English), “中文”(English), 中文（English）, ABBR(中文),
/// 中文(ABBR) and English(中文). Brackets holding Chinese after Chinese (explanations such as
/// (由总统授予)) are not pairs.
///
/// The hard part is the left boundary of a Chinese side before the bracket: it is never the
/// whole clause. It is decided, in order, by
/// 1. quotation marks right before the bracket (“准盟友”(quasi allies) → 准盟友);
/// 2. a transliterated name token (丽贝卡·利斯纳(Rebecca Lissner));
/// 3. the glossary: the longest suffix of the clause that is a glossary term whose concept
///    has the bracketed English;
/// 4. CC-CEDICT: the longest suffix that is a headword with a gloss naming the bracketed
///    English (all its content words, or an abbreviation's initials);
/// 5. a walk over the segmenter's tokens from the bracket leftwards, which stops at clause
///    punctuation and function words (的, 了, 任何, 称为 …) and takes a token when its
///    CC-CEDICT glosses translate an English word not yet covered, or when an uncovered English
///    word licenses it: a lower-case word one token of up to three characters, a capitalised
///    word a run of transliteration characters of up to four (卡尔德 for Calder), an
///    abbreviation's letter one token of up to four characters (北大西洋|公约|组织 for NATO).
///
/// Build once (the glossary and lexicon tables are compiled in `init`), then call per line.
/// O(n) per line, plus O(k²) lexicon look-ups per bracket for a clause of k ≤ 24 characters.
/// Holds a stemmer: use one finder per thread.
public final class ParentheticalPairFinder {
    /// The segmenter whose tokens guide the left boundary.
    public let segmenter: Segmenter
    /// CC-CEDICT, the evidence for the left boundary when present.
    public let lexicon: CEDICTLexicon?
    private let stemmer: EnglishStemmer
    private let evidence: TranslationEvidence?
    /// Folded glossary Chinese term → the stem keys of its concept's English terms.
    private let glossaryEnglish: [String: Set<String>]

    /// The longest Chinese side considered, in characters.
    static let maximumChineseLength = 24
    /// The most English words on either side.
    static let maximumEnglishWords = 8

    /// - Parameters:
    ///   - segmenter: tokens for the left-boundary walk (a segmenter with the glossary terms
    ///     in its dictionary keeps them whole).
    ///   - lexicon: CC-CEDICT, for translation evidence; without it the walk counts tokens.
    ///   - glossary: known pairs, preferred over any other evidence.
    public init(segmenter: Segmenter, lexicon: CEDICTLexicon? = nil, glossary: Glossary? = nil) throws {
        self.segmenter = segmenter
        self.lexicon = lexicon
        let stemmer = try EnglishStemmer()
        self.stemmer = stemmer
        evidence = lexicon.map { TranslationEvidence(lexicon: $0, stemmer: stemmer) }
        var glossaryEnglish: [String: Set<String>] = [:]
        for concept in glossary?.concepts ?? [] {
            let english = Set(concept.terms(in: "en").map { Self.stemKey($0.text, stemmer: stemmer) })
            guard !english.isEmpty else { continue }
            for term in concept.terms(in: "zh") {
                glossaryEnglish[TextNormalizer.shared.fold(term.text.trimmingWhitespace), default: []].formUnion(english)
            }
        }
        self.glossaryEnglish = glossaryEnglish
    }

    /// The pairs in one line of text (segmented here).
    public func pairs(in line: String) throws -> [ParentheticalPair] {
        try pairs(in: line, tokens: segmenter.tokens(in: line))
    }

    /// The pairs in one line of text, given its tokens (from ``segmenter``).
    public func pairs(in line: String, tokens: [Token]) -> [ParentheticalPair] {
        guard line.unicodeScalars.contains(where: { $0 == "(" || $0 == "（" }) else { return [] }
        let text = LineText(line)
        let s = text.folded
        var tokenStarts = Set<Int>()
        var tokenOfScalar = [Int](repeating: -1, count: s.count)
        for (index, token) in tokens.enumerated() {
            tokenStarts.insert(token.range.scalars.lowerBound)
            for k in token.range.scalars where k < s.count { tokenOfScalar[k] = index }
        }
        var result: [ParentheticalPair] = []
        var i = 0
        while i < s.count {
            guard s[i] == 0x28 /* ( */ else { i += 1; continue }   // （ folds to (
            guard let close = Self.closingBracket(s, from: i) else { i += 1; continue }
            let fullWidth = text.original[i] == 0xFF08
            var contentStart = i + 1, contentEnd = close
            while contentStart < contentEnd, Self.isSpace(s[contentStart]) { contentStart += 1 }
            while contentEnd > contentStart, Self.isSpace(s[contentEnd - 1]) { contentEnd -= 1 }
            var before = i
            while before > 0, Self.isSpace(s[before - 1]) { before -= 1 }
            if contentStart < contentEnd, before > 0,
               let pair = pair(text, tokens: tokens, tokenStarts: tokenStarts, tokenOfScalar: tokenOfScalar,
                               content: contentStart..<contentEnd, before: before, bracket: i, close: close,
                               fullWidth: fullWidth) {
                result.append(pair)
            }
            i = close + 1
        }
        return result
    }

    // MARK: One bracket

    private func pair(_ text: LineText, tokens: [Token], tokenStarts: Set<Int>, tokenOfScalar: [Int],
                      content: Range<Int>, before: Int, bracket: Int, close: Int, fullWidth: Bool) -> ParentheticalPair? {
        let s = text.folded
        let normalizer = TextNormalizer.shared
        let classes = content.map { normalizer.characterClass(of: s[$0]) }
        let hasHan = classes.contains(.han)
        let hasLetter = classes.contains(.letter)
        let previous = normalizer.characterClass(of: s[before - 1])

        if hasLetter && !hasHan {
            // 中文(English) or 中文(ABBR): the bracket holds the English.
            let english = text.string(content)
            guard Self.isEnglishTerm(english) else { return nil }
            guard let chinese = chineseSide(text, tokens: tokens, tokenOfScalar: tokenOfScalar, end: before,
                                            english: english) else { return nil }
            let form: ParentheticalForm = Self.isAbbreviation(english) ? .chineseAbbreviation : .chineseEnglish
            return ParentheticalPair(chinese: text.string(chinese.range), english: english, form: form,
                                     fullWidth: fullWidth, quoted: chinese.quoted,
                                     chineseRange: text.range(chinese.range),
                                     range: text.range(min(chinese.range.lowerBound, before)..<(close + 1)))
        }
        if hasHan && !hasLetter && (previous == .letter || previous == .digit) {
            // ABBR(中文) or English(中文): the bracket holds the Chinese.
            guard let englishRange = Self.englishRun(s, end: before) else { return nil }
            let english = text.string(englishRange)
            guard let chinese = chineseContent(text, content) else { return nil }
            let form: ParentheticalForm = Self.isAbbreviation(english) ? .abbreviationChinese : .englishChinese
            return ParentheticalPair(chinese: text.string(chinese), english: english, form: form,
                                     fullWidth: fullWidth, quoted: false, chineseRange: text.range(chinese),
                                     range: text.range(englishRange.lowerBound..<(close + 1)))
        }
        return nil
    }

    /// The matching closing bracket (either width) on the line, at most 80 characters on;
    /// nil when the bracket nests or is not closed.
    static func closingBracket(_ s: [UInt32], from open: Int) -> Int? {
        var j = open + 1
        while j < s.count, j - open <= 80 {
            if s[j] == 0x29 { return j }
            if s[j] == 0x28 { return nil }
            j += 1
        }
        return nil
    }

    // MARK: The Chinese side before the bracket

    private func chineseSide(_ text: LineText, tokens: [Token], tokenOfScalar: [Int], end: Int,
                             english: String) -> (range: Range<Int>, quoted: Bool)? {
        let s = text.folded
        // 1. Quotation marks or book-title marks right before the bracket.
        if let quoted = Self.quotedSpan(s, end: end) { return quoted }
        // The clause: back to punctuation, white space or a non-Han character.
        let englishHasDigit = english.unicodeScalars.contains { $0.properties.numericType != nil }
        var start = end
        let normalizer = TextNormalizer.shared
        while start > 0, end - start < Self.maximumChineseLength {
            let c = s[start - 1]
            let cls = normalizer.characterClass(of: c)
            let isNameDot = c < 0x10000 && CharacterFlags.table[Int(c)].contains(.nameDot)
            if cls == .han || isNameDot || (cls == .digit && englishHasDigit) { start -= 1 } else { break }
        }
        guard start < end else { return nil }
        // Units: the segmenter's tokens inside the clause (a token crossing its start is cut).
        var units: [Range<Int>] = []
        var k = start
        while k < end {
            let index = tokenOfScalar[k]
            let tokenEnd = index >= 0 ? min(end, tokens[index].range.scalars.upperBound) : k + 1
            units.append(k..<max(k + 1, tokenEnd))
            k = max(k + 1, tokenEnd)
        }
        // 2. A transliterated name.
        if let last = units.last, text.folded[last].contains(where: { $0 < 0x10000 && CharacterFlags.table[Int($0)].contains(.nameDot) }) {
            return (last, false)
        }
        let englishKey = Self.stemKey(english, stemmer: stemmer)
        let englishWords = contentWords(english)
        let abbreviation = Self.isAbbreviation(english) ? english.unicodeScalars.filter { $0.properties.isUppercase }.map { Character($0) } : nil
        // 3. The glossary: the longest suffix that is a known term for this English.
        if !glossaryEnglish.isEmpty {
            for from in start..<(end - 1) {
                let key = text.foldedString(from..<end)
                if let known = glossaryEnglish[key], known.contains(englishKey) {
                    return (from..<end, false)
                }
            }
        }
        // 4. CC-CEDICT: the longest suffix that is a headword glossing the English.
        if let evidence {
            for from in start..<(end - 1) {
                let word = text.foldedString(from..<end)
                guard evidence.lexicon.contains(word) else { continue }
                let names = abbreviation != nil ? evidence.glossAbbreviates(word, as: english)
                    : evidence.glossCovers(word, all: englishWords.map(\.stem))
                if names { return (from..<end, false) }
            }
        }
        // 5. The walk.
        let from = walk(text, units: units, englishWords: englishWords, abbreviation: abbreviation)
        guard end - from >= 2 else { return nil }
        return (from..<end, false)
    }

    /// The span of quoted text ending at `end` (“…” 「…」 『…』 "…" ‘…’ without the marks,
    /// 《…》 with them), at most 30 characters.
    static func quotedSpan(_ s: [UInt32], end: Int) -> (range: Range<Int>, quoted: Bool)? {
        let pairs: [UInt32: UInt32] = [0x201D: 0x201C, 0x300D: 0x300C, 0x300F: 0x300E, 0x22: 0x22,
                                       0x2019: 0x2018, 0x300B: 0x300A]
        guard end > 0, let opener = pairs[s[end - 1]] else { return nil }
        var j = end - 2
        while j >= 0, end - j <= 32 {
            if s[j] == opener {
                guard end - 1 - (j + 1) >= 1 else { return nil }
                if s[end - 1] == 0x300B { return (j..<end, false) }
                return ((j + 1)..<(end - 1), true)
            }
            if Self.clausePunctuation.contains(s[j]) { return nil }
            j -= 1
        }
        return nil
    }

    static let clausePunctuation: Set<UInt32> = Set("，。、；：？！,;:?!".unicodeScalars.map(\.value))

    /// Walks the units leftwards from the bracket (see the type's discussion); returns where
    /// the Chinese side starts.
    private func walk(_ text: LineText, units: [Range<Int>], englishWords: [EnglishWordKey],
                      abbreviation: [Character]?) -> Int {
        var covered = [Bool](repeating: false, count: englishWords.count)
        var licensed = [Bool](repeating: false, count: englishWords.count)
        var letters = abbreviation ?? []
        var start = units.last?.upperBound ?? 0
        /// The English word whose transliteration run is open, with the characters it may still take.
        var openName: (word: Int, remaining: Int)?
        for unit in units.reversed() {
            let word = text.foldedString(unit)
            if BoundaryWords.isChineseBoundary(word) { break }
            let length = unit.count
            let isTransliteration = text.folded[unit].allSatisfy { $0 < 0x10000 && CharacterFlags.table[Int($0)].contains(.transliteration) }
            if abbreviation != nil {
                guard !letters.isEmpty, length <= 4 else { break }
                let initials = evidence?.glossInitials(word) ?? []
                if let k = letters.lastIndex(where: { initials.contains($0) }) {
                    letters.remove(at: k)
                } else {
                    letters.removeLast()
                }
                start = unit.lowerBound
                continue
            }
            let translated = evidence.map { evidence in
                englishWords.indices.filter { !covered[$0] && evidence.translates(word, stem: englishWords[$0].stem) }
            } ?? []
            if !translated.isEmpty {
                for k in translated { covered[k] = true }
                openName = nil
                start = unit.lowerBound
                continue
            }
            // Licensed by an English word not yet covered.
            if let name = openName, isTransliteration, length <= name.remaining {
                openName = (name.word, name.remaining - length)
                start = unit.lowerBound
                continue
            }
            let free = englishWords.indices.filter { !covered[$0] && !licensed[$0] }
            let capitalised = free.last { englishWords[$0].capitalised }
            if isTransliteration, let k = capitalised, length <= 4 {
                licensed[k] = true
                openName = (k, 4 - length)
                start = unit.lowerBound
                continue
            }
            if let k = free.last, length <= (englishWords[k].capitalised ? 4 : 3) {
                licensed[k] = true
                openName = nil
                start = unit.lowerBound
                continue
            }
            break
        }
        return start
    }

    // MARK: The Chinese side in brackets

    /// The Chinese in brackets after an English word, without a leading 即 or 简称; nil when
    /// it is an explanation rather than a term (it starts with a function word, holds a
    /// particle or clause punctuation, or is too long).
    private func chineseContent(_ text: LineText, _ content: Range<Int>) -> Range<Int>? {
        var from = content.lowerBound
        let folded = text.foldedString(content)
        for marker in ["简称", "全称", "全名", "又称", "亦称", "或称", "意为", "意即", "译为", "即"] where folded.hasPrefix(marker) {
            from += marker.unicodeScalars.count
            break
        }
        let range = from..<content.upperBound
        guard range.count >= 2, range.count <= Self.maximumChineseLength else { return nil }
        let normalizer = TextNormalizer.shared
        for k in range {
            let c = text.folded[k]
            let cls = normalizer.characterClass(of: c)
            let isNameDot = c < 0x10000 && CharacterFlags.table[Int(c)].contains(.nameDot)
            guard cls == .han || isNameDot || c == 0x300A || c == 0x300B else { return nil }
        }
        guard let tokens = try? segmenter.tokens(in: text.string(range)), let first = tokens.first else { return nil }
        if BoundaryWords.isChineseBoundary(TextNormalizer.shared.fold(first.text)) { return nil }
        if tokens.contains(where: { ["的", "了", "着", "过"].contains(TextNormalizer.shared.fold($0.text)) }) { return nil }
        return range
    }

    // MARK: The English side

    /// The run of Latin words ending at `end` (ATACMS, hedging, strategic ambiguity), at most
    /// ``maximumEnglishWords`` words; nil when it has no letter.
    static func englishRun(_ s: [UInt32], end: Int) -> Range<Int>? {
        let normalizer = TextNormalizer.shared
        var start = end
        var words = 1
        while start > 0 {
            let c = s[start - 1]
            let cls = normalizer.characterClass(of: c)
            if cls == .letter || cls == .digit || c == 0x2D || c == 0x27 || c == 0x2019 || c == 0x2E || c == 0x26 {
                start -= 1
            } else if c == 0x20, start >= 2, normalizer.characterClass(of: s[start - 2]) == .letter {
                start -= 1
                words += 1
                if words > maximumEnglishWords { return nil }
            } else {
                break
            }
        }
        while start < end, !(normalizer.characterClass(of: s[start]) == .letter || normalizer.characterClass(of: s[start]) == .digit) {
            start += 1
        }
        guard start < end, s[start..<end].contains(where: { normalizer.characterClass(of: $0) == .letter }) else { return nil }
        return start..<end
    }

    /// Whether bracketed Latin text reads as a term or a name (not a citation, a sentence,
    /// a URL or a note).
    static func isEnglishTerm(_ text: String) -> Bool {
        let words = EnglishWords.of(text)
        guard !words.isEmpty, words.count <= maximumEnglishWords else { return false }
        if text.unicodeScalars.contains(where: { ":;/=@?!\"“”《》".unicodeScalars.contains($0) }) { return false }
        return words.contains { $0.folded.unicodeScalars.contains { $0.properties.isAlphabetic } }
    }

    /// Whether `text` is an abbreviation: one word of capitals and digits with at least one
    /// capital and no lower-case letter (NATO, G7, ATACMS, U.S.).
    static func isAbbreviation(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, scalars.count <= 12, !scalars.contains(where: { $0 == " " }) else { return false }
        guard !scalars.contains(where: { $0.properties.isLowercase }) else { return false }
        return scalars.filter { $0.properties.isUppercase }.count >= 1
            && scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-.&".unicodeScalars.contains($0) }
    }

    // MARK: Lexicon evidence

    struct EnglishWordKey {
        var stem: String
        var capitalised: Bool
    }

    /// The content words of English text: stemmed, stop words left out.
    private func contentWords(_ text: String) -> [EnglishWordKey] {
        EnglishWords.of(text).compactMap { word in
            guard !BoundaryWords.isEnglishStopWord(word.folded) else { return nil }
            return EnglishWordKey(stem: stemmer.stem(word.folded),
                                  capitalised: word.text.unicodeScalars.first?.properties.isUppercase == true)
        }
    }

    /// The stems of the content words of `text`, joined by spaces.
    static func stemKey(_ text: String, stemmer: EnglishStemmer) -> String {
        EnglishWords.of(text).map { stemmer.stem($0.folded) }.joined(separator: " ")
    }

    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x3000 }
}

/// A line as original and folded scalars, with UTF-8 offsets, for slicing by scalar range.
struct LineText {
    let original: [UInt32]
    let folded: [UInt32]
    let utf8Offsets: [Int]

    init(_ line: String) {
        let normalizer = TextNormalizer.shared
        var original: [UInt32] = [], folded: [UInt32] = [], offsets: [Int] = []
        original.reserveCapacity(line.unicodeScalars.count)
        var byte = 0
        for scalar in line.unicodeScalars {
            original.append(scalar.value)
            folded.append(normalizer.fold(scalar.value))
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        self.original = original
        self.folded = folded
        self.utf8Offsets = offsets
    }

    /// The original text of a scalar range.
    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for value in original[range] { view.append(Unicode.Scalar(value)!) }
        return String(view)
    }

    /// The folded text of a scalar range.
    func foldedString(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for value in folded[range] { view.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        return String(view)
    }

    func range(_ scalars: Range<Int>) -> TextRange {
        TextRange(utf8: utf8Offsets[scalars.lowerBound]..<utf8Offsets[scalars.upperBound], scalars: scalars)
    }
}
