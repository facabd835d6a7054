import Foundation

/// Reads a TBX document (v3 or 2008) into a ``Glossary``, one concept entry at a time:
/// memory holds the glossary and one entry's tree, never the whole document's.
/// ``TBXGlossaryFormat`` documents the mapping. O(size of the document). A document whose
/// root is `<mtf>` is MultiTerm XML, read by ``MultiTermReader``.
struct TBXReader {
    /// The file, for errors.
    let file: String?
    /// Whether only MultiTerm XML is accepted (`--from multiterm`).
    var multiTermOnly = false

    /// The glossary in the document `reader` reads.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed XML or of a structural
    ///   problem, whichever comes first in the file.
    func glossary(reading reader: XMLEventReader) throws -> Glossary {
        guard case .start(let root)? = try reader.next() else { throw error(at: nil, "no root element") }   // next() throws first
        if root.name == "mtf" { return try MultiTermReader(file: file).glossary(reading: reader, root: root) }
        if multiTermOnly { throw error(at: root, "the root element is <\(root.name)>: expected <mtf> (MultiTerm XML)") }
        let vocabulary: TBXVocabulary
        switch root.name {
        case "tbx": vocabulary = .v3
        case "martif": vocabulary = .v2008
        default:
            throw error(at: root, "the root element is <\(root.name)>: expected <tbx> (TBX v3), <martif> (TBX 2008) or <mtf> (MultiTerm XML)")
        }
        let document = Document(vocabulary: vocabulary, namespace: root.namespace, file: file)
        var glossary = Glossary()
        // The root's xml:lang declares the source language (see Glossary.sourceLanguage);
        // the default, `en`, stays undeclared (nil) so that round trips compare equal.
        if let language = root[attribute: "xml:lang"]?.trimmingWhitespace, !language.isEmpty,
           language != Glossary.defaultSourceLanguage {
            glossary.sourceLanguage = language
        }
        var firstLine: [String: Int] = [:]
        var sawText = false
        // The root's children: the header and anything else but the first <text> are skipped.
        rootContent: while let event = try reader.next() {
            guard case .start(let child) = event else {
                if case .end = event { break rootContent }
                continue
            }
            guard !sawText, document.isTBX(child, "text") else {
                try reader.skipSubtree()
                continue
            }
            sawText = true
            try document.forEachChild(of: child, in: reader) { section in
                if document.isTBX(section, "back") {   // back matter: not kept (see TBXGlossaryFormat)
                    try reader.skipSubtree()
                    return
                }
                guard document.isTBX(section, "body") else { throw document.unexpected(section, in: child, expected: "<body>") }
                try document.forEachChild(of: section, in: reader) { start in
                    guard document.isTBX(start, vocabulary.concept) else {
                        throw document.unexpected(start, in: section, expected: "<\(vocabulary.concept)>")
                    }
                    let entry = try reader.readSubtree(of: start)
                    let concept = try document.concept(from: entry)
                    if let line = firstLine[concept.id] {
                        throw error(at: entry, "duplicate \(vocabulary.concept) id \"\(concept.id)\" (first on line \(line))")
                    }
                    firstLine[concept.id] = entry.line
                    glossary.concepts.append(concept)
                }
            }
        }
        guard sawText else { throw error(at: root, "<\(root.name)> has no <text> element") }
        while try reader.next() != nil {}   // what follows the root: comments, white space
        return glossary
    }

    private func error(at element: XMLTreeElement?, _ message: String) -> FileError {
        FileError(path: file, line: element?.line, column: element?.column, message: message)
    }
}

/// One document being read: its vocabulary (v3 or 2008) and the namespace of its TBX elements.
private struct Document {
    let vocabulary: TBXVocabulary
    /// The root's namespace: TBX elements are in it, anything else is foreign.
    let namespace: String
    let file: String?

