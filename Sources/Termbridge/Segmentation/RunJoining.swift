/// The joining stage: runs that ICU leaves in pieces become single, unbreakable tokens.
extension SegmentationWorkspace {
    mutating func joinRuns(options: Segmenter.Options) {
        joinAlphanumericRuns()
        joinDottedNames()
        if options.joinsTransliteratedNames { joinTransliteratedRuns() }
    }

    @inline(__always)
    private func isAlphanumeric(_ i: Int) -> Bool {
        let c = classes[i]
        return c == .letter || c == .digit
    }

    /// Latin words with inner hyphens, apostrophes and dots (non-NATO, ally's, U.S.), digits
    /// and letters together (G7, F-16), numbers with thousands separators and decimals
    /// (2,000, 3.5). A trailing dot is kept for initialisms (U.S.).
    private mutating func joinAlphanumericRuns() {
        let n = count
        var i = 0
        while i < n {
            guard isAlphanumeric(i) else { i += 1; continue }
            let start = i
            var end = i
            var onlyInitials = true     // single letters separated by dots: U.S, U.K
            var sawDot = false
            while true {
                var wordStart = end
                while end < n, isAlphanumeric(end) { end += 1 }
                if end - wordStart != 1 || classes[wordStart] != .letter { onlyInitials = false }
                guard end + 1 < n, isAlphanumeric(end + 1) else { break }
                let joiner = folded[end]
                let before = classes[end - 1], after = classes[end + 1]
                let joins: Bool
                switch joiner {
                case 0x2D, 0x2010, 0x2011:          // hyphens: non-NATO, F-16
                    joins = true
                case 0x27, 0x2019:                  // apostrophes: ally's, O'Brien
                    joins = before == .letter && after == .letter
                case 0x2E:                          // dot: U.S, 3.5
                    joins = before == after
                    sawDot = true
                case 0x2C:                          // thousands: 2,000 and 1,000,000
                    joins = before == .digit && threeDigitsFollow(end + 1)
                default:
                    joins = false
                }
                guard joins else { break }
                end += 1
                wordStart = end
            }
            if onlyInitials && sawDot && end < n && folded[end] == 0x2E { end += 1 }
            if spansSeveralSegments(start, end) { markAtomic(start, end) }
            i = max(end, start + 1)
        }
    }

    private func threeDigitsFollow(_ i: Int) -> Bool {
        guard i + 3 <= count else { return false }
        for k in i..<(i + 3) where classes[k] != .digit { return false }
        return i + 3 == count || classes[i + 3] != .digit
    }

    private func spansSeveralSegments(_ start: Int, _ end: Int) -> Bool {
        for k in (start + 1)..<end where boundary[k] { return true }
        return false
    }

    /// Transliterated names written with a middle dot: 丽贝卡·利斯纳, 穆罕默德·本·萨勒曼.
    /// Each part reaches over whole ICU words made only of transliteration characters (at
    /// most eight characters), and takes at least the one character next to the dot.
    private mutating func joinDottedNames() {
        let n = count
        let dots = TransliterationCharacters.nameDots
        var i = 1
        while i + 1 < n {
            guard dots.contains(folded[i]), classes[i - 1] == .han, classes[i + 1] == .han else {
                i += 1; continue
            }
            let start = extendName(from: i, forward: false)
            var end = extendName(from: i + 1, forward: true)
            while end + 1 < n, dots.contains(folded[end]), classes[end + 1] == .han {
                end = extendName(from: end + 1, forward: true)
            }
            markAtomic(start, end)
            i = end
        }
    }

    /// From a dot (going back) or from the first character after it (going forward), the
    /// far edge of the name part: whole ICU words of transliteration characters.
    private func extendName(from position: Int, forward: Bool) -> Int {
        let limit = 8
        let translit = TransliterationCharacters.all
        var edge = position
        while true {
            // The ICU word adjacent to `edge` on the side we are extending towards.
            var other = edge
            if forward {
                guard other < count else { break }
                repeat { other += 1 } while other < count && !icuBoundary[other]
            } else {
                guard other > 0 else { break }
                repeat { other -= 1 } while other > 0 && !icuBoundary[other]
            }
            let range = forward ? edge..<other : other..<edge
            guard abs(other - position) <= limit,
                  range.allSatisfy({ classes[$0] == .han && translit.contains(folded[$0]) })
            else { break }
            edge = other
        }
        if edge == position { edge = forward ? position + 1 : position - 1 }
        return edge
    }

    /// Runs of three or more single-character ICU words that are all transliteration
    /// characters (a foreign name ICU does not know: 利斯纳) become one token.
    private mutating func joinTransliteratedRuns() {
        let n = count
        let translit = TransliterationCharacters.all
        var i = 0
        while i < n {
            var j = i
            while j < n, icuBoundary[j], j + 1 <= n, icuBoundary[j + 1], !insideAtomic[j],
                  atomicEnd[j] < 0, classes[j] == .han, translit.contains(folded[j]) {
                j += 1
            }
            if j - i >= 3 { markAtomic(i, j) }
            i = max(j, i + 1)
        }
    }
}
