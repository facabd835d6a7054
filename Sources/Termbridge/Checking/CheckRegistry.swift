/// Every built-in check, in one list. The order is the order in which they run on each
/// segment, and it matters: a check that reports a place claims it, and the checks after
/// it leave it alone (see ``SegmentAnalysis``). Adding a check is adding its file under
/// `Checking/Checks/` and a line here.
public enum CheckRegistry {
    /// The built-in checks, in running order.
    static var builtIn: [any BuiltInCheck.Type] {
        [
        // Whole-segment problems first: they leave nothing for the comparisons.
        TargetEmptyCheck.self,
        TargetSameAsSourceCheck.self,
        TargetUntranslatedCheck.self,
        // Glossary terms by status, then how English terms are rendered.
        TermForbiddenCheck.self,
        TermDeprecatedCheck.self,
        TermMistranslatedCheck.self,
        RenderingInconsistentCheck.self,
        VariantDriftCheck.self,
        // Numbers and Latin tokens.
        NumberMismatchCheck.self,
        LatinTokenMisspelledCheck.self,
        LatinTokenMissingCheck.self,
        // Meaning.
        NegationMismatchCheck.self,
        // Omissions and additions.
        LengthRatioCheck.self,
        // Slips within the Chinese.
        RepeatedWordCheck.self,
        PunctuationUnpairedCheck.self,
        PunctuationWidthCheck.self,
        PunctuationMixedCheck.self,
        CJKLatinSpacingCheck.self,
        // Identical segments.
        SegmentInconsistentTargetCheck.self,
        SegmentInconsistentSourceCheck.self,
        ]
    }

    /// The definitions of the built-in checks, in running order.
    public static let definitions: [CheckDefinition] = builtIn.map { $0.definition }

    private static let byID: [CheckID: CheckDefinition] = Dictionary(
        definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The definition of the built-in check `id`; nil for another id.
    public static func definition(of id: CheckID) -> CheckDefinition? { byID[id] }
}