    /// Elements that make up the structure of a TBX file; found out of place, they are an
    /// error rather than a data category to keep.
    private static let structuralNames: Set<String> = [
        "tbx", "martif", "tbxHeader", "martifHeader", "text", "body", "back", "conceptEntry", "termEntry",
        "langSec", "langSet", "termSec", "tig", "ntig", "termGrp", "term",
    ]

    /// Whether `element` is the TBX element `name` (in the document's namespace).
    func isTBX(_ element: XMLTreeElement, _ name: String) -> Bool {
        element.name == name && element.namespace == namespace
    }

    private func isStructural(_ element: XMLTreeElement) -> Bool {
        element.namespace == namespace && Self.structuralNames.contains(element.name)
    }

    func error(at element: XMLTreeElement, _ message: String) -> FileError {
        FileError(path: file, line: element.line, column: element.column, message: message)
    }

    /// The error for `element` found where it does not belong.
    func unexpected(_ element: XMLTreeElement, in parent: XMLTreeElement, expected: String) -> FileError {
        error(at: element, "unexpected <\(element.name)> in <\(parent.name)>: expected \(expected)")
    }

    /// Calls `body` with each child element of `parent` (whose start `reader` has just
    /// returned) as it starts; `body` reads or skips its content. Text other than white space
    /// between the children is an error.
    func forEachChild(of parent: XMLTreeElement, in reader: XMLEventReader, _ body: (XMLTreeElement) throws -> Void) throws {
        while let event = try reader.next() {
            switch event {
            case .start(let child):
                try body(child)
            case .text(let text, _):
                if !text.isXMLWhitespace { throw strayText(text, in: parent) }
            case .end:
                return
            }
        }
    }

    private func strayText(_ text: String, in element: XMLTreeElement) -> FileError {
        let trimmed = text.trimmingWhitespace
        return error(at: element, "unexpected text \"\(trimmed.prefix(40))\" in <\(element.name)>")
    }

    /// Text other than white space in an element whose content is only elements.
    func refuseStrayText(in element: XMLTreeElement) throws {
        if !element.directText.isXMLWhitespace { throw strayText(element.directText, in: element) }
    }

    // MARK: Concepts

    /// The concept in a `conceptEntry` (`termEntry`): id, subject, definition, note, language
    /// sections, and every other data category in `extra`.
    func concept(from entry: XMLTreeElement) throws -> Concept {
        try refuseStrayText(in: entry)
        guard let id = entry[attribute: "id"]?.trimmingWhitespace, !id.isEmpty else {
            throw error(at: entry, "<\(entry.name)> has no id attribute")
        }
        var concept = Concept(id: id)
        for child in entry.elements {
            if isTBX(child, vocabulary.language) {
                concept.languages.append(try languageTerms(from: child))
                continue
            }
            if isStructural(child) {
                throw unexpected(child, in: entry, expected: "<\(vocabulary.language)> or a data category")
            }
            if let text = simpleText(child) {
                switch (child.name, child[attribute: "type"]) {
                case ("descrip", "subjectField") where concept.subject == nil: concept.subject = text; continue
                case ("descrip", "definition") where concept.definition == nil: concept.definition = text; continue
                case ("note", nil) where concept.note == nil: concept.note = text; continue
                case ("admin", "source") where concept.source == nil: concept.source = text; continue
                default: break
                }
            }
            if concept.source == nil, let group = descriptionGroup(child) {
                if group.type == "definition", concept.definition == nil {
                    (concept.definition, concept.source) = (group.text, group.source)
                    continue
                }
                if group.type == "subjectField", concept.subject == nil, group.source == nil {
                    concept.subject = group.text   // IATE writes the subject field in a group
                    continue
                }
            }
            concept.extra.append(category(from: child))
        }
        return concept
    }

    // MARK: Language sections

