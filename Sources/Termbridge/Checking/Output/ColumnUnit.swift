import Foundation

/// What the column of a `file:line:column` counts. Editors disagree, so the report says
/// which it uses (`--column-unit`):
///
/// - `bytes` (the default): UTF-8 bytes from the start of the line, plus one — what vim's
///   quickfix list (`:cfile`, `:make`, errorformat `%c`) and clang read; a Chinese character
///   is three columns.
/// - `scalars`: Unicode scalars (characters) — Emacs's compilation mode with
///   `compilation-error-screen-columns` set to nil, and Termbridge's library
///   (``FileLocation``).
/// - `utf16`: UTF-16 code units — the Language Server Protocol's default, VS Code.
/// - `display`: terminal cells — Emacs's compilation mode by default (screen columns): East
///   Asian wide characters count two, a tab moves to the next multiple of 8.
///
/// A byte-order mark at the start of a file is no column, in every unit.
public enum ColumnUnit: String, Sendable, CaseIterable {
    case bytes, scalars, utf16, display
}

/// Turns the scalar columns of ``FileLocation``s into another ``ColumnUnit`` by reading the
/// lines they point at. Reads each file forward, keeping only the current line, and starts
/// again from the top when asked for an earlier line, so a report in file order reads each
/// file about once. A location whose line cannot be read keeps its column.
public final class ColumnConverter {
    public let unit: ColumnUnit
    private var files: [String: LineCursor] = [:]

    public init(unit: ColumnUnit) {
        self.unit = unit
    }

    /// `location` with its column in ``unit``.
    public func convert(_ location: FileLocation) -> FileLocation {
        guard unit != .scalars, let path = location.file else { return location }
        if files[path] == nil { files[path] = LineCursor(path: path) }
        guard let cursor = files[path], let line = cursor.line(location.line) else { return location }
        var converted = location
        converted.column = Self.column(location.column, in: line, unit: unit, skippingBOM: location.line == 1)
        return converted
    }

    /// The column in `unit` of the character at scalar column `column` of `line` (UTF-8).
    static func column(_ column: Int, in line: [UInt8], unit: ColumnUnit, skippingBOM: Bool) -> Int {
        var i = 0
        if skippingBOM, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { i = 3 }
        let start = i
        var count = 0
        var scalars = 1
        while scalars < column, i < line.count {
            let lead = line[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            switch unit {
            case .utf16: count += length == 4 ? 2 : 1
            case .display:
                if lead == 0x09 { count += 8 - count % 8 }
                else {
                    var value = UInt32(lead) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length where i + k < line.count { value = value << 6 | UInt32(line[i + k] & 0x3F) }
                    count += Unicode.Scalar(value).map(TextCheckReport.displayWidth) ?? 1
                }
            case .bytes, .scalars: break
            }
            i += length
            scalars += 1
        }
        switch unit {
        case .bytes: return i - start + 1 + max(0, column - scalars)
        case .scalars: return column
        case .utf16, .display: return count + 1 + max(0, column - scalars)
        }
    }
}

/// One file read forward line by line, holding the current line's bytes. Findings do not
/// come in line order (a TMX unit's source and target lines; the first place of a term that
/// later findings point back to; summaries at the end), so the cursor jumps: it remembers
/// where every 8th line starts (8 bytes per 8 lines), and a line away from the cursor —
/// before it, or more than 8 lines after it within what has been read — is found from the
/// nearest such mark, within the bytes in memory when it can. No request costs more than 8
/// lines of reading (plus one 64 KB read after a jump), never a read of the file from its
/// start. The lines most recently
/// asked for are kept, most recent last: findings keep pointing back to the same few places.
private final class LineCursor {
    private static let markStride = 8
    private static let recentCount = 32
    private static let chunkSize = 1 << 16
    /// The lines most recently asked for, least recently used first.
    private var recent: [(number: Int, bytes: [UInt8])] = []
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset: UInt64 = 0
    private var atEnd = false
    private var lineNumber = 0
    private var current: [UInt8] = []
    /// `marks[k]` is the file offset where line `k * markStride + 1` starts, as far as read.
    private var marks: [UInt64] = [0]

    init(path: String) {
        handle = FileHandle(forReadingAtPath: path)
    }

    deinit { try? handle?.close() }

    /// The bytes of 1-based line `number` (without its line break), or nil.
    func line(_ number: Int) -> [UInt8]? {
        if let index = recent.lastIndex(where: { $0.number == number }) {
            let kept = recent.remove(at: index)
            recent.append(kept)
            return kept.bytes
        }
        guard let line = read(number) else { return nil }
        if recent.count == Self.recentCount { recent.removeFirst() }
        recent.append((number, line))
        return line
    }

    private func read(_ number: Int) -> [UInt8]? {
        guard let handle, number >= 1 else { return nil }
        if number == lineNumber { return current }
        // The nearest known mark at or before the line (the last one when the line lies past
        // what has been read), and a jump to it unless the cursor is already closer.
        let mark = min((number - 1) / Self.markStride, marks.count - 1)
        if number < lineNumber || mark * Self.markStride > lineNumber {
            let offset = marks[mark]
            if offset >= bufferOffset, offset <= bufferOffset + UInt64(buffer.count) {
                position = Int(offset - bufferOffset)
            } else {
                do { try handle.seek(toOffset: offset) } catch { return nil }
                buffer = []; position = 0; bufferOffset = offset; atEnd = false
            }
            lineNumber = mark * Self.markStride
        }
        while lineNumber < number {
            if lineNumber % Self.markStride == 0, lineNumber / Self.markStride == marks.count {
                marks.append(bufferOffset + UInt64(position))
            }
            guard let next = nextLine(keep: lineNumber + 1 == number) else { return nil }
            lineNumber += 1
            if lineNumber == number { current = next }
        }
        return current
    }

    /// The first index of `byte` in `buffer` at or after `start` (memchr: lines are skipped by
    /// the thousand when jumping).
    private static func index(of byte: UInt8, in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start).map {
                bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The next line; its bytes only when `keep` (else an empty array), nil at the end.
    private func nextLine(keep: Bool) -> [UInt8]? {
        while true {
            if let newline = Self.index(of: 0x0A, in: buffer, from: position) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = keep ? Array(buffer[position..<end]) : []
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = keep ? Array(buffer[position...]) : []
                position = buffer.count
                return line
            }
            // Keep the bytes from the start of the previous block of lines on, so that going
            // back a block or two (a unit's source line after its target) stays in memory.
            let block = max(0, lineNumber / Self.markStride - 1)
            let anchor = block < marks.count ? marks[block] : bufferOffset
            let dropped = anchor > bufferOffset ? min(position, Int(anchor - bufferOffset)) : 0
            buffer.removeSubrange(0..<dropped)
            bufferOffset += UInt64(dropped)
            position -= dropped
            let chunk = handle?.readData(ofLength: Self.chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

/// A report writer that converts every location (and related location) to a
/// ``ColumnUnit`` before passing the finding on.
public final class ColumnConvertingReport: CheckReportWriter {
    private let inner: any CheckReportWriter
    private let converter: ColumnConverter

    public init(_ inner: any CheckReportWriter, unit: ColumnUnit) {
        self.inner = inner
        converter = ColumnConverter(unit: unit)
    }

    public func begin(_ run: CheckRunDescription) throws { try inner.begin(run) }

    public func write(_ finding: Finding) throws {
        var finding = finding
        finding.location = converter.convert(finding.location)
        finding.related = finding.related.map(converter.convert)
        try inner.write(finding)
    }

    public func finish(_ summary: CheckSummary) throws { try inner.finish(summary) }
}
