import Foundation

/// IATE's CSV export: one row per term under a header of `LEVEL_FIELD` columns, separated by
/// `|` (as IATE writes it; `,` and tab are read too), e.g.
/// `E_ID|E_DOMAINS|L_CODE|T_TERM|T_TYPE|T_RELIABILITY|T_EVALUATION`. The prefix says the level
/// of IATE's data model: `E_` the entry (concept), `L_` the language, `T_` the term.
///
/// Rows with the same `E_ID` make one concept (in order of first appearance), and within it the
/// rows with the same `L_CODE` one language section; entry-level values repeat on every row of
/// the entry and must agree.
///
/// The mapping:
/// - `E_ID` → ``Concept/id`` (as written, `IATE-…` or a number); `E_DOMAINS` →
///   ``Concept/subject`` (as written, domains separated by `;`); `L_CODE` →
///   ``LanguageTerms/language`` (case kept); `T_TERM` → ``Term/text``.
/// - `T_EVALUATION` → ``Term/status`` (`Preferred`, `Admitted`, `Deprecated`, `Obsolete` →
///   superseded; `Proposed`; without case). A term without one follows the TBX rule (the first
///   of its language preferred, the others admitted).
/// - `T_TYPE` and `T_RELIABILITY` → the term's `extra` as IATE's TBX export names them
///   (`termNote type="termType"`, `descrip type="reliabilityCode"`), values as written.
/// - Columns for the fields of IATE's data model that have a place in Termbridge's:
///   `E_NOTE` → ``Concept/note``; `L_DEFINITION` → ``LanguageTerms/definition``,
///   `L_DEFINITION_REFERENCES` → ``LanguageTerms/source``, `L_NOTE` → ``LanguageTerms/note``;
///   `T_NOTE` → ``Term/note``, `T_TERM_REFERENCES` → ``Term/source`` (the singular spellings
///   `…_REFERENCE` too).
/// - Every other column (`E_PRIMARITY`, `E_LIFECYCLE`, `E_ORIGINS`, `T_INSTITUTION`,
///   `T_CONTEXT`, …) is kept in the `extra` of its level as `descrip type="COLUMN"`.
/// - Errors name the file and line: no `E_ID`, `L_CODE` or `T_TERM` column, a column without a
///   level prefix, an empty id, language or term, a row with fewer or more fields than the
///   header, entry-level values that differ between the rows of one entry.
enum IATECSVFormat {
    /// Whether `data` starts (after a byte-order mark) with IATE's header: `E_ID` followed by
    /// `|`, `,` or tab, with `L_CODE` and `T_TERM` columns.
    static func looksLikeIATE(_ data: Data) -> Bool {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let line = String(decoding: bytes.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        guard let delimiter = delimiter(ofHeader: line) else { return false }
        let columns = line.split(separator: Character(Unicode.Scalar(delimiter)), omittingEmptySubsequences: false)
        return columns.contains("L_CODE") && columns.contains("T_TERM")
    }

    /// The delimiter after `E_ID` at the start of `header`.
    private static func delimiter(ofHeader header: String) -> UInt8? {
        let utf8 = Array(header.utf8.prefix(5))
        guard utf8.count == 5, utf8.starts(with: Array("E_ID".utf8)) else { return nil }
        return [UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: "\t")].first { $0 == utf8[4] }
    }

