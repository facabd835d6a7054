/// Chinese glossary matches held to the words of the text: 停战 (ceasefire) is a term in
/// 双方停战, not in 暂停战争 (暂停|战争: "suspend the war").
///
/// A term must not break the words around it — but a segmenter that keeps user-dictionary
/// terms whole (as Termbridge's does) would always cut 暂|停战|争, and one without the
/// glossary sometimes cuts a term wrongly itself (对准|盟友 for 对|准盟友, 特朗|普通 for
/// 特朗普|通过). So the term **competes** with the segmenter's words (segmented without the
/// glossary): where the match starts and ends on word boundaries it stands; where it cuts
/// into words, it stands only if reading it as one word leaves no more pieces than the
/// segmenter's own words there — the term, plus a piece for each word it cuts into —
/// against the words it overlaps. 暂|停战|争 is three pieces against 暂停|战争's two: no
/// term. 对|准盟友 is two against 对准|盟友's two, 特朗普|通(过) two against 特朗|普通's
/// two: the term stands. A middle dot separates words (唐纳德·川普). A term inside one longer
/// word (杠杆 in 杠杆率) is no match; term-mistranslated still accepts it as a translation
/// (an acceptable term inside the Chinese counts).
///
/// When the segmenter tags parts of speech and the glossary gives the term's, they must not
/// contradict each other: a noun or a proper noun is not an adverb, preposition,
/// conjunction, particle, pronoun or numeral there; a verb is none of those nor a name.
enum ChineseTermBoundaries {
    static func filter(_ matches: [TermMatch], words: [ChineseWord], folded: [UInt32], glossary: Glossary) -> [TermMatch] {
        guard !words.isEmpty else { return matches }
        // Word starts and ends by scalar offset (0…count): flags, not hashed sets.
        let count = max(folded.count, words.last?.range.upperBound ?? 0)
        var starts = [Bool](repeating: false, count: count + 2), ends = starts
        var tagAt: [Int: String] = [:]
        for word in words {
            starts[word.range.lowerBound] = true
            ends[word.range.upperBound] = true
            if let tag = word.partOfSpeech { tagAt[word.range.lowerBound] = tag }
        }
        for (k, value) in folded.enumerated() where value == 0xB7 || value == 0x2022 || value == 0x2027 || value == 0x30FB {
            starts[k + 1] = true; ends[k] = true
        }
        return matches.compactMap { match in
            let range = match.range.scalars
            if !(starts[range.lowerBound] && ends[range.upperBound]) {
                // The words the match overlaps, cut at middle dots.
                let overlapping = words.filter { $0.range.overlaps(range) }
                guard let first = overlapping.first, let last = overlapping.last else { return match }
                let leftCut = first.range.lowerBound < range.lowerBound && !ends[range.lowerBound]
                let rightCut = last.range.upperBound > range.upperBound && !starts[range.upperBound]
                let pieces = 1 + (leftCut ? 1 : 0) + (rightCut ? 1 : 0)
                guard pieces <= overlapping.count else { return nil }
            }
            guard let tag = tagAt[range.lowerBound] else { return match }
            var kept = match
            kept.references = match.references.filter { reference in
                let term = glossary.concepts[reference.concept].languages[reference.language].terms[reference.term]
                return agrees(glossary: term.partOfSpeech, tag: tag)
            }
            return kept.references.isEmpty ? nil : kept
        }
    }

    /// Whether a glossary part of speech and a segmenter tag (jieba's set) can be the same
    /// word. Only clear contradictions count: Chinese verbs are nouns as often as not
    /// (抛弃 for *abandonment*), so noun and verb tags agree with each other.
    static func agrees(glossary: String?, tag: String) -> Bool {
        guard let wordClass = TermSenses.wordClass(glossary: glossary) else { return true }
        let function: Set<String> = ["d", "p", "c", "u", "r", "m", "q", "e", "y", "o", "x", "w"]
        let base = tag.lowercased()
        if function.contains(base) || function.contains(String(base.prefix(1))) && base.count > 1 && !base.hasPrefix("v") && !base.hasPrefix("n") {
            return false
        }
        if wordClass == .verb, ["nr", "ns", "nt", "nz"].contains(base) { return false }
        return true
    }
}
