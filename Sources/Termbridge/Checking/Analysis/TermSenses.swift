/// Holds English glossary terms to their sense, beyond the stems ``GlossaryMatcher``
/// matches on (Snowball stems conflate *abandonment* and "abandon", *ally* and "allied"):
///
/// 1. **Inflections of the term's part of speech only.** Each word of an occurrence must be
///    the term's word or an inflection its part of speech allows: a noun its plural
///    (allies, crises) — a verb its -s, -ed and -ing forms (withholding). The part of
///    speech is the glossary's (`pos`) or, when it gives none, inferred: a definition
///    starting "To …" makes a verb; a head word ending in -ment, -tion, -ness, -ity, -ance,
///    -ence, -ship or -ism, or a definition starting "A …", "An …", "The …", a noun; else
///    both are allowed. So "abandon" is not the noun *abandonment*, "allied" not the noun
///    *ally*, "escalate" not *escalation*.
/// 2. **The context's part of speech.** A noun term right after a modal (will, can, should,
///    …), a subject pronoun, or "to" after a verb of intent (want to, seek to) is a verb
///    there; a verb term's base form right after a determiner (the, a, its, …) is a noun
///    there. Either is no occurrence of the term.
/// 3. **A verb's object.** A verb defined "To hold back aid or weapons deliveries …" names
///    what it applies to: the content words after the defining verb and its particle, up to
///    a preposition (aid, weapons, deliveries). When the occurrence has an object (the
///    content words after it, up to a preposition or a mark), one of them must be one of
///    those words (same stem) or, with CC-CEDICT, share a headword's glosses with one
///    (support and aid: 援助). "withholding the guarantee" is not *withhold* (aid, weapons);
///    "withholding support" is, with CC-CEDICT.
///
/// Words are compared folded (lower case, possessive 's removed), as ``EnglishWords`` gives
/// them.
final class TermSenses {
    /// A part of speech as the checks use it.
    enum WordClass: Equatable { case noun, verb, adjective, any }

    /// What is known about one English term.
    struct Shape {
        var words: [String]
        var wordClass: WordClass
        /// The content words of the definition's object, by stem; nil: no restriction.
        var objectStems: Set<String>?
        var objectWords: [String]
    }

    private let glossary: Glossary
    private let lexicon: CEDICTLexicon?
    private let stemmer: EnglishStemmer
    private var shapes: [TermReference: Shape] = [:]

    init(glossary: Glossary, lexicon: CEDICTLexicon?) throws {
        self.glossary = glossary
        self.lexicon = lexicon
        stemmer = try EnglishStemmer()
    }

    // MARK: Filtering

    /// `matches` (English glossary matches in `text`, whose words are `words`) with the
    /// references that do not fit their sense left out, and matches left with none dropped.
    func filter(_ matches: [TermMatch], words: [EnglishWord]) -> [TermMatch] {
        guard !matches.isEmpty else { return matches }
        return matches.compactMap { match in
            let range = match.range.scalars
            guard let first = words.firstIndex(where: { $0.range.scalars.lowerBound >= range.lowerBound }) else { return match }
            var end = first
            while end < words.count, words[end].range.scalars.upperBound <= range.upperBound { end += 1 }
            let occurrence = Array(words[first..<end])
            var kept = match
            kept.references = match.references.filter { reference in
                guard Concept.tag(glossary.concepts[reference.concept].languages[reference.language].language, matches: "en") else { return true }
                return fits(shape(of: reference), occurrence: occurrence, before: first > 0 ? words[first - 1].folded : nil,
                            beforeThat: first > 1 ? words[first - 2].folded : nil, after: Array(words[end...].prefix(5)))
            }
            return kept.references.isEmpty ? nil : kept
        }
    }

