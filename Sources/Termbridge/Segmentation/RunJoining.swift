/// The joining stage: runs that ICU leaves in pieces become single, unbreakable tokens.
///
/// With a model, ICU has not cut Han text (see ``breakWords(with:hanAsSingles:)``): the
/// parts of a dotted name then extend over the vocabulary's words instead of ICU's, and
/// runs of transliteration characters are left to the model (its vocabulary and its
/// unknown-word model find such names).
extension SegmentationWorkspace {
    mutating func joinRuns(options: Segmenter.Options, model: SegmentationModel? = nil) {
        joinChineseNumeralYears()
        joinAlphanumericRuns(unitsJoined: options.joinsNumberUnits)
        joinDottedNames(model: model)
        if options.joinsTransliteratedNames && model == nil { joinTransliteratedRuns() }
        joinRepeatedMarks()
    }

    /// Dashes and ellipses written as a run of the same mark (——, ……, ---, ...): one
    /// punctuation token, as the PKU, MSR and CTB standards write them.
    private mutating func joinRepeatedMarks() {
        let n = count
        var i = 0
        while i + 1 < n {
            let mark = folded[i]
            guard Self.repeatableMarks.contains(mark), !insideAtomic[i], atomicEnd[i] < 0, folded[i + 1] == mark else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n, folded[j] == mark, atomicEnd[j] < 0 { j += 1 }
            markAtomic(i, j)
            i = j
        }
    }

    /// Marks that are doubled or tripled to make one: dashes and ellipses.
    static let repeatableMarks: Set<UInt32> = Set("—―─…‥-.~".unicodeScalars.map(\.value))

    @inline(__always)
    private func isAlphanumeric(_ i: Int) -> Bool {
        let c = classes[i]
        return c == .letter || c == .digit
    }

    @inline(__always)
    private func has(_ i: Int, _ flag: CharacterFlags) -> Bool {
        let f = folded[i]
        return f < 0x10000 && flags[Int(f)].contains(flag)
    }

    /// Latin words with inner hyphens, apostrophes and dots (non-NATO, ally's, U.S.), digits
    /// and letters together (G7, F-16), numbers with thousands separators and decimals
    /// (2,000, 3.5), with a sign (-5) and a unit that makes one word with them (2024年, 6%).
    /// A trailing dot is kept for initialisms (U.S.). All such runs are unbreakable, even
    /// where ICU agrees, so that dictionary terms cannot cut inside them.
    private mutating func joinAlphanumericRuns(unitsJoined: Bool) {
        let n = count
        var i = 0
        while i < n {
            guard isAlphanumeric(i) else { i += 1; continue }
            let start = i
            var end = i
            var onlyInitials = true     // single letters separated by dots: U.S, U.K
            var dotted = false
            while true {
                let wordStart = end
                while end < n, isAlphanumeric(end) { end += 1 }
                if end - wordStart != 1 || classes[wordStart] != .letter { onlyInitials = false }
                guard end + 1 < n, isAlphanumeric(end + 1) else { break }
                let before = classes[end - 1], after = classes[end + 1]
                let joins: Bool
                switch folded[end] {
                case 0x2D, 0x2010, 0x2011:          // hyphens: non-NATO, F-16
                    joins = true
                case 0x27, 0x2019:                  // apostrophes: ally's, O'Brien
                    joins = before == .letter && after == .letter
                case 0x2E:                          // dot: U.S, 3.5
                    joins = before == after
                    dotted = dotted || joins
                case 0x2C:                          // thousands: 2,000 and 1,000,000
                    joins = before == .digit && threeDigitsFollow(end + 1)
                default:
                    joins = false
                }
                guard joins else { break }
                end += 1
            }
            if onlyInitials && dotted && end < n && folded[end] == 0x2E { end += 1 }
            var first = start
            if classes[start] == .digit && isNumber(start, end) {
                if start > 0, has(start - 1, .numberSign), start == 1 || !isAlphanumeric(start - 2) {
                    first = start - 1
                }
                // 年 only after a four-digit year: 2024年 is a date, 10 年 a duration.
                if unitsJoined, end < n, has(end, .numberUnit), folded[end] != 0x5E74 || end - start == 4 {
                    end += 1
                }
            }
            markAtomic(first, end)
            i = max(end, start + 1)
        }
    }

    /// Whether `start..<end` is digits with separators only.
    private func isNumber(_ start: Int, _ end: Int) -> Bool {
        for k in start..<end where classes[k] == .letter { return false }
        return true
    }

