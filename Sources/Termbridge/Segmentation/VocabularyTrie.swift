/// The segmentation model's vocabulary as a compact hashed trie: the model stage walks it
/// from every position of the text, and each step beyond the root is one probe into a
/// table too large for the processor's caches, so the table is kept as small as it can be.
///
/// - The root's children: a direct table of 2^16 node ids (BMP scalars; 256 KB).
/// - Every other transition: one 64-bit word in an open-addressing table (linear probing,
///   at most half full) holding the parent node + 1 (21 bits), the scalar (21 bits) and the
///   child node (21 bits) — a step reads one word, usually one cache line.
/// - Per node, one *hot* 64-bit word read on arrival: a payload the caller chose for the key
///   ending there (the model stores the word's score; `noPayload` for none) in the low 32
///   bits, and a 32-bit filter of the node's children's scalars in the high bits. A walk
///   asks the table only when the filter lets the next scalar through, so the step that
///   ends a walk — after a leaf, or to a scalar no child has — rarely touches the table.
/// - The value (word id) of each node: `nodeValues[node]`, -1 for none, read only once a
///   path is chosen.
///
/// At most 2^21 − 2 nodes (CC-CEDICT and jieba's list together make about 400,000). Built
/// from a ``SortedTrie``; stored in a compiled file as its three arrays.
struct VocabularyTrie: Sendable {
    static let root: Int32 = 0
    static let none: Int32 = -1
    private static let fieldBits: UInt64 = 21
    private static let fieldMask: UInt64 = (1 << 21) - 1
    /// Nodes need `id + 1 < 2^21` (the parent field holds node + 1, 0 marking an empty slot).
    static let maximumNodeCount = (1 << 21) - 2

    /// The root's child for each BMP scalar, or -1.
    private(set) var rootChildren: [Int32]
    /// Transitions, `(parent + 1) << 42 | scalar << 21 | child`, or 0.
    private(set) var table: [UInt64]
    /// The value of the key ending at each node, or -1.
    private(set) var nodeValues: [Int32]
    /// Per node: the children filter in the high 32 bits, the payload in the low 32.
    private(set) var nodeHot: [UInt64]
    /// The payload of a node where no key ends.
    static let noPayload: UInt32 = .max

    /// The trie of `keys` with `values` and `payloads` (parallel arrays; a key given twice
    /// keeps its last value). No payload may be ``noPayload``.
    init(keys: [[UInt32]], values: [Int32], payloads: [UInt32]) {
        precondition(payloads.count == keys.count && !payloads.contains(Self.noPayload))
        let sorted = SortedTrie(keys: keys, values: values)
        precondition(sorted.nodeCount <= Self.maximumNodeCount, "vocabulary too large for VocabularyTrie")
        var slots = 1024
        while slots < sorted.edgeScalars.count * 2 { slots *= 2 }
        var table = [UInt64](repeating: 0, count: slots)
        var rootChildren = [Int32](repeating: -1, count: 0x10000)
        for node in 0..<sorted.nodeCount {
            for edge in Int(sorted.edgeStarts[node])..<Int(sorted.edgeStarts[node + 1]) {
                let scalar = sorted.edgeScalars[edge], child = sorted.edgeTargets[edge]
                if node == 0 && scalar < 0x10000 {
                    rootChildren[Int(scalar)] = child
                    continue
                }
                let word = Self.word(parent: Int32(node), scalar: scalar, child: child)
                var slot = Self.slot(parent: Int32(node), scalar: scalar, count: slots)
                while table[slot] != 0 { slot = (slot + 1) & (slots - 1) }
                table[slot] = word
            }
        }
        var hot = [UInt64](repeating: UInt64(Self.noPayload), count: sorted.nodeCount)
        for node in 0..<sorted.nodeCount {
            var filter: UInt64 = 0
            for edge in Int(sorted.edgeStarts[node])..<Int(sorted.edgeStarts[node + 1]) {
                filter |= Self.filterBit(sorted.edgeScalars[edge])
            }
            let value = sorted.values[node]
            hot[node] = filter << 32 | UInt64(value >= 0 ? payloads[Int(value)] : Self.noPayload)
        }
        self.rootChildren = rootChildren
        self.table = table
        self.nodeValues = sorted.values
        self.nodeHot = hot
    }

    /// The bit of `scalar` in a children filter.
    @inline(__always)
    static func filterBit(_ scalar: UInt32) -> UInt64 {
        1 << UInt64((scalar &* 0x9E37_79B1) >> 27)
    }

