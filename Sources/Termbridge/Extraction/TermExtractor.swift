import Foundation

/// A text to extract terms from, named for contexts and messages.
public struct ExtractionText: Sendable, Hashable {
    /// The file name shown in contexts (`file:line`).
    public var path: String
    /// The whole text.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A Chinese text and, when there is one, the English text it translates.
public struct ExtractionInput: Sendable, Hashable {
    public var chinese: ExtractionText
    public var english: ExtractionText?

    public init(chinese: ExtractionText, english: ExtractionText? = nil) {
        self.chinese = chinese
        self.english = english
    }
}

/// What the extractor keeps and how far it looks.
public struct ExtractionOptions: Sendable, Equatable {
    /// Monolingual candidates (kinds `zh`, `en`, `bilingual`) occurring fewer times are
    /// dropped; parenthetical pairs are kept whatever their frequency.
    public var minimumFrequency = 2
    /// The most candidates returned, best first; nil for all.
    public var limit: Int?
    /// The longest Chinese candidate, in segmenter tokens.
    public var maximumChineseTokens = 6
    /// The longest English candidate, in words.
    public var maximumEnglishWords = 4
    /// Contexts kept per candidate.
    public var contextCount = 3
    /// Leave out candidates the glossary already has.
    public var excludesKnown = false

    public init(minimumFrequency: Int = 2, limit: Int? = nil, maximumChineseTokens: Int = 6,
                maximumEnglishWords: Int = 4, contextCount: Int = 3, excludesKnown: Bool = false) {
        self.minimumFrequency = minimumFrequency
        self.limit = limit
        self.maximumChineseTokens = maximumChineseTokens
        self.maximumEnglishWords = maximumEnglishWords
        self.contextCount = contextCount
        self.excludesKnown = excludesKnown
    }
}

/// Terminology extraction from Chinese translations and, when given, their English sources:
/// a candidate glossary for a terminologist to review.
///
/// Four sources of candidates, merged into one ranked list (see `Docs/Extraction.md`):
/// 1. **parenthetical pairs** in the Chinese (``ParentheticalPairFinder``), kind `paren`;
/// 2. **Chinese n-grams** of segmenter tokens ranked by C-value × specificity against general
///    Chinese (``CValue``, ``GeneralChineseFrequencies``), kind `zh`;
/// 3. **English n-grams** of the source between stop words, on Snowball stems, kind `en`;
/// 4. **bilingual pairs**: each Chinese candidate's English equivalent, chosen by Dice
///    association over the beads of ``Aligner`` and CC-CEDICT gloss coverage
///    (``TermAssociation``, ``TranslationEvidence``), kind `bilingual`.
///
/// Glossary terms are kept whole by the segmenter and marked as known with their status.
/// Scores are in 0…1 and comparable across kinds: parenthetical pairs rank 0.6–1.0 by the
/// termhood of their Chinese side, Chinese candidates 0–1 by termhood relative to the best,
/// English-only candidates 0–0.5 (single words 0–0.25).
///
/// Time is linear in the text (segmentation and alignment dominate); memory holds the texts,
/// their tokens and the n-gram trie.
public final class TermExtractor {
    public let glossary: Glossary?
    public let lexicon: CEDICTLexicon?
    public let generalFrequencies: GeneralChineseFrequencies?
    public let options: ExtractionOptions
    private let dictionary: UserDictionary
    private let finder: ParentheticalPairFinder
    private let stemmer: EnglishStemmer
    private let evidence: TranslationEvidence?
    /// Folded Chinese glossary term → what the glossary says.
    private let knownChinese: [String: KnownTerm]
    /// English glossary term stems → what the glossary says.
    private let knownEnglish: [String: KnownTerm]
    /// Folded Chinese glossary term → stem keys of its concept's English terms.
    private let glossaryEnglish: [String: [String]]

