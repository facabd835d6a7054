#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings stored back to back in one byte arena, by id (0, 1, 2, …): string `id` is
/// `bytes[starts[id]..<starts[id + 1]]`. Two flat arrays, so a compiled data file stores
/// them as they are; a string is decoded only when asked for.
struct StringArena: Sendable {
    private(set) var bytes: [UInt8]
    /// `starts[id]..<starts[id + 1]` is the range of string `id` in ``bytes``.
    private(set) var starts: [Int32]

    init() {
        bytes = []
        starts = [0]
    }

    /// An arena from its two arrays (as read from a compiled file).
    ///
    /// - Throws: a message when the offsets do not describe strings inside `bytes`.
    init(bytes: [UInt8], starts: [Int32]) throws(StructureError) {
        guard let first = starts.first, first == 0, Int(starts[starts.count - 1]) == bytes.count else {
            throw StructureError("string offsets do not span the string bytes")
        }
        guard ArrayCheck.isNondecreasing(starts) else {
            throw StructureError("string offsets go backwards")
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The number of strings.
    var count: Int { starts.count - 1 }

    /// Appends a string and returns its id.
    @discardableResult
    mutating func append(_ string: UnsafeBufferPointer<UInt8>) -> Int32 {
        bytes.append(contentsOf: string)
        starts.append(Int32(bytes.count))
        return Int32(count - 1)
    }

    /// The bytes of string `id` (valid inside `body`).
    @inline(__always)
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// String `id`, decoded.
    func string(_ id: Int) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether string `id` is `other`, byte for byte.
    @inline(__always)
    func equals(_ id: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == other.count else { return false }
        if other.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other.baseAddress!, other.count) == 0 }
    }
}

/// Interns byte strings: each distinct sequence of bytes gets the next id (0, 1, 2, …), and
/// can be found again by its bytes. The bytes live in a ``StringArena``; the table is
/// open-addressed with linear probing, each slot holding a string's id and 32 bits of its
/// hash, so a probe rarely touches the arena. A word already seen costs one hash, one probe
/// and one comparison, with no allocation — the cheap path for tokens met hundreds of
/// thousands of times while building an index. Insertion is O(length) expected.
///
/// Its three arrays are what a compiled data file stores: a table read back finds strings
/// with no rebuilding.
struct ByteStringTable: Sendable {
    private(set) var strings = StringArena()
    /// `hash >> 32 << 32 | (id + 1)`, or 0 for an empty slot; the count is a power of two.
    private(set) var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)

    init() {}

    /// An empty table with room for about `count` strings before it grows.
    init(capacity count: Int) {
        var slots = 1024
        while slots < 2 * count { slots *= 2 }
        self.slots = [UInt64](repeating: 0, count: slots)
    }

    /// A table from its arrays (as read from a compiled file).
    ///
    /// - Throws: when the slot count is not a power of two or a slot names no string.
    init(strings: StringArena, slots: [UInt64]) throws(StructureError) {
        guard slots.count >= 2, slots.count & (slots.count - 1) == 0, strings.count < slots.count else {
            throw StructureError("the string table's slot count is not a power of two above its size")
        }
        // A slot holds a 32-bit hash tag above id + 1 (0 for empty).
        let names = slots.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count, Int(buffer[i] & 0xFFFF_FFFF) <= strings.count { i += 1 }
            return i == buffer.count
        }
        guard names else { throw StructureError("a string-table slot names no string") }
        self.strings = strings
        self.slots = slots
        // Strings must be found where this build's hash puts them: a table placed by another
        // hash function would load and then find nothing.
        for id in stride(from: 0, to: strings.count, by: max(1, strings.count / 16)) {
            guard strings.withBytes(id, { self.id(of: $0) }) == Int32(id) else {
                throw StructureError("the string table was laid out by another hash function")
            }
        }
    }

    /// The number of distinct strings.
    var count: Int { strings.count }

    /// The id of `bytes`, inserting it when new.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let (found, slot, hash) = probe(bytes)
        if let found { return (found, false) }
        let id = strings.append(bytes)
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `string`, inserting it when new.
    mutating func insert(_ string: String) -> (id: Int32, inserted: Bool) {
        var string = string
        return string.withUTF8 { insert($0) }
    }

    /// The id of `bytes`, or nil when the table does not have them. No allocation.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(bytes).found
    }

    /// The id of `string`, or nil.
    func id(of string: String) -> Int32? {
        var string = string
        return string.withUTF8 { id(of: $0) }
    }

    /// String `id`, decoded.
    func string(_ id: Int) -> String { strings.string(id) }

    /// The id of `bytes` if present, else the empty slot where it would go; and its hash.
    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: Int32?, slot: Int, hash: UInt64) {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Self.slot(hash, capacity: slots.count)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return (nil, slot, hash) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    if strings.equals(id, bytes) { return (Int32(id), slot, hash) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<count {
            let hash = strings.withBytes(id) { Self.hash($0) }
            var slot = Self.slot(hash, capacity: larger.count)
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots = larger
    }

    /// A 64-bit hash taking eight bytes a step (multiply and xor-shift, then the
    /// SplitMix64 finalizer). Compiled files store slots placed by it: changing it changes
    /// their layout.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return hash }
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 30
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 27
        hash = hash &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    /// Fibonacci hashing: the high bits of the product pick the slot.
    @inline(__always)
    private static func slot(_ hash: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }
}

/// Arrays read from a compiled file that do not fit together (a damaged or foreign file).
struct StructureError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Checks of arrays read from a compiled file, as plain loops over their buffers (fast even
/// in debug builds, which the tests run).
enum ArrayCheck {
    /// Whether every value lies in `range`. One loop per element type, spelled out: a
    /// generic loop is slow in debug builds.
    static func all(_ values: [Int32], in range: Range<Int32>) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            let low = range.lowerBound, high = range.upperBound
            var i = 0
            while i < buffer.count, buffer[i] >= low, buffer[i] < high { i += 1 }
            return i == buffer.count
        }
    }

    static func all(_ values: [Int64], in range: Range<Int64>) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            let low = range.lowerBound, high = range.upperBound
            var i = 0
            while i < buffer.count, buffer[i] >= low, buffer[i] < high { i += 1 }
            return i == buffer.count
        }
    }

    /// Whether every value is below `limit`.
    static func all(_ values: [UInt8], below limit: Int) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count, Int(buffer[i]) < limit { i += 1 }
            return i == buffer.count
        }
    }

    /// Whether the values never decrease.
    static func isNondecreasing(_ values: [Int32]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var i = 1
            while i < buffer.count {
                if buffer[i] < buffer[i - 1] { return false }
                i += 1
            }
            return true
        }
    }
}
