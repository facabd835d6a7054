import Foundation
import ZIPFoundation

/// The files inside a ZIP archive held in memory, for reading only: the archive's central
/// directory, read with every offset and size checked against the data, and each entry's
/// bytes inflated from exactly its own compressed bytes.
///
/// ZIPFoundation (0.9.20) writes our workbooks and inflates here, but its archive reader is not
/// used: given a damaged deflate stream that does not end before the file does, its inflate
/// loop keeps asking for input past the end of the file and never returns, and its in-memory
/// archive traps on offsets past the end (both found by fuzzing, Docs/Fuzzing.md). Here the
/// inflater is handed the entry's compressed bytes once; asking for more is an error, and the
/// result must have the size and CRC-32 the directory gives.
///
/// Stored and deflated entries are read, ZIP64 sizes and offsets included; encrypted entries
/// and other compression methods are errors naming the entry.
struct ZIPEntries {
    /// One file of the archive, as its central directory describes it.
    struct Entry {
        var path: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// What is wrong with the archive or an entry, in the user's words.
    struct Damage: Error, CustomStringConvertible {
        var description: String
    }

    private let data: Data
    /// The entries in central-directory order.
    let entries: [Entry]

    /// The central directory of the archive in `data`.
    init(_ data: Data) throws {
        self.data = data
        entries = try Self.readDirectory(of: Bytes(data))
    }

    /// The first entry named `path`, if any.
    subscript(path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// The bytes of `entry`, refused when it would be more than `limit` bytes uncompressed.
    func contents(of entry: Entry, limit: Int) throws -> Data {
        guard entry.flags & 1 == 0 else { throw Damage(description: "\(entry.path) is encrypted") }
        guard entry.uncompressedSize <= limit else {
            throw Damage(description: "\(entry.path) is over \(limit) bytes uncompressed; refused")
        }
        let bytes = Bytes(data)
        let header = entry.localHeaderOffset
        guard try bytes.uint32(at: header) == 0x0403_4b50 else {
            throw Damage(description: "\(entry.path): no local header where the directory says")
        }
        let start = header + 30 + Int(try bytes.uint16(at: header + 26)) + Int(try bytes.uint16(at: header + 28))
        let (end, overflow) = start.addingReportingOverflow(entry.compressedSize)
        guard !overflow, end <= bytes.count else {
            throw Damage(description: "\(entry.path): its compressed data runs past the end of the archive")
        }
        let compressed = data.subdata(in: data.startIndex + start ..< data.startIndex + end)
        let contents: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw Damage(description: "\(entry.path): stored with two different sizes")
            }
            contents = compressed
        case 8:
            contents = try Self.inflate(compressed, entry: entry)
        default:
            throw Damage(description: "\(entry.path): compression method \(entry.method) is not supported (only stored and deflate)")
        }
        guard contents.crc32(checksum: 0) == entry.crc32 else {
            throw Damage(description: "\(entry.path): CRC-32 mismatch (damaged)")
        }
        return contents
    }

    /// `compressed` (raw deflate) inflated, which must come to the entry's uncompressed size.
    private static func inflate(_ compressed: Data, entry: Entry) throws -> Data {
        guard !compressed.isEmpty else { throw Damage(description: "\(entry.path): empty deflate stream") }
        var contents = Data()
        // Deflate expands at most 1,032 times: a directory claiming more is not believed up front.
        contents.reserveCapacity(min(entry.uncompressedSize, compressed.count.multipliedReportingOverflow(by: 1_032).partialValue))
        do {
            // One chunk, exactly the entry's bytes: ZIPFoundation's inflate sets its input
            // length to the buffer size, so a shorter chunk would be read past its end.
            _ = try Data.decompress(size: Int64(compressed.count), bufferSize: compressed.count, skipCRC32: true,
                                    provider: { position, _ in
                                        guard position == 0 else {
                                            throw Damage(description: "\(entry.path): the deflate stream does not end within the entry (damaged)")
                                        }
                                        return compressed
                                    },
                                    consumer: { chunk in
                                        guard contents.count + chunk.count <= entry.uncompressedSize else {
                                            throw Damage(description: "\(entry.path): inflates to more than the \(entry.uncompressedSize) bytes the directory gives (damaged)")
                                        }
                                        contents.append(chunk)
                                    })
        } catch let damage as Damage {
            throw damage
        } catch {
            throw Damage(description: "\(entry.path): damaged deflate stream")
        }
        guard contents.count == entry.uncompressedSize else {
            throw Damage(description: "\(entry.path): inflates to \(contents.count) bytes, not the \(entry.uncompressedSize) the directory gives (damaged)")
        }
        return contents
    }

    // MARK: The central directory

