#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings: each distinct sequence of bytes gets the next id (0, 1, 2, …).
/// The bytes live in one arena; the table is open-addressed with linear probing, each slot
/// holding a string's id and 32 bits of its hash, so a probe rarely touches the arena. A
/// word already seen costs one hash, one probe and one comparison, with no allocation —
/// the cheap path for tokens met hundreds of thousands of times while building an index.
/// Insertion is O(length) expected.
struct ByteStringTable {
    private var arena: [UInt8] = []
    /// `starts[id]..<starts[id + 1]` is the range of string `id` in `arena`.
    private var starts: [Int32] = [0]
    /// `hash >> 32 << 32 | (id + 1)`, or 0 for an empty slot; the count is a power of two.
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)

    /// The number of distinct strings.
    var count: Int { starts.count - 1 }

    /// The id of `bytes`, inserting it when new.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Self.slot(hash, capacity: slots.count)
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let start = Int(starts[id]), end = Int(starts[id + 1])
                            if end - start == bytes.count,
                               bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 {
                                return Int32(id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return (found, false) }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        slots[slot] = tag | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<count {
            let start = Int(starts[id]), end = Int(starts[id + 1])
            let hash = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            var slot = Self.slot(hash, capacity: larger.count)
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots = larger
    }

    /// FNV-1a, 64-bit.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Fibonacci hashing: the high bits of the product pick the slot.
    @inline(__always)
    private static func slot(_ hash: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }
}
