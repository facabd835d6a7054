import Foundation

/// C-value (Frantzi, Ananiadou & Mima 2000, "Automatic recognition of multi-word terms: the
/// C-value/NC-value method"): the termhood of a candidate string from its frequency and its
/// length, discounted by how often it occurs only *inside* longer candidates.
///
///     C-value(a) = w(|a|) · f(a)                              if a is nested in no candidate
///     C-value(a) = w(|a|) · (f(a) − (1/|T(a)|) Σ_{b∈T(a)} f(b))   otherwise
///
/// where f is the frequency and T(a) the set of longer candidates that contain a. This is
/// the paper's definition; its incremental variant (adding f(b) − t(b) per container) assumes
/// nested strings form chains and goes wrong on the overlapping windows of n-gram
/// extraction, where a string inside a repeated long phrase has containers on both sides.
/// Frantzi et al. weight by w(n) = log₂ n over multi-word strings only; Termbridge scores
/// single tokens too (准盟友 can be one token), so w(n) = log₂(n + 1), the variant of
/// Barrón-Cedeño et al. (2009). Negative values (a string rarer alone than its containers
/// on average) are clipped to 0 by callers.
///
/// With k the longest candidate, the cost is O(N · k²) for N candidates.
public enum CValue {
    /// The length weight w(n) = log₂(n + 1).
    public static func weight(length: Int) -> Double { log2(Double(length) + 1) }

    /// C-values of candidates given as unit sequences with their frequencies. Every proper
    /// contiguous sub-sequence of a candidate that is itself a candidate counts as nested.
    public static func scores<Unit: Hashable>(_ frequencies: [[Unit]: Int]) -> [[Unit]: Double] {
        let keys = Array(frequencies.keys)
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let values = compute(
            count: keys.count,
            length: { keys[$0].count },
            frequency: { frequencies[keys[$0]]! },
            nested: { i in
                let units = keys[i]
                var result = Set<Int>()
                for start in units.indices {
                    for end in (start + 1)...units.count where end - start < units.count {
                        if let j = index[Array(units[start..<end])] { result.insert(j) }
                    }
                }
                return result.sorted()   // key: candidate index, not the set's hash order
            })
        return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, values[$0]) })
    }

    /// The C-value algorithm over candidates 0..<count.
    ///
    /// - Parameters:
    ///   - length: a candidate's length in units (the weight's argument).
    ///   - frequency: its frequency.
    ///   - nested: the distinct candidates that are proper sub-strings of a candidate.
    static func compute(count: Int, length: (Int) -> Int, frequency: (Int) -> Int,
                        nested: (Int) -> [Int]) -> [Double] {
        // Σ f(b) over T(a), summed in integers: exact, so the same whatever order the
        // containers come in.
        var containerFrequency = [Int](repeating: 0, count: count)
        var containers = [Int](repeating: 0, count: count)               // |T(a)|
        for b in 0..<count {
            let f = frequency(b)
            for a in nested(b) {
                containerFrequency[a] += f
                containers[a] += 1
            }
        }
        var result = [Double](repeating: 0, count: count)
        for a in 0..<count {
            let f = Double(frequency(a))
            let nestedShare = containers[a] == 0 ? 0 : Double(containerFrequency[a]) / Double(containers[a])
            result[a] = weight(length: length(a)) * (f - nestedShare)
        }
        return result
    }
}
