/// Renderings learned from the document pair itself by term extraction: the bilingual
/// candidates of ``TermExtractor`` (parenthetical pairs and associations over aligned
/// sentences) grouped by English term, so that `rendering-inconsistent` works without a
/// glossary. An English term that extraction tied to several Chinese forms, used in
/// different segments, is one rendered in several ways.
///
/// Built before checking (extraction reads the whole pair); each call is two glossary-matcher
/// passes over one segment pair.
public final class ExtractedRenderings: RenderingAssociations {
    private let matcher: GlossaryMatcher

    /// Associations from extraction candidates: every candidate with both a Chinese and an
    /// English side becomes a rendering of its English term.
    public init(candidates: [TermCandidate]) throws {
        var concepts: [String: Concept] = [:]
        var order: [String] = []
        for candidate in candidates where !candidate.chinese.isEmpty && !candidate.english.isEmpty {
            let key = Glossary.matchingKey(candidate.english, language: "en")
            if concepts[key] == nil {
                concepts[key] = Concept(id: key, languages: [LanguageTerms(language: "en", terms: [Term(candidate.english)])])
                order.append(key)
            }
            if !concepts[key]!.terms(in: "zh").contains(where: { $0.text == candidate.chinese }) {
                concepts[key]!.add(Term(candidate.chinese, status: .admitted), in: "zh")
            }
        }
        matcher = try GlossaryMatcher(glossary: Glossary(concepts: order.map { concepts[$0]! }))
    }

    /// Associations learned from a Chinese translation and its English source.
    public convenience init(chinese: ExtractionText, english: ExtractionText,
                            glossary: Glossary? = nil, lexicon: CEDICTLexicon? = nil) throws {
        let extractor = try TermExtractor(glossary: glossary, lexicon: lexicon)
        try self.init(candidates: extractor.extract([ExtractionInput(chinese: chinese, english: english)]))
    }

    /// The number of English terms with at least one known rendering.
    public var termCount: Int { matcher.glossary.concepts.count }

    public func renderings(source: String, target: String) -> [AssociatedRendering] {
        let english = matcher.englishMatches(in: source)
        guard !english.isEmpty else { return [] }
        let chinese = matcher.chineseMatches(in: target)
        return english.map { match in
            let concepts = Set(match.references.map(\.concept))
            let rendering = chinese.first { !concepts.isDisjoint(with: $0.references.map(\.concept)) }
            let key = matcher.glossary.concepts[match.references[0].concept].id
            return AssociatedRendering(englishKey: key, english: match.text, englishRange: match.range.scalars,
                                       chinese: rendering?.text, chineseRange: rendering?.range.scalars)
        }
    }
}
