/// How the translation renders one English glossary term of the source.
struct TermRendering {
    /// The English term.
    var match: TermMatch
    /// The concepts it may name that have acceptable Chinese terms, in reference order.
    var named: [Int]
    /// The Chinese glossary matches of the segment that are terms of a named concept.
    var rendered: [RenderedForm]
    /// Whether the translation has an acceptable Chinese term of a named concept (as a
    /// match, or inside a longer term: 北约 in 主要非北约盟友).
    var acceptable: Bool
    /// Whether this is the segment's first English term naming these concepts.
    var firstTime: Bool
    /// What the translation seems to use instead (through CC-CEDICT), when it has no
    /// acceptable term and this is the first time; nil otherwise.
    var outside: (text: String, range: Range<Int>)?

    /// One Chinese glossary term rendering a named concept.
    struct RenderedForm {
        var concept: Int
        /// Its index in ``SegmentAnalysis/chineseMatches``.
        var chineseIndex: Int
        /// Its index in the concept's ``ConceptTerms/chinese``.
        var term: Int
        var status: TermStatus
    }
}

extension SegmentAnalysis {
    /// One ``TermRendering`` per English glossary term of the source, in text order (empty
    /// without both sides).
    func computeTermRenderings() -> [TermRendering] {
        guard source != nil, target != nil else { return [] }
        let concepts = environment.concepts
        var handled = Set<Int>()
        var result: [TermRendering] = []
        for match in englishMatches {
            let named = uniqued(match.references.map(\.concept)).filter { !concepts[$0].acceptableChinese.isEmpty }
            guard !named.isEmpty else { continue }
            var rendered: [TermRendering.RenderedForm] = []
            for (index, chinese) in chineseMatches.enumerated() {
                for reference in chinese.references where named.contains(reference.concept) {
                    guard let term = concepts[reference.concept].chineseIndex(of: reference) else { continue }
                    rendered.append(.init(concept: reference.concept, chineseIndex: index, term: term,
                                          status: concepts[reference.concept].chinese[term].status))
                }
            }
            let acceptable = rendered.contains { $0.status.isAcceptable }
                || named.contains { concept in concepts[concept].acceptableFolded.contains { foldedTarget.contains(subsequence: $0) } }
            let firstTime = handled.isDisjoint(with: named)
            named.forEach { handled.insert($0) }
            let outside = !acceptable && firstTime ? outsideRendering(of: match.text) : nil
            result.append(TermRendering(match: match, named: named, rendered: rendered, acceptable: acceptable,
                                        firstTime: firstTime, outside: outside))
        }
        return result
    }

    /// What the translation seems to use for `english` instead of the glossary's terms: the
    /// longest CC-CEDICT headword (two characters or more) of the Chinese segment whose
    /// glosses contain all the content words of the term (or its last one, the head noun).
    /// Among headwords of equal length, the one found first in the segment wins.
    private func outsideRendering(of english: String) -> (text: String, range: Range<Int>)? {
        guard let lexicon = environment.lexicon, let target, !foldedTarget.isEmpty,
              let candidates = environment.renderingCandidates(of: english) else { return nil }
        // The segment's own headwords, scanned left to right: the longest wins, the first
        // found among equally long ones (not the order of the candidate set).
        var best: Range<Int>?
        foldedTarget.withUnsafeBufferPointer { text in
            for start in text.indices {
                lexicon.forEachHeadword(in: text, startingAt: start) { end, id in
                    guard end - start >= 2, end - start > (best?.count ?? 0), candidates.binarySearch(Int32(id)) != nil else { return }
                    best = start..<end
                }
            }
        }
        guard let best else { return nil }
        return (Self.substring(target.text, best), best)
    }
}

extension Array where Element == UInt32 {
    /// Whether `needle` occurs in the array. O(n·m), for short texts.
    func contains(subsequence needle: [UInt32]) -> Bool {
        firstIndex(ofSubsequence: needle) != nil
    }

    /// The first index where `needle` occurs.
    func firstIndex(ofSubsequence needle: [UInt32]) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        let first = needle[0]
        var i = 0
        while i + needle.count <= count {
            if self[i] == first {
                var k = 1
                while k < needle.count && self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension CheckEnvironment {
    /// The CC-CEDICT headwords that may render `english` (a glossary term as written in a
    /// source): those whose definitions have every content word of it, else its last one
    /// (plural forms read as singular too), ascending for ``Array/binarySearch(_:)``; nil
    /// without content words. Remembered per written form: a term recurs in every segment
    /// that names it.
    func renderingCandidates(of english: String) -> [Int32]? {
        if let known = renderingCandidateCache[english] { return known }
        var result: [Int32]?
        if let lexicon {
            let words = EnglishWords.of(english).map(\.folded).filter { !CEDICTEnglishIndex.stopWords.contains($0) }
            if let last = words.last {
                func headwords(_ word: String) -> Set<Int32> {
                    var ids = Set<Int32>()
                    var forms = [word]
                    if word.hasSuffix("ies") { forms.append(String(word.dropLast(3)) + "y") }
                    else if word.hasSuffix("es") { forms.append(String(word.dropLast(2))); forms.append(String(word.dropLast())) }
                    else if word.hasSuffix("s") { forms.append(String(word.dropLast())) }
                    for form in forms { if let key = lexicon.english.keyID(for: form) { ids.formUnion(lexicon.english.headwordIDs(forKeyID: key)) } }
                    return ids
                }
                let perWord = words.map(headwords)
                var candidates = perWord.dropFirst().reduce(perWord[0]) { $0.intersection($1) }
                if candidates.isEmpty { candidates = headwords(last) }
                result = candidates.sorted()
            }
        }
        if renderingCandidateCache.count < 1 << 16 { renderingCandidateCache[english] = .some(result) }
        return result
    }
}
