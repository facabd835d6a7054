/// `target-untranslated`: English left untranslated in the Chinese — a translation with no
/// Chinese at all (three English words or more), or an English sentence or long English run
/// inside the Chinese: six words or more with two function words (the, of, is, …), or a
/// sentence of four words or more with one. Runs in brackets or quotation marks are glosses
/// and cited titles (卡尔德安全政策研究所（Calder Institute for Security Policy）, 原题目为“…”)
/// and are left alone. Where the segment has English, a run must share most of its words
/// with it.
///
/// A translation with no Chinese claims the whole translation.
final class TargetUntranslatedCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .targetUntranslated, defaultSeverity: .error,
        summary: "English left untranslated in the Chinese: a sentence or a long run of English words",
        examples: [
            .triggering("Washington hedges. The legal architecture is older than most observers realize.",
                        "华盛顿两面下注。↓The legal architecture is older than most observers realize."),
            .triggering("The legal architecture is older than most observers realize.",
                        "↓The legal architecture is older than most observers think."),
            .triggering(nil, "他说,↓this is the price of a partnership without a treaty。"),
            .nonTriggering("Calder Institute for Security Policy", "卡尔德安全政策研究所（Calder Institute for Security Policy）"),
            .nonTriggering(nil, "*文章原题目为“Partners on the Fault Line and the Limits of Leverage”。"),
            .nonTriggering("They hedge.", "他们以此进行hedging(风险对冲)。"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        let runs = LatinRun.runs(in: target.text)
        guard !runs.isEmpty else { return }
        let hasHan = segment.foldedTarget.contains { TextNormalizer.shared.characterClass(of: $0) == .han }
        if !hasHan, segment.source != nil, runs.reduce(0, { $0 + $1.words.count }) >= 3 {
            segment.claim(.wholeTarget, by: .targetUntranslated)
            findings.append(segment.finding(.targetUntranslated, at: target.location(ofScalar: runs[0].range.lowerBound), side: .target,
                                            message: "the translation is in English: nothing of it is Chinese",
                                            context: segment.context(side: .target, range: runs[0].range.lowerBound..<runs[runs.count - 1].range.upperBound)))
            return
        }
        var sourceWords: Set<String>?   // built at the first run long enough to report
        for run in runs where !run.isEnclosed {
            let long = run.words.count >= 6 && run.functionWords >= 2
            let sentence = run.endsSentence && run.words.count >= 4 && run.functionWords >= 1
            guard long || sentence else { continue }
            if sourceWords == nil { sourceWords = Set(segment.sourceWords.map(\.folded)) }
            let known = sourceWords ?? []
            if !known.isEmpty {
                let shared = run.words.filter(known.contains).count
                guard shared * 2 >= run.words.count else { continue }
            }
            let excerpt = SegmentAnalysis.substring(target.text, run.range)
            findings.append(segment.finding(.targetUntranslated, at: target.location(ofScalar: run.range.lowerBound), side: .target,
                                            found: excerpt, message: "English left untranslated in the Chinese (\(run.words.count) words)",
                                            context: segment.context(side: .target, range: run.range)))
        }
    }
}
