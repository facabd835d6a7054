import Foundation

/// Rows of delimiter-separated text, TSV or CSV, with RFC 4180 quoting — read and written in
/// one pass over the bytes (linear in the size of the file, whatever the width of a row or
/// the length of a cell).
///
/// **Reading.** A field that starts with `"` is quoted: it runs to the next `"` that is not
/// doubled, may hold delimiters and line breaks, and must be followed by the delimiter or the
/// end of the row — anything else is an error naming the line and column. A quote left open
/// at the end of the file is an error naming the line where it opened (it would otherwise
/// swallow every row after it). A `"` inside an unquoted field is kept as it is. Rows end at
/// LF, CRLF or a lone CR. Nothing is trimmed.
///
/// **Writing.** A field is quoted when it holds the delimiter, `"`, CR or LF, or starts or
/// ends with a space or tab (so that tools that trim unquoted fields keep it whole); rows end
/// with LF.
enum DelimitedText {
    /// One row and the 1-based line on which it starts.
    struct Row: Sendable {
        var fields: [String]
        var line: Int
    }

    /// The rows of `text` (which has no byte-order mark); `kind` (`TSV`, `CSV`) names the
    /// format in errors.
    static func rows(in text: String, delimiter: UInt8, kind: String, file: String?) throws -> [Row] {
        var text = text
        return try text.withUTF8 { try rows(in: $0, delimiter: delimiter, kind: kind, file: file) }
    }

    private static func rows(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, kind: String,
                             file: String?) throws -> [Row] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var rows: [Row] = []
        var fields: [String] = []
        var line = 1, rowLine = 1
        var lineStart = 0          // byte offset where the current line starts, for columns
        var index = 0
        let count = bytes.count
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func column(at offset: Int) -> Int {
            string(lineStart..<offset).unicodeScalars.count + 1
        }
        // Ends the row after a line break at `index` (LF, CR or CRLF); returns the next index.
        func lineBreak(at index: Int) -> Int {
            var next = index + 1
            if bytes[index] == cr, next < count, bytes[next] == lf { next += 1 }
            line += 1
            lineStart = next
            return next
        }
        while index < count || !fields.isEmpty {
            if index < count, bytes[index] == quote {
                // A quoted field: copy runs between quotes, "" is one quote.
                let openLine = line, openLineStart = lineStart, openOffset = index
                var value = [UInt8]()
                var start = index + 1
                var cursor = start
                var closed = false
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == quote {
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cursor]))
                        if cursor + 1 < count, bytes[cursor + 1] == quote {
                            value.append(quote)
                            cursor += 2
                            start = cursor
                            continue
                        }
                        cursor += 1
                        closed = true
                        break
                    }
                    if byte == lf || byte == cr {
                        let isCRLF = byte == cr && cursor + 1 < count && bytes[cursor + 1] == lf
                        cursor += isCRLF ? 2 : 1
                        line += 1
                        lineStart = cursor
                        continue
                    }
                    cursor += 1
                }
                guard closed else {
                    lineStart = openLineStart
                    throw FileError(path: file, line: openLine, column: column(at: openOffset), message:
                        "malformed \(kind): the quoted field opened here is never closed (a \" is missing)")
                }
                fields.append(String(decoding: value, as: UTF8.self))
                index = cursor
                if index < count, bytes[index] != delimiter, bytes[index] != lf, bytes[index] != cr {
                    throw FileError(path: file, line: line, column: column(at: index), message:
                        "malformed \(kind): text after the closing quote of a field (a quote inside a quoted field is written \"\")")
                }
            } else {
                var end = index
                while end < count, bytes[end] != delimiter, bytes[end] != lf, bytes[end] != cr { end += 1 }
                fields.append(string(index..<end))
                index = end
            }
            // After a field: the delimiter, a line break, or the end of the text.
            if index < count, bytes[index] == delimiter {
                index += 1
                if index == count { fields.append("") }   // a trailing delimiter ends with an empty field
                else { continue }
            }
            rows.append(Row(fields: fields, line: rowLine))
            fields = []
            if index < count { index = lineBreak(at: index) }
            rowLine = line
        }
        return rows
    }

    /// `rows` as text: fields joined by `delimiter`, quoted when needed, each row ended by LF.
    static func text(_ rows: [[String]], delimiter: UInt8) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(1) { $0 + $1.utf8.count + 1 } })
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { out.append(delimiter) }
                if needsQuotes(field, delimiter: delimiter) {
                    out.append(UInt8(ascii: "\""))
                    for byte in field.utf8 {
                        out.append(byte)
                        if byte == UInt8(ascii: "\"") { out.append(byte) }
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out.append(contentsOf: field.utf8)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return Data(out)
    }

    static func needsQuotes(_ field: String, delimiter: UInt8) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        if first == space || first == tab || last == space || last == tab { return true }
        return utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }
}
