import Foundation

/// The container of Termbridge's compiled data files (`*.tbdata`): a fixed header, a table
/// of sections, and the sections themselves — flat arrays of fixed-size integers, each
/// read straight into a Swift array with `pread`, with no parsing. See `Docs/Data.md`.
///
///     offset  size  field
///          0     8  magic: 89 54 42 44 41 54 41 0A ("\x89TBDATA\n")
///          8     4  container format version (``formatVersion``)
///         12     4  kind: what the file holds, four ASCII letters (`CEDI`, `FREQ`)
///         16     4  layout version of that kind (bumped when its sections change meaning)
///         20     4  number of sections
///         24     8  fingerprint of the text folding in force when compiled
///                   (``TextNormalizer/fingerprint``): keys are stored folded
///         32     8  size in bytes of the source text file
///         40     8  its modification time, seconds since 1970
///         48     8  and nanoseconds
///         56     8  checksum of bytes 0..<56 and of the section table
///         64  32·n  sections: tag (4 ASCII letters), element size, offset, byte count,
///                   checksum of the section's bytes
///
/// All integers are little-endian; sections start at multiples of 8. A file is
/// *damaged* when its magic, sizes, offsets or checksums are wrong, *of another version*
/// when a version differs, and *stale* when the source it was compiled from has changed
/// size or modification time (checked by ``DataFiles``, which knows where the source is).
/// Each of these is a ``CompiledDataError`` with a message that says what to do.
public enum CompiledDataFile {
    /// The file's first eight bytes.
    static let magic: [UInt8] = [0x89, 0x54, 0x42, 0x44, 0x41, 0x54, 0x41, 0x0A]
    /// The version of the container layout this build reads and writes.
    public static let formatVersion: UInt32 = 1
    /// The suffix of compiled files.
    public static let fileExtension = "tbdata"

    static let headerSize = 64
    static let sectionEntrySize = 32

