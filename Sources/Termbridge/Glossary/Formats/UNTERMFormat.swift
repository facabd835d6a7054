import Foundation

/// UNTERM's JSON records, as the UN terminology database's API hands them out (one record, a
/// list of records, or a search page `{"results": [...], "totalHits": …}`).
///
/// A record has `recordID`, record-level fields (`title`, `recordType`, `status`,
/// `distribution`, `dbName`, `space`, `subjects`, `languages`, `created`/`createdBy`,
/// `modified`/`modifiedBy`, `specialFields`), and one object per language **named by the
/// language's English name** — `english`, `french`, `spanish`, `russian`, `chinese`, `arabic`,
/// and for historical records `german` and `portuguese` — holding `definition`, `note`,
/// `validationStatus`, `isRTL` and `terms`; a term has `term`, `termStatus` (`preferred`…),
/// `termType` (`full`, `short`, `acronym`…), `termID`, `languageID`, `created`, `modified`.
///
/// The mapping:
/// - `recordID` → ``Concept/id``; `subjects` (strings) → ``Concept/subject``, joined by `; `.
/// - A language object → a ``LanguageTerms`` tagged with the language's code (`english` →
///   `en`, `chinese` → `zh`, …), in the order of that list; `definition` and `note` → its
///   fields; terms with empty text (UNTERM lists languages without terms so) are skipped.
/// - `termStatus` naming a Termbridge status (`preferred`, `admitted`, `proposed`,
///   `superseded`, `deprecated`, `forbidden`; `obsolete` → superseded) → ``Term/status``; a
///   term without one follows the TBX rule (first preferred, others admitted).
/// - `termType` → `termNote type="termType"`; `created`/`createdBy` and
///   `modified`/`modifiedBy` → TBX `transacGrp`s (`origination`, `modification`); each special
///   field → `descrip type="NAME"` at the level of its `languageId` (else the record's); every
///   other field → `descrip type="KEY"` at its level, sorted by key (objects and arrays as
///   compact JSON). Not kept: internal ids (`termID`, `languageID`, a special field's `id`,
///   `fieldOrder`, `stacking`), `isRTL` (the language says it) and null values.
/// - Errors name the file and the JSON path: malformed JSON, a record without `recordID`, a
///   language whose `terms` is not a list, a term without `term`, duplicate record ids.
enum UNTERMFormat {
    /// The language objects of a record and their codes, in this order.
    static let languages: [(name: String, code: String)] = [
        ("english", "en"), ("french", "fr"), ("spanish", "es"), ("russian", "ru"), ("chinese", "zh"),
        ("arabic", "ar"), ("german", "de"), ("portuguese", "pt"),
    ]

