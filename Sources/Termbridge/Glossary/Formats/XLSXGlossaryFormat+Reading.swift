import Foundation

extension XLSXGlossaryFormat {
    /// The glossary on the first worksheet of the workbook in `data`, with notes on what was
    /// assumed.
    static func read(_ data: Data, file: String?) throws -> (Glossary, [GlossaryWarning]) {
        let archive: ZIPEntries
        do {
            archive = try ZIPEntries(data)
        } catch let damage as ZIPEntries.Damage {
            throw FileError(path: file, message: "not an XLSX workbook: \(damage)")
        }
        func part(_ path: String) throws -> XMLTreeElement? {
            guard let entry = archive[path] else { return nil }
            let bytes: Data
            do {
                bytes = try archive.contents(of: entry, limit: maximumPartSize)
            } catch let damage as ZIPEntries.Damage {
                throw FileError(path: file, message: "cannot unpack \(path) from the workbook: \(damage)")
            }
            do {
                return try XMLEventReader(.data(bytes), file: path).readDocument()
            } catch let error as FileError {
                throw FileError(path: file, message: "\(path): \(error.description)")
            }
        }
        // The first sheet of the workbook, through the workbook's relationships.
        guard let workbook = try part("xl/workbook.xml") else {
            throw FileError(path: file, message: "not an XLSX workbook (no xl/workbook.xml)")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels")?.elements ?? []
        func target(ofType type: String) -> String? {
            relationships.first { $0[attribute: "Type"]?.hasSuffix("/" + type) == true }?[attribute: "Target"]
        }
        let sheetID = workbook.elements.first { $0.name == "sheets" }?.elements.first?
            .attributes.first { $0.namespace == relationshipsNamespace && $0.name.hasSuffix(":id") }?.value
        let sheetTarget = relationships.first { $0[attribute: "Id"] == sheetID }?[attribute: "Target"] ?? "worksheets/sheet1.xml"
        guard let sheet = try part(partPath(sheetTarget)) else {
            throw FileError(path: file, message: "the workbook's first sheet (\(partPath(sheetTarget))) is missing")
        }
        let shared = try part(partPath(target(ofType: "sharedStrings") ?? "sharedStrings.xml"))?.elements
            .filter { $0.name == "si" }.map(text(of:)) ?? []

        var rows: [DelimitedText.Row] = []
        let sheetData = sheet.elements.first { $0.name == "sheetData" }?.elements.filter { $0.name == "row" } ?? []
        for (position, row) in sheetData.enumerated() {
            let number = row[attribute: "r"].flatMap { Int($0) } ?? (rows.last.map { $0.line + 1 } ?? position + 1)
            var fields: [String] = []
            for cell in row.elements where cell.name == "c" {
                let column = cell[attribute: "r"].flatMap(columnIndex) ?? fields.count
                guard column >= fields.count, column < 16_384 else {
                    throw FileError(path: file, line: number, message: "cell \(cell[attribute: "r"] ?? "?") of row \(number) is out of order")
                }
                fields += Array(repeating: "", count: column - fields.count)
                let value = cell.elements.first { $0.name == "v" }?.directText ?? ""
                switch cell[attribute: "t"] {
                case "s":
                    guard let index = Int(value), shared.indices.contains(index) else {
                        throw FileError(path: file, line: number, message: "cell \(cell[attribute: "r"] ?? "?") names shared string \(value), which the workbook does not have")
                    }
                    fields.append(shared[index])
                case "inlineStr":
                    fields.append(cell.elements.first { $0.name == "is" }.map(text(of:)) ?? "")
                case "b":
                    fields.append(value == "1" ? "TRUE" : "FALSE")
                default:
                    fields.append(unescapingFromXML(value))
                }
            }
            rows.append(DelimitedText.Row(fields: fields, line: number))
        }
        return try table.glossary(from: rows, file: file, padsShortRows: true)
    }

    /// The text of a shared or inline string: its `t`, or the `t` of each rich-text run
    /// (phonetic runs `rPh` are not text), `_xHHHH_` resolved.
    static func text(of item: XMLTreeElement) -> String {
        var text = ""
        for element in item.elements {
            switch element.name {
            case "t": text += element.directText
            case "r": text += element.elements.first { $0.name == "t" }?.directText ?? ""
            default: break
            }
        }
        return unescapingFromXML(text)
    }

    /// The path inside the archive of a relationship target (relative to `xl/`, or absolute).
    static func partPath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}
