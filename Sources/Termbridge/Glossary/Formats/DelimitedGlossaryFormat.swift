import CSV
import Foundation

/// Glossaries as TSV or CSV: one concept per row, columns named by a header row.
///
/// Columns (any order; unknown columns are an error, so that no data is dropped):
/// `id`, `subject`, `definition`, `note`, `pos`, and for each language `L` (`zh`, `en`, …)
/// `L` (the preferred term), `L_admitted`, `L_superseded`, `L_deprecated`, `L_forbidden` and
/// `L_pinyin` (pinyin of the preferred term). Several terms in one cell are separated by
/// `|`. Quoting follows RFC 4180 (through CSV.swift); input may be UTF-8 with or without a
/// BOM, with CRLF or LF line ends.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) are written with a leading `'` (OWASP's CSV-injection defence) and read
/// back without it, so round trips stay lossless.
struct DelimitedGlossaryFormat {
    let delimiter: UnicodeScalar

    static let statusSuffixes: [(suffix: String, status: TermStatus)] = [
        ("", .preferred), ("_admitted", .admitted), ("_superseded", .superseded),
        ("_deprecated", .deprecated), ("_forbidden", .forbidden),
    ]
    static let conceptColumns = ["id", "subject", "definition", "note", "pos"]
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    // MARK: Reading