    /// The glossary in `data`.
    static func read(_ data: Data, file: String?) throws -> Glossary {
        let text = ByteOrderMark.removing(from: try data.withUnsafeBytes { raw in
            try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: file)
        })
        let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        guard let delimiter = delimiter(ofHeader: firstLine) else {
            throw FileError(path: file, line: 1, column: 1, message: "not an IATE CSV export: the header must start with E_ID followed by |, comma or tab")
        }
        let rows = try DelimitedText.rows(in: text, delimiter: delimiter, kind: "IATE CSV", file: file)
            .filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        guard let header = rows.first else { throw FileError(path: file, line: 1, message: "empty file: expected IATE's header row") }
        let columns = try header.fields.enumerated().map { index, name in
            try Column(name, file: file, line: header.line, column: index + 1)
        }
        for required in ["E_ID", "L_CODE", "T_TERM"] where !header.fields.contains(required) {
            throw FileError(path: file, line: header.line, message: "IATE CSV header has no \(required) column")
        }
        var glossary = Glossary()
        var conceptIndex: [String: Int] = [:]   // id → index in glossary.concepts
        var entryValues: [Int: [String]] = [:]   // concept index → its entry-level cells, for the agreement check
        var explicitStatus: [[[Bool]]] = []   // per concept, per section, per term: whether the row stated a status
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw FileError(path: file, line: row.line, message: "expected \(columns.count) fields as in the header, found \(row.fields.count)")
            }
            let cells = row.fields.map(\.trimmingWhitespace)
            func cell(_ name: String) -> String { zip(columns, cells).first { $0.0.name == name }?.1 ?? "" }
            let id = cell("E_ID"), language = cell("L_CODE"), text = cell("T_TERM")
            for (name, value) in [("E_ID", id), ("L_CODE", language), ("T_TERM", text)] where value.isEmpty {
                throw FileError(path: file, line: row.line, message: "empty \(name)")
            }
            let entryCells = zip(columns, cells).filter { $0.0.level == .concept }.map(\.1)
            let c: Int
            if let existing = conceptIndex[id] {
                c = existing
                if entryValues[c] != entryCells {
                    throw FileError(path: file, line: row.line, message: "entry \(id): its entry-level columns (E_…) differ from its first row's")
                }
            } else {
                c = glossary.concepts.count
                conceptIndex[id] = c
                entryValues[c] = entryCells
                var concept = Concept(id: id)
                for (column, value) in zip(columns, cells) where column.level == .concept && !value.isEmpty {
                    switch column.name {
                    case "E_ID": break
                    case "E_DOMAINS": concept.subject = value
                    case "E_NOTE": concept.note = value
                    default: concept.extra.append(column.category(value))
                    }
                }
                glossary.concepts.append(concept)
                explicitStatus.append([])
            }
            var concept = glossary.concepts[c]
            let s: Int
            if let existing = concept.languages.firstIndex(where: { $0.language == language }) {
                s = existing
            } else {
                s = concept.languages.count
                concept.languages.append(LanguageTerms(language: language, terms: []))
                explicitStatus[c].append([])
            }
            var term = Term(text)
            var status: TermStatus?
            for (column, value) in zip(columns, cells) where !value.isEmpty {
                switch (column.level, column.name) {
                case (.language, "L_CODE"), (.term, "T_TERM"): break
                case (.language, "L_DEFINITION"): try set(&concept.languages[s].definition, value, column, row.line, file)
                case (.language, "L_DEFINITION_REFERENCES"), (.language, "L_DEFINITION_REFERENCE"):
                    try set(&concept.languages[s].source, value, column, row.line, file)
                case (.language, "L_NOTE"): try set(&concept.languages[s].note, value, column, row.line, file)
                case (.language, _):
                    let category = column.category(value)
                    if !concept.languages[s].extra.contains(category) { concept.languages[s].extra.append(category) }
                case (.term, "T_EVALUATION"):
                    if let known = evaluation(value) { status = known } else { term.extra.append(column.category(value)) }
                case (.term, "T_TYPE"): term.extra.append(DataCategory(element: "termNote", type: "termType", value: value))
                case (.term, "T_RELIABILITY"): term.extra.append(DataCategory(element: "descrip", type: "reliabilityCode", value: value))
                case (.term, "T_NOTE"): term.note = value
                case (.term, "T_TERM_REFERENCES"), (.term, "T_TERM_REFERENCE"): term.source = value
                case (.term, _): term.extra.append(column.category(value))
                case (.concept, _): break
                }
            }
            term.status = status ?? .preferred
            concept.languages[s].terms.append(term)
            explicitStatus[c][s].append(status != nil)
            glossary.concepts[c] = concept
        }
        // The TBX rule for terms without a status (see TBXGlossaryFormat).
        for c in glossary.concepts.indices {
            for s in glossary.concepts[c].languages.indices {
                glossary.concepts[c].languages[s].applyDefaultStatuses(explicit: explicitStatus[c][s])
            }
        }
        return glossary
    }

    /// Sets a language-level field, which repeats on every row of the language: a second,
    /// different value is an error.
    private static func set(_ field: inout String?, _ value: String, _ column: Column, _ line: Int, _ file: String?) throws {
        if let existing = field, existing != value {
            throw FileError(path: file, line: line, message: "\(column.name) differs from the value on an earlier row of the same entry and language")
        }
        field = value
    }

    /// Termbridge's status for an IATE evaluation.
    private static func evaluation(_ value: String) -> TermStatus? {
        switch value.lowercased() {
        case "preferred": .preferred
        case "admitted": .admitted
        case "proposed": .proposed
        case "deprecated": .deprecated
        case "obsolete", "superseded": .superseded
        default: nil
        }
    }

    /// A header column: its name and level.
    private struct Column {
        let name: String
        let level: TBXLevel

        init(_ name: String, file: String?, line: Int, column: Int) throws {
            self.name = name.trimmingWhitespace
            if self.name.hasPrefix("E_") { level = .concept }
            else if self.name.hasPrefix("L_") { level = .language }
            else if self.name.hasPrefix("T_") { level = .term }
            else {
                throw FileError(path: file, line: line, column: column, message:
                    "IATE CSV column \"\(self.name)\" has no level prefix (E_ entry, L_ language, T_ term)")
            }
        }

        /// A value of this column kept as a data category.
        func category(_ value: String) -> DataCategory { DataCategory(element: "descrip", type: name, value: value) }
    }
}