    /// Whether the file at `path` starts with the magic of a compiled file (false when it
    /// cannot be read).
    public static func isCompiled(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: magic.count)
        return pread(descriptor, &bytes, bytes.count, 0) == bytes.count && bytes == magic
    }

    // MARK: Source identity

    /// The size and modification time of a source file, recorded in a compiled file so that
    /// a change to the source is noticed.
    public struct SourceStamp: Sendable, Equatable, CustomStringConvertible {
        public var size: UInt64
        public var seconds: Int64
        public var nanoseconds: Int64

        public init(size: UInt64, seconds: Int64, nanoseconds: Int64) {
            self.size = size
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }

        /// The stamp of the file at `path`, or nil when it cannot be examined.
        public init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(size: UInt64(info.st_size), seconds: Int64(info.st_mtim.tv_sec),
                      nanoseconds: Int64(info.st_mtim.tv_nsec))
        }

        /// No source (a file compiled from data in memory).
        public static let none = SourceStamp(size: 0, seconds: 0, nanoseconds: 0)

        public var description: String {
            let date = Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9)
            return "\(size) bytes, modified \(ISO8601DateFormatter().string(from: date))"
        }
    }

    // MARK: Writing

    /// Collects sections and writes the file.
    struct Writer {
        let kind: DataKind
        let layoutVersion: UInt32
        let source: SourceStamp
        private var sections: [(tag: UInt32, elementSize: Int, bytes: [UInt8])] = []

        init(kind: DataKind, layoutVersion: UInt32, source: SourceStamp) {
            self.kind = kind
            self.layoutVersion = layoutVersion
            self.source = source
        }

        /// Adds an array as a section named by four ASCII letters.
        mutating func add<T: FixedWidthInteger>(_ tag: String, _ values: [T]) {
            let bytes = values.withUnsafeBytes { Array($0) }
            sections.append((fourCC(tag), MemoryLayout<T>.size, bytes))
        }

        /// The whole file.
        func data() -> Data {
            var table: [UInt8] = []
            var offset = CompiledDataFile.headerSize + sections.count * CompiledDataFile.sectionEntrySize
            var placed: [Int] = []
            for section in sections {
                offset = (offset + 7) & ~7
                placed.append(offset)
                table.append(littleEndian: section.tag)
                table.append(littleEndian: UInt32(section.elementSize))
                table.append(littleEndian: UInt64(offset))
                table.append(littleEndian: UInt64(section.bytes.count))
                table.append(littleEndian: section.bytes.withUnsafeBytes { DataChecksum.of($0) })
                offset += section.bytes.count
            }
            var header: [UInt8] = CompiledDataFile.magic
            header.append(littleEndian: CompiledDataFile.formatVersion)
            header.append(littleEndian: kind.rawValue)
            header.append(littleEndian: layoutVersion)
            header.append(littleEndian: UInt32(sections.count))
            header.append(littleEndian: TextNormalizer.shared.fingerprint)
            header.append(littleEndian: source.size)
            header.append(littleEndian: UInt64(bitPattern: source.seconds))
            header.append(littleEndian: UInt64(bitPattern: source.nanoseconds))
            header.append(littleEndian: (header + table).withUnsafeBytes { DataChecksum.of($0) })
            var data = Data(header + table)
            for (section, start) in zip(sections, placed) {
                data.append(Data(repeating: 0, count: start - data.count))
                data.append(contentsOf: section.bytes)
            }
            return data
        }
    }

    // MARK: Reading

    /// An open compiled file whose header and section table have been checked; sections are
    /// read on request.
    public final class Reader {
        /// The file.
        public let path: String
        /// What it holds.
        public let kind: DataKind
        /// The layout version of that kind.
        public let layoutVersion: UInt32
        /// The source it was compiled from.
        public let source: SourceStamp
        private let descriptor: Int32
        private let fileSize: Int
        private var sections: [UInt32: (elementSize: Int, offset: Int, count: Int, checksum: UInt64)] = [:]

        /// Opens `path` and checks it is a compiled file of `kind` at `layoutVersion`,
        /// folded as this process folds text.
        ///
        /// - Throws: ``CompiledDataError``.
        init(path: String, kind expected: DataKind, layoutVersion expectedLayout: UInt32) throws(CompiledDataError) {
            self.path = path
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CompiledDataError(path: path, problem: .unreadable(systemErrorMessage()))
            }
            var info = stat()
            fileSize = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
            var header = [UInt8](repeating: 0, count: CompiledDataFile.headerSize)
            guard fileSize >= CompiledDataFile.headerSize,
                  pread(descriptor, &header, header.count, 0) == header.count else {
                close(descriptor)
                throw CompiledDataError(path: path, problem: .damaged("shorter than its header (\(fileSize) bytes)"))
            }
            do throws(CompiledDataError) {
                guard Array(header[0..<8]) == CompiledDataFile.magic else {
                    throw CompiledDataError(path: path, problem: .notCompiled)
                }
                let version: UInt32 = header.load(at: 8)
                guard version == CompiledDataFile.formatVersion else {
                    throw CompiledDataError(path: path, problem: .otherVersion(
                        "container format \(version); this termbridge reads format \(CompiledDataFile.formatVersion)"))
                }
                kind = DataKind(rawValue: header.load(at: 12))
                guard kind == expected else {
                    throw CompiledDataError(path: path, problem: .wrongKind(found: kind, expected: expected))
                }
                layoutVersion = header.load(at: 16)
                guard layoutVersion == expectedLayout else {
                    throw CompiledDataError(path: path, problem: .otherVersion(
                        "\(kind) layout \(layoutVersion); this termbridge reads layout \(expectedLayout)"))
                }
                let sectionCount = Int(header.load(at: 20) as UInt32)
                let tableEnd = CompiledDataFile.headerSize + sectionCount * CompiledDataFile.sectionEntrySize
                guard sectionCount < 1024, tableEnd <= fileSize else {
                    throw CompiledDataError(path: path, problem: .damaged("its section table runs past the end of the file"))
                }
                var table = [UInt8](repeating: 0, count: tableEnd - CompiledDataFile.headerSize)
                guard table.isEmpty || pread(descriptor, &table, table.count, off_t(CompiledDataFile.headerSize)) == table.count else {
                    throw CompiledDataError(path: path, problem: .damaged("its section table cannot be read"))
                }
                let stored: UInt64 = header.load(at: 56)
                guard (Array(header[0..<56]) + table).withUnsafeBytes({ DataChecksum.of($0) }) == stored else {
                    throw CompiledDataError(path: path, problem: .damaged("the header checksum does not match"))
                }
                let fingerprint: UInt64 = header.load(at: 24)
                guard fingerprint == TextNormalizer.shared.fingerprint else {
                    throw CompiledDataError(path: path, problem: .otherVersion(
                        "compiled with another ICU text folding (a different libicu)"))
                }
                source = SourceStamp(size: header.load(at: 32), seconds: Int64(bitPattern: header.load(at: 40)),
                                     nanoseconds: Int64(bitPattern: header.load(at: 48)))
                for k in 0..<sectionCount {
                    let base = k * CompiledDataFile.sectionEntrySize
                    let tag: UInt32 = table.load(at: base)
                    let elementSize = Int(table.load(at: base + 4) as UInt32)
                    let offset: UInt64 = table.load(at: base + 8)
                    let count: UInt64 = table.load(at: base + 16)
                    guard [1, 2, 4, 8].contains(elementSize), offset % 8 == 0, count % UInt64(elementSize) == 0,
                          offset >= UInt64(tableEnd), offset <= UInt64(fileSize), count <= UInt64(fileSize) - offset else {
                        throw CompiledDataError(path: path, problem: .damaged(
                            "section \(fourCCName(tag)) lies outside the file (the file may be truncated)"))
                    }
                    sections[tag] = (elementSize, Int(offset), Int(count), table.load(at: base + 24))
                }
            } catch {
                close(descriptor)
                throw error
            }
        }

        deinit { close(descriptor) }

        /// The section `tag` as an array of `T`, checked against its checksum.
        ///
        /// - Throws: ``CompiledDataError`` when the section is missing, of another element
        ///   size, cannot be read, or its checksum does not match.
        func section<T: FixedWidthInteger>(_ tag: String, as type: T.Type = T.self) throws(CompiledDataError) -> [T] {
            guard let section = sections[fourCC(tag)] else {
                throw CompiledDataError(path: path, problem: .damaged("it has no section \(tag)"))
            }
            guard section.elementSize == MemoryLayout<T>.size else {
                throw CompiledDataError(path: path, problem: .damaged("section \(tag) has \(section.elementSize)-byte elements"))
            }
            let count = section.count / section.elementSize
            var failure: String?
            let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                var done = 0
                while done < raw.count {
                    let read = pread(descriptor, raw.baseAddress! + done, raw.count - done, off_t(section.offset + done))
                    if read < 0 && errno == EINTR { continue }
                    if read <= 0 {
                        failure = read < 0 ? systemErrorMessage() : "the file ends inside section \(tag)"
                        raw.initializeMemory(as: UInt8.self, repeating: 0)
                        break
                    }
                    done += read
                }
                initialized = count
            }
            if let failure { throw CompiledDataError(path: path, problem: .damaged(failure)) }
            guard values.withUnsafeBytes({ DataChecksum.of($0) }) == section.checksum else {
                throw CompiledDataError(path: path, problem: .damaged("the checksum of section \(tag) does not match"))
            }
            return values
        }
    }
}