    func read(_ data: Data, file: String?) throws -> Glossary {
        let text = ByteOrderMark.removing(from: try data.withUnsafeBytes { raw in
            try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: file)
        })
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        guard let header = reader.next()?.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw FileError(path: file, line: 1, message: "empty glossary: expected a header row")
        }
        let columns = try Self.parseHeader(header, file: file)
        var glossary = Glossary()
        var ids = Set<String>()
        var line = 1 + Self.lineBreaks(in: header)
        while let row = reader.next() {
            line += 1
            let rowLine = line
            line += Self.lineBreaks(in: row)
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == header.count else {
                throw FileError(path: file, line: rowLine, message:
                    "expected \(header.count) fields as in the header, found \(row.count)"
                    + (row.count < header.count ? " (a quoted field left open?)" : ""))
            }
            var concept = Concept(id: "")
            var partOfSpeech: String?
            var pinyin: [String: String] = [:]
            for (column, raw) in zip(columns, row) {
                let value = Self.unescapeFormula(raw.trimmingCharacters(in: .whitespaces))
                guard !value.isEmpty else { continue }
                switch column {
                case .concept("id"): concept.id = value
                case .concept("subject"): concept.subject = value
                case .concept("definition"): concept.definition = value
                case .concept("note"): concept.note = value
                case .concept("pos"): partOfSpeech = value
                case .concept: break
                case .terms(let language, let status):
                    for text in value.split(separator: "|") {
                        let term = text.trimmingCharacters(in: .whitespaces)
                        if !term.isEmpty { concept.add(Term(term, status: status), in: language) }
                    }
                case .pinyin(let language): pinyin[language] = value
                }
            }
            if concept.id.isEmpty { concept.id = "c\(glossary.concepts.count + 1)" }
            guard ids.insert(concept.id).inserted else {
                throw FileError(path: file, line: rowLine, message: "duplicate concept id \(concept.id)")
            }
            for l in concept.languages.indices {
                for t in concept.languages[l].terms.indices {
                    concept.languages[l].terms[t].partOfSpeech = partOfSpeech
                }
                if let value = pinyin[concept.languages[l].language],
                   let t = concept.languages[l].terms.firstIndex(where: { $0.status == .preferred }) {
                    concept.languages[l].terms[t].pinyin = value
                }
            }
            glossary.concepts.append(concept)
        }
        if let error = reader.error {
            throw FileError(path: file, line: line, message: "malformed \(delimiter == "\t" ? "TSV" : "CSV"): \(error)")
        }
        return glossary
    }

    enum Column: Equatable {
        case concept(String)
        case terms(language: String, status: TermStatus)
        case pinyin(language: String)
    }

    static func parseHeader(_ header: [String], file: String?) throws -> [Column] {
        var columns: [Column] = []
        for (index, name) in header.enumerated() {
            let lower = name.lowercased()
            let column: Column
            if conceptColumns.contains(lower) {
                column = .concept(lower)
            } else if lower.hasSuffix("_pinyin") {
                column = .pinyin(language: String(lower.dropLast("_pinyin".count)))
            } else if let (suffix, status) = statusSuffixes.dropFirst().first(where: { lower.hasSuffix($0.suffix) }) {
                column = .terms(language: String(lower.dropLast(suffix.count)), status: status)
            } else if lower.range(of: #"^[a-z]{2,3}([-_][a-z0-9]{2,8})*$"#, options: .regularExpression) != nil {
                column = .terms(language: lower, status: .preferred)
            } else {
                throw FileError(path: file, line: 1, column: index + 1, message:
                    "unknown column \"\(name)\"; expected id, subject, definition, note, pos, or a language code with an optional _admitted, _superseded, _deprecated, _forbidden or _pinyin suffix")
            }
            if columns.contains(column) {
                throw FileError(path: file, line: 1, column: index + 1, message: "column \"\(name)\" appears twice")
            }
            columns.append(column)
        }
        guard columns.contains(where: { if case .terms = $0 { return true } else { return false } }) else {
            throw FileError(path: file, line: 1, message: "the header names no term column (such as zh or en)")
        }
        return columns
    }

    static func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
    }

    static func unescapeFormula(_ value: String) -> String {
        if value.hasPrefix("'"), let next = value.dropFirst().first, formulaStarts.contains(next) {
            return String(value.dropFirst())
        }
        return value
    }

    static func escapeFormula(_ value: String) -> String {
        if let first = value.first, formulaStarts.contains(first) || (first == "'" && value.dropFirst().first.map { formulaStarts.contains($0) } == true) {
            return "'" + value
        }
        return value
    }

    // MARK: Writing

    func write(_ glossary: Glossary) throws -> (data: Data, warnings: [GlossaryWarning]) {
        var warnings = LossReport()
        // Languages in order of appearance, zh and en first.
        var languages = glossary.languages.map { $0.lowercased() }
        languages.sort { Self.languageRank($0) < Self.languageRank($1) }
        var header = ["id", "subject"]
        var statusesUsed = Set<String>()
        for concept in glossary.concepts {
            for section in concept.languages {
                for term in section.terms { statusesUsed.insert("\(section.language.lowercased())|\(term.status)") }
            }
        }
        for language in languages {
            for (suffix, status) in Self.statusSuffixes
            where status == .preferred || status == .admitted || status == .forbidden || statusesUsed.contains("\(language)|\(status)") {
                header.append(language + suffix)
            }
            if language == "zh" || language.hasPrefix("zh-") { header.append(language + "_pinyin") }
        }
        header += ["pos", "definition", "note"]

        let stream = OutputStream.toMemory()
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: String(delimiter))
        try writer.write(row: header)
        for concept in glossary.concepts {
            var row: [String] = []
            let allTerms = concept.languages.flatMap(\.terms)
            let partsOfSpeech = Set(allTerms.compactMap(\.partOfSpeech))
            if partsOfSpeech.count > 1 || (partsOfSpeech.count == 1 && allTerms.contains { $0.partOfSpeech == nil }) {
                warnings.note("part of speech differing between the terms of a concept", concept.id)
            }
            for term in allTerms {
                if term.note != nil { warnings.note("term notes", concept.id) }
                if term.source != nil { warnings.note("term sources", concept.id) }
                for category in term.extra { warnings.note("TBX \(category.element) \(category.type ?? "")", concept.id) }
                if term.text.contains("|") { warnings.note("terms containing |", concept.id) }
            }
            for category in concept.extra + concept.languages.flatMap(\.extra) {
                warnings.note("TBX \(category.element) \(category.type ?? "")", concept.id)
            }
            for name in header {
                switch name {
                case "id": row.append(concept.id)
                case "subject": row.append(concept.subject ?? "")
                case "definition": row.append(concept.definition ?? "")
                case "note": row.append(concept.note ?? "")
                case "pos": row.append(partsOfSpeech.count == 1 ? partsOfSpeech.first! : "")
                default:
                    if name.hasSuffix("_pinyin") {
                        let language = String(name.dropLast("_pinyin".count))
                        let preferred = concept.languages.filter { $0.language.lowercased() == language }
                            .flatMap(\.terms).first { $0.status == .preferred }
                        row.append(try preferred.map { try $0.pinyin ?? Pinyin.of($0.text) } ?? "")
                        continue
                    }
                    let (suffix, status) = Self.statusSuffixes.dropFirst().first { name.hasSuffix($0.suffix) } ?? ("", .preferred)
                    let language = String(name.dropLast(suffix.count))
                    let terms = concept.languages.filter { $0.language.lowercased() == language }
                        .flatMap(\.terms).filter { $0.status == status }
                    row.append(terms.map(\.text).joined(separator: "|"))
                }
            }
            try writer.write(row: row.map(Self.escapeFormula))
        }
        stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return (data, warnings.warnings(format: delimiter == "\t" ? "TSV" : "CSV"))
    }

    static func languageRank(_ language: String) -> Int {
        if language == "zh" || language.hasPrefix("zh-") { return 0 }
        if language == "en" || language.hasPrefix("en-") { return 1 }
        return 2
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
