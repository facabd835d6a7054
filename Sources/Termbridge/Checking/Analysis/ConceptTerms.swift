/// What the checker knows about one glossary concept, computed once.
struct ConceptTerms: Sendable {
    struct ChineseTerm: Sendable {
        var text: String
        var folded: String
        var status: TermStatus
    }

    var id: String
    /// `qa-001 (quasi ally)`.
    var displayName: String
    /// Every Chinese term, indexed like the concept's Chinese terms in ``TermReference``.
    var chinese: [ChineseTerm]
    /// Language-section index → position of its first term in ``chinese``.
    var chineseSectionOffsets: [Int: Int] = [:]
    /// Acceptable Chinese terms, preferred first.
    var acceptableChinese: [String]
    var acceptableFolded: [[UInt32]]
    /// Acceptable English terms, preferred first.
    var acceptableEnglish: [String]

    init(_ concept: Concept) {
        id = concept.id
        let normalizer = TextNormalizer.shared
        // A TermReference indexes one language section's terms; Chinese terms of all zh
        // sections (zh, zh-Hant) are kept in one list, with each section's offset.
        var chinese: [ChineseTerm] = []
        for (index, section) in concept.languages.enumerated() where Concept.tag(section.language, matches: "zh") {
            chineseSectionOffsets[index] = chinese.count
            for term in section.terms {
                chinese.append(ChineseTerm(text: term.text, folded: normalizer.fold(term.text.trimmingWhitespace), status: term.status))
            }
        }
        self.chinese = chinese
        func ordered(_ terms: [Term]) -> [String] {
            let acceptable = terms.filter(\.status.isAcceptable)
            return (acceptable.filter { $0.status == .preferred } + acceptable.filter { $0.status != .preferred }).map(\.text)
        }
        acceptableChinese = ordered(concept.terms(in: "zh"))
        acceptableFolded = acceptableChinese.map { normalizer.foldedScalars($0) }
        acceptableEnglish = ordered(concept.terms(in: "en"))
        let english = concept.preferredTerm(in: "en")?.text ?? concept.preferredTerm(in: "zh")?.text
        displayName = english.map { "\(concept.id) (\($0))" } ?? concept.id
    }
}

extension ConceptTerms {
    /// The position in ``chinese`` of the term `reference` names; nil when it is not Chinese.
    func chineseIndex(of reference: TermReference) -> Int? {
        chineseSectionOffsets[reference.language].map { $0 + reference.term }
    }
}
