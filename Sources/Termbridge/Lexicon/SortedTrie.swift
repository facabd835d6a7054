/// A read-only trie over Unicode scalar values, laid out as flat arrays so that a compiled
/// data file stores it as it is and loads it with no rebuilding: the headwords of
/// ``CEDICTLexicon``.
///
/// Nodes are numbered breadth first (the root is 0). The children of node `n` are the
/// edges `edgeStarts[n]..<edgeStarts[n + 1]`, sorted by scalar, each a scalar and a target
/// node; `values[n]` is the value of the key ending at `n` (-1 for none). The root's BMP
/// children are also in a direct table, since every lookup starts there. Walking one
/// scalar is a table read at the root and a short search below it (most nodes have one to
/// three children); no hashing, no allocation. For CC-CEDICT's 194,000 headwords: 278,000
/// nodes, 4.7 MB.
///
/// Unlike ``ScalarTrie`` (the segmenter's growable trie) it is built once from all keys.
struct SortedTrie: Sendable {
    /// The root's child for each BMP scalar, or -1.
    private(set) var rootChildren: [Int32]
    private(set) var values: [Int32]
    private(set) var edgeStarts: [Int32]
    private(set) var edgeScalars: [UInt32]
    private(set) var edgeTargets: [Int32]

    /// A trie of `keys` with `values` (parallel arrays). A key given twice keeps its last
    /// value. O(total key length + k log k) for k keys.
    init(keys: [[UInt32]], values keyValues: [Int32]) {
        precondition(keys.count == keyValues.count)
        // Sorted, then each node's children are runs of equal scalars at its depth.
        let order = keys.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b]) : a < b
        }
        var ranges: [(lo: Int, hi: Int, depth: Int)] = [(0, order.count, 0)]
        var values: [Int32] = [-1]
        var edgeStarts: [Int32] = []
        var edgeScalars: [UInt32] = [], edgeTargets: [Int32] = []
        var node = 0
        while node < ranges.count {
            let (lo, hi, depth) = ranges[node]
            var i = lo
            while i < hi && keys[order[i]].count == depth {   // the key ending here (repeats: last wins)
                values[node] = keyValues[order[i]]
                i += 1
            }
            edgeStarts.append(Int32(edgeScalars.count))
            while i < hi {
                let scalar = keys[order[i]][depth]
                var j = i + 1
                while j < hi && keys[order[j]][depth] == scalar { j += 1 }
                edgeScalars.append(scalar)
                edgeTargets.append(Int32(ranges.count))
                ranges.append((i, j, depth + 1))
                values.append(-1)
                i = j
            }
            node += 1
        }
        edgeStarts.append(Int32(edgeScalars.count))
        var rootChildren = [Int32](repeating: -1, count: 0x10000)
        for e in Int(edgeStarts[0])..<Int(edgeStarts[1]) where edgeScalars[e] < 0x10000 {
            rootChildren[Int(edgeScalars[e])] = edgeTargets[e]
        }
        self.rootChildren = rootChildren
        self.values = values
        self.edgeStarts = edgeStarts
        self.edgeScalars = edgeScalars
        self.edgeTargets = edgeTargets
    }

    /// A trie from its arrays (as read from a compiled file), checked so that no walk can
    /// leave the arrays: O(nodes + edges).
    init(rootChildren: [Int32], values: [Int32], edgeStarts: [Int32], edgeScalars: [UInt32],
         edgeTargets: [Int32], valueLimit: Int) throws(StructureError) {
        let nodes = values.count
        guard rootChildren.count == 0x10000, nodes >= 1, edgeStarts.count == nodes + 1, edgeStarts[0] == 0,
              Int(edgeStarts[nodes]) == edgeScalars.count, edgeScalars.count == edgeTargets.count else {
            throw StructureError("the trie's arrays do not fit together")
        }
        guard ArrayCheck.isNondecreasing(edgeStarts) else { throw StructureError("the trie's edge offsets go backwards") }
        guard ArrayCheck.all(edgeTargets, in: 1..<Int32(nodes)),
              ArrayCheck.all(rootChildren, in: -1..<Int32(nodes)) else {
            throw StructureError("a trie edge leads outside the trie")
        }
        guard ArrayCheck.all(values, in: -1..<Int32(clamping: valueLimit)) else {
            throw StructureError("a trie value is out of range")
        }
        self.rootChildren = rootChildren
        self.values = values
        self.edgeStarts = edgeStarts
        self.edgeScalars = edgeScalars
        self.edgeTargets = edgeTargets
    }

    /// The number of nodes, root included.
    var nodeCount: Int { values.count }

    /// The value of the exact key, or -1.
    func value(for key: some Sequence<UInt32>) -> Int32 {
        withView { view in
            var node: Int32 = 0
            for scalar in key {
                node = view.child(of: node, scalar)
                if node < 0 { return -1 }
            }
            return view.values[Int(node)]
        }
    }

    /// Calls `body(end, value)` for every key that is a prefix of `text[start...]`, shortest
    /// first. O(length of the longest matching path), no allocation.
    func forEachPrefix(of text: UnsafeBufferPointer<UInt32>, from start: Int,
                       _ body: (_ end: Int, _ value: Int32) -> Void) {
        withView { view in
            var node: Int32 = 0
            var i = start
            while i < text.count {
                node = view.child(of: node, text[i])
                if node < 0 { return }
                i += 1
                let value = view.values[Int(node)]
                if value >= 0 { body(i, value) }
            }
        }
    }

    /// The arrays through pointers, for walks free of bounds checks (the arrays were
    /// checked when built or read).
    private struct View {
        let rootChildren: UnsafePointer<Int32>
        let values: UnsafePointer<Int32>
        let edgeStarts: UnsafePointer<Int32>
        let edgeScalars: UnsafePointer<UInt32>
        let edgeTargets: UnsafePointer<Int32>

        @inline(__always)
        func child(of node: Int32, _ scalar: UInt32) -> Int32 {
            if node == 0 && scalar < 0x10000 { return rootChildren[Int(scalar)] }
            var low = Int(edgeStarts[Int(node)]), high = Int(edgeStarts[Int(node) + 1])
            while high - low > 4 {
                let middle = (low + high) / 2
                if edgeScalars[middle] <= scalar { low = middle } else { high = middle }
            }
            while low < high {
                if edgeScalars[low] == scalar { return edgeTargets[low] }
                low += 1
            }
            return -1
        }
    }

    private func withView<R>(_ body: (View) -> R) -> R {
        rootChildren.withUnsafeBufferPointer { root in
            values.withUnsafeBufferPointer { values in
                edgeStarts.withUnsafeBufferPointer { starts in
                    edgeScalars.withUnsafeBufferPointer { scalars in
                        edgeTargets.withUnsafeBufferPointer { targets in
                            body(View(rootChildren: root.baseAddress!, values: values.baseAddress!,
                                      edgeStarts: starts.baseAddress!,
                                      edgeScalars: scalars.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                                      edgeTargets: targets.baseAddress ?? UnsafePointer(bitPattern: 8)!))
                        }
                    }
                }
            }
        }
    }
}
