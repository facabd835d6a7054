import Foundation

/// Whether Chinese words translate English words, by CC-CEDICT's cleaned glosses compared on
/// Snowball stems: the lexical evidence of the parenthetical left boundary and of bilingual
/// association. Stems match when equal or when they share their first five letters
/// (defens/defend, ambigu/ambiguous).
///
/// Gloss stems are computed once per Chinese word and cached. Holds a stemmer: one instance
/// per thread.
final class TranslationEvidence {
    let lexicon: CEDICTLexicon
    let stemmer: EnglishStemmer
    private var cache: [String: [[String]]] = [:]

    init(lexicon: CEDICTLexicon, stemmer: EnglishStemmer) {
        self.lexicon = lexicon
        self.stemmer = stemmer
    }

    /// The glosses of a Chinese word, each as the stems of its content words.
    func glossStems(_ word: String) -> [[String]] {
        if let cached = cache[word] { return cached }
        let stems = lexicon.glosses(for: word).map { gloss in
            EnglishWords.of(gloss).filter { !BoundaryWords.isEnglishStopWord($0.folded) }.map { stemmer.stem($0.folded) }
        }
        if cache.count < 1 << 18 { cache[word] = stems }
        return stems
    }

    /// Whether some gloss of `word` holds a word with stem `stem`.
    func translates(_ word: String, stem: String) -> Bool {
        glossStems(word).contains { gloss in gloss.contains { Self.stemsMatch($0, stem) } }
    }

    /// Whether one gloss of `word` holds every stem of `stems`.
    func glossCovers(_ word: String, all stems: [String]) -> Bool {
        guard !stems.isEmpty else { return false }
        return glossStems(word).contains { gloss in stems.allSatisfy { stem in gloss.contains { Self.stemsMatch($0, stem) } } }
    }

    /// Whether a gloss of `word` is the abbreviation or spells it with its content words'
    /// initials (北大西洋公约组织: North Atlantic Treaty Organization, NATO).
    func glossAbbreviates(_ word: String, as abbreviation: String) -> Bool {
        let target = abbreviation.lowercased().filter { $0.isLetter || $0.isNumber }
        return lexicon.glosses(for: word).contains { gloss in
            let words = EnglishWords.of(gloss)
            if words.contains(where: { $0.folded == target }) { return true }
            let initials = String(words.filter { !BoundaryWords.isEnglishStopWord($0.folded) }.compactMap { $0.folded.first })
            return initials == target
        }
    }

    /// The upper-case initials of the content words of `word`'s glosses.
    func glossInitials(_ word: String) -> Set<Character> {
        Set(glossStems(word).flatMap { $0.compactMap { $0.first.map { Character($0.uppercased()) } } })
    }

    /// How well Chinese `tokens` and English `stems` translate each other, in 0…1.
    ///
    /// Each token takes the gloss that shares most words with the English; the token scores
    /// the share of that gloss found (美国 "United States" scores 1 against *United States*,
    /// ½ against *United*), and the English words found are covered. A token with no match
    /// and an English word left uncovered license each other for half credit (目标 and
    /// *aims* in 战争目标 / *war aims*), once some word has matched. The result is the mean of the Chinese and English
    /// sides, less 0.1 per word of difference in length. A gloss of the whole term that
    /// holds every English word scores 1.
    func coverage(tokens: [String], stems: [String]) -> Double {
        guard !tokens.isEmpty, !stems.isEmpty else { return 0 }
        if tokens.count > 1, glossCovers(tokens.joined(), all: stems) { return 1 }
        var englishCovered = [Bool](repeating: false, count: stems.count)
        var completeness = 0.0
        var unmatchedTokens = 0
        for token in tokens {
            var best: (found: [Int], share: Double) = ([], 0)
            for gloss in glossStems(token) where !gloss.isEmpty {
                let found = stems.indices.filter { k in gloss.contains { Self.stemsMatch($0, stems[k]) } }
                let share = Double(gloss.filter { g in stems.contains { Self.stemsMatch(g, $0) } }.count) / Double(gloss.count)
                if found.count > best.found.count || (found.count == best.found.count && share > best.share) {
                    best = (found, share)
                }
            }
            if best.found.isEmpty { unmatchedTokens += 1; continue }
            for k in best.found { englishCovered[k] = true }
            completeness += best.share
        }
        let covered = englishCovered.filter { $0 }.count
        guard covered > 0 else { return 0 }
        let licensed = Double(min(unmatchedTokens, stems.count - covered))
        let english = (Double(covered) + 0.5 * licensed) / Double(stems.count)
        let chinese = (completeness + 0.5 * licensed) / Double(tokens.count)
        let lengthPenalty = 0.1 * Double(abs(tokens.count - stems.count))
        return max(0, 0.5 * english + 0.5 * chinese - lengthPenalty)
    }

    /// Whether every sense CC-CEDICT gives `word` is a verb ("to force/to compel" for 迫使,
    /// but not 支持, which is also "support"): meta senses (classifiers, variants,
    /// pronunciations, cross-references) are ignored. False for an unknown word.
    func isVerbOnly(_ word: String) -> Bool {
        if let cached = verbCache[word] { return cached }
        var senses = 0, verbs = 0
        for entry in lexicon.entries(for: word) {
            for definition in entry.definitions {
                for sense in definition.split(separator: ";") {
                    var text = sense.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix("CL:") || text.hasPrefix("also ") || text.hasPrefix("variant of")
                        || text.hasPrefix("see ") || text.hasPrefix("abbr.") || text.hasPrefix("old variant") { continue }
                    while text.hasPrefix("("), let close = text.firstIndex(of: ")") {
                        text = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
                    }
                    senses += 1
                    if text.hasPrefix("to ") { verbs += 1 }
                }
            }
        }
        let result = senses > 0 && verbs == senses
        if verbCache.count < 1 << 18 { verbCache[word] = result }
        return result
    }

    private var verbCache: [String: Bool] = [:]

    static func stemsMatch(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = a.utf8, y = b.utf8
        guard x.count >= 5, y.count >= 5 else { return false }
        return x.prefix(5).elementsEqual(y.prefix(5))
    }
}
