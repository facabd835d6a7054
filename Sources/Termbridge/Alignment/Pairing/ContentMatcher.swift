import Foundation

/// Ranks English candidates by how much of a Chinese document's content they hold — the
/// fallback of pairing when the document cites no source title, or the titles leave two
/// candidates too close to call.
///
/// Both sides become the aligner's anchors (``AlignmentFeatureExtractor``): each Chinese
/// word with the Snowball stems of its CC-CEDICT glosses and glossary translations, numbers,
/// Latin words, pinyin of names, kept punctuation; each English word's stem, numbers and
/// name keys. Over the distinct anchors of each side, with every anchor weighted by its
/// inverse document frequency among the candidates (an anchor found in every candidate —
/// `alli` in a folder of alliance essays — says little; `atacms` or a name says much):
///
/// - *Chinese coverage*: the weighted share of the document's anchors that the candidate
///   has;
/// - *English coverage*: the weighted share of the candidate's anchors that the document
///   renders (a compilation cuts paragraphs, so this is the lower of the two);
///
/// and the score is their harmonic mean, 0…1. A candidate is the source by content when it
/// scores at least ``matchThreshold`` and ``leadRatio`` times the runner-up. Without
/// CC-CEDICT only numbers, Latin words, names and punctuation remain, which still tell
/// apart documents about different events, but less surely.
///
/// O(total length of the documents). Holds a stemmer and caches: one matcher per thread.
public final class ContentMatcher {
    /// The least content score of a match.
    public static let matchThreshold = 0.2
    /// How many times the runner-up's score the best must reach.
    public static let leadRatio = 1.5

    private let features: AlignmentFeatureExtractor

    /// - Throws: ``FileError`` when libstemmer has no English stemmer.
    public init(lexicon: CEDICTLexicon?, glossary: Glossary? = nil) throws {
        features = try AlignmentFeatureExtractor(glossary: glossary, lexicon: lexicon)
    }

    /// The candidates with their content scores against the Chinese text, best first (ties
    /// by path).
    ///
    /// - Throws: ``FileError`` when the segmenter or sentence splitter cannot start.
    public func rank(chineseText: String, candidates: [(path: String, title: String, text: String)]) throws -> [ScoredCandidate] {
        // The Chinese anchors: distinct items (each a sorted list of the keys it may be
        // rendered as), sorted so that sums run in a fixed order.
        var chineseItems = Set<[Int32]>()
        for sentence in try AlignmentDocument(text: chineseText, language: "zh").sentences {
            chineseItems.formUnion(try features.chinese(sentence.text).items)
        }
        let items = chineseItems.sorted { $0.lexicographicallyPrecedes($1) }
        let renderedKeys = Set(items.joined())
        var englishKeys: [Set<Int32>] = []
        for candidate in candidates {
            var keys = Set<Int32>()
            for sentence in try AlignmentDocument(text: candidate.text, language: "en").sentences {
                let unit = features.english(sentence.text)
                keys.formUnion(unit.content)
                keys.formUnion(unit.names)
            }
            englishKeys.append(keys)
        }
        // Inverse document frequencies among the candidates.
        let n = Double(candidates.count)
        func idf(_ documents: Int) -> Double { log((n + 1) / (Double(documents) + 0.5)) }
        let itemWeights = items.map { item in
            idf(englishKeys.count { keys in item.contains(where: keys.contains) })
        }
        var keyDocuments: [Int32: Int] = [:]
        for keys in englishKeys { for key in keys { keyDocuments[key, default: 0] += 1 } }

        var ranking: [ScoredCandidate] = []
        for (candidate, keys) in zip(candidates, englishKeys) {
            var found = 0.0, total = 0.0
            for (item, weight) in zip(items, itemWeights) {
                total += weight
                if item.contains(where: keys.contains) { found += weight }
            }
            let chineseCoverage = total > 0 ? found / total : 0
            var rendered = 0.0, all = 0.0
            for key in keys.sorted() {
                let weight = idf(keyDocuments[key] ?? 0)
                all += weight
                if renderedKeys.contains(key) { rendered += weight }
            }
            let englishCoverage = all > 0 ? rendered / all : 0
            let score = chineseCoverage + englishCoverage > 0
                ? 2 * chineseCoverage * englishCoverage / (chineseCoverage + englishCoverage) : 0
            ranking.append(ScoredCandidate(path: candidate.path, title: candidate.title, score: score))
        }
        return ranking.sorted { $0.score != $1.score ? $0.score > $1.score : $0.path < $1.path }
    }

    /// Whether a ranking names a source: the best scores at least ``matchThreshold`` and
    /// ``leadRatio`` times the runner-up.
    public static func isDecisive(_ ranking: [ScoredCandidate]) -> Bool {
        guard let best = ranking.first, best.score >= matchThreshold else { return false }
        guard let runnerUp = ranking.dropFirst().first else { return true }
        return best.score >= leadRatio * runnerUp.score
    }
}
