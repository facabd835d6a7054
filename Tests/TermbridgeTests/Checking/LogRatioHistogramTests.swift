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
        // Log ratios spread around log(0.37) in a fixed, unsorted order (the golden-ratio
        // sequence), with a few far outliers.
        let values = (0..<count).map { k -> Double in
            let spread = (Double(k) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1)
            let base = log(0.37) + (spread - 0.5) * 0.6
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
