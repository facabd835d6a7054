extension UserDictionary {
    /// A segmenter dictionary holding every Chinese term of `glossary`.
    public init(glossary: Glossary) {
        self.init()
        add(glossary)
    }

    /// Adds every Chinese term of `glossary` (all statuses, so that forbidden terms stay
    /// whole too and can be found).
    public mutating func add(_ glossary: Glossary) {
        for concept in glossary.concepts {
            for term in concept.terms(in: "zh") { add(term.text) }
        }
    }
}
