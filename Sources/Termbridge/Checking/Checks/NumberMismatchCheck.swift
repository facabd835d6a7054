import Foundation

/// `number-mismatch`: a number of the source missing from the translation, or one the
/// source lacks, compared by value (see `Docs/Checking.md`, "number-mismatch"): digits
/// (2,000 = 2000 = 两千; 3.5万 = 35,000), numbers in words with a scale (a million =
/// 一百万 = 1,000,000), and magnitudes (billions = 数十亿, from 10⁹ up to 10¹⁰). A changed
/// number is one finding at the translation's number, saying how much it changed (a change
/// of magnitude: 数十亿 → 数百亿, 一百万 → 十万); unpaired ones are "missing from the
/// translation" (at the segment start) or "not in the source".
final class NumberMismatchCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .numberMismatch, defaultSeverity: .error,
        summary: "a number of the source missing from the translation, or one the source lacks, compared by value and magnitude",
        needsSource: true,
        examples: [
            .triggering("Biden paused a shipment of 2,000-pound bombs.", "拜登暂停交付一批↓200磅炸弹。"),
            .triggering("In 1951 and 1987.", "↓在1951年。"),
            .triggering("The treaty of 1951.", "1951年和↓1953年的条约。"),
            .triggering("Washington has spent billions of dollars.", "华盛顿已经花费了↓数百亿美元。"),
            .triggering("More than a million people fled.", "超过↓十万人逃离。"),
            .nonTriggering("In May 2024, Biden paused 2,000-pound bombs.", "2024年5月,拜登暂停交付2000磅炸弹。"),
            .nonTriggering("2 million people and 5.56 billion dollars", "200万人和55.6亿美元"),
            .nonTriggering("a 2,000-pound bomb", "一枚两千磅炸弹"),
            .nonTriggering("nearly 70 percent of its weapons", "近70%的武器"),
            .nonTriggering("Washington has spent billions of dollars.", "华盛顿已经花费了数十亿美元。"),
            .nonTriggering("More than a million people fled, 35,000 of them children.", "超过一百万人逃离,其中3.5万是儿童。"),
            .nonTriggering("Tens of thousands of troops and two thousand tanks", "数万名士兵和两千辆坦克"),
        ])

    /// A number one side must find on the other.
    private enum Item {
        case digits(WrittenNumber)
        case words(Quantity)

        var text: String {
            switch self {
            case .digits(let number): number.text
            case .words(let quantity): quantity.description
            }
        }
        var range: Range<Int> {
            switch self {
            case .digits(let number): number.range
            case .words(let quantity): quantity.range
            }
        }
        /// A value that stands for it in comparisons of size.
        var magnitude: Double? {
            switch self {
            case .digits(let number): number.values.last.flatMap(Double.init)
            case .words(let quantity): quantity.value.flatMap(Double.init) ?? quantity.low * 3
            }
        }

        func agrees(with other: Item) -> Bool {
            switch (self, other) {
            case let (.digits(a), .digits(b)): a.values.contains(where: b.values.contains)
            case let (.digits(a), .words(b)), let (.words(b), .digits(a)): b.agrees(with: a)
            case let (.words(a), .words(b)): a.agrees(with: b)
            }
        }

        /// Whether a spelled value of the other side (``CarriedTokens/spelledValues(of:)``) can be it.
        func agrees(withSpelled values: Set<String>) -> Bool {
            switch self {
            case .digits(let number): number.values.contains(where: values.contains)
            case .words(let quantity): values.contains { quantity.agrees(with: Quantity(text: "", range: 0..<0, value: $0)) }
            }
        }

        /// The key that makes a repeated number one.
        var key: String {
            switch self {
            case .digits(let number): number.values[0]
            case .words(let quantity): quantity.value ?? "\(quantity.low)-\(quantity.high)"
            }
        }
    }

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        var english = segment.sourceTokens.numbers.map(Item.digits)
        var chinese = segment.targetTokens.numbers.map(Item.digits)
        english += QuantityReading.english(source.text, words: segment.sourceWords).map(Item.words)
        chinese += QuantityReading.chinese(folded: segment.foldedTarget).map(Item.words)
        guard !(english.isEmpty && chinese.isEmpty) else { return }
        // Against the other side's required numbers first; spelled numbers only for what is left.
        var missing = english.filter { item in !chinese.contains { item.agrees(with: $0) } }
        var extra = chinese.filter { item in !english.contains { item.agrees(with: $0) } }
        if !missing.isEmpty {
            let spelled = CarriedTokens.spelledValues(of: target.text)
            missing.removeAll { $0.agrees(withSpelled: spelled) }
        }
        if !extra.isEmpty {
            let spelled = CarriedTokens.spelledValues(of: source.text)
            extra.removeAll { $0.agrees(withSpelled: spelled) }
        }
        var seen = Set<String>()
        missing = missing.filter { seen.insert($0.key).inserted }
        seen = []
        extra = extra.filter { seen.insert($0.key).inserted }
        for k in 0..<max(missing.count, extra.count) {
            let inSource = k < missing.count ? missing[k] : nil
            let inTarget = k < extra.count ? extra[k] : nil
            var message: String
            switch (inSource, inTarget) {
            case let (s?, t?):
                message = "number \(s.text) of the source is \(t.text) in the translation"
                if let a = s.magnitude, let b = t.magnitude, a > 0, b > 0 {
                    let ratio = b / a
                    if ratio >= 5 { message += " (\(Self.times(ratio)) times larger: a change of magnitude)" }
                    else if ratio <= 0.2 { message += " (\(Self.times(1 / ratio)) times smaller: a change of magnitude)" }
                }
            case let (s?, nil): message = "number \(s.text) of the source is missing from the translation"
            case let (nil, t?): message = "number \(t.text) is not in the source"
            default: continue
            }
            if let inTarget { segment.claim(.targetRange(inTarget.range), by: .numberMismatch) }
            let location = inTarget.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start
            findings.append(segment.finding(
                .numberMismatch, at: location, side: .target, term: inSource.map(Self.written), found: inTarget.map(Self.written),
                expected: inSource.map { [Self.written($0)] } ?? [], message: message + segment.alignmentNote,
                related: inSource.map { source.location(ofScalar: $0.range.lowerBound) },
                context: FindingContext(source: source.text, target: target.text, sourceRange: inSource?.range,
                                        targetRange: inTarget?.range)))
        }
    }

    private static func written(_ item: Item) -> String {
        switch item {
        case .digits(let number): number.text
        case .words(let quantity): quantity.text
        }
    }

    /// 10 for 9.7, 2.5 for 2.5: a ratio as people say it.
    private static func times(_ ratio: Double) -> String {
        let power = Quantity.pow10(Int(log10(ratio).rounded()))
        return abs(ratio - power) / power < 0.15 ? Quantity.magnitudeName(power) : String(Int(ratio.rounded()))
    }
}