    /// Whether `data` looks like UNTERM's JSON: a `"recordID"` key near the start and no
    /// `"concepts"` key (Termbridge's JSON starts with it).
    static func looksLikeUNTERM(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(8192), as: UTF8.self)
        return head.contains("\"recordID\"") && !head.contains("\"concepts\"")
    }

    /// The glossary in `data`.
    static func read(_ data: Data, file: String?) throws -> Glossary {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: JSONGlossaryFormat.checkedBody(data, file: file))
        } catch let DecodingError.dataCorrupted(context) {
            throw FileError(path: file, message: "malformed JSON: \(JSONGlossaryFormat.describe(context))")
        } catch let error as DecodingError {
            throw FileError(path: file, message: "malformed JSON: \(error)")
        }
        let records: [(JSONValue, String)]
        switch value {
        case .array(let items): records = items.enumerated().map { ($1, "[\($0)]") }
        case .object(let fields) where fields["results"] != nil && fields["recordID"] == nil:
            guard case .array(let items)? = fields["results"] else {
                throw FileError(path: file, message: "UNTERM JSON: \"results\" is not a list")
            }
            records = items.enumerated().map { ($1, ".results[\($0)]") }
        default: records = [(value, "")]
        }
        var glossary = Glossary()
        var seen: [String: String] = [:]
        for (record, path) in records {
            let concept = try concept(from: record, path: path, file: file)
            if let first = seen[concept.id] {
                throw FileError(path: file, message: "UNTERM JSON: duplicate recordID \"\(concept.id)\" at \(where: path) (first at \(where: first))")
            }
            seen[concept.id] = path
            glossary.concepts.append(concept)
        }
        return glossary
    }

    private static func concept(from record: JSONValue, path: String, file: String?) throws -> Concept {
        guard case .object(let fields) = record else {
            throw FileError(path: file, message: "UNTERM JSON: expected a record (an object) at \(where: path)")
        }
        guard let id = fields["recordID"]?.text, !id.isEmpty else {
            throw FileError(path: file, message: "UNTERM JSON: the record at \(where: path) has no recordID")
        }
        var concept = Concept(id: id)
        var languageIDs: [String: Int] = [:]   // a term's languageID → index in concept.languages
        for (name, code) in languages {
            guard let section = fields.first(where: { $0.key.lowercased() == name })?.value, case .object(let sectionFields) = section else { continue }
            let sectionPath = "\(path).\(name)"
            var result = LanguageTerms(language: code, terms: [])
            var explicit: [Bool] = []
            for key in sectionFields.keys.sorted() {
                guard let value = sectionFields[key], value != .null else { continue }
                switch key {
                case "terms":
                    guard case .array(let terms) = value else {
                        throw FileError(path: file, message: "UNTERM JSON: \(sectionPath).terms is not a list")
                    }
                    for (index, item) in terms.enumerated() {
                        guard let (term, hasStatus, languageID) = try term(from: item, path: "\(sectionPath).terms[\(index)]", file: file) else { continue }
                        result.terms.append(term)
                        explicit.append(hasStatus)
                        if let languageID { languageIDs[languageID] = concept.languages.count }
                    }
                case "definition": result.definition = value.text.flatMap { $0.isEmpty ? nil : $0 }
                case "note": result.note = value.text.flatMap { $0.isEmpty ? nil : $0 }
                case "isRTL": break
                default: if let category = category(key, value) { result.extra.append(category) }
                }
            }
            result.applyDefaultStatuses(explicit: explicit)
            if !result.terms.isEmpty || result.definition != nil || result.note != nil || !result.extra.isEmpty {
                concept.languages.append(result)
            } else {
                languageIDs = languageIDs.filter { $0.value != concept.languages.count }
            }
        }
        let languageNames = Set(languages.map(\.name))
        var transactions: [DataCategory] = []
        for key in fields.keys.sorted() where !languageNames.contains(key.lowercased()) {
            guard let value = fields[key], value != .null else { continue }
            switch key {
            case "recordID", "createdBy", "modifiedBy": break
            case "created": transactions.append(.transaction("origination", by: fields["createdBy"]?.text, on: value.text))
            case "modified": transactions.append(.transaction("modification", by: fields["modifiedBy"]?.text, on: value.text))
            case "subjects":
                if case .array(let subjects) = value, subjects.allSatisfy({ $0.text != nil }) {
                    let names = subjects.compactMap(\.text).filter { !$0.isEmpty }
                    if !names.isEmpty { concept.subject = names.joined(separator: "; ") }
                } else if let category = category(key, value) {
                    concept.extra.append(category)
                }
            case "specialFields":
                guard case .array(let specials) = value else {
                    if let category = category(key, value) { concept.extra.append(category) }
                    continue
                }
                for special in specials {
                    guard case .object(let parts) = special, let name = parts["name"]?.text, let text = parts["value"]?.text else {
                        if let category = category(key, special) { concept.extra.append(category) }
                        continue
                    }
                    let category = DataCategory(element: "descrip", type: name, value: text)
                    if let languageID = parts["languageId"]?.text, let index = languageIDs[languageID] {
                        concept.languages[index].extra.append(category)
                    } else {
                        concept.extra.append(category)
                    }
                }
            default:
                if let category = category(key, value) { concept.extra.append(category) }
            }
        }
        concept.extra += transactions
        return concept
    }

    /// A term, whether it states its status, and its `languageID`; nil for a term with empty text.
    private static func term(from item: JSONValue, path: String, file: String?) throws -> (Term, Bool, String?)? {
        guard case .object(let fields) = item else {
            throw FileError(path: file, message: "UNTERM JSON: expected a term (an object) at \(where: path)")
        }
        guard let textValue = fields["term"] else {
            throw FileError(path: file, message: "UNTERM JSON: the term at \(where: path) has no \"term\"")
        }
        let text = (textValue.text ?? "").trimmingWhitespace
        guard !text.isEmpty else { return nil }
        var term = Term(text)
        var status: TermStatus?
        for key in fields.keys.sorted() {
            guard let value = fields[key], value != .null else { continue }
            switch key {
            case "term", "termID", "languageID": break
            case "termStatus":
                let name = value.text?.lowercased() ?? ""
                if let known = TermStatus(rawValue: name) ?? (name == "obsolete" ? .superseded : nil) {
                    status = known
                } else if let category = category(key, value) {
                    term.extra.append(category)
                }
            case "termType": if let type = value.text, !type.isEmpty { term.extra.append(DataCategory(element: "termNote", type: "termType", value: type)) }
            case "created": term.extra.append(.transaction("origination", by: nil, on: value.text))
            case "modified": term.extra.append(.transaction("modification", by: nil, on: value.text))
            default: if let category = category(key, value) { term.extra.append(category) }
            }
        }
        term.status = status ?? .preferred
        return (term, status != nil, fields["languageID"]?.text)
    }

    /// A field kept as `descrip type="KEY"`; nil for an empty one.
    private static func category(_ key: String, _ value: JSONValue) -> DataCategory? {
        let text = value.text ?? value.compact
        return text.isEmpty ? nil : DataCategory(element: "descrip", type: key, value: text)
    }
}

private extension String.StringInterpolation {
    /// A JSON path for messages: `the top level` for the empty path.
    mutating func appendInterpolation(where path: String) {
        appendLiteral(path.isEmpty ? "the top level" : path)
    }
}

/// Any JSON value, for documents whose keys are not known in advance.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var fields: [String: JSONValue] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(fields)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let bool = try? single.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? single.decode(Double.self) { self = .number(number) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    /// The value as text when it is a string, number or boolean (integers without `.0`).
    var text: String? {
        switch self {
        case .string(let string): string
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let bool): bool ? "true" : "false"
        default: nil
        }
    }

    /// The value as compact JSON, object keys sorted (deterministic).
    var compact: String {
        switch self {
        case .null: return "null"
        case .bool, .number: return text ?? ""
        case .string(let string):
            let data = (try? JSONEncoder().encode(string)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { JSONValue.string($0).compact + ":" + (fields[$0]?.compact ?? "null") }.joined(separator: ",") + "}"
        }
    }
}
