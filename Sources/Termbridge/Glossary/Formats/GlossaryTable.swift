import Foundation

/// A glossary as a table of text cells, one row per concept under a header row (see
/// ``GlossaryColumn`` for the columns and ``GlossaryCell`` for what a cell holds): what TSV,
/// CSV and XLSX share. Each format turns its bytes into ``Row``s and back.
///
/// Reading a table whose first row names no known column takes it as a headerless list
/// (Google's and DeepL's glossaries, OmegaT's): two or three columns, `source⇥target` or
/// `source⇥target⇥comment`; see ``HeaderlessList``.
///
/// A table cannot keep the order of a concept's language sections or of terms of different
/// statuses: they come back in column order (languages as written, statuses preferred to
/// forbidden). Everything else it cannot hold is reported by name when writing.
struct GlossaryTable {
    /// `TSV`, `CSV`, `XLSX`: the format named in errors and warnings.
    let kind: String
    /// Whether cells carry the formula guard (TSV, CSV; not XLSX, whose cells are typed).
    let guardsFormulas: Bool

    typealias Row = DelimitedText.Row

    // MARK: Reading

    /// The glossary in `rows`, with notes on what was assumed (a headerless list).
    ///
    /// - Parameter padsShortRows: whether a row with fewer cells than the header is padded with
    ///   empty cells (XLSX leaves trailing empty cells out) rather than refused.
    func glossary(from rows: [Row], file: String?, padsShortRows: Bool = false) throws -> (Glossary, [GlossaryWarning]) {
        let rows = rows.filter { !$0.fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
        guard let first = rows.first else {
            throw FileError(path: file, line: 1, message: "empty glossary: expected a header row")
        }
        let parsed = first.fields.map { GlossaryColumn(name: $0) }
        if parsed.allSatisfy({ $0 == nil }) && (2...3).contains(first.fields.count) {
            return try HeaderlessList(kind: kind, cells: .table(guardsFormulas: guardsFormulas)).glossary(from: rows, file: file)
        }
        var columns: [GlossaryColumn] = []
        var seen = Set<GlossaryColumn>()   // language tags lowercased: tags differing in case are one language
        for (index, column) in parsed.enumerated() {
            guard let column else {
                throw FileError(path: file, line: first.line, column: index + 1, message:
                    "unknown column \"\(first.fields[index])\"; expected id, subject, definition, note, pos, or a language code (zh, en-US, x-klingon) with an optional _preferred, _admitted, _superseded, _deprecated, _forbidden or _pinyin suffix")
            }
            if !seen.insert(Self.caseFolded(column)).inserted {
                throw FileError(path: file, line: first.line, column: index + 1, message: "column \"\(first.fields[index])\" appears twice")
            }
            columns.append(column)
        }
        guard columns.contains(where: { if case .terms = $0 { true } else { false } }) else {
            throw FileError(path: file, line: first.line, message: "the header names no term column (such as zh or en)")
        }
        var glossary = Glossary()
        var ids = Set<String>()
        for row in rows.dropFirst() {
            var fields = row.fields
            if fields.count < columns.count && padsShortRows {
                fields += Array(repeating: "", count: columns.count - fields.count)
            }
            guard fields.count == columns.count else {
                throw FileError(path: file, line: row.line, message:
                    "expected \(columns.count) fields as in the header, found \(fields.count)")
            }
            let concept = try concept(fields, columns: columns, number: glossary.concepts.count + 1, line: row.line, file: file)
            guard ids.insert(concept.id).inserted else {
                throw FileError(path: file, line: row.line, message: "duplicate concept id \(concept.id)")
            }
            glossary.concepts.append(concept)
        }
        return (glossary, [])
    }

    private func concept(_ fields: [String], columns: [GlossaryColumn], number: Int, line: Int, file: String?) throws -> Concept {
        var concept = Concept(id: "")
        var partOfSpeech: String?
        var sections: [LanguageTerms] = []
        var sectionIndex: [String: Int] = [:]   // lowercased tag → index in `sections`
        var pinyin: [(language: String, values: [String], column: Int)] = []
        func section(_ language: String) -> Int {
            let key = language.lowercased()
            if let index = sectionIndex[key] { return index }
            sections.append(LanguageTerms(language: language, terms: []))
            sectionIndex[key] = sections.count - 1
            return sections.count - 1
        }
        for (index, (column, raw)) in zip(columns, fields).enumerated() {
            let values = GlossaryCell.values(guardsFormulas ? GlossaryCell.unguarded(raw) : raw, list: column.isList)
            switch column {
            case .id: concept.id = values.first ?? ""
            case .subject: concept.subject = values.first
            case .definition: concept.definition = values.first
            case .note: concept.note = values.first
            case .partOfSpeech: partOfSpeech = values.first
            case .terms(let language, let status):
                guard !values.isEmpty else { continue }
                let s = section(language)
                sections[s].terms += values.map { Term($0, status: status) }
            case .pinyin(let language):
                if !values.isEmpty { pinyin.append((language, values, index + 1)) }
            }
        }
        for (language, values, column) in pinyin {
            let s = section(language)
            let preferred = sections[s].terms.indices.filter { sections[s].terms[$0].status == .preferred }
            guard values.count == preferred.count || (values.count == 1 && !preferred.isEmpty) else {
                throw FileError(path: file, line: line, column: column, message:
                    "\(values.count) pinyin for \(preferred.count) preferred \(language) terms (give one per term, separated by |)")
            }
            for (value, t) in zip(values, preferred) { sections[s].terms[t].pinyin = value }
        }
        for s in sections.indices {
            for t in sections[s].terms.indices { sections[s].terms[t].partOfSpeech = partOfSpeech }
        }
        concept.languages = sections.filter { !$0.terms.isEmpty }
        if concept.id.isEmpty { concept.id = "c\(number)" }
        return concept
    }

    /// `column` with its language tag lowercased, to compare columns.
    static func caseFolded(_ column: GlossaryColumn) -> GlossaryColumn {
        switch column {
        case .terms(let language, let status): .terms(language: language.lowercased(), status: status)
        case .pinyin(let language): .pinyin(language: language.lowercased())
        default: column
        }
    }

    // MARK: Writing

    /// The rows of `glossary` (header first) as cell text, and what the table could not hold.
    func rows(for glossary: Glossary) throws -> (rows: [[String]], warnings: [GlossaryWarning]) {
        var losses = LossReport()
        let languages = Self.languages(of: glossary, losses: &losses)
        let columns = GlossaryColumn.columns(for: languages)
        var rows: [[String]] = [columns.map(\.name)]
        rows.reserveCapacity(glossary.concepts.count + 1)
        var ids = Set<String>()
        for concept in glossary.concepts {
            if concept.id.isEmpty { losses.note("empty concept ids (read back as c1, c2, …)", "#\(rows.count)") }
            else if !ids.insert(concept.id).inserted { losses.note("duplicate concept ids", concept.id) }
            rows.append(try row(for: concept, columns: columns, losses: &losses))
        }
        return (rows, losses.warnings(format: kind))
    }

    private func row(for concept: Concept, columns: [GlossaryColumn], losses: inout LossReport) throws -> [String] {
        let allTerms = concept.languages.flatMap(\.terms)
        let partsOfSpeech = Set(allTerms.compactMap(\.partOfSpeech))
        if partsOfSpeech.count > 1 || (partsOfSpeech.count == 1 && allTerms.contains { $0.partOfSpeech == nil }) {
            losses.note("part of speech differing between the terms of a concept", concept.id)
        }
        for term in allTerms {
            if term.text.isEmpty { losses.note("empty terms", concept.id) }
            if term.note != nil { losses.note("term notes", concept.id) }
            if term.source != nil { losses.note("term sources", concept.id) }
            for category in term.extra { losses.note("TBX \(category.element) \(category.type ?? "")", concept.id) }
        }
        for category in concept.extra + concept.languages.flatMap(\.extra) {
            losses.note("TBX \(category.element) \(category.type ?? "")", concept.id)
        }
        var seenLanguages = Set<String>()
        for section in concept.languages where !seenLanguages.insert(section.language.lowercased()).inserted {
            losses.note("several sections of one language in a concept (merged)", concept.id)
        }
        for (name, value) in [("subject", concept.subject), ("definition", concept.definition), ("note", concept.note)] where value == "" {
            losses.note("empty \(name)s (read back as none)", concept.id)
        }
        if partsOfSpeech.contains("") { losses.note("empty parts of speech (read back as none)", concept.id) }
        for section in concept.languages where !Concept.tag(section.language, matches: "zh") {
            if section.terms.contains(where: { $0.pinyin != nil }) { losses.note("pinyin of terms not in Chinese", concept.id) }
        }
        return try columns.map { column in
            let cell: String
            switch column {
            case .id: cell = GlossaryCell.cell([concept.id], list: false)
            case .subject: cell = GlossaryCell.cell(concept.subject.map { [$0] } ?? [], list: false)
            case .definition: cell = GlossaryCell.cell(concept.definition.map { [$0] } ?? [], list: false)
            case .note: cell = GlossaryCell.cell(concept.note.map { [$0] } ?? [], list: false)
            case .partOfSpeech: cell = GlossaryCell.cell(partsOfSpeech.count == 1 ? [partsOfSpeech.first!] : [], list: false)
            case .terms(let language, let status):
                cell = GlossaryCell.cell(terms(of: concept, in: language).filter { $0.status == status }.map(\.text), list: true)
            case .pinyin(let language):
                let terms = terms(of: concept, in: language)
                for term in terms where term.status != .preferred {
                    if let pinyin = term.pinyin, pinyin != (try Pinyin.of(term.text)) {
                        losses.note("pinyin of terms that are not preferred", concept.id)
                    }
                }
                let preferred = terms.filter { $0.status == .preferred }
                let values = try preferred.map { try $0.pinyin ?? Pinyin.of($0.text) }
                if values.contains("") { losses.note("empty pinyin", concept.id) }
                cell = GlossaryCell.cell(values, list: true)
            }
            return guardsFormulas ? GlossaryCell.guarded(cell) : cell
        }
    }

    private func terms(of concept: Concept, in language: String) -> [Term] {
        concept.languages.filter { $0.language.lowercased() == language.lowercased() }.flatMap(\.terms)
    }

    /// The languages of `glossary` as columns: one spelling per tag (the first seen), Chinese
    /// first, then English, then the others in order of first appearance.
    static func languages(of glossary: Glossary, losses: inout LossReport) -> [String] {
        var spelling: [String: String] = [:]
        var order: [String] = []
        for concept in glossary.concepts {
            for section in concept.languages {
                let key = section.language.lowercased()
                if let first = spelling[key] {
                    if first != section.language { losses.note("language tags differing only in case (\(section.language) written as \(first))", concept.id) }
                    continue
                }
                guard GlossaryColumn.isLanguageTag(section.language) else {
                    losses.note("language tags that cannot name a column (\(section.language))", concept.id)
                    continue
                }
                spelling[key] = section.language
                order.append(section.language)
            }
        }
        // Stable: ties keep the order of first appearance.
        return order.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    static func rank(_ language: String) -> Int {
        Concept.tag(language, matches: "zh") ? 0 : Concept.tag(language, matches: "en") ? 1 : 2
    }
}

/// Collects what a format cannot carry, to report it once per kind with a count.
struct LossReport {
    private var counts: [String: (count: Int, example: String)] = [:]
    private var order: [String] = []

    mutating func note(_ what: String, _ conceptID: String) {
        if let entry = counts[what] {
            counts[what] = (entry.count + 1, entry.example)
        } else {
            counts[what] = (1, conceptID)
            order.append(what)
        }
    }

    func warnings(format: String) -> [GlossaryWarning] {
        order.map { what in
            let entry = counts[what]!
            return GlossaryWarning("\(format) has no place for \(what): \(entry.count) not written (first in concept \(entry.example))")
        }
    }
}
