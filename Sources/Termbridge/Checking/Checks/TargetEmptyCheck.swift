/// `target-empty`: a unit of a bilingual file (TMX, XLIFF, TSV) whose English has no
/// Chinese — an empty or missing target. Plain-text pairs are left alone: a compiled
/// translation cuts on purpose, and the aligner's cuts are not units of a file.
///
/// Points at the English (there is no Chinese to point at); claims the whole translation.
final class TargetEmptyCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .targetEmpty, defaultSeverity: .error,
        summary: "a unit of a bilingual file with English and no Chinese",
        needsSource: true,
        examples: [
            .triggering("↓Washington withheld the guarantee.", nil),
            .nonTriggering("Washington withheld the guarantee.", "华盛顿暂缓提供保障。"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, segment.target == nil, segment.segment.alignmentScore == nil,
              source.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return }
        segment.claim(.wholeTarget, by: .targetEmpty)
        findings.append(segment.finding(.targetEmpty, at: source.start, side: .source,
                                        message: "the unit has English and no Chinese translation",
                                        context: FindingContext(source: source.text)))
    }
}
