import Foundation

/// A sentence of an extraction input, with where it is and where its units are.
struct ExtractionSentence {
    /// Index of the input file.
    var document: Int
    /// 1-based line in that file.
    var line: Int
    /// The sentence as written.
    var text: String
    /// Its units in the counter's flat unit arrays.
    var units: Range<Int>
}

/// Monolingual Chinese term candidates: n-grams of 1–``maximumTokens`` segmenter tokens that
/// cross no punctuation, white space, non-abbreviation Latin word or function word
/// (``BoundaryWords``), ranked by termhood: ln(1 + C-value) (``CValue``) times specificity
/// against general Chinese.
///
/// Specificity is *weirdness* (Ahmad et al. 1999): the ratio of a candidate's relative
/// frequency in the text to its probability in general Chinese, taken as log₁₀ and floored at
/// 0. The general probability comes from a frequency list (``GeneralChineseFrequencies``):
/// the candidate's own frequency when the list has it as a word, otherwise the product of its
/// tokens' probabilities times an allowance of 1000 per join (adjacent words of a real
/// compound are far likelier than chance). So 美国 (frequent everywhere) scores near 0,
/// 准盟友 (准 | 盟友, unknown as a compound) high. Without a list but with CC-CEDICT,
/// membership is the weaker proxy: 0.5 for a dictionary word, 1 otherwise. With neither,
/// specificity is 1 and C-value ranks alone.
///
/// Counting is O(n · k) for n tokens and k = ``maximumTokens``; scoring is O(N · k²) for N
/// candidates at or above the minimum frequency.
final class ChineseCandidates {
    /// The longest candidate, in tokens.
    let maximumTokens: Int
    private(set) var counts: NGramCounts
    /// Unit id → folded token text.
    private(set) var unitTexts: [String] = []
    private var unitIDs: [String: Int32] = [:]
    /// Unit id → number of Han characters in it.
    private var unitHanCount: [Int] = []
    /// Unit id → whether it is a number.
    private var unitIsNumber: [Bool] = []
    /// Flat per-token arrays over all sentences: unit id (-1 for a boundary), and the token's
    /// scalar range in its sentence.
    private(set) var units: [Int32] = []
    private(set) var unitStarts: [Int32] = []
    private(set) var unitEnds: [Int32] = []
    private(set) var sentences: [ExtractionSentence] = []
    /// All tokens counted (the size of the text, for relative frequencies).
    private(set) var tokenCount = 0

    init(maximumTokens: Int) {
        self.maximumTokens = maximumTokens
        // One token longer than the longest candidate, so that a candidate of the longest
        // length that only ever occurs inside a longer string is seen to be nested.
        counts = NGramCounts(maximumLength: maximumTokens + 1)
    }

    /// Segments and counts one sentence.
    func add(sentence text: String, document: Int, line: Int, segmenter: Segmenter) throws {
        let tokens = try segmenter.tokens(in: text)
        let first = units.count
        let normalizer = TextNormalizer.shared
        for token in tokens {
            let unit: Int32
            switch token.kind {
            case .whitespace, .punctuation, .other:
                unit = -1
            case .latinWord:
                unit = ParentheticalPairFinder.isAbbreviation(token.text) ? intern(normalizer.fold(token.text), han: 0, number: false) : -1
            case .number:
                unit = intern(normalizer.fold(token.text), han: 0, number: true)
            case .hanWord:
                let folded = normalizer.fold(token.text)
                // A word ending in the particle 的 (目标的) bounds candidates as 的 does.
                let isBoundary = BoundaryWords.isChineseBoundary(folded) || (folded.count > 1 && folded.hasSuffix("的"))
                unit = isBoundary ? -1 : intern(folded, han: folded.unicodeScalars.count, number: false)
            }
            units.append(unit)
            unitStarts.append(Int32(token.range.scalars.lowerBound))
            unitEnds.append(Int32(token.range.scalars.upperBound))
            if token.kind != .whitespace { tokenCount += 1 }
        }
        counts.add(units[first...])
        sentences.append(ExtractionSentence(document: document, line: line, text: text, units: first..<units.count))
    }

    private func intern(_ text: String, han: Int, number: Bool) -> Int32 {
        if let id = unitIDs[text] { return id }
        let id = Int32(unitTexts.count)
        unitIDs[text] = id
        unitTexts.append(text)
        unitHanCount.append(han)
        unitIsNumber.append(number)
        return id
    }

    /// The folded text of a candidate.
    func text(of node: Int32) -> String {
        counts.units(of: node).map { unitTexts[Int($0)] }.joined()
    }

    /// The node of a candidate key (folded text): the n-gram of its counted tokens, found by
    /// segmenting nothing — the key is looked up as one token, then as the n-gram whose
    /// tokens were counted for it.
    func node(ofKey key: String) -> Int32? {
        if let node = nodeOfKey[key] { return node }
        if let id = unitIDs[key] { return counts.node(of: [id]) }
        return nil
    }

