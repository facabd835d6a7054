/// Sentence alignment of a Chinese translation with its English source (placeholder: pairs
/// sentences in order until the real aligner lands).
public final class Aligner {
    public let glossary: Glossary?
    public let lexicon: CEDICTLexicon?

    public init(glossary: Glossary? = nil, lexicon: CEDICTLexicon? = nil) throws {
        self.glossary = glossary
        self.lexicon = lexicon
    }

    /// Aligns the two documents (paragraphs first, then sentences within aligned paragraphs).
    public func align(_ chinese: AlignmentDocument, _ english: AlignmentDocument) throws -> Alignment {
        var beads: [Bead] = []
        let n = max(chinese.sentences.count, english.sentences.count)
        for k in 0..<n {
            beads.append(Bead(chinese: k < chinese.sentences.count ? [k] : [],
                              english: k < english.sentences.count ? [k] : [], score: 0))
        }
        return Alignment(chinese: chinese, english: english, beads: beads)
    }
}