    /// The terms of a `langSec` (`langSet`), with the status rule for terms that state none.
    func languageTerms(from section: XMLTreeElement) throws -> LanguageTerms {
        try refuseStrayText(in: section)
        guard let language = section[attribute: "xml:lang"]?.trimmingWhitespace, !language.isEmpty else {
            throw error(at: section, "<\(section.name)> has no xml:lang attribute")
        }
        var result = LanguageTerms(language: language, terms: [])
        var explicitStatus: [Bool] = []
        for child in section.elements {
            if isTBX(child, vocabulary.term) || (vocabulary.term == "tig" && isTBX(child, "ntig")) {
                let (term, explicit) = try term(from: child)
                result.terms.append(term)
                explicitStatus.append(explicit)
            } else if isStructural(child) {
                throw unexpected(child, in: section, expected: "<\(vocabulary.term)> or a data category")
            } else if !languageField(child, into: &result) {
                result.extra.append(category(from: child))
            }
        }
        // Terms without an administrativeStatus: the first is preferred unless a term is
        // explicitly preferred; the others are admitted.
        result.applyDefaultStatuses(explicit: explicitStatus)
        return result
    }

    /// Fills a field of `section` from `element` when it is a simple language-level
    /// definition, source or note, or a definition's `descripGrp`; whether it did.
    private func languageField(_ element: XMLTreeElement, into section: inout LanguageTerms) -> Bool {
        if let text = simpleText(element) {
            switch (element.name, element[attribute: "type"]) {
            case ("descrip", "definition") where section.definition == nil: section.definition = text; return true
            case ("admin", "source") where section.source == nil: section.source = text; return true
            case ("note", nil) where section.note == nil: section.note = text; return true
            default: return false
            }
        }
        if section.definition == nil, section.source == nil, let group = descriptionGroup(element), group.type == "definition" {
            (section.definition, section.source) = (group.text, group.source)
            return true
        }
        return false
    }

    /// The `type`, text and source of a `<descripGrp>` that holds a simple `<descrip>` and at
    /// most a simple `<admin type="source">` (as the Microsoft Terminology Collection and IATE
    /// write definitions and subject fields); nil for any other element.
    private func descriptionGroup(_ element: XMLTreeElement) -> (type: String, text: String, source: String?)? {
        guard isTBX(element, "descripGrp"), element.attributes.isEmpty, element.directText.isXMLWhitespace else { return nil }
        let children = element.elements
        guard let first = children.first, first.name == "descrip", let type = first[attribute: "type"],
              let text = simpleText(first) else { return nil }
        let rest = children.dropFirst()
        guard rest.count <= 1 else { return nil }
        guard let admin = rest.first else { return (type, text, nil) }
        guard admin.name == "admin", admin[attribute: "type"] == "source", let source = simpleText(admin) else { return nil }
        return (type, text, source)
    }

    // MARK: Terms

