import CSV
import Foundation

/// Glossaries as TSV or CSV: one concept per row, columns named by a header row.
///
/// Columns (any order; unknown columns are an error, so that no data is dropped):
/// `id`, `subject`, `definition`, `source`, `note`, `pos`, and for each language `L` (`zh`,
/// `en-US`, …; its case is kept) `L` (the preferred term), `L_admitted`, `L_proposed`,
/// `L_superseded`, `L_deprecated`, `L_forbidden`, `L_pinyin` (pinyin of the preferred term),
/// `L_definition`, `L_source` and `L_note` (the language's own definition, source and note;
/// ``LanguageTerms``). Several terms in one cell are separated by `|`. A part of speech reads
/// as TBX-Basic names it (`Noun` → `noun`, ``Term/partOfSpeechName(_:)``). Quoting follows RFC 4180 (through CSV.swift); input may be UTF-8 with or without a
/// BOM, with CRLF or LF line ends.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) are written with a leading `'` (OWASP's CSV-injection defence) and read
/// back without it, so round trips stay lossless.
struct DelimitedGlossaryFormat {
    let delimiter: UnicodeScalar

    static let statusSuffixes: [(suffix: String, status: TermStatus)] = [
        ("", .preferred), ("_admitted", .admitted), ("_proposed", .proposed), ("_superseded", .superseded),
        ("_deprecated", .deprecated), ("_forbidden", .forbidden),
    ]
    static let conceptColumns = ["id", "subject", "definition", "source", "note", "pos"]
    /// Suffixes of the language-level columns (``LanguageTerms`` fields).
    static let languageFieldSuffixes = ["_definition", "_source", "_note"]
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
            var languageFields: [(language: String, field: String, value: String)] = []
            for (column, raw) in zip(columns, row) {
                let value = Self.unescapeFormula(raw.trimmingCharacters(in: .whitespaces))
                guard !value.isEmpty else { continue }
                switch column {
                case .concept("id"): concept.id = value
                case .concept("subject"): concept.subject = value
                case .concept("definition"): concept.definition = value
                case .concept("note"): concept.note = value
                case .concept("source"): concept.source = value
                case .concept("pos"): partOfSpeech = Term.partOfSpeechName(value)
                case .concept: break
                case .terms(let language, let status):
                    for text in value.split(separator: "|") {
                        let term = text.trimmingCharacters(in: .whitespaces)
                        if !term.isEmpty { concept.add(Term(term, status: status), in: language) }
                    }
                case .pinyin(let language): pinyin[language] = value
                case .languageField(let language, let field): languageFields.append((language, field, value))
                }
            }
            if concept.id.isEmpty { concept.id = "c\(glossary.concepts.count + 1)" }
            guard ids.insert(concept.id).inserted else {
                throw FileError(path: file, line: rowLine, message: "duplicate concept id \(concept.id)")
            }
            for (language, field, value) in languageFields {
                if !concept.languages.contains(where: { $0.language.lowercased() == language.lowercased() }) {
                    concept.languages.append(LanguageTerms(language: language, terms: []))
                }
                let l = concept.languages.firstIndex { $0.language.lowercased() == language.lowercased() }!
                switch field {
                case "_definition": concept.languages[l].definition = value
                case "_source": concept.languages[l].source = value
                default: concept.languages[l].note = value
                }
            }
            for l in concept.languages.indices {
                for t in concept.languages[l].terms.indices {
                    concept.languages[l].terms[t].partOfSpeech = partOfSpeech
                }
                if let value = pinyin[concept.languages[l].language.lowercased()],
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
        case languageField(language: String, field: String)
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
            } else if let suffix = languageFieldSuffixes.first(where: { lower.hasSuffix($0) }) {
                column = .languageField(language: String(name.dropLast(suffix.count)), field: suffix)   // case kept
            } else if let (suffix, status) = statusSuffixes.dropFirst().first(where: { lower.hasSuffix($0.suffix) }) {
                column = .terms(language: String(name.dropLast(suffix.count)), status: status)
            } else if lower.range(of: #"^[a-z]{2,3}([-_][a-z0-9]{2,8})*$"#, options: .regularExpression) != nil {
                column = .terms(language: name, status: .preferred)   // BCP 47 case kept: en-US stays en-US
            } else {
                throw FileError(path: file, line: 1, column: index + 1, message:
                    "unknown column \"\(name)\"; expected id, subject, definition, source, note, pos, or a language code with an optional _admitted, _proposed, _superseded, _deprecated, _forbidden, _pinyin, _definition, _source or _note suffix")
            }
            if columns.contains(where: { $0.sameColumn(as: column) }) {
                throw FileError(path: file, line: 1, column: index + 1, message: "column \"\(name)\" appears twice")
            }
            columns.append(column)
        }
        guard columns.contains(where: { if case .terms = $0 { return true } else { return false } }) else {
            throw FileError(path: file, line: 1, message: "the header names no term column (such as zh or en)")
        }
        return columns
    }

    /// The languages of `glossary`, each under its first spelling, compared without case.
    static func languages(of glossary: Glossary) -> [String] {
        var seen: [String] = []
        for language in glossary.languages where !seen.contains(where: { $0.lowercased() == language.lowercased() }) {
            seen.append(language)
        }
        return seen
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
        var languages = Self.languages(of: glossary)
        languages.sort { Self.languageRank($0) < Self.languageRank($1) }   // stable: file order within a rank
        var header = ["id", "subject"]
        var used = Set<String>()   // "language|status" and "language|_field", languages lowercased
        for concept in glossary.concepts {
            for section in concept.languages {
                let language = section.language.lowercased()
                for term in section.terms { used.insert("\(language)|\(term.status)") }
                if section.definition != nil { used.insert("\(language)|_definition") }
                if section.source != nil || section.terms.contains(where: { $0.source != nil }) { used.insert("\(language)|_source") }
                if section.note != nil { used.insert("\(language)|_note") }
            }
        }
        for language in languages {
            let key = language.lowercased()
            for (suffix, status) in Self.statusSuffixes
            where status == .preferred || status == .admitted || status == .forbidden || used.contains("\(key)|\(status)") {
                header.append(language + suffix)
            }
            if key == "zh" || key.hasPrefix("zh-") { header.append(language + "_pinyin") }
            for suffix in Self.languageFieldSuffixes where used.contains(key + "|" + suffix) { header.append(language + suffix) }
        }
        header += ["pos", "definition"]
        if glossary.concepts.contains(where: { $0.source != nil }) { header.append("source") }
        header.append("note")

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
            for section in concept.languages {
                // Term sources go to the language's source column when they agree with it.
                let sources = Set(section.terms.compactMap(\.source) + (section.source.map { [$0] } ?? []))
                if sources.count > 1 || (sources.count == 1 && section.source == nil && section.terms.contains { $0.source == nil }) {
                    warnings.note("term sources differing within a language", concept.id)
                }
            }
            for term in allTerms {
                if term.note != nil { warnings.note("term notes", concept.id) }
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
                case "source": row.append(concept.source ?? "")
                case "pos": row.append(partsOfSpeech.count == 1 ? partsOfSpeech.first! : "")
                default:
                    if let suffix = Self.languageFieldSuffixes.first(where: { name.hasSuffix($0) }) {
                        let language = name.dropLast(suffix.count).lowercased()
                        let section = concept.languages.first { $0.language.lowercased() == language }
                        switch suffix {
                        case "_definition": row.append(section?.definition ?? "")
                        case "_source": row.append(section.flatMap { $0.source ?? $0.terms.lazy.compactMap(\.source).first } ?? "")
                        default: row.append(section?.note ?? "")
                        }
                        continue
                    }
                    if name.hasSuffix("_pinyin") {
                        let language = name.dropLast("_pinyin".count).lowercased()
                        let preferred = concept.languages.filter { $0.language.lowercased() == language }
                            .flatMap(\.terms).first { $0.status == .preferred }
                        row.append(try preferred.map { try $0.pinyin ?? Pinyin.of($0.text) } ?? "")
                        continue
                    }
                    let (suffix, status) = Self.statusSuffixes.dropFirst().first { name.hasSuffix($0.suffix) } ?? ("", .preferred)
                    let language = name.dropLast(suffix.count).lowercased()
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

    static func languageRank(_ tag: String) -> Int {
        let language = tag.lowercased()
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

extension DelimitedGlossaryFormat.Column {
    /// Whether two columns hold the same thing (language tags compared without case).
    func sameColumn(as other: Self) -> Bool {
        switch (self, other) {
        case (.concept(let a), .concept(let b)): a == b
        case (.terms(let a, let s), .terms(let b, let t)): a.lowercased() == b.lowercased() && s == t
        case (.pinyin(let a), .pinyin(let b)): a.lowercased() == b.lowercased()
        case (.languageField(let a, let f), .languageField(let b, let g)): a.lowercased() == b.lowercased() && f == g
        default: false
        }
    }
}