    private static func readDirectory(of bytes: Bytes) throws -> [Entry] {
        // The end-of-central-directory record: the last signature in the final 64 KiB + 22 bytes
        // (its comment is at most 65,535 bytes).
        var end = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 65_535)
        while end >= earliest, try bytes.uint32(at: end) != 0x0605_4b50 { end -= 1 }
        guard end >= earliest else { throw Damage(description: "not a ZIP archive (no end of central directory)") }
        var count = Int(try bytes.uint16(at: end + 10))
        var size = Int(try bytes.uint32(at: end + 12))
        var offset = Int(try bytes.uint32(at: end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the record points to the ZIP64 record.
            let locator = end - 20
            guard locator >= 0, try bytes.uint32(at: locator) == 0x0706_4b50 else {
                throw Damage(description: "ZIP64 archive without its ZIP64 locator")
            }
            let record = try bytes.int(at: locator + 8)
            guard try bytes.uint32(at: record) == 0x0606_4b50 else {
                throw Damage(description: "ZIP64 locator points to no ZIP64 record")
            }
            count = try bytes.int(at: record + 32)
            size = try bytes.int(at: record + 40)
            offset = try bytes.int(at: record + 48)
        }
        let (directoryEnd, overflow) = offset.addingReportingOverflow(size)
        guard !overflow, directoryEnd <= bytes.count, count <= size / 46 + 1 else {
            throw Damage(description: "the central directory runs past the end of the archive")
        }
        var entries: [Entry] = []
        var position = offset
        for _ in 0 ..< count {
            guard try bytes.uint32(at: position) == 0x0201_4b50 else {
                throw Damage(description: "damaged central directory (entry \(entries.count + 1))")
            }
            let nameLength = Int(try bytes.uint16(at: position + 28))
            let extraLength = Int(try bytes.uint16(at: position + 30))
            let commentLength = Int(try bytes.uint16(at: position + 32))
            let name = try bytes.slice(at: position + 46, count: nameLength)
            var entry = Entry(path: String(decoding: name, as: UTF8.self),
                              method: try bytes.uint16(at: position + 10), flags: try bytes.uint16(at: position + 8),
                              crc32: try bytes.uint32(at: position + 16),
                              compressedSize: Int(try bytes.uint32(at: position + 20)),
                              uncompressedSize: Int(try bytes.uint32(at: position + 24)),
                              localHeaderOffset: Int(try bytes.uint32(at: position + 42)))
            try readZIP64Extra(of: &entry, bytes: bytes, at: position + 46 + nameLength, count: extraLength)
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The 64-bit sizes and offset of the ZIP64 extra field (header 0x0001), which are present
    /// only for the fields whose 32-bit value is 0xFFFFFFFF, in this order.
    private static func readZIP64Extra(of entry: inout Entry, bytes: Bytes, at start: Int, count: Int) throws {
        var position = start
        while position + 4 <= start + count {
            let id = try bytes.uint16(at: position)
            let length = Int(try bytes.uint16(at: position + 2))
            if id == 0x0001 {
                var field = position + 4
                for keyPath in [\Entry.uncompressedSize, \Entry.compressedSize, \Entry.localHeaderOffset]
                where entry[keyPath: keyPath] == 0xFFFF_FFFF && field + 8 <= position + 4 + length {
                    entry[keyPath: keyPath] = try bytes.int(at: field)
                    field += 8
                }
                return
            }
            position += 4 + length
        }
    }

    /// Little-endian reads from the archive, each checked against its end.
    private struct Bytes {
        let data: Data
        var count: Int { data.count }
        init(_ data: Data) { self.data = data }

        func slice(at offset: Int, count: Int) throws -> Data {
            guard offset >= 0, count >= 0, offset <= data.count - count else {
                throw Damage(description: "damaged archive (a record runs past its end)")
            }
            return data.subdata(in: data.startIndex + offset ..< data.startIndex + offset + count)
        }

        private func value(at offset: Int, width: Int) throws -> UInt64 {
            guard offset >= 0, offset <= data.count - width else {
                throw Damage(description: "damaged archive (a record runs past its end)")
            }
            var value: UInt64 = 0
            for index in (0 ..< width).reversed() {
                value = value << 8 | UInt64(data[data.startIndex + offset + index])
            }
            return value
        }

        func uint16(at offset: Int) throws -> UInt16 { UInt16(try value(at: offset, width: 2)) }
        func uint32(at offset: Int) throws -> UInt32 { UInt32(try value(at: offset, width: 4)) }
        /// A 64-bit field as an `Int`; values past `Int.max` are damage.
        func int(at offset: Int) throws -> Int {
            let value = try value(at: offset, width: 8)
            guard value <= UInt64(Int.max) else { throw Damage(description: "damaged archive (a 64-bit size past any file)") }
            return Int(value)
        }
    }
}
