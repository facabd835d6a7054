extension Glossary {
    /// The terms that name `text`, in any language: Chinese compared folded (準盟友 finds
    /// 准盟友), English compared word by word on Snowball stems and case-insensitively
    /// (Quasi-Allies finds quasi ally). O(total terms).
    public func lookup(_ text: String) throws -> [TermReference] {
        let stemmer = try EnglishStemmer()
        func stems(_ s: String) -> [String] { EnglishWords.of(s).map { stemmer.stem($0.folded) } }
        let key = Self.matchingKey(text, language: "zh")
        let wordStems = stems(text)
        var found: [TermReference] = []
        for (c, concept) in concepts.enumerated() {
            for (l, section) in concept.languages.enumerated() {
                for (t, term) in section.terms.enumerated() {
                    let same: Bool
                    if Concept.tag(section.language, matches: "en") {
                        same = !wordStems.isEmpty && stems(term.text) == wordStems
                    } else {
                        same = Self.matchingKey(term.text, language: section.language) == key
                    }
                    if same { found.append(TermReference(concept: c, language: l, term: t)) }
                }
            }
        }
        return found
    }

    /// Counts for `termbridge glossary stats`.
    public struct Statistics: Sendable, Equatable {
        public var concepts = 0
        /// Terms per language and status.
        public var terms: [String: [TermStatus: Int]] = [:]
        /// Concepts per subject field ("" for none).
        public var subjects: [String: Int] = [:]
        /// Concepts with a definition, with a note — the concept's own or one of its languages'
        /// (termbases such as MultiTerm and IATE define concepts per language).
        public var withDefinition = 0
        public var withNote = 0
        /// Chinese terms that carry stored pinyin.
        public var withPinyin = 0
    }

    /// Counts of concepts, terms by language and status, and subjects.
    public var statistics: Statistics {
        var stats = Statistics()
        stats.concepts = concepts.count
        for concept in concepts {
            stats.subjects[concept.subject ?? "", default: 0] += 1
            if concept.definition != nil || concept.languages.contains(where: { $0.definition != nil }) { stats.withDefinition += 1 }
            if concept.note != nil || concept.languages.contains(where: { $0.note != nil }) { stats.withNote += 1 }
            for section in concept.languages {
                for term in section.terms {
                    stats.terms[section.language, default: [:]][term.status, default: 0] += 1
                    if term.pinyin != nil { stats.withPinyin += 1 }
                }
            }
        }
        return stats
    }
}
