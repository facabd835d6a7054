import Foundation
import ZIPFoundation

/// Glossaries as Excel workbooks (Office Open XML, `.xlsx`): the table of ``GlossaryTable``
/// on the first worksheet — a header row naming the columns (``GlossaryColumn``), then one row
/// per concept, one column per language and status, synonyms in one cell separated by `|`.
/// This is the "one row per concept, a column per language" layout that MultiTerm's Excel
/// import and Trados's Glossary Converter map column by column, and that Phrase TMS imports
/// once its columns are mapped to languages; its column names are Termbridge's own.
///
/// The cells hold the same text as in TSV and CSV, formula guard included (``GlossaryCell``),
/// so that a table moved between CSV and XLSX by a spreadsheet (LibreOffice keeps a CSV
/// cell's leading `'`) reads back the same.
///
/// **Writing** gives a minimal workbook: one sheet named `Glossary`, every cell a shared
/// string in a cell formatted as text (`@`, so that a spreadsheet never takes an edited cell
/// for a number or formula), the header row frozen, and nothing that varies from run to run
/// (fixed ZIP timestamps). Characters XML cannot carry are written as Excel writes them,
/// `_xHHHH_` (a literal `_xHHHH_` in the text is written `_x005F_xHHHH_`), and read back.
///
/// **Reading** takes the first worksheet, cells of any type (shared and inline strings,
/// numbers and booleans as their text, formulas as their cached value); trailing empty cells
/// may be left out of a row. A first row naming no known column is a headerless list.
/// Errors name the row. Parts larger than 1 GiB uncompressed are refused (zip bombs).
enum XLSXGlossaryFormat {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let maximumPartSize = 1 << 30
    static var table: GlossaryTable { GlossaryTable(kind: "XLSX", guardsFormulas: true) }

    // MARK: Writing

    static func write(_ glossary: Glossary) throws -> (data: Data, warnings: [GlossaryWarning]) {
        let (rows, warnings) = try table.rows(for: glossary)
        var strings: [String] = []
        var indexes: [String: Int] = [:]
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"\(mainNamespace)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetData>"
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() where !value.isEmpty {
                let index: Int
                if let known = indexes[value] { index = known } else {
                    index = strings.count
                    indexes[value] = index
                    strings.append(value)
                }
                sheet += "<c r=\"\(columnName(c))\(r + 1)\" s=\"1\" t=\"s\"><v>\(index)</v></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>\n"
        var shared = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<sst xmlns=\"\(mainNamespace)\" uniqueCount=\"\(strings.count)\">"
        for string in strings {
            shared += "<si><t xml:space=\"preserve\">\(XMLEscaping.text(escapingForXML(string)))</t></si>"
        }
        shared += "</sst>\n"
        let archive = try Archive(accessMode: .create)
        for (path, text) in [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles), ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet),
        ] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw FileError(path: nil, message: "could not build the XLSX archive") }
        return (data, warnings)
    }

    /// 1980-01-01, the earliest ZIP time: the same bytes on every run.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// `A`, `B`, … `Z`, `AA`, … for the 0-based column `index`.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// The 0-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A") + 1)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// `text` with what XML cannot carry as `_xHHHH_`, and a literal `_xHHHH_` protected as
    /// `_x005F_xHHHH_` (Office Open XML's ST_Xstring escaping).
    static func escapingForXML(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !XMLEscaping.isAllowed($0) || $0 == "_" }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            if !XMLEscaping.isAllowed(scalar) {
                out += "_x" + hex4(scalar.value) + "_"
            } else if scalar == "_" && escapeSequenceLength(scalars, at: index) != nil {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with `_xHHHH_` sequences resolved.
    static func unescapingFromXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let value = escapeSequenceLength(scalars, at: index), let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The value of an `_xHHHH_` sequence starting at `index`, if there is one.
    private static func escapeSequenceLength(_ scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[(index + 2)...(index + 5)] {
            guard let digit = hexDigit(scalar) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>

        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(relationshipsNamespace)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>

        """
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)">\
        <sheets><sheet name="Glossary" sheetId="1" r:id="rId1"/></sheets></workbook>

        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(relationshipsNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipsNamespace)/sharedStrings" Target="sharedStrings.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipsNamespace)/styles" Target="styles.xml"/>\
        </Relationships>

        """
    /// Style 0 the default, style 1 the text format `@` (number format 49).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNamespace)">\
        <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        </styleSheet>

        """
}