    /// A trie from its arrays (as read from a compiled file), checked so that no walk can
    /// leave the arrays and every value is below `valueLimit`: O(nodes + slots).
    ///
    /// - Throws: ``StructureError`` when the arrays do not describe a trie.
    init(rootChildren: [Int32], table: [UInt64], nodeValues: [Int32], nodeHot: [UInt64],
         valueLimit: Int) throws(StructureError) {
        let nodes = nodeValues.count
        guard rootChildren.count == 0x10000, table.count >= 2, table.count & (table.count - 1) == 0,
              nodes >= 1, nodes <= Self.maximumNodeCount, nodeHot.count == nodes else {
            throw StructureError("the vocabulary trie's arrays have the wrong size")
        }
        for child in rootChildren where child < -1 || child == 0 || Int(child) >= nodes {
            throw StructureError("a vocabulary trie root entry leads outside the trie")
        }
        var empty = false
        for word in table {
            if word == 0 { empty = true; continue }
            let child = Int(word & Self.fieldMask), parent = Int(word >> (2 * Self.fieldBits)) - 1
            guard child > 0, child < nodes, parent >= 0, parent < nodes else {
                throw StructureError("a vocabulary trie transition leads outside the trie")
            }
        }
        guard empty else { throw StructureError("the vocabulary trie's table has no empty slot") }
        for value in nodeValues where value < -1 || Int(value) >= valueLimit {
            throw StructureError("a vocabulary trie value is out of range")
        }
        self.rootChildren = rootChildren
        self.table = table
        self.nodeValues = nodeValues
        self.nodeHot = nodeHot
    }

    @inline(__always)
    private static func word(parent: Int32, scalar: UInt32, child: Int32) -> UInt64 {
        UInt64(parent + 1) << (2 * fieldBits) | UInt64(scalar) << fieldBits | UInt64(child)
    }

    /// The home slot of (parent, scalar) by Fibonacci hashing.
    @inline(__always)
    private static func slot(parent: Int32, scalar: UInt32, count: Int) -> Int {
        let key = UInt64(parent + 1) << fieldBits | UInt64(scalar)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - count.trailingZeroBitCount))
    }

    /// The value of the exact key, or -1.
    func value(for key: some Sequence<UInt32>) -> Int32 {
        withView { view in
            var node = Self.root
            for scalar in key {
                node = view.child(of: node, hot: view.nodeHot[Int(node)], scalar)
                if node == Self.none { return -1 }
            }
            return view.nodeValues[Int(node)]
        }
    }

    /// The arrays through pointers, for walks free of bounds checks (checked when built or
    /// read).
    struct View {
        let rootChildren: UnsafePointer<Int32>
        let table: UnsafePointer<UInt64>
        let nodeValues: UnsafePointer<Int32>
        let nodeHot: UnsafePointer<UInt64>
        let mask: Int
        let shift: UInt64

        /// The child of `node` (whose hot word is `hot`) by `scalar`, or ``VocabularyTrie/none``.
        @inline(__always)
        func child(of node: Int32, hot: UInt64, _ scalar: UInt32) -> Int32 {
            if node == VocabularyTrie.root && scalar < 0x10000 { return rootChildren[Int(scalar)] }
            if hot & (VocabularyTrie.filterBit(scalar) << 32) == 0 { return VocabularyTrie.none }
            let key = UInt64(node + 1) << VocabularyTrie.fieldBits | UInt64(scalar)
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let word = table[slot]
                if word >> VocabularyTrie.fieldBits == key { return Int32(word & VocabularyTrie.fieldMask) }
                if word == 0 { return VocabularyTrie.none }
                slot = (slot &+ 1) & mask
            }
        }

        /// The payload of the one-scalar key `scalar`, or ``VocabularyTrie/noPayload``.
        @inline(__always)
        func payloadOfSingle(_ scalar: UInt32) -> UInt32 {
            let node = child(of: VocabularyTrie.root, hot: nodeHot[0], scalar)
            return node == VocabularyTrie.none ? VocabularyTrie.noPayload : UInt32(truncatingIfNeeded: nodeHot[Int(node)])
        }
    }

    /// Calls `body` with a ``View`` of the trie.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try rootChildren.withUnsafeBufferPointer { root in
            try table.withUnsafeBufferPointer { table in
                try nodeValues.withUnsafeBufferPointer { values in
                    try nodeHot.withUnsafeBufferPointer { hot in
                        try body(View(rootChildren: root.baseAddress!, table: table.baseAddress!,
                                      nodeValues: values.baseAddress!, nodeHot: hot.baseAddress!,
                                      mask: table.count - 1, shift: UInt64(64 - table.count.trailingZeroBitCount)))
                    }
                }
            }
        }
    }
}
