/// `number-mismatch`: a number of the source missing from the translation, or one the
/// source lacks, compared by value (see `Docs/Checking.md`, "number-mismatch"). A changed
/// number is one finding at the translation's number; unpaired ones are "missing from the
/// translation" (at the segment start) or "not in the source".
final class NumberMismatchCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .numberMismatch, defaultSeverity: .error,
        summary: "a number of the source missing from the translation, or one the source lacks",
        needsSource: true,
        examples: [
            .triggering("Biden paused a shipment of 2,000-pound bombs.", "拜登暂停交付一批↓200磅炸弹。"),
            .triggering("In 1951 and 1987.", "↓在1951年。"),
            .triggering("The treaty of 1951.", "1951年和↓1953年的条约。"),
            .nonTriggering("In May 2024, Biden paused 2,000-pound bombs.", "2024年5月,拜登暂停交付2000磅炸弹。"),
            .nonTriggering("2 million people and 5.56 billion dollars", "200万人和55.6亿美元"),
            .nonTriggering("a 2,000-pound bomb", "一枚两千磅炸弹"),
            .nonTriggering("nearly 70 percent of its weapons", "近70%的武器"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        let english = segment.sourceTokens, chinese = segment.targetTokens
        guard !(english.numbers.isEmpty && chinese.numbers.isEmpty) else { return }
        // Digits against digits first; spelled numbers are read only when that leaves some.
        func matchedByDigits(_ number: WrittenNumber, _ other: [WrittenNumber]) -> Bool {
            other.contains { !$0.values.allSatisfy { !number.values.contains($0) } }
        }
        var missing = english.numbers.filter { !matchedByDigits($0, chinese.numbers) }
        var extra = chinese.numbers.filter { !matchedByDigits($0, english.numbers) }
        if !missing.isEmpty {
            let spelled = CarriedTokens.spelledValues(of: target.text)
            missing.removeAll { $0.values.contains(where: spelled.contains) }
        }
        if !extra.isEmpty {
            let spelled = CarriedTokens.spelledValues(of: source.text)
            extra.removeAll { $0.values.contains(where: spelled.contains) }
        }
        var seen = Set<String>()
        missing = missing.filter { seen.insert($0.values[0]).inserted }
        seen = []
        extra = extra.filter { seen.insert($0.values[0]).inserted }
        for k in 0..<max(missing.count, extra.count) {
            let inSource = k < missing.count ? missing[k] : nil
            let inTarget = k < extra.count ? extra[k] : nil
            let message: String
            switch (inSource, inTarget) {
            case let (s?, t?): message = "number \(s.text) of the source is \(t.text) in the translation"
            case let (s?, nil): message = "number \(s.text) of the source is missing from the translation"
            case let (nil, t?): message = "number \(t.text) is not in the source"
            default: continue
            }
            if let inTarget { segment.claim(.targetRange(inTarget.range), by: .numberMismatch) }
            let location = inTarget.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start
            findings.append(segment.finding(
                .numberMismatch, at: location, side: .target, term: inSource?.text, found: inTarget?.text,
                expected: inSource.map { [$0.text] } ?? [], message: message + segment.alignmentNote,
                related: inSource.map { source.location(ofScalar: $0.range.lowerBound) },
                context: FindingContext(source: source.text, target: target.text, sourceRange: inSource?.range,
                                        targetRange: inTarget?.range)))
        }
    }
}
