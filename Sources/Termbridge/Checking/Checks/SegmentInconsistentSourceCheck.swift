/// `segment-inconsistent-source`: one translation used for different source segments (the
/// reverse of segment-inconsistent-target, with the same folding and memory).
final class SegmentInconsistentSourceCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .segmentInconsistentSource, defaultSeverity: .warning,
        summary: "one translation used for different source segments",
        needsSource: true,
        examples: [
            .document([("The policy has not changed.", "政策没有改变。"),
                       ("Nothing has changed.", "↓政策没有改变。")], triggers: true),
            .document([("The policy has not changed.", "政策没有改变。"),
                       ("The policy has not changed.", "政策没有改变。")], triggers: false),
        ])

    private var firstByTarget = FirstSegments()

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let sourceKey = segment.sourceKey, let targetKey = segment.targetKey else { return }
        if let first = firstByTarget.firstOrRecord(targetKey, otherSide: sourceKey, segment), first.otherSide != sourceKey {
            findings.append(first.finding(.segmentInconsistentSource, segment, "same translation as, but a different source from,"))
        }
    }
}