    /// - Parameters:
    ///   - glossary: known terms: kept whole, marked, and trusted as translations.
    ///   - lexicon: CC-CEDICT: word boundaries, parenthetical boundaries, translation evidence.
    ///   - generalFrequencies: general Chinese word frequencies, for specificity.
    public init(glossary: Glossary? = nil, lexicon: CEDICTLexicon? = nil,
                generalFrequencies: GeneralChineseFrequencies? = nil, options: ExtractionOptions = ExtractionOptions()) throws {
        self.glossary = glossary
        self.lexicon = lexicon
        self.generalFrequencies = generalFrequencies
        self.options = options
        var dictionary = glossary.map { UserDictionary(glossary: $0) } ?? UserDictionary()
        if let lexicon { Self.addWords(of: lexicon, to: &dictionary) }
        self.dictionary = dictionary
        finder = try ParentheticalPairFinder(segmenter: Segmenter(dictionary: dictionary), lexicon: lexicon, glossary: glossary)
        let stemmer = try EnglishStemmer()
        self.stemmer = stemmer
        evidence = lexicon.map { TranslationEvidence(lexicon: $0, stemmer: stemmer) }
        var knownChinese: [String: KnownTerm] = [:], knownEnglish: [String: KnownTerm] = [:]
        var glossaryEnglish: [String: [String]] = [:]
        for concept in glossary?.concepts ?? [] {
            let english = concept.terms(in: "en").map { Self.stemKey($0.text, stemmer) }
            for (language, known) in [("zh", false), ("en", true)] {
                let preferred = concept.preferredTerm(in: language)?.text
                for term in concept.terms(in: language) {
                    let mark = KnownTerm(conceptID: concept.id, status: term.status,
                                         useInstead: term.status.isAcceptable ? nil : preferred)
                    if known {
                        let key = Self.stemKey(term.text, stemmer)
                        if knownEnglish[key] == nil { knownEnglish[key] = mark }
                    } else {
                        let key = TextNormalizer.shared.fold(term.text.trimmingWhitespace)
                        if knownChinese[key] == nil || knownChinese[key]!.status > term.status { knownChinese[key] = mark }
                        glossaryEnglish[key, default: []] += english
                    }
                }
            }
        }
        self.knownChinese = knownChinese
        self.knownEnglish = knownEnglish
        self.glossaryEnglish = glossaryEnglish
    }

    /// CC-CEDICT's multi-character Chinese headwords (up to eight characters) as segmenter
    /// words, so that n-grams start from dictionary words (保护伞, 拜登) rather than ICU's
    /// finer cuts (保护 | 伞, 拜 | 登).
    static func addWords(of lexicon: CEDICTLexicon, to dictionary: inout UserDictionary) {
        let normalizer = TextNormalizer.shared
        for word in lexicon.headwords {
            let scalars = word.unicodeScalars
            guard scalars.count >= 2, scalars.count <= 8,
                  scalars.allSatisfy({ normalizer.characterClass(of: normalizer.fold($0.value)) == .han }) else { continue }
            dictionary.add(word)
        }
    }

    static func stemKey(_ text: String, _ stemmer: EnglishStemmer) -> String {
        EnglishWords.of(text).map { stemmer.stem($0.folded) }.joined(separator: " ")
    }

    /// What the glossary says about a Chinese term (folded comparison), if anything.
    public func known(chinese term: String) -> KnownTerm? {
        knownChinese[TextNormalizer.shared.fold(term.trimmingWhitespace)]
    }

    /// What the glossary says about an English term (stem comparison), if anything.
    public func known(english term: String) -> KnownTerm? {
        knownEnglish[Self.stemKey(term, stemmer)]
    }

    // MARK: Extraction

