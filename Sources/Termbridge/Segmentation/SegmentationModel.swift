import Foundation

/// What the segmenter knows of general Chinese, so that it cuts well with no user data: a
/// vocabulary of words with their probabilities and parts of speech, a model of words the
/// vocabulary lacks, and a tagger for them. The path through the segmentation lattice that
/// maximizes the product of word probabilities wins (see `Docs/Segmentation.md`).
///
/// - **Vocabulary**: jieba's `dict.txt` (349,046 words counted over a balanced corpus, with
///   jieba's part-of-speech tags; MIT) and CC-CEDICT's headwords (CC BY-SA), merged by the
///   rules of ``init(lexicon:frequencies:characterModels:)``. A word's log-probability is
///   ln(count / total) of jieba's counts; a CC-CEDICT word jieba does not count gets count 1
///   (add-one smoothing: rarer than any word the list counts).
/// - **Unknown words**: jieba's character-position HMM (``UnknownWordModel``).
/// - **Tags** of words the vocabulary does not tag: jieba's part-of-speech HMM
///   (``UnknownWordTagger``).
///
/// Built once (or read from its compiled form, `segmentation.tbdata`, in milliseconds) and
/// shared read-only by any number of segmenters.
public struct SegmentationModel: Sendable {
    /// Folded word → word id.
    let vocabulary: VocabularyTrie
    /// Word id → ln P(word).
    let wordScores: [Float]
    /// Word id → tag id into ``tagNames`` (0: no tag).
    let wordTags: [UInt8]
    /// Tag id → tag; tag 0 is the empty tag.
    let tagNames: [String]
    /// The total count of the frequency list (1 when there is none).
    let total: Double
    let unknownWords: UnknownWordModel?
    let tagger: UnknownWordTagger?
    /// The size and time of the files the vocabulary was built from (CC-CEDICT, the
    /// frequency list; ``CompiledDataFile/SourceStamp/none`` for one not found), recorded in
    /// the compiled form to tell when it is out of date.
    var sourceStamps: [CompiledDataFile.SourceStamp] = []

    /// The hyperparameters of the lattice, in natural-log units where they are scores.
    /// Each was chosen as a round value in a range where PKU F1 is flat; the sweeps are in
    /// `Docs/Segmentation.md`.
    public enum Parameter {
        /// The count given to a word the lattice knows of but the vocabulary does not count:
        /// a CC-CEDICT word missing from jieba's list, an ICU word, an unknown character.
        public static let unseenCount: Double = 1
        /// The count of a number (三十一, 第十九, 2,000): a class of its own, as frequent as
        /// an ordinary word (F1 moves by under 0.001 between 10 and 100,000).
        public static let numberCount: Double = 1000
        /// How much more probable (×e^penalty) the character-position model must find a run
        /// as one word than as single characters before it becomes an unknown word.
        public static let unknownWordPenalty: Float = 4
        /// The longest unknown word, in characters.
        public static let maximumUnknownWordLength = 4
    }

    /// The number of words in the vocabulary.
    public var wordCount: Int { wordScores.count }

    /// ln P(word) for a word the vocabulary does not count.
    var unseenScore: Float { Float(log(Parameter.unseenCount / total)) }
    /// ln P(number) for a number that is not a vocabulary word.
    var numberScore: Float { Float(log(Parameter.numberCount / total)) }

    /// The word id of the folded `word`, or nil.
    func wordID(of word: String) -> Int? {
        let normalizer = TextNormalizer.shared
        let id = vocabulary.value(for: word.unicodeScalars.lazy.map { normalizer.fold($0.value) })
        return id >= 0 ? Int(id) : nil
    }

    /// Whether the vocabulary has `word` (folded: Traditional and full-width forms count).
    public func contains(_ word: String) -> Bool { wordID(of: word) != nil }

    /// ln P(word) of a vocabulary word, nil for any other.
    public func logProbability(of word: String) -> Double? {
        wordID(of: word).map { Double(wordScores[$0]) }
    }

    /// The tag the vocabulary gives a word (jieba's), nil when it gives none.
    public func vocabularyPartOfSpeech(of word: String) -> PartOfSpeech? {
        wordID(of: word).flatMap(tag(ofWordID:))
    }

    /// The part of speech of `word`: the vocabulary's tag, else the tagger's guess from its
    /// characters, else nil.
    public func partOfSpeech(of word: String) -> PartOfSpeech? {
        let folded = TextNormalizer.shared.foldedScalars(word)
        return folded.withUnsafeBufferPointer { partOfSpeech(folded: $0) }
    }

    /// The vocabulary's tag of word `id`, nil when none.
    func tag(ofWordID id: Int) -> PartOfSpeech? {
        let tag = Int(wordTags[id])
        return tag == 0 ? nil : PartOfSpeech(rawValue: tagNames[tag])
    }

    /// The vocabulary's tag of the word ending at trie node `node`, nil when none.
    func tag(ofNode node: Int32) -> PartOfSpeech? {
        let id = vocabulary.nodeValues[Int(node)]
        return id >= 0 ? tag(ofWordID: Int(id)) : nil
    }

    /// The part of speech of folded scalars: the vocabulary's tag, else the tagger's guess.
    func partOfSpeech(folded: UnsafeBufferPointer<UInt32>) -> PartOfSpeech? {
        let id = vocabulary.value(for: folded)
        if id >= 0, let tag = tag(ofWordID: Int(id)) { return tag }
        return tagger?.tag(of: folded)
    }
}