    private func threeDigitsFollow(_ i: Int) -> Bool {
        guard i + 3 <= count else { return false }
        for k in i..<(i + 3) where classes[k] != .digit { return false }
        return i + 3 == count || classes[i + 3] != .digit
    }

    /// Years written in Chinese numerals or mixed with digits: 二〇〇一年, 一九九八年, 二０００年.
    private mutating func joinChineseNumeralYears() {
        let n = count
        var i = 0
        while i + 4 < n {
            guard folded[i + 4] == 0x5E74 /* 年 */ else { i += 1; continue }
            var numerals = 0, digits = 0
            for k in i..<(i + 4) {
                if has(k, .yearNumeral) { numerals += 1 } else if classes[k] == .digit { digits += 1 }
            }
            if numerals > 0 && numerals + digits == 4 && (i == 0 || !has(i - 1, .yearNumeral)) {
                markAtomic(i, i + 5)
                i += 5
            } else {
                i += 1
            }
        }
    }

    /// Transliterated names written with a middle dot: 丽贝卡·利斯纳, 穆罕默德·本·萨勒曼.
    /// Each part reaches over whole words — ICU's, or the model's vocabulary words (else
    /// single characters) when there is a model — made only of transliteration characters
    /// (at most eight characters), and takes at least the one character next to the dot.
    private mutating func joinDottedNames(model: SegmentationModel?) {
        let n = count
        var i = 1
        while i + 1 < n {
            guard classes[i] == .punctuation, has(i, .nameDot), classes[i - 1] == .han, classes[i + 1] == .han else {
                i += 1; continue
            }
            let start = extendName(from: i, forward: false, model: model)
            var end = extendName(from: i + 1, forward: true, model: model)
            while end + 1 < n, has(end, .nameDot), classes[end + 1] == .han {
                end = extendName(from: end + 1, forward: true, model: model)
            }
            markAtomic(start, end)
            i = end
        }
    }

    /// From a dot (going back) or from the first character after it (going forward), the
    /// far edge of the name part: whole words (ICU's, or the model's) of transliteration
    /// characters.
    private func extendName(from position: Int, forward: Bool, model: SegmentationModel?) -> Int {
        let limit = 8
        var edge = position
        while true {
            // The word adjacent to `edge` on the side we are extending towards.
            var other = edge
            if let model {
                guard forward ? other < count : other > 0 else { break }
                other = forward ? modelWordEnd(from: edge, model) : modelWordStart(before: edge, model)
            } else if forward {
                guard other < count else { break }
                repeat { other += 1 } while other < count && !icuBoundary[other]
            } else {
                guard other > 0 else { break }
                repeat { other -= 1 } while other > 0 && !icuBoundary[other]
            }
            let range = forward ? edge..<other : other..<edge
            guard abs(other - position) <= limit,
                  range.allSatisfy({ classes[$0] == .han && has($0, .transliteration) })
            else { break }
            edge = other
        }
        if edge == position { edge = forward ? position + 1 : position - 1 }
        return edge
    }

    /// The end of the longest vocabulary word of Han characters starting at `start` (at most
    /// eight characters on), else `start + 1`.
    private func modelWordEnd(from start: Int, _ model: SegmentationModel) -> Int {
        var end = start + 1
        model.vocabulary.withView { trie in
            var node = VocabularyTrie.root
            var j = start
            while j < count, j - start < 8, classes[j] == .han {
                node = trie.child(of: node, hot: trie.nodeHot[Int(node)], folded[j])
                if node == VocabularyTrie.none { break }
                j += 1
                if trie.nodeValues[Int(node)] >= 0 { end = j }
            }
        }
        return end
    }

    /// The start of the longest vocabulary word of Han characters ending at `end` (at most
    /// four characters back), else `end - 1`.
    private func modelWordStart(before end: Int, _ model: SegmentationModel) -> Int {
        for length in stride(from: min(4, end), through: 2, by: -1)
        where (end - length..<end).allSatisfy({ classes[$0] == .han })
            && model.vocabulary.value(for: folded[(end - length)..<end]) >= 0 {
            return end - length
        }
        return end - 1
    }

    /// Runs of three or more single-character ICU words that are all transliteration
    /// characters (a foreign name ICU does not know: 利斯纳) become one token.
    private mutating func joinTransliteratedRuns() {
        let n = count
        var i = 0
        while i < n {
            var j = i
            while j < n, icuBoundary[j], icuBoundary[j + 1], !insideAtomic[j], atomicEnd[j] < 0,
                  classes[j] == .han, has(j, .transliteration) {
                j += 1
            }
            if j - i >= 3 { markAtomic(i, j) }
            i = max(j, i + 1)
        }
    }
}
