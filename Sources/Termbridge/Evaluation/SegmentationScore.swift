/// Word-segmentation scores as the SIGHAN 2005 bakeoff scorer defines them.
///
/// Gold and test are each read as one character stream with white space removed; every word
/// is a (start, end) span in that stream, so line breaks may differ between the two. A test
/// word is correct when the gold has a word with the same span. Recall = correct / gold
/// words, precision = correct / test words, F1 their harmonic mean; a gold word is
/// out-of-vocabulary (OOV) when it is not in the word list, and OOV recall is the share of
/// OOV gold words segmented correctly.
public struct SegmentationScore: Sendable, Equatable, Codable {
    public var goldWords: Int
    public var testWords: Int
    public var correct: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Share of gold words not in the word list (nil without a word list).
    public var oovRate: Double?
    /// Share of OOV gold words segmented correctly (nil without a word list or OOV words).
    public var oovRecall: Double?
    /// Share of in-vocabulary gold words segmented correctly.
    public var ivRecall: Double?

    /// A gold and a test segmentation whose texts differ.
    public struct MismatchError: Error, CustomStringConvertible, Sendable {
        /// Offset, in characters without white space, of the first difference.
        public var offset: Int
        public var gold: String
        public var test: String
        public var description: String {
            "gold and test texts differ at character \(offset): gold \"\(gold)\", test \"\(test)\""
        }
    }

    /// Scores `test` against `gold`, both texts with words separated by white space.
    ///
    /// - Parameter vocabulary: the training word list that defines IV and OOV words.
    /// - Throws: ``MismatchError`` when the texts without white space differ.
    public init(gold: String, test: String, vocabulary: Set<String>? = nil) throws {
        let goldSpans = Self.spans(gold)
        let testSpans = Self.spans(test)
        if goldSpans.stream != testSpans.stream {
            let g = goldSpans.stream, t = testSpans.stream
            var k = 0
            while k < min(g.count, t.count) && g[k] == t[k] { k += 1 }
            func excerpt(_ s: [Unicode.Scalar]) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: s[min(k, s.count)..<min(k + 20, s.count)])
                return String(view)
            }
            throw MismatchError(offset: k, gold: excerpt(g), test: excerpt(t))
        }
        let testSet = Set(testSpans.words.map { SpanKey(start: $0.start, end: $0.end) })
        var correct = 0, oov = 0, oovCorrect = 0
        for word in goldSpans.words {
            let hit = testSet.contains(SpanKey(start: word.start, end: word.end))
            if hit { correct += 1 }
            if let vocabulary, !vocabulary.contains(word.text) {
                oov += 1
                if hit { oovCorrect += 1 }
            }
        }
        goldWords = goldSpans.words.count
        testWords = testSpans.words.count
        self.correct = correct
        recall = goldWords == 0 ? 0 : Double(correct) / Double(goldWords)
        precision = testWords == 0 ? 0 : Double(correct) / Double(testWords)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        if vocabulary != nil, goldWords > 0 {
            oovRate = Double(oov) / Double(goldWords)
            oovRecall = oov == 0 ? nil : Double(oovCorrect) / Double(oov)
            let iv = goldWords - oov
            ivRecall = iv == 0 ? nil : Double(correct - oovCorrect) / Double(iv)
        }
    }

    private struct SpanKey: Hashable { var start: Int; var end: Int }

    private static func spans(_ text: String) -> (stream: [Unicode.Scalar], words: [(start: Int, end: Int, text: String)]) {
        var stream: [Unicode.Scalar] = []
        var words: [(start: Int, end: Int, text: String)] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let start = stream.count
            stream.append(contentsOf: word.unicodeScalars)
            words.append((start, stream.count, String(word)))
        }
        return (stream, words)
    }
}
