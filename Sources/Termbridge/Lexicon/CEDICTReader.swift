/// Parses CC-CEDICT's line format straight from the file's bytes:
///
///     TRADITIONAL SIMPLIFIED [pin1 yin1] /definition 1/definition 2/
///
/// Blank lines and `#` comment lines are skipped; lines may end in LF or CRLF; a UTF-8 BOM
/// is accepted. The whole input is validated as strict UTF-8 once, up front; then only the
/// fields become `String`s (no per-line strings, no arrays of lines). O(n) in the file size.
enum CEDICTReader {
    /// The entries of `bytes`, in file order.
    ///
    /// - Throws: ``FileError`` with the line and column (in Unicode scalars) of a malformed
    ///   line, or ``InvalidUTF8Error`` with the byte offset of invalid UTF-8.
    static func entries(of bytes: UnsafeBufferPointer<UInt8>, file: String?) throws -> [CEDICTEntry] {
        // One validating pass over the whole input (one call, so the generic validator's
        // set-up cost is paid once, not per field); fields are then decoded without repair.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw invalidUTF8(in: bytes, file: file)
        }
        var entries: [CEDICTEntry] = []
        entries.reserveCapacity(bytes.count / 80)
        var start = ByteOrderMark.length(in: bytes)
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != Byte.newline { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == Byte.carriageReturn { end -= 1 }
            let line = Line(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]),
                            number: lineNumber, file: file)
            if let entry = try line.entry() { entries.append(entry) }
            start = next
        }
        return entries
    }

    /// The error for the first invalid byte of `bytes`, found line by line so that the
    /// scratch buffers of ``UTF8Decoding`` stay the size of a line.
    static func invalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, file: String?) -> InvalidUTF8Error {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != Byte.newline { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let bad = UTF8Decoding.firstInvalidByte(in: line) {
                return InvalidUTF8Error(file: file, byteOffset: start + bad)
            }
            start = end + 1
        }
        return InvalidUTF8Error(file: file, byteOffset: 0)   // not reached: the input was invalid
    }

    enum Byte {
        static let newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let hash = UInt8(ascii: "#")
        static let openBracket = UInt8(ascii: "[")
        static let closeBracket = UInt8(ascii: "]")
        static let slash = UInt8(ascii: "/")
    }

    /// One line of the file, without its terminator.
    struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let number: Int
        let file: String?

        /// The entry on this line; nil for a blank or comment line.
        func entry() throws -> CEDICTEntry? {
            var i = 0
            skipSpaces(&i)
            if i == bytes.count { return nil }
            if bytes[i] == Byte.hash { return nil }
            let traditionalStart = i
            skipWord(&i)
            let traditionalEnd = i
            guard i < bytes.count else {
                throw error(at: i, "expected the simplified headword after the traditional one; a line reads TRADITIONAL SIMPLIFIED [pin1 yin1] /definition/")
            }
            skipSpaces(&i)
            let simplifiedStart = i
            guard i < bytes.count, bytes[i] != Byte.openBracket, bytes[i] != Byte.slash else {
                throw error(at: i, "expected the simplified headword after the traditional one; a line reads TRADITIONAL SIMPLIFIED [pin1 yin1] /definition/")
            }
            skipWord(&i)
            let simplifiedEnd = i
            skipSpaces(&i)
            guard i < bytes.count, bytes[i] == Byte.openBracket else {
                throw error(at: i, "expected [ to open the pinyin, found \(found(at: i))")
            }
            let pinyinOpen = i
            i += 1
            while i < bytes.count && bytes[i] != Byte.closeBracket { i += 1 }
            guard i < bytes.count else {
                throw error(at: i, "expected ] to close the pinyin opened at column \(column(of: pinyinOpen))")
            }
            let pinyinEnd = i
            i += 1
            skipSpaces(&i)
            guard i < bytes.count, bytes[i] == Byte.slash else {
                throw error(at: i, "expected / to open the definitions, found \(found(at: i))")
            }
            let definitionsOpen = i
            var last = bytes.count
            while last > definitionsOpen + 1 && isSpace(bytes[last - 1]) { last -= 1 }
            guard last > definitionsOpen + 1, bytes[last - 1] == Byte.slash else {
                throw error(at: last, "expected / to close the definitions")
            }
            let traditional = string(traditionalStart, traditionalEnd)
            let simplified = string(simplifiedStart, simplifiedEnd)
            let pinyin = string(pinyinOpen + 1, pinyinEnd)
            var definitions: [String] = []
            var glosses: [String] = []
            var fieldStart = definitionsOpen + 1
            for k in fieldStart..<last where bytes[k] == Byte.slash {
                var lo = fieldStart, hi = k
                while lo < hi && isSpace(bytes[lo]) { lo += 1 }
                while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
                if lo < hi {
                    definitions.append(string(lo, hi))
                    CEDICTGlosses.appendGlosses(of: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), to: &glosses)
                }
                fieldStart = k + 1
            }
            guard !definitions.isEmpty else {
                throw error(at: definitionsOpen, "expected at least one definition between the slashes")
            }
            return CEDICTEntry(traditional: traditional, simplified: simplified, pinyin: pinyin,
                               definitions: definitions, glosses: glosses, line: number)
        }

        @inline(__always)
        func isSpace(_ byte: UInt8) -> Bool { byte == Byte.space || byte == Byte.tab }

        func skipSpaces(_ i: inout Int) {
            while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        }

        func skipWord(_ i: inout Int) {
            while i < bytes.count && !isSpace(bytes[i]) { i += 1 }
        }

        /// `bytes[lo..<hi]` as a string. The input was validated up front, and fields start
        /// and end at ASCII delimiters, so decoding never repairs anything.
        @inline(__always)
        func string(_ lo: Int, _ hi: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }

        /// The 1-based column (in Unicode scalars) of the byte at `index`.
        func column(of index: Int) -> Int {
            var column = 1
            for k in 0..<min(index, bytes.count) where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        /// What stands at `index`, for a message.
        func found(at index: Int) -> String {
            guard index < bytes.count else { return "the end of the line" }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "\"\(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))\""
        }

        func error(at index: Int, _ message: String) -> FileError {
            FileError(path: file, line: number, column: column(of: index), message: message)
        }
    }
}
