/// `term-deprecated`: a deprecated or superseded glossary term in the Chinese — or an
/// English spelling the glossary deprecates, in the English or glossed in the Chinese
/// (基辅(Kiev)). A form of several concepts is judged by the concept the English names.
///
/// Claims the Chinese terms it reports, as term-forbidden does.
final class TermDeprecatedCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .termDeprecated, defaultSeverity: .warning,
        summary: "a deprecated or superseded term in the Chinese (or the English)",
        needsGlossary: true,
        examples: [
            .triggering("Neither ↓Kiev nor its critics were satisfied.", "既没有让基辅(↓Kiev)满意。"),
            .triggering("A quasi-ally fighting for its survival.", "一个为生存而战的↓准同盟。",
                        note: "准同盟 is deprecated for quasi ally (admitted for quasi alliance)"),
            .nonTriggering("Every quasi alliance has a paradox.", "每一种准同盟都有悖论。"),
            .nonTriggering(nil, "每一种准同盟都有悖论。", note: "without English, a concept that admits the form wins"),
            .triggering("The parties agreed to a ceasefire.", "双方同意↓停战。"),
            .nonTriggering(nil, "他们决定暂停战争三天。", note: "停战 straddles two words here (暂停|战争): no term"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        for flagged in segment.flaggedTerms where flagged.status == .deprecated || flagged.status == .superseded {
            if let index = flagged.chineseIndex { segment.claim(.chineseTerm(index), by: .termDeprecated) }
            findings.append(segment.statusFinding(flagged, check: .termDeprecated))
        }
    }
}
