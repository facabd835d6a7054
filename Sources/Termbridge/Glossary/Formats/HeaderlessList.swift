import Foundation

/// Headerless term lists: `source⇥target` or `source⇥target⇥comment` per row, as Google's and
/// DeepL's glossaries and OmegaT's glossary files are written. Each row is one concept: the
/// source term and the target term, both preferred, and the comment as the concept's note.
///
/// The files do not say their languages. Termbridge works between Chinese and English, so
/// the column where Chinese characters (Han) are more frequent is taken as `zh` and the other
/// as `en`; without any Chinese character the source is taken as `en` and the target as `zh`.
/// What was assumed is returned as a note, which the command line prints.
struct HeaderlessList {
    /// The format named in notes and errors: `TSV`, `CSV`, `XLSX`, `OmegaT`.
    let kind: String
    /// How a cell is read: by ``GlossaryCell``'s rules (with or without the formula guard) in
    /// TSV, CSV and XLSX; as plain text trimmed of surrounding white space in OmegaT's files.
    let cells: Cells

    enum Cells: Equatable { case table(guardsFormulas: Bool), plain }

    func value(_ cell: String) -> String? {
        switch cells {
        case .table(let guardsFormulas):
            GlossaryCell.values(guardsFormulas ? GlossaryCell.unguarded(cell) : cell, list: false).first
        case .plain:
            Optional(cell.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    func glossary(from rows: [DelimitedText.Row], file: String?) throws -> (Glossary, [GlossaryWarning]) {
        let width = rows.map(\.fields.count).max() ?? 2
        let (source, target) = Self.languages(rows.map { ($0.fields.first ?? "", $0.fields.dropFirst().first ?? "") })
        var glossary = Glossary()
        for row in rows {
            guard (2...3).contains(row.fields.count) else {
                throw FileError(path: file, line: row.line, message:
                    "expected source⇥target or source⇥target⇥comment (a list without a header row), found \(row.fields.count) fields")
            }
            let cells = row.fields.map(value)
            var concept = Concept(id: "c\(glossary.concepts.count + 1)", note: cells.count > 2 ? cells[2] : nil)
            if let term = cells[0] { concept.languages.append(LanguageTerms(language: source, terms: [Term(term)])) }
            if let term = cells[1] { concept.languages.append(LanguageTerms(language: target, terms: [Term(term)])) }
            if !concept.languages.isEmpty { glossary.concepts.append(concept) }
        }
        let note = GlossaryWarning(
            "\(kind == "OmegaT" ? "OmegaT glossary" : kind + " without a header row"): read as source⇥target\(width > 2 ? "⇥comment" : "") with source = \(source), target = \(target) "
            + "(by where Chinese characters are), each row one concept with both terms preferred\(width > 2 ? " and the comment as its note" : "")"
            + (cells == .plain ? "" : "; a header row (such as \(source)⇥\(target)\(width > 2 ? "⇥note" : "")) says otherwise"))
        return (glossary, [note])
    }

    /// The languages of the source and target columns of `pairs` (see the type).
    static func languages(_ pairs: [(String, String)]) -> (source: String, target: String) {
        var han = (source: 0, target: 0)
        for (source, target) in pairs.prefix(1000) {
            han.source += source.unicodeScalars.filter(isHan).count
            han.target += target.unicodeScalars.filter(isHan).count
        }
        return han.source > han.target ? ("zh", "en") : ("en", "zh")
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
}
