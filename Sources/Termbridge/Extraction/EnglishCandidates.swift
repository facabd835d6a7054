/// Monolingual English term candidates, as RAKE and YAKE find them: runs of content words
/// between stop words (``BoundaryWords/english``) and punctuation, and every sub-run of
/// 1–``maximumWords`` words, counted on Snowball stems so that "quasi ally", "quasi allies"
/// and "Quasi-Allies" are one candidate; ranked by C-value over words. A hyphen joins words
/// of one run (end-use restrictions); any other mark, a number or a one-letter word ends it.
///
/// Counting is O(n · k) for n words and k = ``maximumWords``.
final class EnglishCandidates {
    /// The longest candidate, in words.
    let maximumWords: Int
    private(set) var counts: NGramCounts
    private let stemmer: EnglishStemmer
    private var stemIDs: [String: Int32] = [:]
    /// Unit id → stem.
    private(set) var stems: [String] = []
    private(set) var units: [Int32] = []
    private(set) var unitStarts: [Int32] = []
    private(set) var unitEnds: [Int32] = []
    private(set) var sentences: [ExtractionSentence] = []
    /// Per sentence: whether it reads as a title or heading (every content word capitalised).
    private var isHeading: [Bool] = []
    /// Folded words seen with a lower-case first letter somewhere.
    private var seenInLowerCase = Set<String>()

    init(maximumWords: Int) throws {
        self.maximumWords = maximumWords
        counts = NGramCounts(maximumLength: maximumWords)
        stemmer = try EnglishStemmer()
    }

    /// Splits a sentence into words and counts its candidates.
    func add(sentence text: String, document: Int, line: Int) {
        let words = EnglishWords.of(text)
        let scalars = Array(text.unicodeScalars)
        let first = units.count
        var previousEnd = 0
        for word in words {
            // Anything but spaces and hyphens between two words ends the run.
            let gap = scalars[previousEnd..<word.range.scalars.lowerBound]
            if previousEnd > 0, gap.contains(where: { !($0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}") }) {
                appendBoundary(at: previousEnd)
            }
            previousEnd = word.range.scalars.upperBound
            let folded = word.folded
            let isNumber = folded.unicodeScalars.contains { $0.properties.numericType != nil }
            if BoundaryWords.isEnglishStopWord(folded) || isNumber || folded.unicodeScalars.count < 2 {
                appendBoundary(at: word.range.scalars.lowerBound)
                continue
            }
            units.append(intern(stemmer.stem(folded)))
            unitStarts.append(Int32(word.range.scalars.lowerBound))
            unitEnds.append(Int32(word.range.scalars.upperBound))
        }
        counts.add(units[first...])
        sentences.append(ExtractionSentence(document: document, line: line, text: text, units: first..<units.count))
        let content = words.filter { !BoundaryWords.isEnglishStopWord($0.folded) }
        isHeading.append(content.count >= 2 && content.allSatisfy { $0.text.first?.isUppercase == true || $0.text.first?.isNumber == true })
        for word in words where word.text.first?.isLowercase == true { seenInLowerCase.insert(word.folded) }
    }

    private func appendBoundary(at offset: Int) {
        units.append(-1)
        unitStarts.append(Int32(offset))
        unitEnds.append(Int32(offset))
    }

    private func intern(_ stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stems.count)
        stemIDs[stem] = id
        stems.append(stem)
        return id
    }

    /// The stems of a candidate.
    func stems(of node: Int32) -> [String] {
        counts.units(of: node).map { stems[Int($0)] }
    }

    /// The node of an English phrase's stems, if it was counted.
    func node(of phrase: String) -> Int32? {
        let ids = EnglishWords.of(phrase).map { stemIDs[stemmer.stem($0.folded)] ?? -1 }
        guard !ids.contains(-1) else { return nil }
        return counts.node(of: ids)
    }

    /// The candidates with frequency ≥ `minimumFrequency` (one-word candidates need three
    /// letters), with their C-values.
    func scored(minimumFrequency: Int) -> [(node: Int32, termhood: Double)] {
        var candidates: [Int32] = []
        for node in 0..<Int32(counts.count) where Int(counts.frequency[Int(node)]) >= minimumFrequency {
            if counts.length[Int(node)] == 1 && stems[Int(counts.units(of: node)[0])].count < 3 { continue }
            candidates.append(node)
        }
        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        let cvalues = CValue.compute(
            count: candidates.count,
            length: { Int(self.counts.length[Int(candidates[$0])]) },
            frequency: { Int(self.counts.frequency[Int(candidates[$0])]) },
            nested: { self.counts.properSubNGrams(of: candidates[$0]).compactMap { index[$0] } })
        return candidates.enumerated().map { ($1, max(0, cvalues[$0])) }
    }

    /// How each candidate is written: its commonest form inside sentences, else its first
    /// form, with a sentence-initial capital lowered when the word also occurs in lower case
    /// (*Quasi allies* → *quasi allies*, but *Donald Trump* stays); without a final ’s.
    func surfaces(of nodes: Set<Int32>) -> [Int32: String] {
        var forms: [Int32: [String: Int]] = [:]
        var initial: [Int32: String] = [:]
        for (s, sentence) in sentences.enumerated() {
            var scalars: [Unicode.Scalar]?
            let heading = isHeading[s]
            counts.forEachNGram(in: units[sentence.units]) { node, start, end in
                guard nodes.contains(node) else { return }
                let from = Int(unitStarts[start]), to = Int(unitEnds[end - 1])
                if scalars == nil { scalars = Array(sentence.text.unicodeScalars) }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars![from..<to])
                var text = String(view)
                for suffix in ["\u{2019}s", "'s"] where text.hasSuffix(suffix) { text.removeLast(2) }
                if from == 0 || heading {
                    if initial[node] == nil { initial[node] = text }
                } else {
                    forms[node, default: [:]][text, default: 0] += 1
                }
            }
        }
        var result: [Int32: String] = [:]
        for node in nodes {
            // Key: most occurrences, then the form first in Unicode scalar order.
            if let counted = forms[node], let best = counted.max(by: { $0.value != $1.value ? $0.value < $1.value : $1.key.precedesInScalarOrder($0.key) }) {
                result[node] = best.key
            } else if let text = initial[node] {
                let firstWord = String(text.prefix { $0.isLetter })
                let lower = seenInLowerCase.contains(firstWord.lowercased())
                result[node] = lower ? text.prefix(1).lowercased() + text.dropFirst() : text
            }
        }
        return result
    }
}
