import Foundation

extension SegmentationModel {
    /// Numerals that combine with a classifier (一位, 两个, 几次, 多名, 半个).
    static let numeralCharacters: Set<UInt32> = Set(CharacterFlags.quantityNumerals.unicodeScalars.map(\.value))

    /// Builds the model from the general vocabulary and jieba's character models; each part
    /// may be missing (nil), and the model then does without it.
    ///
    /// The vocabulary is every CC-CEDICT headword and every word of the frequency list,
    /// folded, except two kinds of word the list has and CC-CEDICT does not, which the
    /// lattice spells from smaller words instead:
    /// - a numeral and a classifier (一位, 两个, 几次): numerals and classifiers are words of
    ///   their own in the PKU and CTB standards and in jieba's own tagging (m + q); the
    ///   classifiers are CC-CEDICT's one-character words defined as "classifier for …".
    ///   Lexicalized ones that CC-CEDICT lists (一起, 一点, 一次) stay.
    /// - a word of three or more characters that shorter vocabulary words spell entirely
    ///   (信息技术 = 信息 + 技术, 中央军事委员会): the list holds many compounds and phrases
    ///   (it was counted over segmented text), while a lexicon lists words. Words no
    ///   shorter words spell (names, transliterations) stay.
    /// Measured on PKU: all jieba words, 0.858 F1; without the compounds, 0.899; without
    /// numeral+classifier words too, 0.908 (before the other components; see
    /// `Docs/Segmentation.md`).
    ///
    /// O(total length of the words); a second or two for the full data.
    init(lexicon: CEDICTLexicon?, frequencies: GeneralChineseFrequencies?, characterModels: JiebaCharacterModels?,
         rules: VocabularyRules = .all) {
        let normalizer = TextNormalizer.shared
        struct Candidate {
            var count: Int64 = 0
            var tag = ""
            var inLexicon = false
        }
        var candidates: [[UInt32]: Candidate] = [:]
        if let frequencies {
            candidates.reserveCapacity(frequencies.count + (lexicon?.headwords.count ?? 0) / 2)
            for id in 0..<frequencies.count {
                let key = frequencies.words.strings.withBytes(id) { bytes in
                    String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)   // stored folded
                }
                let tag = Int(frequencies.tags[id])
                candidates[key] = Candidate(count: frequencies.counts[id],
                                            tag: tag == 0 ? "" : frequencies.tagNames.string(tag))
            }
        }
        var classifiers = Set<UInt32>()
        if let lexicon {
            for id in 0..<lexicon.headwords.count {
                let key = normalizer.foldedScalars(lexicon.headwords[id])
                candidates[key, default: Candidate()].inLexicon = true
                if key.count == 1, lexicon.entryIndices(forHeadwordID: id).contains(where: { entry in
                    lexicon.entries[Int(entry)].definitions.contains { $0.hasPrefix("classifier for") }
                }) {
                    classifiers.insert(key[0])
                }
            }
        }

        // Word lists in a stated order (scalar order), so that nothing depends on hashing.
        let keys = candidates.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let isNumeralWithClassifier = { (key: [UInt32]) -> Bool in
            key.count >= 2 && classifiers.contains(key[key.count - 1])
                && key.dropLast().allSatisfy { Self.numeralCharacters.contains($0) }
        }
        var kept = [Bool](repeating: false, count: keys.count)
        var spellers = ScalarTrie()           // the words compounds are spelled from
        for (k, key) in keys.enumerated() {
            let candidate = candidates[key]!
            let numeralWithClassifier = rules.contains(.leavesOutNumeralsWithClassifiers) && isNumeralWithClassifier(key)
            if candidate.inLexicon || (key.count <= 2 && !numeralWithClassifier) {
                kept[k] = true
                spellers.insert(key, value: 1)
            }
        }
        for (k, key) in keys.enumerated() where !kept[k] && key.count >= 3 {
            kept[k] = !rules.contains(.leavesOutSpelledCompounds) || !Self.isSpelled(key, by: spellers)
        }

        var vocabularyKeys: [[UInt32]] = []
        var scores: [Float] = []
        var tags: [UInt8] = []
        var tagIDs: [String: UInt8] = ["": 0]
        var tagNames = [""]
        let total = frequencies.map { Double($0.total) } ?? Double(max(1, keys.count))
        for (k, key) in keys.enumerated() where kept[k] {
            let candidate = candidates[key]!
            vocabularyKeys.append(key)
            let count = candidate.count > 0 ? Double(candidate.count) : Parameter.unseenCount
            scores.append(Float(log(count / total)))
            if tagIDs[candidate.tag] == nil, tagNames.count < 256 {
                tagIDs[candidate.tag] = UInt8(tagNames.count)
                tagNames.append(candidate.tag)
            }
            tags.append(tagIDs[candidate.tag] ?? 0)
        }
        self.init(vocabulary: VocabularyTrie(keys: vocabularyKeys, values: vocabularyKeys.indices.map(Int32.init),
                                             payloads: scores.map(\.bitPattern)),
                  wordScores: scores, wordTags: tags, tagNames: tagNames, total: total,
                  unknownWords: characterModels?.unknownWords, tagger: characterModels?.tagger, sourceStamps: [])
    }

    /// Whether words of `spellers` other than `key` itself spell `key` from end to end.
    static func isSpelled(_ key: [UInt32], by spellers: ScalarTrie) -> Bool {
        var reachable = [Bool](repeating: false, count: key.count + 1)
        reachable[0] = true
        key.withUnsafeBufferPointer { text in
            for i in 0..<text.count where reachable[i] {
                spellers.forEachPrefix(of: text, from: i) { end, _ in
                    if end - i < text.count { reachable[end] = true }
                }
            }
        }
        return reachable[key.count]
    }

    /// Builds the model from jieba's character models at `characterModels` (`jieba-hmm.txt`,
    /// nil to go without them), CC-CEDICT and the frequency list; `rules` other than the
    /// default are for ablation.
    ///
    /// - Throws: ``FileError`` or ``InvalidUTF8Error`` when the character models cannot be read.
    public static func build(characterModels path: String?, lexicon: CEDICTLexicon?,
                             frequencies: GeneralChineseFrequencies?, rules: VocabularyRules = .all) throws -> SegmentationModel {
        SegmentationModel(lexicon: lexicon, frequencies: frequencies,
                          characterModels: try path.map(JiebaCharacterModels.load(contentsOf:)), rules: rules)
    }

    /// Which words of the frequency list the vocabulary leaves out (see
    /// ``init(lexicon:frequencies:characterModels:rules:)``).
    public struct VocabularyRules: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Numeral + classifier words CC-CEDICT does not list (一位, 两个).
        public static let leavesOutNumeralsWithClassifiers = VocabularyRules(rawValue: 1)
        /// Words of three or more characters CC-CEDICT does not list and shorter words spell.
        public static let leavesOutSpelledCompounds = VocabularyRules(rawValue: 2)
        /// Both: the default.
        public static let all: VocabularyRules = [.leavesOutNumeralsWithClassifiers, .leavesOutSpelledCompounds]
    }
}
