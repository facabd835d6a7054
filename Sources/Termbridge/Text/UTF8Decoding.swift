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
        (file.map { TerminalText.escaped($0) + ": " } ?? "") + "invalid UTF-8 at byte offset \(byteOffset)"
    }
}

/// Strict UTF-8 decoding (RFC 3629): rejects overlong forms, surrogates, code points above
/// U+10FFFF and truncated sequences. O(n).
enum UTF8Decoding {
    /// Decodes `bytes` into `scalars` (scalar values) and `offsets` (each scalar's byte
    /// offset), which must each have room for `bytes.count` elements.
    ///
    /// - Returns: the number of scalars, or the offset of the first invalid byte as
    ///   `.failure`.
    @inline(__always)
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        scalars: UnsafeMutablePointer<UInt32>,
        offsets: UnsafeMutablePointer<Int32>
    ) -> Result<Int, InvalidUTF8Error> {
        var i = 0
        var count = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                scalars[count] = UInt32(b0); offsets[count] = Int32(i); count += 1; i += 1
                continue
            }
            var value: UInt32
            let length: Int
            let minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: value = UInt32(b0 & 0x1F); length = 2; minimum = 0x80
            case 0xE0...0xEF: value = UInt32(b0 & 0x0F); length = 3; minimum = 0x800
            case 0xF0...0xF4: value = UInt32(b0 & 0x07); length = 4; minimum = 0x10000
            default: return .failure(InvalidUTF8Error(byteOffset: i))
            }
            guard i + length <= n else { return .failure(InvalidUTF8Error(byteOffset: i)) }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return .failure(InvalidUTF8Error(byteOffset: i)) }
                value = value << 6 | UInt32(b & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
                return .failure(InvalidUTF8Error(byteOffset: i))
            }
            scalars[count] = value; offsets[count] = Int32(i); count += 1; i += length
        }
        return .success(count)
    }

    /// The scalar whose encoding starts at byte `offset` of valid UTF-8 `bytes`, and the
    /// number of bytes it takes. O(1).
    @inline(__always)
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, width: Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = UInt32(b0 & (0xFF >> (width + 1)))
        for j in 1..<width where offset + j < bytes.count { value = value << 6 | UInt32(bytes[offset + j] & 0x3F) }
        return (value, width)
    }

    /// The offset of the first invalid byte in `bytes`, or `nil` when it is valid UTF-8.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let scalars = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, bytes.count))
        let offsets = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, bytes.count))
        defer { scalars.deallocate(); offsets.deallocate() }
        if case .failure(let error) = decode(bytes, scalars: scalars, offsets: offsets) {
            return error.byteOffset
        }
        return nil
    }

    /// Decodes all of `bytes` into an array of scalar values.
    static func scalars(of bytes: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8Error) -> [UInt32] {
        var scalars = [UInt32](repeating: 0, count: bytes.count)
        let offsets = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, bytes.count))
        defer { offsets.deallocate() }
        let result = scalars.withUnsafeMutableBufferPointer { buffer in
            decode(bytes, scalars: buffer.baseAddress!, offsets: offsets)
        }
        switch result {
        case .success(let count):
            scalars.removeSubrange(count...)
            return scalars
        case .failure(let error):
            throw error
        }
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

/// The UTF-8 byte-order mark: the bytes EF BB BF, U+FEFF at the start of a text.
///
/// Every reader accepts one at the start of its input and drops it: it never becomes a
/// token, a term or a character of output, and it is not a column (the first character
/// after it is column 1 of line 1). Byte offsets in error messages still count it, so they
/// point at the byte in the file. A U+FEFF anywhere else is text (a zero-width no-break
/// space) and is left alone.
public enum ByteOrderMark {
    /// U+FEFF.
    public static let scalar: Unicode.Scalar = "\u{FEFF}"

    /// The length of a byte-order mark at the start of `bytes`: 3, or 0 when there is none.
    @inline(__always)
    public static func length(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// `text` without a leading byte-order mark.
    public static func removing(from text: String) -> String {
        text.unicodeScalars.first == scalar ? String(text.unicodeScalars.dropFirst()) : text
    }
}
