/// What every check of one document shares: the configuration, the glossary compiled for
/// matching, CC-CEDICT, bilingual associations, and what is known about each concept.
/// Built once by the ``Checker``.
final class CheckEnvironment {
    let configuration: CheckConfiguration
    let glossary: Glossary?
    let matcher: GlossaryMatcher?
    let lexicon: CEDICTLexicon?
    let associations: (any RenderingAssociations)?
    /// The glossary's concepts, in glossary order (``TermReference/concept`` indexes them).
    let concepts: [ConceptTerms]
    /// Folded Chinese form → the concepts that have it, for forms of several concepts.
    let sharedForms: [String: [Int]]
    /// Where the Chinese words are (the segmenter).
    let chineseWords: any ChineseWordSource
    /// How English glossary terms are held to their sense (part of speech, inflections,
    /// a verb's object).
    let senses: TermSenses?
    /// ``renderingCandidates(of:)`` by written form.
    var renderingCandidateCache: [String: [Int32]?] = [:]

    init(configuration: CheckConfiguration, glossary: Glossary?, lexicon: CEDICTLexicon?,
         associations: (any RenderingAssociations)?) throws {
        self.configuration = configuration
        self.glossary = glossary
        self.lexicon = lexicon
        self.associations = associations
        matcher = try glossary.map { try GlossaryMatcher(glossary: $0) }
        let concepts = glossary?.concepts.map(ConceptTerms.init) ?? []
        self.concepts = concepts
        var owners: [String: [Int]] = [:]
        for (index, concept) in concepts.enumerated() {
            // Concept indices are appended in glossary order, so each list is ascending.
            for folded in Set(concept.chinese.map(\.folded)) { owners[folded, default: []].append(index) }
        }
        sharedForms = owners.filter { $0.value.count > 1 }
        chineseWords = try SegmenterWordSource()
        senses = try glossary.map { try TermSenses(glossary: $0, lexicon: lexicon) }
    }

    /// The severity of `check`'s findings.
    func severity(of check: CheckID) -> Severity { configuration.severity(of: check) }

    /// Whether `check` runs.
    func isEnabled(_ check: CheckID) -> Bool { configuration.isEnabled(check) }
}
