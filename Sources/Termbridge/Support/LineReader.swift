#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line (or one piece of a very long line) handed out by ``LineReader``.
public struct LinePiece {
    /// The bytes of the piece, without the line terminator (LF or CRLF). Valid only during
    /// the callback that receives it.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// 1-based line number.
    public var line: Int
    /// Offset of the piece's first byte from the start of the input.
    public var byteOffset: Int
    /// True when this piece ends the line; false when the line goes on in the next piece.
    public var endsLine: Bool
}

/// Reads a file descriptor line by line in bounded memory: input is read in blocks, and a
/// line longer than `maximumPieceLength` is handed out in pieces cut after white space or
/// punctuation (or, failing that, between two UTF-8 characters). A byte-order mark at the
/// start of the input is skipped (see ``ByteOrderMark``): line 1 starts after it, and its
/// ``LinePiece/byteOffset`` is 3. Memory stays O(block size + maximum piece length)
/// whatever the input size.
public struct LineReader {
    /// Read size.
    public var blockSize = 1 << 20
    /// Longest piece handed out.
    public var maximumPieceLength = 1 << 20
    /// Whether a carriage return not followed by a line feed also ends a line (classic Mac
    /// line ends, as some spreadsheets still write TSV); CRLF is one line end either way.
    public var breaksAtLoneCarriageReturn = false

    private let descriptor: Int32

    /// A reader over an open file descriptor (not closed by the reader).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Calls `body` with every line of the input, in order.
    ///
    /// - Throws: ``FileError`` when reading fails, or whatever `body` throws.
    public func forEachLine(
        progress: ((_ bytesRead: Int) -> Void)? = nil,
        _ body: (LinePiece) throws -> Void
    ) throws {
        var buffer = [UInt8](repeating: 0, count: blockSize + maximumPieceLength)
        var filled = 0            // bytes in buffer
        var consumed = 0          // bytes of buffer already handed out
        var bufferOffset = 0      // input offset of buffer[0]
        var line = 1
        var atEnd = false
        var checkedMark = false
        while true {
            // A byte-order mark is looked for once the first three bytes (or the whole,
            // shorter input) are in. Nothing was handed out before unless a line break came
            // within them, and then there is no mark.
            if !checkedMark && (filled >= 3 || atEnd) {
                checkedMark = true
                let mark = buffer.withUnsafeBufferPointer { ByteOrderMark.length(in: UnsafeBufferPointer(rebasing: $0[..<filled])) }
                if mark > 0 && consumed == 0 && bufferOffset == 0 { consumed = mark }
            }
            // Hand out every complete line in the buffer.
            try buffer.withUnsafeBufferPointer { all in
                var start = consumed
                var i = consumed
                while i < filled {
                    if all[i] == 0x0D && breaksAtLoneCarriageReturn {
                        // A CR last in the buffer waits for the next byte, unless input ended.
                        if i + 1 == filled && !atEnd { break }
                        if i + 1 == filled || all[i + 1] != 0x0A {
                            try body(LinePiece(bytes: UnsafeBufferPointer(rebasing: all[start..<i]),
                                               line: line, byteOffset: bufferOffset + start, endsLine: true))
                            line += 1
                            start = i + 1
                        }
                    } else if all[i] == 0x0A {
                        var end = i
                        if end > start && all[end - 1] == 0x0D { end -= 1 }
                        try body(LinePiece(bytes: UnsafeBufferPointer(rebasing: all[start..<end]),
                                           line: line, byteOffset: bufferOffset + start, endsLine: true))
                        line += 1
                        start = i + 1
                    }
                    i += 1
                }
                consumed = start
                // A line too long for the buffer goes out in pieces.
                while filled - consumed > maximumPieceLength {
                    let cut = Self.safeCut(in: all, from: consumed, limit: consumed + maximumPieceLength)
                    try body(LinePiece(bytes: UnsafeBufferPointer(rebasing: all[consumed..<cut]),
                                       line: line, byteOffset: bufferOffset + consumed, endsLine: false))
                    consumed = cut
                }
            }
            if atEnd {
                if consumed < filled {
                    var end = filled
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    try buffer.withUnsafeBufferPointer { all in
                        try body(LinePiece(bytes: UnsafeBufferPointer(rebasing: all[consumed..<end]),
                                           line: line, byteOffset: bufferOffset + consumed, endsLine: true))
                    }
                }
                return
            }
            // Move the unfinished line to the front and read more.
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    let remaining = filled - consumed
                    if remaining > 0 {
                        UnsafeMutableRawPointer(all.baseAddress!).copyMemory(
                            from: all.baseAddress! + consumed, byteCount: remaining)
                    }
                }
                bufferOffset += consumed
                filled -= consumed
                consumed = 0
            }
            let room = buffer.count - filled
            let got = buffer.withUnsafeMutableBufferPointer { all in
                read(descriptor, all.baseAddress! + filled, room)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(path: nil, message: systemErrorMessage())
            }
            if got == 0 { atEnd = true } else { filled += got }
            progress?(bufferOffset + filled)
        }
    }

    /// A cut point in `bytes[from..<limit]`: after the last white space or punctuation if
    /// there is one in the last 4 KB, else before the last UTF-8 lead byte.
    static func safeCut(in bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        var i = limit
        let floor = max(from + 1, limit - 4096)
        while i > floor {
            let b = bytes[i - 1]
            if b == 0x20 || b == 0x09 || b == 0x2E || b == 0x2C { return i }
            // 。(E3 80 82) ，(EF BC 8C) ；(EF BC 9B) ！(EF BC 81) ？(EF BC 9F)
            if i - 3 >= from {
                let a = bytes[i - 3], m = bytes[i - 2]
                if a == 0xE3 && m == 0x80 && b == 0x82 { return i }
                if a == 0xEF && m == 0xBC && (b == 0x8C || b == 0x9B || b == 0x81 || b == 0x9F) { return i }
            }
            i -= 1
        }
        i = limit
        while i > from + 1 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
