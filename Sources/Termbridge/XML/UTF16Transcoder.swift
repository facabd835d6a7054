/// Turns UTF-16 bytes (little or big endian) into UTF-8 as they are read, chunk by chunk, for
/// ``XMLEventReader``: a file that starts with a UTF-16 byte order mark (as MultiTerm writes its
/// XML exports) is read as the same characters in UTF-8. Strict: an unpaired surrogate, or a
/// file that ends inside a code unit or between the two halves of a pair, is an error with the
/// byte offset in the file. Time linear in the input; memory one chunk.
struct UTF16Transcoder {
    /// Whether code units are big endian (byte order mark FE FF) rather than little (FF FE).
    let bigEndian: Bool
    /// The encoding's name, for messages: `UTF-16LE` or `UTF-16BE`.
    var name: String { bigEndian ? "UTF-16BE" : "UTF-16LE" }
    /// Bytes of an incomplete code unit or of a high surrogate waiting for its low half.
    private var carry: [UInt8] = []
    /// The file offset of the first byte of `carry` (or of the next byte when it is empty).
    private var offset: Int

    /// A transcoder for input whose byte order mark (2 bytes, already consumed) said `bigEndian`.
    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
        offset = 2
    }

    /// The byte order mark at the start of `bytes` and whether it is big endian; nil when
    /// `bytes` does not start with a UTF-16 byte order mark (or starts with UTF-32's).
    static func byteOrder(of bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return true }
        if bytes[0] == 0xFF, bytes[1] == 0xFE, !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0) { return false }
        return nil
    }

    /// The most UTF-16 bytes to read for `capacity` bytes of UTF-8 output (a code unit gives at
    /// most 3 bytes; a pair, 4 bytes, gives 4), leaving room for what is carried.
    static func rawLimit(forOutput capacity: Int) -> Int {
        max(2, (capacity / 3) * 2 - 4)
    }

    /// Converts `carry` + `raw` into UTF-8 at `output`, which has room for
    /// `rawLimit`'s worth; returns the number of bytes written. At the end of the input
    /// (`raw` empty), anything still carried is an error.
    mutating func transcode(_ raw: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
                            file: String?) throws -> Int {
        if raw.isEmpty {
            guard carry.isEmpty else {
                throw FileError(path: file, message: "invalid \(name) at byte offset \(offset): the file ends inside a character")
            }
            return 0
        }
        var bytes = carry
        bytes.append(contentsOf: raw)
        let start = offset
        carry = []
        var written = 0
        var index = 0
        func unit(at position: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[position]) << 8 | UInt32(bytes[position + 1])
                      : UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position])
        }
        func put(_ scalar: UInt32) {
            switch scalar {
            case ..<0x80:
                output[written] = UInt8(scalar); written += 1
            case ..<0x800:
                output[written] = UInt8(0xC0 | scalar >> 6)
                output[written + 1] = UInt8(0x80 | scalar & 0x3F); written += 2
            case ..<0x10000:
                output[written] = UInt8(0xE0 | scalar >> 12)
                output[written + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                output[written + 2] = UInt8(0x80 | scalar & 0x3F); written += 3
            default:
                output[written] = UInt8(0xF0 | scalar >> 18)
                output[written + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                output[written + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                output[written + 3] = UInt8(0x80 | scalar & 0x3F); written += 4
            }
        }
        while index + 1 < bytes.count {
            let first = unit(at: index)
            switch first {
            case 0xD800 ... 0xDBFF:
                guard index + 3 < bytes.count else {   // the low half is in the next chunk
                    carry = Array(bytes[index...])
                    offset = start + index
                    return written
                }
                let second = unit(at: index + 2)
                guard (0xDC00 ... 0xDFFF).contains(second) else {
                    throw FileError(path: file, message: "invalid \(name) at byte offset \(start + index): a high surrogate without its low half")
                }
                put(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                index += 4
            case 0xDC00 ... 0xDFFF:
                throw FileError(path: file, message: "invalid \(name) at byte offset \(start + index): a low surrogate without its high half")
            default:
                put(first)
                index += 2
            }
        }
        carry = Array(bytes[index...])
        offset = start + index
        return written
    }
}
