/// The model stage: the most probable path through a lattice of words, scored by the
/// general vocabulary's word probabilities (a unigram word model) and by the unknown-word
/// model, with the user's terms and the joining stage's runs fixed beforehand.
///
/// Edges from each position, each scored ln P(word):
/// - a user term chosen by the dictionary stage: the only edge from its start; no other
///   edge crosses its edges (user terms always win);
/// - an unbreakable run of the joining stage (number, Latin word, dotted name): a number's
///   probability (``SegmentationModel/Parameter/numberCount``);
/// - every vocabulary word starting there: its log-probability;
/// - a number in Chinese numerals (three or more numerals, or 第 and numerals, with 月/日/号
///   after it: 三十一日): a number's probability;
/// - ICU's word outside Han text (kana, Thai), when the vocabulary lacks it: an unseen word's
///   probability;
/// - the single character, when the vocabulary lacks it: an unseen word's probability;
/// - a maximal run of three or more transliteration characters (泽连斯基): a number's
///   probability (a name class);
/// - runs of 2–4 Han characters the vocabulary lacks (not starting with a numeral): the
///   sum of their characters' single scores plus the unknown-word model's gain for reading
///   them as one word, minus a penalty.
///
/// O(n·k) for n scalars and the longest vocabulary word k; one Viterbi pass over the line.
/// Ties go to the edge relaxed first (positions left to right, edges in the order above,
/// shorter vocabulary words first): deterministic.
extension SegmentationWorkspace {
    static let ordinalPrefix: UInt32 = 0x7B2C   // 第

