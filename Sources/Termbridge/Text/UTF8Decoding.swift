/// Input that is not valid UTF-8, with the byte offset of the first bad byte.
///
/// Termbridge never replaces bad bytes silently: a file that is not UTF-8 is reported
/// with its name and this offset, and nothing is written for it.
public struct InvalidUTF8Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the bytes came from, when known.
    public var file: String?
    /// Offset of the first byte of the invalid sequence from the start of the input.
    public var byteOffset: Int

    public init(file: String? = nil, byteOffset: Int) {
        self.file = file
        self.byteOffset = byteOffset
    }

    public var description: String {
        "\(file ?? "<input>"): invalid UTF-8 at byte offset \(byteOffset)"
    }
}

/// Strict UTF-8 decoding (RFC 3629): rejects overlong forms, surrogates, code points above
/// U+10FFFF and truncated sequences. O(n), no allocation beyond the output arrays.
enum UTF8Decoding {
    /// Decodes `bytes`, appending each scalar's value to `scalars` and its byte offset
    /// (relative to `bytes`) to `offsets`. Appends nothing when the input is invalid.
    ///
    /// - Returns: the offset of the first invalid byte, or `nil` when all of `bytes` is valid.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        into scalars: inout [UInt32],
        offsets: inout [Int32]
    ) -> Int? {
        let scalarStart = scalars.count
        let offsetStart = offsets.count
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                scalars.append(UInt32(b0)); offsets.append(Int32(i)); i += 1
                continue
            }
            var value: UInt32
            var length: Int
            var minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: value = UInt32(b0 & 0x1F); length = 2; minimum = 0x80
            case 0xE0...0xEF: value = UInt32(b0 & 0x0F); length = 3; minimum = 0x800
            case 0xF0...0xF4: value = UInt32(b0 & 0x07); length = 4; minimum = 0x10000
            default:
                scalars.removeSubrange(scalarStart...); offsets.removeSubrange(offsetStart...)
                return i
            }
            if i + length > n {
                scalars.removeSubrange(scalarStart...); offsets.removeSubrange(offsetStart...)
                return i
            }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else {
                    scalars.removeSubrange(scalarStart...); offsets.removeSubrange(offsetStart...)
                    return i
                }
                value = value << 6 | UInt32(b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                scalars.removeSubrange(scalarStart...); offsets.removeSubrange(offsetStart...)
                return i
            }
            scalars.append(value); offsets.append(Int32(i)); i += length
        }
        return nil
    }

    /// The offset of the first invalid byte in `bytes`, or `nil` when it is valid UTF-8.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var scalars: [UInt32] = []
        var offsets: [Int32] = []
        return decode(bytes, into: &scalars, offsets: &offsets)
    }
}

extension String {
    /// Decodes UTF-8 strictly: invalid input throws instead of being replaced.
    ///
    /// - Parameters:
    ///   - file: named in the error.
    ///   - baseOffset: added to the error's byte offset (the bytes' offset in the file).
    public init(strictUTF8 bytes: UnsafeBufferPointer<UInt8>, file: String? = nil, baseOffset: Int = 0) throws {
        if let valid = String(validating: bytes, as: UTF8.self) {
            self = valid
            return
        }
        let bad = UTF8Decoding.firstInvalidByte(in: bytes) ?? 0
        throw InvalidUTF8Error(file: file, byteOffset: baseOffset + bad)
    }
}
