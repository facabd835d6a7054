extension UserDictionary {
    /// A segmenter dictionary holding every Chinese term of `glossary`.
    public init(glossary: Glossary) {
        self.init()
        add(glossary)
    }

    /// Adds every Chinese term of `glossary` (all statuses, so that forbidden terms stay
    /// whole too and can be found), with the glossary's part of speech where it gives one
    /// (`noun` → n, `verb` → v, …; see ``PartOfSpeech/init(glossaryPartOfSpeech:)``).
    public mutating func add(_ glossary: Glossary) {
        for concept in glossary.concepts {
            for term in concept.terms(in: "zh") {
                add(term.text, partOfSpeech: term.partOfSpeech.flatMap(PartOfSpeech.init(glossaryPartOfSpeech:)))
            }
        }
    }
}
