/// Lists of integer ids keyed by integer ids, stored flat (compressed sparse rows): one
/// array of values and one of offsets. Built once from (key, value) pairs, then read-only.
///
/// Building is O(pairs + keys + Σ list·log list); a lookup is O(1) and allocates nothing
/// (it returns a slice of the shared array).
struct PostingLists: Sendable {
    /// `offsets[k]..<offsets[k + 1]` is the range of key `k`'s values.
    private(set) var offsets: [Int32]
    private(set) var values: [Int32]

    /// Lists from their two arrays (as read from a compiled file), checked: the offsets
    /// start at 0, never decrease and end at the number of values, and every value is
    /// below `valueLimit`. O(keys + values).
    init(offsets: [Int32], values: [Int32], valueLimit: Int) throws(StructureError) {
        guard offsets.first == 0, Int(offsets[offsets.count - 1]) == values.count else {
            throw StructureError("list offsets do not span the list values")
        }
        guard ArrayCheck.isNondecreasing(offsets) else { throw StructureError("list offsets go backwards") }
        guard ArrayCheck.all(values, in: 0..<Int32(clamping: valueLimit)) else {
            throw StructureError("a list value is out of range")
        }
        self.offsets = offsets
        self.values = values
    }

    /// Lists for keys `0..<keyCount` from parallel arrays of pairs.
    ///
    /// - Parameter sorted: sort each list and drop repeated values; otherwise each list keeps
    ///   the order of the pairs, repeats included.
    init(keyCount: Int, keys: [Int32], values pairValues: [Int32], sorted: Bool) {
        precondition(keys.count == pairValues.count)
        var offsets = [Int32](repeating: 0, count: keyCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for k in 0..<keyCount { offsets[k + 1] += offsets[k] }
        var fill = offsets
        var values = [Int32](repeating: 0, count: keys.count)
        for (key, value) in zip(keys, pairValues) {
            values[Int(fill[Int(key)])] = value
            fill[Int(key)] += 1
        }
        guard sorted else {
            self.offsets = offsets
            self.values = values
            return
        }
        // Sort each list and compact away repeats, in place.
        var write = 0
        values.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<keyCount {
                let lo = Int(offsets[k]), hi = Int(offsets[k + 1])
                offsets[k] = Int32(write)
                guard lo < hi else { continue }
                if hi - lo > 1 { buffer[lo..<hi].sort() }
                var previous: Int32? = nil
                for i in lo..<hi where buffer[i] != previous {
                    buffer[write] = buffer[i]
                    previous = buffer[i]
                    write += 1
                }
            }
        }
        offsets[keyCount] = Int32(write)
        values.removeSubrange(write...)
        self.offsets = offsets
        self.values = values
    }

    /// The number of keys.
    var keyCount: Int { offsets.count - 1 }

    /// The values of `key`. O(1), no allocation.
    @inline(__always)
    subscript(key: Int) -> ArraySlice<Int32> {
        values[Int(offsets[key])..<Int(offsets[key + 1])]
    }
}
