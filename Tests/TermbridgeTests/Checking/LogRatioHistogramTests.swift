import Foundation
import Testing
@testable import Termbridge

/// length-ratio's histogram gives the median, the spread and the counts beyond a bound that
/// the values themselves give, to within its stated precision, in fixed memory.
@Suite struct LogRatioHistogramTests {
    static func exactMedian(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    @Test(arguments: [1, 2, 19, 20, 21, 1000, 50_001])
    func medianAndSpreadAreWithinABin(count: Int) {
        // A seeded spread of log ratios around log(0.37), with a few far outliers.
        var generator = SplitMix(seed: UInt64(count))
        let values = (0..<count).map { k -> Double in
            let base = log(0.37) + (Double(generator.next() % 10_000) / 10_000 - 0.5) * 0.6
            return k % 97 == 0 ? base - 2 : base
        }
        var histogram = LogRatioHistogram()
        values.forEach { histogram.add($0) }
        #expect(histogram.total == count)
        let bin = 1 / LogRatioHistogram.binsPerUnit
        let median = histogram.median(), exact = Self.exactMedian(values)
        #expect(abs(median - exact) <= bin / 2 + 1e-12, "\(median) vs \(exact)")
        let spread = histogram.medianAbsoluteDeviation(from: median)
        let exactSpread = Self.exactMedian(values.map { abs($0 - exact) })
        #expect(abs(spread - exactSpread) <= bin + 1e-12, "\(spread) vs \(exactSpread)")
        let low = exact - 0.5, high = exact + 0.25
        #expect(abs(histogram.count(below: low) - values.filter { $0 < low }.count) <= values.filter { abs($0 - low) < bin }.count)
        #expect(abs(histogram.count(above: high) - values.filter { $0 > high }.count) <= values.filter { abs($0 - high) < bin }.count)
    }

    @Test func valuesBeyondTheRangeCountInTheEndBins() {
        var histogram = LogRatioHistogram()
        for value in [-50.0, -9, 9, 50, .infinity, -.infinity] { histogram.add(value) }
        #expect(histogram.total == 6)
        #expect(histogram.count(below: -7.99) == 3)
        #expect(histogram.count(above: 7.99) == 3)
    }
}

/// A small seeded generator, so that the values are the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
