import Foundation

/// Reads MultiTerm XML (`<mtf>`, the export of SDL/Trados MultiTerm) into a ``Glossary``, one
/// `<conceptGrp>` at a time, with Termbridge's streaming ``XMLEventReader`` (no entities, time
/// linear in the input). ``TBXReader`` hands a document over when its root is `<mtf>`.
///
/// The structure (MultiTerm's MTF schema): `<mtf>` holds `<conceptGrp>`s; a `conceptGrp` holds
/// `<concept>` (the entry number), `<system>`, `<transacGrp>`, `<descripGrp>` and
/// `<languageGrp>`s; a `languageGrp` holds `<language type="English" lang="EN-US"/>`,
/// `<transacGrp>`, `<descripGrp>` and `<termGrp>`s; a `termGrp` holds `<term>`, `<transacGrp>`
/// and `<descripGrp>`. A `descripGrp` holds one `<descrip type="FIELD">` (FIELD is the name the
/// termbase's definition gives the field), its `<transacGrp>`s and nested `<descripGrp>`s (a
/// definition's source is one).
///
/// The mapping (field names compared without case, spaces, hyphens or underscores):
/// - `concept` → ``Concept/id``; `lang` → ``LanguageTerms/language`` with `_` made `-` and the
///   case kept (`EN-US` stays `EN-US`); the language's display name (`type`) is not kept.
/// - `Definition` → the definition of its level (concept or language), a nested `Source` its
///   source; `Subject`, `Subject field` or `Domain` (concept level) → ``Concept/subject``;
///   `Note`, `Comment` or `Remark` → the note of its level; `Source` → the source of its level.
/// - At term level, `Part of speech` (or `POS`) → ``Term/partOfSpeech`` (through
///   ``Term/partOfSpeechName(_:)``); `Status`, `Usage` or `Usage status` with a value naming one
///   of Termbridge's statuses (`preferred`, `admitted`, `proposed`, `superseded`, `deprecated`,
///   `forbidden`, or the TBX picklist values) → ``Term/status``. A term without one follows the
///   TBX rule: the first of its language is preferred, the others admitted.
/// - Everything else is kept in `extra` at its level: `Context` as TBX's
///   `descrip type="context"`, other fields as `descrip type="FIELD"`, `<transacGrp>`s in TBX form (`transac type="transactionType"`,
///   `transacNote type="responsibility"`, `date`) so that TBX writes them back, `<system>` as
///   `admin type="entryClass"`/`"status"`, a field's link (`Ulink`…) as an `xref`, a field whose
///   value is repeated (the second `Definition` of a level) as its `descrip`.
/// - Errors are ``FileError``s with the line and column: a root other than `<mtf>`, an element
///   out of place, a `conceptGrp` without `<concept>` or with a duplicate number, a
///   `languageGrp` without `<language lang=…>`, a `termGrp` without exactly one non-empty
///   `<term>`, text between elements. MultiTerm exports UTF-16 by default: the reader names the
///   encoding and the `iconv` command that converts the file.
struct MultiTermReader {
    /// The file, for errors.
    let file: String?