    /// The candidates of `inputs`, best first.
    ///
    /// - Throws: ``FileError`` naming a text that holds no sentence; ``ICUError``.
    public func extract(_ inputs: [ExtractionInput]) throws -> [TermCandidate] {
        let maximumTokens = options.maximumChineseTokens
        // 1. Parenthetical pairs, line by line.
        var pairs: [(document: Int, line: Int, pair: ParentheticalPair)] = []
        for (d, input) in inputs.enumerated() {
            var lineNumber = 0
            for line in input.chinese.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                guard line.contains("(") || line.contains("（") else { continue }
                for pair in try finder.pairs(in: String(line)) { pairs.append((d, lineNumber, pair)) }
            }
        }
        // 2. Sentences, segmented with the glossary, lexicon and pair terms kept whole.
        var dictionary = self.dictionary
        for (_, _, pair) in pairs { dictionary.add(pair.chinese) }
        let segmenter = try Segmenter(dictionary: dictionary)
        let chinese = ChineseCandidates(maximumTokens: maximumTokens)
        let english = try EnglishCandidates(maximumWords: options.maximumEnglishWords)
        var documents: [(chinese: AlignmentDocument, english: AlignmentDocument?, chineseOffset: Int, englishOffset: Int)] = []
        for (d, input) in inputs.enumerated() {
            let zh = try AlignmentDocument(text: input.chinese.text, language: "zh", file: input.chinese.path)
            guard !zh.sentences.isEmpty else {
                throw FileError(path: input.chinese.path, message: "no text to extract terms from: the file is empty or blank")
            }
            let zhOffset = chinese.sentences.count
            for sentence in zh.sentences {
                try chinese.add(sentence: sentence.text, document: d, line: sentence.line, segmenter: segmenter)
            }
            var en: AlignmentDocument?
            let enOffset = english.sentences.count
            if let source = input.english {
                let document = try AlignmentDocument(text: source.text, language: "en", file: source.path)
                guard !document.sentences.isEmpty else {
                    throw FileError(path: source.path, message: "no text to extract terms from: the file is empty or blank")
                }
                for sentence in document.sentences { english.add(sentence: sentence.text, document: d, line: sentence.line) }
                en = document
            }
            documents.append((zh, en, zhOffset, enOffset))
        }

        // 3. Chinese termhood.
        let scored = chinese.scored(minimumFrequency: options.minimumFrequency, general: generalFrequencies,
                                    lexicon: lexicon, evidence: evidence)
        let best = scored.map(\.termhood).max() ?? 0
        var termhood: [String: (node: Int32, value: Double)] = [:]
        for (node, value) in scored {
            let key = chinese.text(of: node)
            let normalized = best > 0 ? value / best : 0
            if termhood[key].map({ normalized > $0.value }) ?? true { termhood[key] = (node, normalized) }
        }
        // Every term of a parenthetical pair is a candidate, whatever its frequency.
        var pairGroups: [String: (display: String, englishCounts: [String: Int], order: Int)] = [:]
        for (k, (_, _, pair)) in pairs.enumerated() {
            let key = TextNormalizer.shared.fold(pair.chinese)
            var group = pairGroups[key] ?? (pair.chinese, [:], k)
            group.englishCounts[pair.english, default: 0] += 1
            pairGroups[key] = group
        }

        // 4. Chinese candidates to keep: pairs, then the best by termhood.
        // Three times the limit, saturating: a limit near Int.max keeps everything.
        let tripled = max(0, options.limit ?? 0).multipliedReportingOverflow(by: 3)
        let keepCount = max(500, tripled.overflow ? Int.max : tripled.partialValue)
        // Key: termhood descending, then the folded text in Unicode scalar order (keys are unique).
        let ranked = termhood.sorted {
            $0.value.value != $1.value.value ? $0.value.value > $1.value.value : $0.key.precedesInScalarOrder($1.key)
        }
        var chineseKeys: [String] = pairGroups.sorted { $0.value.order < $1.value.order }.map(\.key)
        for (key, _) in ranked.prefix(keepCount) where pairGroups[key] == nil { chineseKeys.append(key) }

        // 5. English candidates and, with a source, association over the aligned beads.
        let englishScored = english.scored(minimumFrequency: 1)
        let englishTermhood = Dictionary(uniqueKeysWithValues: englishScored.map { ($0.node, $0.termhood) })
        var equivalents: [Int: (node: Int32, strength: Double)] = [:]
        if documents.contains(where: { $0.english != nil }) {
            let association = try associate(documents, chinese: chinese, english: english, chineseKeys: chineseKeys,
                                             englishTermhood: englishTermhood)
            equivalents = chooseEquivalents(association, chineseKeys: chineseKeys, chinese: chinese,
                                            termhood: termhood, english: english, englishTermhood: englishTermhood)
        }