    /// The term in a `termSec` (`tig` or `ntig` in TBX 2008), and whether it states its status.
    func term(from section: XMLTreeElement) throws -> (Term, explicitStatus: Bool) {
        try refuseStrayText(in: section)
        // An ntig keeps the term and its term notes in a termGrp; read them as if they stood
        // directly in the section.
        var items = section.elements
        if section.name == "ntig" {
            guard let group = items.first(where: { isTBX($0, "termGrp") }) else {
                throw error(at: section, "<ntig> has no <termGrp>")
            }
            try refuseStrayText(in: group)
            items = group.elements + items.filter { !isTBX($0, "termGrp") }
        }
        let termElements = items.filter { isTBX($0, "term") }
        guard let termElement = termElements.first else {
            throw error(at: section, "<\(section.name)> has no <term>")
        }
        guard termElements.count == 1 else {
            throw error(at: termElements[1], "<\(section.name)> has more than one <term>")
        }
        let text = Self.allText(termElement).trimmingWhitespace
        guard !text.isEmpty else { throw error(at: termElement, "empty <term>") }
        var term = Term(text)

        // First the status and part of speech, which decide what the notes mean.
        var status: TermStatus?
        var partOfSpeech: String?
        var used = Set<Int>()
        for (index, item) in items.enumerated() where item.name == "termNote" {
            guard let value = simpleText(item) else { continue }
            if item[attribute: "type"] == "administrativeStatus", status == nil, let known = Self.statuses[value] {
                status = known
                used.insert(index)
            } else if item[attribute: "type"] == "partOfSpeech", partOfSpeech == nil {
                partOfSpeech = Term.partOfSpeechName(value)   // `Noun` (Microsoft) reads as `noun`
                used.insert(index)
            }
        }
        var forbidden = false
        var proposed = false
        var statusNoted = false
        var properNoun = false
        for (index, item) in items.enumerated() where !used.contains(index) && !isTBX(item, "term") {
            if isStructural(item) {
                throw unexpected(item, in: section, expected: "a data category")
            }
            if let value = simpleText(item) {
                switch (item.name, item[attribute: "type"]) {
                case ("admin", "source") where term.source == nil:
                    term.source = value
                    continue
                case ("note", nil):
                    if value.hasPrefix(TBXGlossaryFormat.pinyinNotePrefix), term.pinyin == nil {
                        term.pinyin = String(value.dropFirst(TBXGlossaryFormat.pinyinNotePrefix.count)).trimmingWhitespace
                        continue
                    }
                    if (value == TermStatus.forbiddenNote || value == TermStatus.legacyForbiddenNote), status == .deprecated, !forbidden {
                        forbidden = true
                        continue
                    }
                    if value == TermStatus.proposedNote, status == nil, !proposed {
                        proposed = true
                        continue
                    }
                    if let known = status, known != .forbidden, value == known.tbxNote, !statusNoted {
                        statusNoted = true   // the note Termbridge writes beside the status
                        continue
                    }
                    if value == TBXGlossaryFormat.properNounNote, partOfSpeech == "noun", !properNoun {
                        properNoun = true
                        continue
                    }
                    if term.note == nil {
                        term.note = value
                        continue
                    }
                default: break
                }
            }
            term.extra.append(category(from: item))
        }
        term.status = forbidden ? .forbidden : proposed ? .proposed : status ?? .preferred
        term.partOfSpeech = properNoun ? "properNoun" : partOfSpeech
        return (term, status != nil || proposed)
    }

    private static let statuses: [String: TermStatus] = [
        "preferredTerm-admn-sts": .preferred, "admittedTerm-admn-sts": .admitted,
        "supersededTerm-admn-sts": .superseded, "deprecatedTerm-admn-sts": .deprecated,
    ]

    // MARK: Data categories

    /// The trimmed text of a *simple* category (a TBX element with no attribute but `type`,
    /// holding only text that does not start with `<`), or nil.
    private func simpleText(_ element: XMLTreeElement) -> String? {
        guard element.namespace == namespace, !element.hasElementChildren,
              element.attributes.allSatisfy({ $0.name == "type" }) else { return nil }
        let text = element.directText.trimmingWhitespace
        return text.hasPrefix("<") ? nil : text
    }

    /// `element` as a ``DataCategory``: its trimmed text when simple (for `xref`, its target),
    /// else the whole element as one line of XML.
    func category(from element: XMLTreeElement) -> DataCategory {
        let type = element[attribute: "type"]
        if element.name == "xref", element.namespace == namespace, !element.hasElementChildren,
           let target = element[attribute: "target"], !target.hasPrefix("<"),
           element.attributes.allSatisfy({ $0.name == "type" || $0.name == "target" }) {
            let text = element.directText.trimmingWhitespace
            if text.isEmpty || text == target {
                return DataCategory(element: "xref", type: type, value: target)
            }
        } else if element.name != "xref", let text = simpleText(element) {
            return DataCategory(element: element.name, type: type, value: text)
        }
        let xml = XMLTextWriter.compact(element, defaultNamespace: namespace, elementOnly: TBXGlossaryFormat.elementOnlyNames)
        return DataCategory(element: element.name, type: type, value: xml)
    }

    /// All text inside `element`, its descendants' included (for `<term>` with `<hi>`).
    private static func allText(_ element: XMLTreeElement) -> String {
        element.children.reduce(into: "") {
            switch $1 {
            case .text(let text): $0 += text
            case .element(let child): $0 += allText(child)
            }
        }
    }
}