    /// The glossary in the document whose root `root` (`<mtf>`) `reader` has just returned.
    func glossary(reading reader: XMLEventReader, root: XMLTreeElement) throws -> Glossary {
        var glossary = Glossary()
        var firstLine: [String: Int] = [:]
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                guard element.name == "conceptGrp" else {
                    throw error(at: element, "unexpected <\(element.name)> in <mtf>: expected <conceptGrp>")
                }
                let group = try reader.readSubtree(of: element)
                let concept = try concept(from: group)
                if let line = firstLine[concept.id] {
                    throw error(at: group, "duplicate concept number \"\(concept.id)\" (first on line \(line))")
                }
                firstLine[concept.id] = group.line
                glossary.concepts.append(concept)
            case .text(let text, _):
                if !text.isXMLWhitespace { throw error(at: root, "unexpected text \"\(text.trimmingWhitespace.prefix(40))\" in <mtf>") }
            case .end:
                while try reader.next() != nil {}   // what follows the root: comments, white space
                return glossary
            }
        }
        return glossary   // next() throws before the root ends unclosed
    }

    private func error(at element: XMLTreeElement, _ message: String) -> FileError {
        FileError(path: file, line: element.line, column: element.column, message: message)
    }

    /// Elements whose content is only elements.
    private func refuseStrayText(in element: XMLTreeElement) throws {
        if !element.directText.isXMLWhitespace {
            throw error(at: element, "unexpected text \"\(element.directText.trimmingWhitespace.prefix(40))\" in <\(element.name)>")
        }
    }

    // MARK: Levels

    private func concept(from group: XMLTreeElement) throws -> Concept {
        try refuseStrayText(in: group)
        guard let number = group.elements.first(where: { $0.name == "concept" }) else {
            throw error(at: group, "<conceptGrp> has no <concept> (the entry number)")
        }
        let id = Self.text(of: number)
        guard !id.isEmpty else { throw error(at: number, "empty <concept>: expected the entry number") }
        var concept = Concept(id: id)
        var fields = Fields(level: .concept)
        for child in group.elements {
            switch child.name {
            case "concept":
                if child != number { throw error(at: child, "<conceptGrp> has more than one <concept>") }
            case "languageGrp": concept.languages.append(try languageTerms(from: child))
            case "system": fields.extra.append(DataCategory(element: "admin", type: child[attribute: "type"], value: Self.text(of: child)))
            case "transacGrp": fields.extra.append(try transaction(from: child))
            case "descripGrp": try read(child, into: &fields)
            default: throw error(at: child, "unexpected <\(child.name)> in <conceptGrp>: expected <concept>, <system>, <transacGrp>, <descripGrp> or <languageGrp>")
            }
        }
        (concept.subject, concept.definition, concept.source, concept.note, concept.extra)
            = (fields.subject, fields.definition, fields.source, fields.note, fields.extra)
        return concept
    }

    private func languageTerms(from group: XMLTreeElement) throws -> LanguageTerms {
        try refuseStrayText(in: group)
        guard let language = group.elements.first(where: { $0.name == "language" }) else {
            throw error(at: group, "<languageGrp> has no <language>")
        }
        guard let lang = language[attribute: "lang"]?.trimmingWhitespace, !lang.isEmpty else {
            throw error(at: language, "<language> has no lang attribute (the language code, such as EN-US)")
        }
        var result = LanguageTerms(language: lang.replacingOccurrences(of: "_", with: "-"), terms: [])
        var fields = Fields(level: .language)
        var explicitStatus: [Bool] = []
        for child in group.elements {
            switch child.name {
            case "language":
                if child != language { throw error(at: child, "<languageGrp> has more than one <language>") }
            case "termGrp":
                let (term, explicit) = try term(from: child)
                result.terms.append(term)
                explicitStatus.append(explicit)
            case "transacGrp": fields.extra.append(try transaction(from: child))
            case "descripGrp": try read(child, into: &fields)
            default: throw error(at: child, "unexpected <\(child.name)> in <languageGrp>: expected <language>, <transacGrp>, <descripGrp> or <termGrp>")
            }
        }
        (result.definition, result.source, result.note, result.extra) = (fields.definition, fields.source, fields.note, fields.extra)
        result.applyDefaultStatuses(explicit: explicitStatus)
        return result
    }

    private func term(from group: XMLTreeElement) throws -> (Term, explicitStatus: Bool) {
        try refuseStrayText(in: group)
        let terms = group.elements.filter { $0.name == "term" }
        guard let termElement = terms.first else { throw error(at: group, "<termGrp> has no <term>") }
        guard terms.count == 1 else { throw error(at: terms[1], "<termGrp> has more than one <term>") }
        let text = Self.text(of: termElement)
        guard !text.isEmpty else { throw error(at: termElement, "empty <term>") }
        var fields = Fields(level: .term)
        for child in group.elements where child.name != "term" {
            switch child.name {
            case "transacGrp": fields.extra.append(try transaction(from: child))
            case "descripGrp": try read(child, into: &fields)
            default: throw error(at: child, "unexpected <\(child.name)> in <termGrp>: expected <term>, <transacGrp> or <descripGrp>")
            }
        }
        let term = Term(text, status: fields.status ?? .preferred, partOfSpeech: fields.partOfSpeech,
                        note: fields.note, source: fields.source, extra: fields.extra)
        return (term, fields.status != nil)
    }

    // MARK: Fields

    /// What the `descripGrp`s of one level give.
    private struct Fields {
        let level: TBXLevel
        var subject, definition, source, note, partOfSpeech: String?
        var status: TermStatus?
        var extra: [DataCategory] = []

        init(level: TBXLevel) { self.level = level }
    }

    /// Reads a `descripGrp` (see the type's mapping) into `fields`.
    private func read(_ group: XMLTreeElement, into fields: inout Fields) throws {
        try refuseStrayText(in: group)
        let descrips = group.elements.filter { $0.name == "descrip" }
        guard let descrip = descrips.first else { throw error(at: group, "<descripGrp> has no <descrip>") }
        guard descrips.count == 1 else { throw error(at: descrips[1], "<descripGrp> has more than one <descrip>") }
        guard let type = descrip[attribute: "type"]?.trimmingWhitespace, !type.isEmpty else {
            throw error(at: descrip, "<descrip> has no type attribute (the field's name)")
        }
        let value = Self.text(of: descrip)
        var nested: [XMLTreeElement] = []
        for child in group.elements where child.name != "descrip" {
            switch child.name {
            case "transacGrp": fields.extra.append(try transaction(from: child))
            case "descripGrp": nested.append(child)
            default: throw error(at: child, "unexpected <\(child.name)> in <descripGrp>: expected <descrip>, <transacGrp> or <descripGrp>")
            }
        }
        // Links (Ulink, Clink…) and <xref>s: kept beside the field's text.
        for attribute in descrip.attributes where attribute.name != "type" {
            fields.extra.append(DataCategory(element: "xref", type: "externalCrossReference", value: attribute.value))
        }
        for xref in descrip.elements where xref.name == "xref" {
            if let link = xref.attributes.first?.value { fields.extra.append(DataCategory(element: "xref", type: "externalCrossReference", value: link)) }
        }
        // A definition's nested Source is its source; other nested groups are fields of the level.
        var nestedSource: String?
        if Self.key(type) == "definition" {
            if let index = nested.firstIndex(where: { Self.fieldKey(of: $0) == "source" }), nested[index].elements.count == 1 {
                nestedSource = Self.text(of: nested[index].elements[0])
                nested.remove(at: index)
            }
        }
        if !value.isEmpty, assign(type: type, value: value, source: nestedSource, to: &fields) {
            // assigned
        } else {
            // A context is TBX's `descrip type="context"`, which TBX-Basic permits; other fields keep their name.
            let name = Self.key(type) == "context" ? "context" : type
            fields.extra.append(DataCategory(element: "descrip", type: name, value: value))
            if let nestedSource { fields.extra.append(DataCategory(element: "admin", type: "source", value: nestedSource)) }
        }
        for child in nested { try read(child, into: &fields) }
    }

    /// Puts a field's value into its place in `fields` when it has one that is still empty;
    /// whether it did.
    private func assign(type: String, value: String, source: String?, to fields: inout Fields) -> Bool {
        switch Self.key(type) {
        case "definition" where fields.level != .term && fields.definition == nil && (source == nil || fields.source == nil):
            fields.definition = value
            if let source { fields.source = source }
        case "subject", "subjectfield", "domain":
            guard fields.level == .concept, fields.subject == nil else { return false }
            fields.subject = value
        case "note", "notes", "comment", "remark", "remarks":
            guard fields.note == nil else { return false }
            fields.note = value
        case "source":
            guard fields.source == nil else { return false }
            fields.source = value
        case "partofspeech", "pos":
            guard fields.level == .term, fields.partOfSpeech == nil else { return false }
            fields.partOfSpeech = Term.partOfSpeechName(value)
        case "status", "usage", "usagestatus", "administrativestatus":
            guard fields.level == .term, fields.status == nil, let status = Self.status(value) else { return false }
            fields.status = status
        default:
            return false
        }
        return true
    }

    /// A status named by `value` (`Preferred`, `deprecatedTerm-admn-sts`, `Forbidden`…).
    private static func status(_ value: String) -> TermStatus? {
        let key = Self.key(value)
        if let status = TermStatus.allCases.first(where: { $0.rawValue.lowercased() == key }) { return status }
        let tbx = ["preferredterm-admn-sts": TermStatus.preferred, "admittedterm-admn-sts": .admitted,
                   "supersededterm-admn-sts": .superseded, "deprecatedterm-admn-sts": .deprecated]
        return tbx[value.trimmingWhitespace.lowercased()]
    }

    /// A MultiTerm `transacGrp` (`<transac type="origination">user</transac><date>…</date>`) as
    /// TBX's (`transac type="transactionType"`, `transacNote type="responsibility"`, `date`).
    private func transaction(from group: XMLTreeElement) throws -> DataCategory {
        try refuseStrayText(in: group)
        var kind = "", person: String?, date: String?
        for child in group.elements {
            switch child.name {
            case "transac" where kind.isEmpty: (kind, person) = (child[attribute: "type"] ?? "", Self.text(of: child))
            case "date" where date == nil: date = Self.text(of: child)
            default: throw error(at: child, "unexpected <\(child.name)> in <transacGrp>: expected one <transac> and one <date>")
            }
        }
        return DataCategory.transaction(kind, by: person, on: date)
    }

    // MARK: Text

    /// The field key of a `descripGrp`: its `descrip`'s type, as ``key(_:)`` makes it.
    private static func fieldKey(of group: XMLTreeElement) -> String? {
        group.elements.first { $0.name == "descrip" }?[attribute: "type"].map(key)
    }

    /// `name` lowercased without spaces, hyphens or underscores (`Part of Speech` → `partofspeech`).
    static func key(_ name: String) -> String {
        String(name.trimmingWhitespace.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// All text inside `element`, trimmed.
    private static func text(of element: XMLTreeElement) -> String {
        func all(_ element: XMLTreeElement) -> String {
            element.children.reduce(into: "") {
                switch $1 {
                case .text(let text): $0 += text
                case .element(let child): $0 += all(child)
                }
            }
        }
        return all(element).trimmingWhitespace
    }
}