        // 6. Rows.
        let occurrences = chineseOccurrences(chineseKeys, in: chinese, inputs: inputs)
        var rows: [TermCandidate] = []
        var pairedEnglishNodes = Set<Int32>()
        var englishSurfaces = english.surfaces(of: Set(equivalents.values.map(\.node)))
        for (k, key) in chineseKeys.enumerated() {
            let found = occurrences[k]
            let t = termhood[key]?.value ?? 0
            let frequency = max(found.count, termhood[key].map { Int(chinese.counts.frequency[Int($0.node)]) } ?? 0)
            var row: TermCandidate
            if let group = pairGroups[key] {
                // Key: the English side written most often, then first in Unicode scalar order.
                let englishSide = group.englishCounts.max { $0.value != $1.value ? $0.value < $1.value : $1.key.precedesInScalarOrder($0.key) }!.key
                row = TermCandidate(chinese: group.display, english: englishSide, kind: .paren,
                                    frequency: max(1, frequency), score: 0.6 + 0.4 * t)
            } else {
                let display = found.display ?? key
                row = TermCandidate(chinese: display, english: "", kind: .zh, frequency: frequency, score: t)
                if let equivalent = equivalents[k] {
                    row.english = englishSurfaces[equivalent.node] ?? english.stems(of: equivalent.node).joined(separator: " ")
                    row.kind = .bilingual
                    pairedEnglishNodes.insert(equivalent.node)
                }
            }
            row.known = knownChinese[key]
            row.contexts = found.contexts
            rows.append(row)
        }
        // English candidates no Chinese candidate took.
        let englishBest = englishScored.filter { english.counts.frequency[Int($0.node)] >= options.minimumFrequency }
        let englishMaximum = englishBest.map(\.termhood).max() ?? 0
        // Key: C-value descending, then first occurrence (node ids are numbered as first counted).
        let englishKept = englishBest.filter { !pairedEnglishNodes.contains($0.node) && $0.termhood > 0 }
            .sorted { $0.termhood != $1.termhood ? $0.termhood > $1.termhood : $0.node < $1.node }.prefix(keepCount)
        let englishNodes = Set(englishKept.map(\.node))
        englishSurfaces = english.surfaces(of: englishNodes)
        let englishContexts = self.englishContexts(englishNodes, in: english, inputs: inputs)
        // English already paired with a Chinese candidate, or inside such a pairing (quasi in
        // quasi allies), is not listed again; single words count half.
        let pairedEnglish = rows.filter { !$0.english.isEmpty }.map { " " + Self.stemKey($0.english, stemmer) + " " }
        for (node, value) in englishKept {
            guard let surface = englishSurfaces[node] else { continue }
            let key = Self.stemKey(surface, stemmer)
            guard !pairedEnglish.contains(where: { $0.contains(" " + key + " ") }) else { continue }
            let weight = english.counts.length[Int(node)] == 1 ? 0.25 : 0.5
            rows.append(TermCandidate(chinese: "", english: surface, kind: .en,
                                      frequency: Int(english.counts.frequency[Int(node)]),
                                      score: englishMaximum > 0 ? weight * value / englishMaximum : 0,
                                      known: knownEnglish[key], contexts: englishContexts[node] ?? []))
        }
        if options.excludesKnown { rows.removeAll { $0.known != nil } }
        // Key: score descending, then frequency descending, then the Chinese and the English
        // side in Unicode scalar order (the sort is stable: rows equal in all of these keep
        // candidate order).
        rows.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.frequency != b.frequency { return a.frequency > b.frequency }
            if a.chinese != b.chinese { return a.chinese.precedesInScalarOrder(b.chinese) }
            return a.english.precedesInScalarOrder(b.english)
        }
        if let limit = options.limit { rows = Array(rows.prefix(max(0, limit))) }
        return rows
    }

    // MARK: Association

    /// Counts, over the beads of each aligned input, which kept Chinese candidates and which
    /// English n-grams share a bead.
    private func associate(_ documents: [(chinese: AlignmentDocument, english: AlignmentDocument?, chineseOffset: Int, englishOffset: Int)],
                           chinese: ChineseCandidates, english: EnglishCandidates, chineseKeys: [String],
                           englishTermhood: [Int32: Double]) throws -> TermAssociation {
        let aligner = try Aligner(glossary: glossary, lexicon: lexicon)
        var association = TermAssociation()
        // Candidates that are n-grams are found by their node; the others (pair terms that cut
        // tokens) by a matcher.
        var nodeIndex: [Int32: Int] = [:]
        var others: [Concept] = []
        for (index, key) in chineseKeys.enumerated() {
            if let node = chinese.node(ofKey: key) { nodeIndex[node] = index }
            else { others.append(Concept(id: "\(index)", languages: [LanguageTerms(language: "zh", terms: [Term(key)])])) }
        }
        let otherIndices = others.map { Int($0.id) ?? 0 }
        let pairMatcher = try GlossaryMatcher(glossary: Glossary(concepts: others))
        for document in documents {
            guard let en = document.english else { continue }
            let alignment = try aligner.align(document.chinese, en)
            for bead in alignment.beads where !bead.chinese.isEmpty && !bead.english.isEmpty {
                var zh = Set<Int>(), eng = Set<Int>()
                for s in bead.chinese {
                    let sentence = chinese.sentences[document.chineseOffset + s]
                    chinese.counts.forEachNGram(in: chinese.units[sentence.units]) { node, _, _ in
                        if let index = nodeIndex[node] { zh.insert(index) }
                    }
                    for match in pairMatcher.chineseMatches(in: sentence.text) {
                        for reference in match.references { zh.insert(otherIndices[reference.concept]) }
                    }
                }
                for s in bead.english {
                    let sentence = english.sentences[document.englishOffset + s]
                    english.counts.forEachNGram(in: english.units[sentence.units]) { node, _, _ in
                        if englishTermhood[node] != nil { eng.insert(Int(node)) }
                    }
                }
                association.add(chinese: zh, english: eng)
            }
        }
        return association
    }

    /// The English equivalent of each Chinese candidate: among the English n-grams sharing a
    /// bead with it, the one with the best mix of Dice association and translation evidence
    /// (glossary, CC-CEDICT). Without translation evidence an equivalent needs two shared
    /// beads and a Dice of at least 0.5.
    private func chooseEquivalents(_ association: TermAssociation, chineseKeys: [String], chinese: ChineseCandidates,
                                   termhood: [String: (node: Int32, value: Double)], english: EnglishCandidates,
                                   englishTermhood: [Int32: Double]) -> [Int: (node: Int32, strength: Double)] {
        var result: [Int: (node: Int32, strength: Double)] = [:]
        let claims = association.claims()
        for (z, key) in chineseKeys.enumerated() {
            let partners = association.partners(of: z)
            guard !partners.isEmpty else { continue }
            let tokens = termhood[key].map { chinese.tokens(of: $0.node) } ?? [key]
            let glossaryKeys = glossaryEnglish[key] ?? []
            var best: Equivalent?
            // Partners in node order (first occurrence in the English), not hash order; the
            // comparison below decides every tie anyway.
            for (e, shared) in partners.sorted(by: { $0.key < $1.key }) {
                let node = Int32(e)
                let stems = english.stems(of: node)
                let dice = association.dice(z, e)
                var lexical = evidence?.coverage(tokens: tokens, stems: stems) ?? 0
                if glossaryKeys.contains(stems.joined(separator: " ")) { lexical = 1 }
                let strength: Double
                if lexical > 0 || evidence != nil {
                    guard lexical >= 0.5 else { continue }
                    strength = 0.3 * dice + 0.7 * lexical
                } else {
                    guard shared >= 2, dice >= 0.5 else { continue }
                    strength = dice
                }
                let candidate = Equivalent(node: node, strength: strength, shared: shared, rival: claims.rivalDice(z, e),
                                           termhood: englishTermhood[node] ?? 0,
                                           frequency: Int(english.counts.frequency[Int(node)]), stems: stems)
                if best.map({ candidate.isBetter(than: $0) }) ?? true { best = candidate }
            }
            if let best, best.strength >= 0.4 { result[z] = (best.node, best.strength) }
        }
        return result
    }

    /// An English n-gram considered as the equivalent of a Chinese candidate.
    private struct Equivalent {
        var node: Int32
        var strength: Double
        var shared: Int
        /// The best Dice of the n-gram with another Chinese candidate.
        var rival: Double
        var termhood: Double
        var frequency: Int
        var stems: [String]

        /// The tie-break, a total order: higher strength, then more shared beads, then less
        /// claimed by another Chinese candidate (lower rival Dice: 乌克兰 does not take
        /// *Russia*, which 俄罗斯 holds at Dice 1), then higher C-value, then more frequent,
        /// then stems first in Unicode scalar order, then seen first in the English (lower
        /// node id: n-grams are numbered as first counted).
        func isBetter(than other: Equivalent) -> Bool {
            if strength != other.strength { return strength > other.strength }
            if shared != other.shared { return shared > other.shared }
            if rival != other.rival { return rival < other.rival }
            if termhood != other.termhood { return termhood > other.termhood }
            if frequency != other.frequency { return frequency > other.frequency }
            if stems != other.stems { return stems.lexicographicallyPrecedes(other.stems) { $0.precedesInScalarOrder($1) } }
            return node < other.node
        }
    }

    // MARK: Occurrences and contexts

    /// For each Chinese key: its occurrences (leftmost-longest among all keys), how it is
    /// first written, and its first contexts.
    private func chineseOccurrences(_ keys: [String], in chinese: ChineseCandidates, inputs: [ExtractionInput])
        -> [(count: Int, display: String?, contexts: [CandidateContext])] {
        var result = [(count: Int, display: String?, contexts: [CandidateContext])](repeating: (0, nil, []), count: keys.count)
        guard !keys.isEmpty,
              let matcher = try? GlossaryMatcher(glossary: Glossary(concepts: keys.enumerated().map { index, key in
                  Concept(id: "\(index)", languages: [LanguageTerms(language: "zh", terms: [Term(key)])])
              })) else { return result }
        for sentence in chinese.sentences {
            for match in matcher.chineseMatches(in: sentence.text) {
                for reference in match.references {
                    let k = reference.concept
                    result[k].count += 1
                    if result[k].display == nil { result[k].display = match.text }
                    if result[k].contexts.count < options.contextCount {
                        result[k].contexts.append(CandidateContext(
                            file: inputs[sentence.document].chinese.path, line: sentence.line,
                            text: Self.snippet(sentence.text, match.range.scalars)))
                    }
                }
            }
        }
        return result
    }

    /// The first contexts of English candidates.
    private func englishContexts(_ nodes: Set<Int32>, in english: EnglishCandidates, inputs: [ExtractionInput]) -> [Int32: [CandidateContext]] {
        var result: [Int32: [CandidateContext]] = [:]
        for sentence in english.sentences {
            english.counts.forEachNGram(in: english.units[sentence.units]) { node, start, end in
                guard nodes.contains(node), (result[node]?.count ?? 0) < options.contextCount,
                      let path = inputs[sentence.document].english?.path else { return }
                let range = Int(english.unitStarts[start])..<Int(english.unitEnds[end - 1])
                result[node, default: []].append(CandidateContext(file: path, line: sentence.line,
                                                                  text: Self.snippet(sentence.text, range)))
            }
        }
        return result
    }

    /// The text around a scalar range of a sentence: up to 20 scalars on each side, with …
    /// where cut, on one line.
    static func snippet(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let from = max(0, range.lowerBound - 20), to = min(scalars.count, range.upperBound + 20)
        var view = String.UnicodeScalarView()
        if from > 0 { view.append("…") }
        for scalar in scalars[from..<to] { view.append(scalar.properties.isWhitespace ? " " : scalar) }
        if to < scalars.count { view.append("…") }
        return String(view)
    }
}