    mutating func applyModel(_ model: SegmentationModel, options: Segmenter.Options) {
        let n = count
        guard n > 0 else { return }
        Self.grow(&pathScore, n + 1, -.infinity)
        Self.grow(&pathBack, n + 1, -1)
        Self.grow(&pathSource, n + 1, .plain)
        Self.grow(&pathWord, n + 1, -1)
        Self.grow(&hardLimit, n + 1, 0)
        Self.grow(&singleScore, n + 1, 0)
        Self.grow(&nextBoundary, n + 1, 0)
        let unseen = model.unseenScore
        let number = model.numberScore
        let penalty = options.unknownWordPenalty
        let unknownWordModel = options.findsUnknownWords ? model.unknownWords : nil
        Self.grow(&characterEmissions, unknownWordModel != nil ? n + 1 : 1, (0, 0, 0, 0))
        let longestUnknown = SegmentationModel.Parameter.maximumUnknownWordLength
        let icuInHan = options.consultsICUInHanText
        let readsNumbers = options.readsChineseNumbers
        // The character-position model's start and transition log-probabilities.
        var startBegin: Float = 0, startSingle: Float = 0, beginMiddle: Float = 0, beginEnd: Float = 0
        var middleMiddle: Float = 0, middleEnd: Float = 0, singleSingle: Float = 0
        if let m = unknownWordModel {
            typealias S = UnknownWordModel.State
            startBegin = m.start[S.begin.rawValue]
            startSingle = m.start[S.single.rawValue]
            beginMiddle = m.transition[S.begin.rawValue * 4 + S.middle.rawValue]
            beginEnd = m.transition[S.begin.rawValue * 4 + S.end.rawValue]
            middleMiddle = m.transition[S.middle.rawValue * 4 + S.middle.rawValue]
            middleEnd = m.transition[S.middle.rawValue * 4 + S.end.rawValue]
            singleSingle = m.transition[S.single.rawValue * 4 + S.single.rawValue]
        }

        boundary.withUnsafeMutableBufferPointer { boundary in
        icuBoundary.withUnsafeBufferPointer { icu in
        folded.withUnsafeBufferPointer { text in
        classes.withUnsafeBufferPointer { classes in
        atomicEnd.withUnsafeBufferPointer { atomicEnd in
        insideAtomic.withUnsafeBufferPointer { inside in
        tokenSource.withUnsafeMutableBufferPointer { source in
        tokenWord.withUnsafeMutableBufferPointer { tokenWord in
        pathScore.withUnsafeMutableBufferPointer { score in
        pathBack.withUnsafeMutableBufferPointer { back in
        pathSource.withUnsafeMutableBufferPointer { backSource in
        pathWord.withUnsafeMutableBufferPointer { backWord in
        hardLimit.withUnsafeMutableBufferPointer { limit in
        singleScore.withUnsafeMutableBufferPointer { single in
        nextBoundary.withUnsafeMutableBufferPointer { icuEnd in
        characterEmissions.withUnsafeMutableBufferPointer { emissions in
        flags.withUnsafeBufferPointer { flags in
        model.vocabulary.withView { trie in

            @inline(__always) func has(_ i: Int, _ flag: CharacterFlags) -> Bool {
                let f = text[i]
                return f < 0x10000 && flags[Int(f)].contains(flag)
            }

            // The user terms' edges are hard boundaries: `limit[i]` is the first one after i,
            // and no edge from i may end beyond it. `icuEnd[i]`: the end of ICU's word at i.
            for i in 0...n { limit[i] = 0 }
            var tokenStart = 0
            for i in 1...n where boundary[i] {
                if source[tokenStart] == .userTerm {
                    limit[tokenStart] = 1
                    limit[i] = 1
                }
                tokenStart = i
            }
            var nextHard = n, nextICU = n
            for i in stride(from: n, through: 0, by: -1) {
                let isHard = limit[i] == 1
                limit[i] = Int32(nextHard)
                icuEnd[i] = Int32(nextICU)
                if isHard { nextHard = i }
                if icu[i] { nextICU = i }
            }
            // Each character's score as a word of its own, and its emissions.
            for i in 0..<n {
                let payload = trie.payloadOfSingle(text[i])
                single[i] = payload == VocabularyTrie.noPayload ? unseen : Float(bitPattern: payload)
            }
            if let unknownWordModel {
                for i in 0..<n { emissions[i] = unknownWordModel.emissions(of: text[i]) }
            }

            for i in 0...n {
                score[i] = -.infinity
                back[i] = -1
            }
            score[0] = 0

            @inline(__always) func relax(_ from: Int, _ to: Int, _ edge: Float, _ kind: TokenSource, _ word: Int32) {
                let candidate = score[from] + Double(edge)
                if candidate > score[to] {
                    score[to] = candidate
                    back[to] = Int32(from)
                    backSource[to] = kind
                    backWord[to] = word
                }
            }

            for i in 0..<n {
                guard score[i] > -.infinity, !inside[i] else { continue }
                let end = Int(limit[i])
                if source[i] == .userTerm {
                    var termEnd = i + 1
                    while !boundary[termEnd] { termEnd += 1 }
                    relax(i, termEnd, 0, .userTerm, tokenWord[i])
                    continue
                }
                if atomicEnd[i] >= 0 { relax(i, Int(atomicEnd[i]), number, .atomic, -1) }

                // Vocabulary words; `ends` notes which ends (up to 63 on) they reached.
                var ends: UInt64 = 0
                var node = VocabularyTrie.root
                var hot = trie.nodeHot[0]
                var j = i
                while j < end {
                    node = trie.child(of: node, hot: hot, text[j])
                    if node == VocabularyTrie.none { break }
                    j += 1
                    hot = trie.nodeHot[Int(node)]
                    let payload = UInt32(truncatingIfNeeded: hot)
                    if payload != VocabularyTrie.noPayload && !inside[j] {
                        relax(i, j, Float(bitPattern: payload), .vocabulary, node)
                        if j - i < 64 { ends |= 1 << UInt64(j - i) }
                    }
                }
                @inline(__always) func reached(_ j: Int) -> Bool { j - i < 64 && ends & (1 << UInt64(j - i)) != 0 }
                if atomicEnd[i] >= 0 { continue }

                // Numbers in Chinese numerals.
                if readsNumbers {
                    let ordinal = text[i] == Self.ordinalPrefix
                    if ordinal || has(i, .numberNumeral) {
                        var j = ordinal ? i + 1 : i
                        while j < end, has(j, .numberNumeral), !inside[j] { j += 1 }
                        let numerals = j - (ordinal ? i + 1 : i)
                        if numerals >= (ordinal ? 1 : 2), !inside[j] {
                            relax(i, j, number, .number, -1)
                            if j < end, has(j, .dateUnit), !inside[j + 1] { relax(i, j + 1, number, .number, -1) }
                        }
                    }
                }

                // ICU's word, when the vocabulary lacks it: outside Han text (kana, Thai), or in
                // Han text too when ICU was consulted there.
                if icu[i] {
                    let j = Int(icuEnd[i])
                    if j - i >= 2, j <= end, !inside[j], !reached(j),
                       (i..<j).allSatisfy({ classes[$0] != .whitespace && classes[$0] != .punctuation
                                            && (icuInHan || classes[$0] != .han) }) {
                        relax(i, j, unseen, .icuWord, -1)
                    }
                }

                // The character alone.
                if !inside[i + 1], !reached(i + 1) { relax(i, i + 1, single[i], .singleCharacter, -1) }

                // A run of three or more transliteration characters (泽连斯基): a candidate name,
                // as probable as a number (with a model, the joining stage leaves such runs alone).
                if options.joinsTransliteratedNames, !icuInHan, has(i, .transliteration), classes[i] == .han,
                   i == 0 || !(classes[i - 1] == .han && has(i - 1, .transliteration)) {
                    var j = i + 1
                    while j < end, classes[j] == .han, has(j, .transliteration), !inside[j], atomicEnd[j] < 0 { j += 1 }
                    if j - i >= 3, !inside[j], !reached(j) { relax(i, j, number, .unknownWord, -1) }
                }

                // Unknown words: runs of 2…4 Han characters, scored by their single scores
                // plus the gain of reading them as one word, minus the penalty.
                if unknownWordModel != nil, classes[i] == .han, !has(i, .quantityNumeral) {
                    var singles = single[i]
                    // ln P of the characters so far as S S … and as B M … (before the last).
                    var asSingles = startSingle + emissions[i].single
                    var asWord = startBegin + emissions[i].begin
                    var j = i + 1
                    while j - i < longestUnknown, j < end, classes[j] == .han, !inside[j], atomicEnd[j] < 0 {
                        let e = emissions[j]
                        singles += single[j]
                        asSingles += singleSingle + e.single
                        let inWord = j == i + 1 ? beginEnd : middleEnd
                        let gain = asWord + inWord + e.end - asSingles
                        asWord += (j == i + 1 ? beginMiddle : middleMiddle) + e.middle
                        j += 1
                        if !reached(j) { relax(i, j, singles + gain - penalty, .unknownWord, -1) }
                    }
                }
            }

            // The best path's cuts replace the boundaries.
            for i in 0...n { boundary[i] = false }
            var position = n
            while position > 0 {
                boundary[position] = true
                let from = Int(back[position])
                source[from] = backSource[position]
                tokenWord[from] = backWord[position]
                position = from
            }
            boundary[0] = true
        }}}}}}}}}}}}}}}}}}
    }

    @inline(__always)
    static func grow<T>(_ array: inout [T], _ size: Int, _ filler: T) {
        if array.count < size { array.append(contentsOf: repeatElement(filler, count: size - array.count)) }
    }
}
