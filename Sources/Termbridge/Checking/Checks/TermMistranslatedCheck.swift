/// `term-mistranslated`: an English glossary term whose Chinese segment has none of its
/// concept's preferred or admitted Chinese terms. With CC-CEDICT, the headword the
/// translation seems to use instead is named (`found 摒弃`) and the finding points at it;
/// otherwise at the start of the Chinese segment. One finding per concept per segment.
///
/// Leaves to term-forbidden and term-deprecated a concept whose rendering they claimed;
/// claims the headword it names (rendering-inconsistent only counts it).
final class TermMistranslatedCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .termMistranslated, defaultSeverity: .error,
        summary: "an English glossary term whose Chinese segment has none of its preferred or admitted translations",
        needsGlossary: true, needsSource: true,
        examples: [
            .triggering("It came with strings, but no quasi ally got ATACMS.", "↓附带条件,但没有准盟友得到远程导弹。"),
            .triggering("Japan sits under the nuclear umbrella.", "↓日本处于核威慑之下。"),
            .nonTriggering("Washington wants leverage.", "华盛顿希望握有筹码。", note: "an admitted term"),
            .nonTriggering("The quasi ally fought on.", "那個準盟友繼續作戰。", note: "Traditional characters"),
            .nonTriggering("They finally got ATACMS.", "他们终于得到了ATACMS。", note: "the glossary admits ATACMS in Chinese"),
            .nonTriggering("Donald Trump lifted the hold.", "川普取消了限制。", note: "term-forbidden reports it"),
            .triggering("Washington is withholding weapons deliveries.", "↓华盛顿正在拖延武器交付。",
                        note: "withhold with an object its definition names (aid or weapons deliveries)"),
            .nonTriggering("Washington will not abandon its partners.", "华盛顿不会丢下自己的伙伴。",
                           note: "abandon is a verb; the glossary's abandonment is a noun"),
            .nonTriggering("By withholding the guarantee, Washington kept its options open.", "华盛顿不作保证,给自己留有余地。",
                           note: "withhold is defined for aid or weapons, not a guarantee"),
            .nonTriggering("The allied response came quickly.", "联合行动来得很快。",
                           note: "allied is no form of the noun ally"),
            .nonTriggering("Leaders fear that they will ally with Moscow.", "领导人担心他们会与莫斯科结盟。",
                           note: "after a modal, ally is a verb; the glossary's ally is a noun"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        let concepts = segment.environment.concepts
        for rendering in segment.termRenderings where !rendering.acceptable && rendering.firstTime {
            guard !rendering.rendered.contains(where: { segment.isClaimed(.chineseTerm($0.chineseIndex)) }) else { continue }
            let expected = uniqued(rendering.named.flatMap { concepts[$0].acceptableChinese })
            let concept = concepts[rendering.named[0]]
            var message = "“\(rendering.match.text)” is not translated as the glossary says (\(concept.id))"
            if let first = expected.first {
                message += ": expected \(first)"
                if expected.count > 1 { message += " (or \(expected.dropFirst().prefix(3).joined(separator: ", ")))" }
            }
            let outside = rendering.outside
            if let outside {
                message += "; found \(outside.text)"
                segment.claim(.targetRange(outside.range), by: .termMistranslated)
            }
            message += segment.alignmentNote
            let sourceRange = rendering.match.range.scalars
            findings.append(segment.finding(
                .termMistranslated, at: outside.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start,
                side: .target, term: rendering.match.text, found: outside?.text, expected: expected, conceptID: concept.id,
                message: message, related: source.location(ofScalar: sourceRange.lowerBound),
                context: FindingContext(source: source.text, target: target.text, sourceRange: sourceRange, targetRange: outside?.range)))
        }
    }
}
