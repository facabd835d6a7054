/// `target-same-as-source`: a translation identical to its English (folded as segments are
/// compared: case, width and runs of spaces aside) — a unit copied over and never
/// translated. Units of fewer than three English words (ATACMS, G7, a name) are left alone:
/// those are often the same in both languages.
///
/// Claims the whole translation: the checks that compare the two sides have nothing to do.
final class TargetSameAsSourceCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .targetSameAsSource, defaultSeverity: .error,
        summary: "a translation identical to its English source",
        needsSource: true,
        examples: [
            .triggering("The policy has not changed.", "↓The policy has not changed."),
            .nonTriggering("ATACMS", "ATACMS", note: "a code or a name may stay as it is"),
            .nonTriggering("The policy has not changed.", "政策没有改变。"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard segment.source != nil, let target = segment.target, let key = segment.sourceKey, key == segment.targetKey,
              segment.sourceWords.count >= 3 else { return }
        segment.claim(.wholeTarget, by: .targetSameAsSource)
        findings.append(segment.finding(.targetSameAsSource, at: target.start, side: .target,
                                        message: "the translation is the English source, untranslated",
                                        context: segment.context(side: .target, range: nil)))
    }
}