    private func fits(_ shape: Shape, occurrence: [EnglishWord], before: String?, beforeThat: String?, after: [EnglishWord]) -> Bool {
        guard occurrence.count == shape.words.count else { return true }   // matched otherwise (hyphens, …): leave it
        for (k, word) in occurrence.enumerated() {
            let isHead = k == occurrence.count - 1
            let wordClass: WordClass = isHead ? shape.wordClass : .noun
            guard Self.isForm(word.folded, of: shape.words[k], as: wordClass) else { return false }
        }
        let head = occurrence[occurrence.count - 1].folded, base = shape.words[shape.words.count - 1]
        if let before {
            if shape.wordClass == .noun, occurrence.count == 1,
               Self.modals.contains(before) || Self.subjectPronouns.contains(before)
                || (before == "to" && beforeThat.map(Self.verbsOfIntent.contains) == true) {
                return false
            }
            if shape.wordClass == .verb, Self.determiners.contains(before), head == base || head == base + "s" {
                return false
            }
        }
        if shape.wordClass == .verb, let stems = shape.objectStems, !stems.isEmpty {
            let object = Self.objectWords(after)
            if !object.isEmpty, !object.contains(where: { related($0, to: shape) }) { return false }
        }
        return true
    }

    /// Whether `word` of an occurrence relates to the definition's object words.
    private func related(_ word: String, to shape: Shape) -> Bool {
        if shape.objectStems?.contains(stemmer.stem(word)) == true { return true }
        guard let lexicon, let key = lexicon.english.keyID(for: word) else { return false }
        let headwords = Set(lexicon.english.headwordIDs(forKeyID: key))
        return shape.objectWords.contains { other in
            guard let otherKey = lexicon.english.keyID(for: other) else { return false }
            return lexicon.english.headwordIDs(forKeyID: otherKey).contains(where: headwords.contains)
        }
    }

    /// The content words right after an occurrence: up to three words before a preposition,
    /// a conjunction or a mark between words.
    static func objectWords(_ after: [EnglishWord]) -> [String] {
        var result: [String] = []
        var previousEnd: Int?
        for word in after.prefix(4) {
            if let previousEnd, word.range.scalars.lowerBound - previousEnd > 1 { break }   // a mark between
            if stopAfterVerb.contains(word.folded) { break }
            if !CEDICTEnglishIndex.stopWords.contains(word.folded) { result.append(word.folded) }
            previousEnd = word.range.scalars.upperBound
            if result.count == 3 { break }
        }
        return result
    }

    // MARK: Term shapes

    private func shape(of reference: TermReference) -> Shape {
        if let known = shapes[reference] { return known }
        let concept = glossary.concepts[reference.concept]
        let term = concept.languages[reference.language].terms[reference.term]
        let words = EnglishWords.of(term.text).map(\.folded)
        var wordClass = Self.wordClass(glossary: term.partOfSpeech)
        let definition = concept.definition.map { EnglishWords.of($0).map(\.folded) } ?? []
        if wordClass == nil {
            if definition.first == "to" { wordClass = .verb }
            else if let last = words.last, Self.nounSuffixes.contains(where: { last.hasSuffix($0) && last.count > $0.count + 2 }) { wordClass = .noun }
            else if let first = definition.first, ["a", "an", "the"].contains(first) { wordClass = .noun }
        }
        var objectWords: [String] = []
        if wordClass == .verb, definition.first == "to", definition.count > 2 {
            // "to hold back aid or weapons deliveries as a means …": after the verb and its particle.
            var k = 2
            if k < definition.count, Self.particles.contains(definition[k]) { k += 1 }
            while k < definition.count, !Self.stopAfterVerb.contains(definition[k]) || ["and", "or"].contains(definition[k]) {
                if !CEDICTEnglishIndex.stopWords.contains(definition[k]) { objectWords.append(definition[k]) }
                k += 1
            }
        }
        let result = Shape(words: words, wordClass: wordClass ?? .any,
                           objectStems: objectWords.isEmpty ? nil : Set(objectWords.map(stemmer.stem)), objectWords: objectWords)
        shapes[reference] = result
        return result
    }

    /// TBX-Basic's picklist names (and common spellings) as word classes.
    static func wordClass(glossary name: String?) -> WordClass? {
        switch name?.lowercased() {
        case "noun", "propernoun", "n", "noun phrase": .noun
        case "verb", "v", "verb phrase": .verb
        case "adjective", "adj", "a": .adjective
        default: nil
        }
    }

