/// `term-forbidden`: a forbidden glossary term in the Chinese — or an English term the
/// glossary forbids, in the English or glossed in the Chinese.
///
/// Claims the Chinese terms it reports: term-mistranslated, rendering-inconsistent and
/// variant-drift leave them alone.
final class TermForbiddenCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .termForbidden, defaultSeverity: .error,
        summary: "a forbidden term in the Chinese (or the English)",
        needsGlossary: true,
        examples: [
            .triggering(nil, "而唐纳德·↓川普重返白宫没几天。"),
            .triggering("Donald Trump lifted the hold.", "↓川普取消了限制。",
                        note: "reported as forbidden, not also as a missing translation of “Donald Trump”"),
            .triggering("the threat of abandonment", "↓弃权的威胁"),
            .nonTriggering("Donald Trump lifted the hold.", "唐纳德·特朗普取消了限制。"),
            .nonTriggering(nil, "特朗普说,政策没有改变。"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        for flagged in segment.flaggedTerms where flagged.status == .forbidden {
            if let index = flagged.chineseIndex { segment.claim(.chineseTerm(index), by: .termForbidden) }
            findings.append(segment.statusFinding(flagged, check: .termForbidden))
        }
    }
}