/// What a compiled data file holds, as four ASCII letters.
public struct DataKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// CC-CEDICT (``CEDICTLexicon``).
    public static let cedict = DataKind(rawValue: fourCC("CEDI"))
    /// A general word-frequency list (``GeneralChineseFrequencies``).
    public static let frequencies = DataKind(rawValue: fourCC("FREQ"))

    public var description: String { fourCCName(rawValue) }
}

/// A compiled data file that cannot be used, and why.
public struct CompiledDataError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// The file cannot be opened or read.
        case unreadable(String)
        /// Not a compiled file at all (no magic): perhaps a text file.
        case notCompiled
        /// Written by another version of Termbridge, or under another ICU.
        case otherVersion(String)
        /// Holds another kind of data.
        case wrongKind(found: DataKind, expected: DataKind)
        /// Truncated or corrupted.
        case damaged(String)
        /// Compiled from a source that has changed since.
        case stale(source: String)
    }

    /// The compiled file.
    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .unreadable(let reason): "\(path): cannot read: \(reason)"
        case .notCompiled: "\(path): not a compiled Termbridge data file"
        case .otherVersion(let detail):
            "\(path): compiled by another version (\(detail)); recompile with `termbridge data compile`"
        case .wrongKind(let found, let expected):
            "\(path): holds \(found) data, not \(expected)"
        case .damaged(let detail):
            "\(path): damaged (\(detail)); recompile with `termbridge data compile`"
        case .stale(let source):
            "\(path): out of date (\(source) changed since it was compiled); recompile with `termbridge data compile`"
        }
    }
}

/// A 64-bit checksum of bytes, fast enough to verify tens of megabytes in a few
/// milliseconds: four independent multiply–rotate lanes over 8-byte words, then the tail
/// and the length mixed in. It detects corruption and truncation, not tampering.
enum DataChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        var offset = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                lanes.0 = round(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = round(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
        }
        var hash = ((lanes.0 << 1) | (lanes.0 >> 63)) &+ ((lanes.1 << 7) | (lanes.1 >> 57))
            &+ ((lanes.2 << 12) | (lanes.2 >> 52)) &+ ((lanes.3 << 18) | (lanes.3 >> 46))
        hash = round(hash, UInt64(count))
        while offset < count {
            hash = round(hash, UInt64(bytes[offset]))
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        return hash
    }
}

/// Four ASCII letters as a little-endian 32-bit integer.
func fourCC(_ letters: String) -> UInt32 {
    var value: UInt32 = 0
    for (k, byte) in letters.utf8.prefix(4).enumerated() { value |= UInt32(byte) << (8 * UInt32(k)) }
    return value
}

/// The letters of ``fourCC(_:)`` (non-printing bytes as `?`).
func fourCCName(_ value: UInt32) -> String {
    String((0..<4).map { k -> Character in
        let byte = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))
        return (0x20..<0x7F).contains(byte) ? Character(Unicode.Scalar(byte)) : "?"
    })
}

extension [UInt8] {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// The little-endian integer at byte `offset`.
    func load<T: FixedWidthInteger>(at offset: Int) -> T {
        withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}

extension CompiledDataFile.Reader {
    /// Runs `body`, which builds a value from this file's sections: a ``CompiledDataError``
    /// passes through, any other error (a ``StructureError`` from a check, say) becomes
    /// damage of this file.
    func decode<T>(_ body: () throws -> T) throws(CompiledDataError) -> T {
        do {
            return try body()
        } catch let error as CompiledDataError {
            throw error
        } catch let error as StructureError {
            throw CompiledDataError(path: path, problem: .damaged(error.message))
        } catch {
            throw CompiledDataError(path: path, problem: .damaged("\(error)"))
        }
    }
}
