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
/// Memory is bounded: the ratios are counted in a histogram of fine bins
/// (``LogRatioHistogram``: the median read from it is within half a bin of the exact one, a
/// ratio within 0.013%, the spread within a bin), and the excerpts of the 32 shortest and 32
/// longest segments seen are kept (the only ones that can be reported, with a count of any
/// others).
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
    private var histogram = LogRatioHistogram()
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
        histogram.add(Double(value))
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
        guard histogram.total > 0 else { return }
        var center = Self.priorLogRatio, spread = Self.priorSpread
        if histogram.total >= 20 {
            center = histogram.median()
            spread = max(0.08, 1.4826 * histogram.medianAbsoluteDeviation(from: center))
        }
        let low = center - 3 * spread, high = center + 3.5 * spread
        let range = "\(Self.format(exp(low)))–\(Self.format(exp(high)))"
        let shortKept = shortest.filter { Double($0.logRatio) < low }, longKept = longest.filter { Double($0.logRatio) > high }
        let shortHidden = max(0, histogram.count(below: low) - shortKept.count)
        let longHidden = max(0, histogram.count(above: high) - longKept.count)
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

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Natural logarithms of length ratios counted in bins of 1/4096 from −8 to 8 (values beyond
/// count in the end bins): a fixed 256 KB however many segments a file has. Medians are read
/// as the centres of the bins holding the middle values, so they are within half a bin
/// (0.00012, a ratio within 0.013%) of the exact ones.
struct LogRatioHistogram {
    static let binsPerUnit = 4096.0, lowest = -8.0, binCount = 65_536

    private var bins: [UInt32] = []
    /// How many values were added.
    private(set) var total = 0

    private static func bin(of value: Double) -> Int {
        let index = ((value - lowest) * binsPerUnit).rounded(.down)
        return index.isNaN ? 0 : Int(max(0, min(Double(binCount - 1), index)))
    }

    private static func center(of bin: Int) -> Double { lowest + (Double(bin) + 0.5) / binsPerUnit }

    mutating func add(_ value: Double) {
        if bins.isEmpty { bins = [UInt32](repeating: 0, count: Self.binCount) }
        bins[Self.bin(of: value)] &+= 1
        total += 1
    }

    /// The median (the mean of the two middle values for an even count); 0 when empty.
    func median() -> Double {
        guard total > 0 else { return 0 }
        let lower = (total - 1) / 2, upper = total / 2
        var seen = 0, low: Double?
        for (index, count) in bins.enumerated() where count > 0 {
            seen += Int(count)
            if low == nil, seen > lower { low = Self.center(of: index) }
            if seen > upper { return (low! + Self.center(of: index)) / 2 }
        }
        return low ?? 0
    }

    /// The median of the distances of the values from `center`.
    func medianAbsoluteDeviation(from center: Double) -> Double {
        guard total > 0 else { return 0 }
        var deviations: [(distance: Double, count: Int)] = []
        for (index, count) in bins.enumerated() where count > 0 {
            deviations.append((abs(Self.center(of: index) - center), Int(count)))
        }
        deviations.sort { $0.distance < $1.distance }
        let lower = (total - 1) / 2, upper = total / 2
        var seen = 0
        var low: Double?
        for deviation in deviations {
            seen += deviation.count
            if low == nil, seen > lower { low = deviation.distance }
            if seen > upper { return (low! + deviation.distance) / 2 }
        }
        return low ?? 0
    }

    /// How many values lie below `value` (bins whose centre does).
    func count(below value: Double) -> Int {
        bins.indices.reduce(0) { $0 + (Self.center(of: $1) < value ? Int(bins[$1]) : 0) }
    }

    /// How many values lie above `value` (bins whose centre does).
    func count(above value: Double) -> Int {
        bins.indices.reduce(0) { $0 + (Self.center(of: $1) > value ? Int(bins[$1]) : 0) }
    }
}