    /// Records the key of a scored candidate, for ``node(ofKey:)``.
    private var nodeOfKey: [String: Int32] = [:]

    /// The folded token texts of a candidate.
    func tokens(of node: Int32) -> [String] {
        counts.units(of: node).map { unitTexts[Int($0)] }
    }

    /// Whether an n-gram can be a term: at least two Han characters (or one abbreviation
    /// such as ATACMS), not all numbers, not ending in a number.
    func isWellFormed(_ node: Int32) -> Bool {
        let ids = counts.units(of: node)
        guard let last = ids.last, !unitIsNumber[Int(last)] else { return false }
        let han = ids.reduce(0) { $0 + unitHanCount[Int($1)] }
        if han >= 2 { return true }
        return ids.count == 1 && han == 0 && !unitIsNumber[Int(last)]
    }

    /// The well-formed candidates of up to ``maximumTokens`` tokens with frequency ≥
    /// `minimumFrequency`, with their termhood (C-value × specificity, not normalized).
    /// Every n-gram at or above the frequency — one token longer than a candidate, and
    /// ill-formed ones too — counts as a container in the C-value computation.
    func scored(minimumFrequency: Int, general: GeneralChineseFrequencies?, lexicon: CEDICTLexicon?,
                evidence: TranslationEvidence? = nil) -> [(node: Int32, termhood: Double)] {
        var all: [Int32] = []
        for node in 0..<Int32(counts.count) where Int(counts.frequency[Int(node)]) >= minimumFrequency {
            all.append(node)
        }
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        let cvalues = CValue.compute(
            count: all.count,
            length: { Int(self.counts.length[Int(all[$0])]) },
            frequency: { Int(self.counts.frequency[Int(all[$0])]) },
            nested: { self.counts.properSubNGrams(of: all[$0]).compactMap { index[$0] } })
        var result: [(node: Int32, termhood: Double)] = []
        for (k, node) in all.enumerated() where Int(counts.length[Int(node)]) <= maximumTokens && isWellFormed(node) {
            // Terms are nominal: with CC-CEDICT, an n-gram that starts with a word that is only
            // ever a verb (迫使乌克兰, 出现分歧) is a phrase, and a lone verb (避免) counts half.
            var verbFactor = 1.0
            if let evidence, let first = tokens(of: node).first, evidence.isVerbOnly(first) {
                if counts.length[Int(node)] > 1 { continue }
                verbFactor = 0.5
            }
            nodeOfKey[text(of: node)] = node
            result.append((node, Self.termhood(cvalue: max(0, cvalues[k]), specificity: specificity(node, general: general, lexicon: lexicon)) * verbFactor))
        }
        return result
    }

    /// Termhood: ln(1 + C-value) × specificity. The logarithm damps raw frequency, so that a
    /// general word that is merely frequent (美国, 80 times in the seed) does not outrank
    /// specific terms met a few times; specificity then decides.
    static func termhood(cvalue: Double, specificity: Double) -> Double {
        log(1 + cvalue) * specificity
    }

    /// A candidate's specificity against general Chinese (see the type's discussion): with a
    /// general list, log₁₀ of its weirdness, the ratio of its relative frequency in the text
    /// to its probability in general Chinese, at least 0; with CC-CEDICT alone, 0.5 for a
    /// dictionary word and 1 otherwise; with neither, 1.
    func specificity(_ node: Int32, general: GeneralChineseFrequencies?, lexicon: CEDICTLexicon?) -> Double {
        if let general {
            let inText = Double(counts.frequency[Int(node)]) / Double(max(1, tokenCount))
            let inGeneral = Self.generalProbability(tokens(of: node), general)
            return max(0, log10(inText / inGeneral))
        }
        if let lexicon { return lexicon.contains(text(of: node)) ? 0.5 : 1 }
        return 1
    }

    /// How much likelier two adjacent words of a term are than independent words: the
    /// allowance by which the probability of a compound the general list lacks exceeds the
    /// product of its parts' probabilities.
    static let collocationAllowance = 1000.0

    /// The probability of a token sequence in general Chinese: its own frequency when the
    /// list has it as a word; otherwise the product of its tokens' probabilities (a token the
    /// list lacks: of its characters'), times ``collocationAllowance`` per join.
    static func generalProbability(_ tokens: [String], _ general: GeneralChineseFrequencies) -> Double {
        let total = Double(general.total)
        let whole = tokens.joined()
        if general.frequency(of: whole) > 0 { return Double(general.frequency(of: whole)) / total }
        func word(_ text: String) -> Double {
            let f = general.frequency(of: text)
            if f > 0 { return Double(f) / total }
            let characters = text.unicodeScalars.map { String($0) }
            guard characters.count > 1 else { return 0.5 / total }
            return min(1, characters.map { Double(max(1, general.frequency(of: $0))) / total }.reduce(1, *)
                * pow(collocationAllowance, Double(characters.count - 1)))
        }
        return min(1, tokens.map(word).reduce(1, *) * pow(collocationAllowance, Double(tokens.count - 1)))
    }
}
