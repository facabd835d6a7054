/// The n-grams (1 … `maximumLength` units) of unit sequences and their frequencies, stored as
/// the nodes of a trie keyed by (parent node, unit id): adding an n-gram that extends a known
/// one costs one hash look-up on a 64-bit key, with no allocation.
///
/// Units are small integers (interned tokens or stems); a negative unit is a boundary that no
/// n-gram crosses. Counting a sequence of n units is O(n · maximumLength).
struct NGramCounts {
    /// The longest n-gram counted, in units.
    let maximumLength: Int
    /// Node → its parent (the n-gram without its last unit), -1 for a unigram.
    private(set) var parent: [Int32] = []
    /// Node → its last unit.
    private(set) var lastUnit: [Int32] = []
    /// Node → its length in units.
    private(set) var length: [UInt8] = []
    /// Node → how often the n-gram occurs (overlapping occurrences each count).
    private(set) var frequency: [Int32] = []
    private var children: [UInt64: Int32] = [:]

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    /// The number of distinct n-grams.
    var count: Int { parent.count }

    private static func key(_ parent: Int32, _ unit: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: unit))
    }

    /// The node extending `parent` (-1 for none) by `unit`, if counted.
    func node(extending parent: Int32, by unit: Int32) -> Int32? {
        children[Self.key(parent, unit)]
    }

    /// The node of a whole unit sequence, if counted.
    func node<C: Collection>(of units: C) -> Int32? where C.Element == Int32 {
        var node: Int32 = -1
        for unit in units {
            guard let next = self.node(extending: node, by: unit) else { return nil }
            node = next
        }
        return node < 0 ? nil : node
    }

    /// The units of a node, first to last.
    func units(of node: Int32) -> [Int32] {
        var result: [Int32] = []
        var n = node
        while n >= 0 {
            result.append(lastUnit[Int(n)])
            n = parent[Int(n)]
        }
        return result.reversed()
    }

    /// Counts every n-gram of `units` that crosses no boundary (negative unit).
    mutating func add(_ units: ArraySlice<Int32>) {
        var i = units.startIndex
        while i < units.endIndex {
            guard units[i] >= 0 else { i += 1; continue }
            var node: Int32 = -1
            var j = i
            while j < units.endIndex, j - i < maximumLength, units[j] >= 0 {
                let key = Self.key(node, units[j])
                if let existing = children[key] {
                    node = existing
                } else {
                    let created = Int32(parent.count)
                    children[key] = created
                    parent.append(node)
                    lastUnit.append(units[j])
                    length.append(UInt8(j - i + 1))
                    frequency.append(0)
                    node = created
                }
                frequency[Int(node)] += 1
                j += 1
            }
            i += 1
        }
    }

    /// Calls `body(node, start, end)` for every counted n-gram of `units` (positions are
    /// indices of `units`) that crosses no boundary. No counting, no allocation.
    func forEachNGram(in units: ArraySlice<Int32>, _ body: (_ node: Int32, _ start: Int, _ end: Int) -> Void) {
        var i = units.startIndex
        while i < units.endIndex {
            guard units[i] >= 0 else { i += 1; continue }
            var node: Int32 = -1
            var j = i
            while j < units.endIndex, j - i < maximumLength, units[j] >= 0 {
                guard let next = self.node(extending: node, by: units[j]) else { break }
                node = next
                j += 1
                body(node, i, j)
            }
            i += 1
        }
    }

    /// The distinct proper sub-n-grams (contiguous, shorter) of a node that are counted, in
    /// node order.
    func properSubNGrams(of node: Int32) -> [Int32] {
        let units = self.units(of: node)
        var result = Set<Int32>()
        for start in units.indices {
            var n: Int32 = -1
            for end in start..<units.count {
                if start == 0 && end == units.count - 1 { break }
                guard let next = self.node(extending: n, by: units[end]) else { break }
                n = next
                result.insert(n)
            }
        }
        return result.sorted()   // key: node id, not the set's hash order
    }
}
