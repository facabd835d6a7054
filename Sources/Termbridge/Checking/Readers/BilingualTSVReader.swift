#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a bilingual TSV file row by row in bounded memory: one segment per non-empty row,
/// English source and Chinese translation in two tab-separated columns.
///
/// - **Columns.** A first row whose fields name languages is a header and says which column
///   is which: `en`/`zh` (any BCP 47 tag of the two: `en-US`, `zh-CN`), `english`/`chinese`,
///   `source`/`target` — so `termbridge align`'s own `zh⇥en⇥score` output reads as it is.
///   Without a header the columns are `en⇥zh`. Other columns are ignored.
/// - **Lines** end at LF, CRLF or a lone CR.
/// - **Fields** are taken as they are: no quoting, no escapes (a field holds no tab and no
///   line break). A row with too few fields is an error naming its line.
/// - **Positions**: the line of the row, the column of the term inside the Chinese field
///   (tabs and the fields before it counted), so an editor jumps to the term.
public struct BilingualTSVReader {
    /// The file.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Calls `body` with each row's segment, in order.
    ///
    /// - Throws: ``FileError`` (with the line) for a row with too few fields or an unreadable
    ///   file, ``InvalidUTF8Error`` with the byte offset, or what `body` throws.
    public func forEachSegment(_ body: (CheckSegment) throws -> Void) throws {
        let input = try InputFile.open(path)
        defer { input.close() }
        let descriptor = input.descriptor
        var columns: (english: Int, chinese: Int)?
        var index = 0
        var pending = ""        // a line longer than the reader's piece size, being assembled
        var pendingOffset = 0
        do {
            var reader = LineReader(descriptor: descriptor)
            reader.breaksAtLoneCarriageReturn = true
            try reader.forEachLine { piece in
                if !piece.endsLine {
                    if pending.isEmpty { pendingOffset = piece.byteOffset }
                    pending += try String(strictUTF8: piece.bytes, file: path, baseOffset: piece.byteOffset)
                    return
                }
                let line = pending + (try String(strictUTF8: piece.bytes, file: path, baseOffset: pending.isEmpty ? piece.byteOffset : pendingOffset))
                pending = ""
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if columns == nil {
                    if let header = Self.header(fields) {
                        columns = header
                        return
                    }
                    columns = (0, 1)
                }
                guard let (english, chinese) = columns else { return }
                if line.allSatisfy(\.isWhitespace) { return }
                let needed = max(english, chinese) + 1
                guard fields.count >= needed else {
                    throw FileError(path: path, line: piece.line, column: line.unicodeScalars.count + 1,
                                    message: "expected \(needed) tab-separated fields (English and Chinese), found \(fields.count)")
                }
                func column(of field: Int) -> Int {
                    fields[..<field].reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                }
                let source = String(fields[english]), target = String(fields[chinese])
                try body(CheckSegment(
                    index: index, id: "line \(piece.line)",
                    source: source.isEmpty ? nil : SegmentText(text: source, file: path, line: piece.line, column: column(of: english)),
                    target: target.isEmpty ? nil : SegmentText(text: target, file: path, line: piece.line, column: column(of: chinese))))
                index += 1
            }
        } catch let error as FileError where error.path == nil {
            throw FileError(path: path, line: error.line, column: error.column, message: error.message)
        }
    }

    /// The English and Chinese columns a header row names, or nil when the row is data.
    static func header(_ fields: [Substring]) -> (english: Int, chinese: Int)? {
        var english: Int?, chinese: Int?
        for (index, field) in fields.enumerated() {
            let name = field.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "english" || name == "source" || Concept.tag(name, matches: "en") { english = english ?? index }
            else if name == "chinese" || name == "target" || Concept.tag(name, matches: "zh") { chinese = chinese ?? index }
            else if !["score", "id", "note", "comment", "#"].contains(name) && !name.isEmpty { return nil }
        }
        guard let english, let chinese else { return nil }
        return (english, chinese)
    }
}

import Foundation
