/// One English term of a source segment and the Chinese form that renders it in the
/// translation, as a bilingual association table (term extraction) knows it.
public struct AssociatedRendering: Sendable, Hashable {
    /// The key that groups occurrences of one English term across the document: the same
    /// for "quasi ally", "quasi-allies" and "Quasi Allies" (e.g. lower-cased Snowball stems
    /// joined by spaces). Two occurrences with the same key are the same term.
    public var englishKey: String
    /// The term as it appears in the source segment.
    public var english: String
    /// Where it is in the source segment, in Unicode scalars.
    public var englishRange: Range<Int>
    /// The Chinese form that renders it in the target segment, as written; nil when the
    /// table knows the term but finds no rendering in this segment.
    public var chinese: String?
    /// Where ``chinese`` is in the target segment, in Unicode scalars.
    public var chineseRange: Range<Int>?

    public init(englishKey: String, english: String, englishRange: Range<Int>, chinese: String?, chineseRange: Range<Int>?) {
        self.englishKey = englishKey
        self.english = english
        self.englishRange = englishRange
        self.chinese = chinese
        self.chineseRange = chineseRange
    }
}

/// The hook for `rendering-inconsistent` without a glossary: bilingual term associations
/// learned from a corpus or from the document itself (the extraction work), asked segment by
/// segment.
///
/// What the checker needs from an implementation:
/// - for each aligned pair (English `source`, Chinese `target`), the English terms of
///   `source` it recognises — each with a stable ``AssociatedRendering/englishKey`` and its
///   range — and, for each, the Chinese form in `target` that renders it (with its range),
///   or nil when none is found;
/// - answers that depend only on the two texts (no state kept between calls is needed: the
///   checker counts renderings per key itself, compactly, and reports a key rendered in
///   more than one way, exactly as for glossary terms);
/// - speed of the order of the glossary matcher (the call is made once per segment pair,
///   100,000 times for a large TMX).
///
/// Terms that the glossary also names are left to the glossary: associations whose English
/// range overlaps a glossary term's are ignored when a glossary is given. An implementation
/// built from the whole document (two passes) must be built before checking starts.
public protocol RenderingAssociations: AnyObject {
    /// The known English terms of `source` with their renderings in `target`.
    func renderings(source: String, target: String) -> [AssociatedRendering]
}
