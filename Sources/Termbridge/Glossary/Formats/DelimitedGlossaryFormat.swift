import Foundation

/// Glossaries as TSV or CSV: one concept per row, columns named by a header row.
///
/// The columns are ``GlossaryColumn``'s, in any order (an unknown column is an error, so that
/// no data is dropped), and the cells follow ``GlossaryCell``'s rules (lists separated by `|`,
/// backslash escapes, the formula guard). Quoting follows RFC 4180 in both formats
/// (``DelimitedText``). Input may be UTF-8 with or without a BOM, with LF, CRLF or CR line
/// ends. A file whose first row names no known column is read as a headerless list
/// (``HeaderlessList``).
///
/// Writing gives the same columns whatever the concepts hold (``GlossaryColumn/columns(for:)``).
/// CSV is written with a UTF-8 byte-order mark unless told not to (spreadsheets such as
/// LibreOffice and Excel otherwise take it for a legacy encoding); TSV without one.
struct DelimitedGlossaryFormat {
    let delimiter: UInt8

    static let tsv = DelimitedGlossaryFormat(delimiter: UInt8(ascii: "\t"))
    static let csv = DelimitedGlossaryFormat(delimiter: UInt8(ascii: ","))

    var kind: String { delimiter == UInt8(ascii: "\t") ? "TSV" : "CSV" }
    var table: GlossaryTable { GlossaryTable(kind: kind, guardsFormulas: true) }

    /// The glossary in `data`, with notes on what was assumed.
    func read(_ data: Data, file: String?) throws -> (Glossary, [GlossaryWarning]) {
        let text = ByteOrderMark.removing(from: try data.withUnsafeBytes { raw in
            try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: file)
        })
        let rows = try DelimitedText.rows(in: text, delimiter: delimiter, kind: kind, file: file)
        return try table.glossary(from: rows, file: file)
    }

    /// `glossary` as TSV or CSV, with what the format could not hold.
    func write(_ glossary: Glossary, byteOrderMark: Bool) throws -> (data: Data, warnings: [GlossaryWarning]) {
        let (rows, warnings) = try table.rows(for: glossary)
        var data = byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(DelimitedText.text(rows, delimiter: delimiter))
        return (data, warnings)
    }
}