    // MARK: Inflections

    /// Whether `word` is `base` or an inflection of it that `wordClass` allows (or `base`
    /// an inflection of `word`, for terms written in the plural).
    static func isForm(_ word: String, of base: String, as wordClass: WordClass) -> Bool {
        if word == base { return true }
        switch wordClass {
        case .noun: return isPlural(word, of: base) || isPlural(base, of: word)
        case .verb: return isVerbForm(word, of: base)
        case .adjective: return word == base + "er" || word == base + "est" || word == base + "r" || word == base + "st"
        case .any: return isPlural(word, of: base) || isVerbForm(word, of: base) || isPlural(base, of: word)
        }
    }

    /// Whether `word` is a plural of `base`: -s, -es, -y → -ies after a consonant, -is → -es,
    /// -f(e) → -ves, -man → -men. Compared in place: it runs for every inflected match.
    static func isPlural(_ word: String, of base: String) -> Bool {
        if Self.word(word, is: base[...], plus: "s") || Self.word(word, is: base[...], plus: "es") { return true }
        if base.hasSuffix("y"), let last = base.dropLast().last, !"aeiou".contains(last), Self.word(word, is: base.dropLast(), plus: "ies") { return true }
        if base.hasSuffix("is"), Self.word(word, is: base.dropLast(2), plus: "es") { return true }
        if base.hasSuffix("f"), Self.word(word, is: base.dropLast(), plus: "ves") { return true }
        if base.hasSuffix("fe"), Self.word(word, is: base.dropLast(2), plus: "ves") { return true }
        if base.hasSuffix("man"), Self.word(word, is: base.dropLast(3), plus: "men") { return true }
        return false
    }

    /// Whether `word` is an inflection of the verb `base`: -s, -es, -ed, -ing; -e → -ed, -ing;
    /// -y → -ies, -ied after a consonant; a doubled final consonant before -ed and -ing.
    static func isVerbForm(_ word: String, of base: String) -> Bool {
        for suffix in ["s", "es", "ed", "ing"] where Self.word(word, is: base[...], plus: suffix) { return true }
        if base.hasSuffix("e"), Self.word(word, is: base[...], plus: "d") || Self.word(word, is: base.dropLast(), plus: "ing") { return true }
        if base.hasSuffix("y"), let last = base.dropLast().last, !"aeiou".contains(last),
           Self.word(word, is: base.dropLast(), plus: "ies") || Self.word(word, is: base.dropLast(), plus: "ied") { return true }
        if let last = base.last, !"aeiouwxy".contains(last), base.count >= 3,
           Self.word(word, is: base[...], plus: String(last) + "ed") || Self.word(word, is: base[...], plus: String(last) + "ing") { return true }
        return false
    }

    /// Whether `word` is `stem` followed by `suffix`, compared byte by byte (words are folded).
    private static func word(_ word: String, is stem: Substring, plus suffix: String) -> Bool {
        let w = word.utf8, s = stem.utf8, x = suffix.utf8
        return w.count == s.count + x.count && w.starts(with: s) && w.suffix(x.count).elementsEqual(x)
    }

    static let nounSuffixes = ["ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism"]
    static let particles: Set<String> = ["back", "up", "off", "out", "down", "away", "over", "on", "in", "from"]
    static let stopAfterVerb: Set<String> = ["as", "for", "by", "in", "to", "when", "while", "with", "from", "so", "because",
                                             "and", "but", "or", "that", "which", "until", "during", "after", "before", "of"]
    static let modals: Set<String> = ["will", "would", "can", "could", "should", "must", "may", "might", "shall", "cannot"]
    static let subjectPronouns: Set<String> = ["i", "we", "they", "you", "he", "she"]
    static let verbsOfIntent: Set<String> = ["want", "wants", "wanted", "need", "needs", "try", "tries", "tried", "seek", "seeks",
                                             "sought", "able", "unable", "hope", "plan", "plans", "aim", "aims", "refuse",
                                             "refused", "decide", "decided", "going", "used", "continue", "continued", "began", "begin"]
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                                           "our", "my", "your", "no", "each", "every", "any"]
}
