import Foundation

/// `length-ratio`: a translation much shorter or longer than its English, against the
/// ratio estimated from the whole file — a likely omission or addition.
///
/// Each bilingual segment with 40 English letters or more gives a ratio: its Chinese
/// length (Han characters, plus half its Latin letters and digits) over its English length
/// (letters and digits). At the end the file's typical ratio is the median of the
/// logarithms of the ratios and its spread the median absolute deviation (× 1.4826, a
/// standard deviation for normal data); a segment more than 3 spreads below the median (an
/// omission) or 3.5 above (an addition) is reported with the expected range. A file of
/// fewer than 20 such segments has too few to estimate from: the ratio and spread measured
/// on the sample corpus stand in (0.37 and 0.16).
///
/// Beads of a plain-text pair that the aligner scored below 0.6 are not judged: the aligner
/// weighs lengths itself, so its doubt is the signal already (and a bead it joined with an
/// editor's addition is no translation's omission).
///
/// Memory: one `Float` per segment, and the excerpts of the 32 shortest and 32 longest
/// segments seen (the only ones that can be reported, with a count of any others).
final class LengthRatioCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .lengthRatio, defaultSeverity: .warning,
        summary: "a translation much shorter or longer than the file's usual ratio (a likely omission or addition), with the expected range",
        needsSource: true, isDocumentLevel: true,
        examples: [
            .triggering("In practice, withholding support in the middle of a war risks rewarding the very adversary the aid was meant to deter, and partners know it.",
                        "↓但在实践中,伙伴对此心知肚明。"),
            .nonTriggering("In practice, withholding support in the middle of a war risks rewarding the very adversary the aid was meant to deter, and partners know it.",
                           "但在实践中,在战争进行期间扣留援助,可能反而让援助原本意在威慑的对手获益,而伙伴对此心知肚明。"),
            .nonTriggering("Kyiv waited.", "基辅等待着,焦急地等待着。", note: "too short to judge"),
        ])

    /// Segments with fewer English letters and digits than this are not judged.
    static let minimumEnglish = 40
    /// Without enough segments, the ratio and spread (natural logarithm) of the sample corpus.
    static let priorLogRatio = log(0.37), priorSpread = 0.16
    static let keptExtremes = 32
    /// Beads of plain-text pairs aligned with less confidence than this are not judged.
    static let minimumAlignmentScore = 0.6

    private struct Kept {
        var logRatio: Float
        var chinese: Int
        var english: Int
        var place: RecordedPlace
    }

    private let environment: CheckEnvironment
    private var logRatios: [Float] = []
    /// Ascending by log ratio.
    private var shortest: [Kept] = []
    /// Descending by log ratio.
    private var longest: [Kept] = []

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    /// The lengths compared: Han characters plus half the Latin letters and digits of the
    /// Chinese (given folded scalar by scalar, ``TextNormalizer``); letters and digits of the
    /// English.
    static func lengths(foldedChinese: [UInt32], english: String) -> (chinese: Int, english: Int) {
        var han = 0, latin = 0, letters = 0
        let normalizer = TextNormalizer.shared
        for value in foldedChinese {
            switch normalizer.characterClass(of: value) {
            case .han: han += 1
            case .letter, .digit: latin += 1
            default: break
            }
        }
        for scalar in english.unicodeScalars {
            // ASCII first: the Unicode property lookup only for the rest.
            if scalar.isASCII {
                if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                letters += 1
            }
        }
        return (han + latin / 2, letters)
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        // The aligner weighs lengths itself: a bead it was unsure of says so already.
        if let score = segment.segment.alignmentScore, score < Self.minimumAlignmentScore { return }
        let (chinese, english) = Self.lengths(foldedChinese: segment.foldedTarget, english: source.text)
        guard english >= Self.minimumEnglish else { return }
        let value = Float(log(Double(max(chinese, 1)) / Double(english)))
        logRatios.append(value)
        func kept() -> Kept {
            Kept(logRatio: value, chinese: chinese, english: english,
                 place: segment.place(target.start, targetRange: 0..<min(1, target.text.unicodeScalars.count), sourceRange: nil))
        }
        if shortest.count < Self.keptExtremes || value < shortest[shortest.count - 1].logRatio {
            shortest.insert(kept(), at: shortest.firstIndex { $0.logRatio > value } ?? shortest.count)
            if shortest.count > Self.keptExtremes { shortest.removeLast() }
        }
        if longest.count < Self.keptExtremes || value > longest[longest.count - 1].logRatio {
            longest.insert(kept(), at: longest.firstIndex { $0.logRatio < value } ?? longest.count)
            if longest.count > Self.keptExtremes { longest.removeLast() }
        }
    }

    func finish(_ findings: inout [Finding]) {
        guard !logRatios.isEmpty else { return }
        var center = Self.priorLogRatio, spread = Self.priorSpread
        if logRatios.count >= 20 {
            let sorted = logRatios.sorted()
            center = Double(Self.median(sorted))
            let deviations = sorted.map { abs(Double($0) - center) }.sorted()
            spread = max(0.08, 1.4826 * Self.median(deviations.map(Float.init)).double)
        }
        let low = center - 3 * spread, high = center + 3.5 * spread
        let range = "\(Self.format(exp(low)))–\(Self.format(exp(high)))"
        let shortKept = shortest.filter { Double($0.logRatio) < low }, longKept = longest.filter { Double($0.logRatio) > high }
        let shortHidden = logRatios.filter { Double($0) < low }.count - shortKept.count
        let longHidden = logRatios.filter { Double($0) > high }.count - longKept.count
        let severity = environment.severity(of: .lengthRatio)
        // Kept segments in document order.
        let reported = (shortKept + longKept).sorted { $0.place.segment < $1.place.segment }
        for kept in reported {
            let isShort = Double(kept.logRatio) < low
            var message = "the translation is \(isShort ? "much shorter" : "much longer") than usual: \(kept.chinese) Chinese characters for \(kept.english) English letters, ratio \(Self.format(exp(Double(kept.logRatio)))); this file's ratio is \(Self.format(exp(center))), expected \(range)"
            message += isShort ? " (something left out?)" : " (something added?)"
            let hidden = isShort ? shortHidden : longHidden
            if hidden > 0 { message += " (\(hidden) more such segments not listed)" }
            var finding = kept.place.finding(.lengthRatio, severity: severity, term: nil, found: nil, expected: [range], conceptID: nil,
                                             message: message, renderings: [])
            finding.context.targetRange = nil
            findings.append(finding)
        }
    }

    private static func median(_ sorted: [Float]) -> Float {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

private extension Float {
    var double: Double { Double(self) }
}
