import Foundation

/// Writes a ``Glossary`` as a TBX-Basic document (v3 or 2008) and collects what could not be
/// written; ``TBXGlossaryFormat`` documents the mapping.
///
/// The document is written one concept entry at a time, so that memory holds the glossary,
/// the text and one entry's tree. Ids and targets are checked across the whole file: a first
/// pass builds the entries of the concepts whose data categories hold XML (only those can
/// declare ids or point `target`s) to learn the ids they declare; the second builds every
/// entry, points its targets at ids that exist and writes it with ``XMLTextWriter``.
/// Internally every TBX element carries the TBX v3 namespace; the 2008 output simply never
/// declares it. O(size of the glossary).
struct TBXWriter {
    let version: TBXGlossaryFormat.Version
    private let vocabulary: TBXVocabulary
    private let dialect: TBXBasicDialect
    /// What could not be written.
    private(set) var warnings = TBXWarnings()

    private static let namespace = TBXGlossaryFormat.namespace

    init(version: TBXGlossaryFormat.Version) {
        self.version = version
        vocabulary = .of(version)
        dialect = TBXBasicDialect(version: version)
    }

    /// The whole document, in UTF-8. Pinyin must already be filled in.
    mutating func document(for glossary: Glossary) -> Data {
        let ids = conceptIDs(glossary.concepts)

        // Pass 1: the ids declared inside data categories, in document order (what cannot be
        // written is counted in pass 2).
        var declared = Set(ids.written)
        var idWarnings = TBXWarnings()
        let counted = warnings
        for (concept, id) in zip(glossary.concepts, ids.written) where Self.holdsXML(concept) {
            guard var entry = conceptEntry(concept, id: id) else { continue }
            collectIDs(in: &entry, ids: &declared, warnings: &idWarnings)
        }
        warnings = counted

        let source = Self.element("p", text: "Termbridge glossary")
        let fileDescription = Self.element("fileDesc", children: [Self.element("sourceDesc", children: [source])])
        var out = XMLTextWriter(elementOnly: TBXGlossaryFormat.elementOnlyNames, defaultNamespace: Self.namespace)
        out.appendLine(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        let root: XMLTreeElement
        let header: XMLTreeElement
        switch version {
        case .v3:
            out.appendLine(#"<?xml-model href="TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>"#)
            out.appendLine(#"<?xml-model href="TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>"#)
            header = Self.element("tbxHeader", children: [fileDescription])
            root = Self.element("tbx", attributes: [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", Self.namespace)], children: [])
        case .v2008:
            out.appendLine(#"<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">"#)
            let encoding = Self.element("encodingDesc", children: [Self.element("p", attributes: [("type", "XCSURI")], text: "TBXBasicXCSV02.xcs")])
            header = Self.element("martifHeader", children: [fileDescription, encoding])
            root = Self.element("martif", attributes: [("type", "TBX-Basic"), ("xml:lang", "en")], children: [])
        }
        out.appendStartTag(root, depth: 0)
        out.append(header, depth: 1)

        // Pass 2: every entry, its ids and targets made consistent, written out.
        let text = Self.element("text", children: [])
        let body = Self.element("body", children: [])
        var seen = Set(ids.written)
        var repeated = TBXWarnings()   // counted in pass 1
        var targetWarnings = TBXWarnings()
        var entries = 0
        for (concept, id) in zip(glossary.concepts, ids.written) {
            guard var entry = conceptEntry(concept, id: id) else { continue }
            if entries == 0 {
                out.appendStartTag(text, depth: 1)
                out.appendStartTag(body, depth: 2)
            }
            entries += 1
            if Self.holdsXML(concept) {
                collectIDs(in: &entry, ids: &seen, warnings: &repeated)
                resolveTargets(in: &entry, ids: declared, renamed: ids.renamed, warnings: &targetWarnings)
            }
            out.append(entry, depth: 3)
        }
        if entries > 0 {
            out.appendEndTag("body", depth: 2)
            out.appendEndTag("text", depth: 1)
        } else if version == .v3 {
            out.append(text, depth: 1)   // <text/>
        } else {
            out.appendStartTag(text, depth: 1)
            out.append(body, depth: 2)   // <body/>
            out.appendEndTag("text", depth: 1)
        }
        out.appendEndTag(root.name, depth: 0)
        warnings.add(contentsOf: idWarnings)
        warnings.add(contentsOf: targetWarnings)
        if entries == 0, version == .v2008 {
            warnings.add("TBX 2008 requires at least one <termEntry>; this file has none and will not validate against TBXcoreStructV02.dtd", at: "the glossary")
        }
        return out.data
    }

    /// Whether a data category of `concept` (at any level) holds XML, the only place where
    /// ids and IDREF targets can come from (see ``TBXGlossaryFormat``).
    private static func holdsXML(_ concept: Concept) -> Bool {
        let isXML = { (category: DataCategory) in category.value.hasPrefix("<") }
        return concept.extra.contains(where: isXML) || concept.languages.contains { section in
            section.extra.contains(where: isXML) || section.terms.contains { $0.extra.contains(where: isXML) }
        }
    }

    // MARK: Concepts

    /// The id each concept is written with: its own when it is an NCName used once, else a
    /// sanitized one (with a warning). `renamed` maps ids that were not NCNames to their new
    /// form, so that `target`s pointing to them can follow.
    private mutating func conceptIDs(_ concepts: [Concept]) -> (written: [String], renamed: [String: String]) {
        let reserved = Set(concepts.map(\.id).filter(XMLNames.isNCName))
        var used = Set<String>()
        var written: [String] = []
        var renamed: [String: String] = [:]
        for concept in concepts {
            let id = concept.id
            if XMLNames.isNCName(id), used.insert(id).inserted {
                written.append(id)
                continue
            }
            let base = XMLNames.isNCName(id) ? id : XMLNames.sanitizedNCName(id)
            var candidate = base
            var number = 2
            while used.contains(candidate) || (candidate != id && reserved.contains(candidate)) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            used.insert(candidate)
            written.append(candidate)
            if XMLNames.isNCName(id) {
                warnings.add("concept id \"\(id)\" appears more than once; TBX ids must be unique: this one is written as \"\(candidate)\"", at: "the glossary")
            } else {
                if renamed[id] == nil { renamed[id] = candidate }
                warnings.add("concept id \"\(id)\" is not an XML name (NCName), which TBX requires: written as \"\(candidate)\"", at: "the glossary")
            }
        }
        return (written, renamed)
    }

    private mutating func conceptEntry(_ concept: Concept, id: String) -> XMLTreeElement? {
        let place = "concept \"\(concept.id)\""
        var children: [XMLTreeElement] = []
        if let subject = concept.subject {
            children.append(Self.element("descrip", attributes: [("type", "subjectField")], text: simpleText(subject, at: place)))
        }
        if let definition = concept.definition {
            children.append(Self.element("descrip", attributes: [("type", "definition")], text: simpleText(definition, at: place)))
        }
        if let note = concept.note {
            children.append(Self.element("note", text: simpleText(note, at: place)))
        }
        children += categories(concept.extra, at: .concept, place: place)
        var sections = 0
        for section in concept.languages {
            if let element = languageSection(section, place: place) {
                children.append(element)
                sections += 1
            }
        }
        guard sections > 0 else {
            warnings.add("a concept without any term cannot be written in TBX: concept not written", at: place)
            return nil
        }
        return Self.element(vocabulary.concept, attributes: [("id", id)], children: children)
    }

    private mutating func languageSection(_ section: LanguageTerms, place: String) -> XMLTreeElement? {
        var language = section.language
        if !XMLNames.isLanguageTag(language) {
            let hyphenated = language.replacingOccurrences(of: "_", with: "-")
            guard XMLNames.isLanguageTag(hyphenated) else {
                warnings.add("language \"\(language)\" is not a language tag that xml:lang accepts: its section (\(section.terms.count) terms) not written", at: place)
                return nil
            }
            warnings.add("language \"\(language)\" written as \"\(hyphenated)\" (xml:lang takes hyphens)", at: place)
            language = hyphenated
        }
        let place = "\(place), language \"\(section.language)\""
        let terms = section.terms.compactMap { term(for: $0, place: place) }
        guard !terms.isEmpty else {
            if !section.extra.isEmpty || section.terms.isEmpty {
                warnings.add("a language section without any term cannot be written in TBX: not written", at: place)
            }
            return nil
        }
        let extras = categories(section.extra, at: .language, place: place)
        return Self.element(vocabulary.language, attributes: [("xml:lang", language)], children: extras + terms)
    }

    // MARK: Terms

    private mutating func term(for term: Term, place: String) -> XMLTreeElement? {
        guard !term.text.trimmingWhitespace.isEmpty else {
            warnings.add("an empty term cannot be written: not written", at: place)
            return nil
        }
        let place = "\(place), term \"\(term.text)\""
        var termNotes: [XMLTreeElement] = []
        var notes: [XMLTreeElement] = []
        if let partOfSpeech = term.partOfSpeech {
            if version == .v3, partOfSpeech == "properNoun" {
                termNotes.append(Self.element("termNote", attributes: [("type", "partOfSpeech")], text: "noun"))
                notes.append(Self.element("note", text: TBXGlossaryFormat.properNounNote))
            } else if dialect.partsOfSpeech.contains(partOfSpeech) {
                termNotes.append(Self.element("termNote", attributes: [("type", "partOfSpeech")], text: partOfSpeech))
            } else {
                warnings.add("part of speech \"\(partOfSpeech)\" is not in TBX-Basic's picklist (\(dialect.partsOfSpeech.joined(separator: ", "))): not written", at: place)
            }
        }
        let status: String
        switch term.status {
        case .preferred: status = "preferredTerm-admn-sts"
        case .admitted: status = "admittedTerm-admn-sts"
        case .superseded: status = "supersededTerm-admn-sts"
        case .deprecated, .forbidden: status = "deprecatedTerm-admn-sts"
        }
        termNotes.append(Self.element("termNote", attributes: [("type", "administrativeStatus")], text: status))

        var auxiliary: [XMLTreeElement] = []
        if let pinyin = term.pinyin {
            auxiliary.append(Self.element("note", text: "\(TBXGlossaryFormat.pinyinNotePrefix) \(clean(pinyin, at: place))"))
        }
        if let note = term.note {
            auxiliary.append(Self.element("note", text: simpleText(note, at: place)))
        }
        if term.status == .forbidden {
            auxiliary.append(Self.element("note", text: TermStatus.forbiddenNote))
        }
        auxiliary += notes
        if let source = term.source {
            auxiliary.append(Self.element("admin", attributes: [("type", "source")], text: simpleText(source, at: place)))
        }
        let extras = categories(term.extra, at: .term, place: place)
        let isTermNote = { (element: XMLTreeElement) in element.name == "termNote" || element.name == "termNoteGrp" }
        let text = Self.element("term", text: clean(term.text, at: place))
        return Self.element(vocabulary.term, children: [text] + termNotes + extras.filter(isTermNote)
                                                        + auxiliary + extras.filter { !isTermNote($0) })
    }

    // MARK: Data categories

    /// The elements for `categories` that TBX-Basic permits at `level`; the others are reported.
    private mutating func categories(_ categories: [DataCategory], at level: TBXLevel, place: String) -> [XMLTreeElement] {
        categories.compactMap { category in
            let element = element(for: category, place: place)
            if let problem = dialect.problem(with: element, at: level) {
                let what = Self.describe(category)
                warnings.add(problem.hasPrefix(what) ? "\(problem): not written" : "\(what) not written: \(problem)", at: place)
                return nil
            }
            return element
        }
    }

    /// The element a category stands for: its XML when `value` is one element of that name
    /// (see ``TBXGlossaryFormat``), else an element with `type` and `value` as text (for
    /// `xref`, `value` as the target).
    private mutating func element(for category: DataCategory, place: String) -> XMLTreeElement {
        if category.value.hasPrefix("<"),
           let parsed = SafeXMLParser.parseElement(category.value, defaultNamespace: Self.namespace),
           parsed.name == category.element {
            return parsed
        }
        var attributes: [(String, String)] = []
        if let type = category.type { attributes.append(("type", clean(type, at: place))) }
        if category.element == "xref" {
            attributes.append(("target", clean(category.value, at: place)))
            return Self.element("xref", attributes: attributes, text: "")
        }
        return Self.element(category.element, attributes: attributes, text: clean(category.value, at: place))
    }

    /// `<element type="type">`, for warnings (without the value, so that a kind of category
    /// is reported once with a count).
    private static func describe(_ category: DataCategory) -> String {
        "<\(category.element)\(category.type.map { " type=\"\($0)\"" } ?? "")>"
    }

    // MARK: IDs and targets

    // The `id`s inside data categories are made unique NCNames, and every IDREF `target` (all
    // but `xref`'s, which is a URI) is pointed at an id in the file: concept ids that were
    // sanitized are followed; other dangling targets (such as references to back matter,
    // which Termbridge does not keep) are removed, with a warning.

    /// Removes `id`s that are not NCNames or are already in `ids`; adds the others to `ids`.
    private func collectIDs(in entry: inout XMLTreeElement, ids: inout Set<String>, warnings: inout TBXWarnings) {
        let place = "concept \"\(entry[attribute: "id"] ?? "")\""
        for child in entry.children.indices {
            guard case .element(var element) = entry.children[child] else { continue }
            collectIDs(in: &element, ids: &ids, place: place, warnings: &warnings)
            entry.children[child] = .element(element)
        }
    }

    private func collectIDs(in element: inout XMLTreeElement, ids: inout Set<String>, place: String, warnings: inout TBXWarnings) {
        if let index = element.attributes.firstIndex(where: { $0.name == "id" }) {
            let id = element.attributes[index].value
            if !XMLNames.isNCName(id) || ids.contains(id) {
                let why = XMLNames.isNCName(id) ? "is already used in this file" : "is not an XML name (NCName)"
                warnings.add("id \"\(id)\" on <\(element.name)> \(why): attribute removed", at: place)
                element.attributes.remove(at: index)
            } else {
                ids.insert(id)
            }
        }
        for index in element.children.indices {
            guard case .element(var child) = element.children[index] else { continue }
            collectIDs(in: &child, ids: &ids, place: place, warnings: &warnings)
            element.children[index] = .element(child)
        }
    }

    /// Points `target`s at `ids`, following `renamed` concept ids; removes the others.
    private func resolveTargets(in entry: inout XMLTreeElement, ids: Set<String>, renamed: [String: String], warnings: inout TBXWarnings) {
        let place = "concept \"\(entry[attribute: "id"] ?? "")\""
        for child in entry.children.indices {
            guard case .element(var element) = entry.children[child] else { continue }
            resolveTargets(in: &element, ids: ids, renamed: renamed, place: place, warnings: &warnings)
            entry.children[child] = .element(element)
        }
    }

    private func resolveTargets(in element: inout XMLTreeElement, ids: Set<String>, renamed: [String: String], place: String, warnings: inout TBXWarnings) {
        if element.name != "xref", let index = element.attributes.firstIndex(where: { $0.name == "target" }) {
            var target = element.attributes[index].value
            if !ids.contains(target), let new = renamed[target] {
                target = new
                element.attributes[index].value = new
            }
            if !ids.contains(target) {
                warnings.add("target \"\(target)\" on <\(element.name)> refers to no id in this file (Termbridge does not keep TBX back matter): attribute removed", at: place)
                element.attributes.remove(at: index)
            }
        }
        for index in element.children.indices {
            guard case .element(var child) = element.children[index] else { continue }
            resolveTargets(in: &child, ids: ids, renamed: renamed, place: place, warnings: &warnings)
            element.children[index] = .element(child)
        }
    }

    // MARK: Building elements

    /// `text` with the characters XML cannot carry replaced by U+FFFD, reported; white space at
    /// either end, which TBX readers (Termbridge's too) trim, is reported as well.
    private mutating func clean(_ text: String, at place: String) -> String {
        let (cleaned, replaced) = XMLEscaping.replacingDisallowedCharacters(text)
        if replaced > 0 {
            warnings.add("\(replaced) control character(s) that XML 1.0 cannot carry written as U+FFFD", at: place)
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            warnings.add("white space at either end of a text, which readers of TBX trim, will not come back", at: place)
        }
        return cleaned
    }

    /// The text of a category that fills a model field (subject, definition, notes, source):
    /// as ``clean(_:at:)``, and text starting with `<` reported, since reading takes such a
    /// category for kept XML (``DataCategory``) rather than for the field.
    private mutating func simpleText(_ text: String, at place: String) -> String {
        if text.trimmingWhitespace.hasPrefix("<") {
            warnings.add("a text starting with <, which reading takes for XML kept from another tool, will come back as a data category", at: place)
        }
        return clean(text, at: place)
    }

    private static func element(_ name: String, attributes: [(String, String)] = [], children: [XMLTreeElement]) -> XMLTreeElement {
        XMLTreeElement(name, namespace: namespace, attributes: attributes.map { XMLTreeAttribute($0.0, $0.1) },
                       children: children.map { .element($0) })
    }

    private static func element(_ name: String, attributes: [(String, String)] = [], text: String) -> XMLTreeElement {
        XMLTreeElement(name, namespace: namespace, attributes: attributes.map { XMLTreeAttribute($0.0, $0.1) }, text: text)
    }
}

/// Warnings from a TBX write, each kind reported once with how often it happened and where
/// first, in the order first seen.
struct TBXWarnings {
    private var counts: [String: (count: Int, first: String)] = [:]
    private var order: [String] = []

    /// Notes that `message` applies at `place` (e.g. `concept "qa-001", term "准盟友"`).
    mutating func add(_ message: String, at place: String) {
        if let entry = counts[message] {
            counts[message] = (entry.count + 1, entry.first)
        } else {
            counts[message] = (1, place)
            order.append(message)
        }
    }

    /// Adds the warnings of `other`, after these.
    mutating func add(contentsOf other: TBXWarnings) {
        for message in other.order {
            let (count, first) = other.counts[message]!
            if let entry = counts[message] {
                counts[message] = (entry.count + count, entry.first)
            } else {
                counts[message] = (count, first)
                order.append(message)
            }
        }
    }

    /// The warnings: `TBX: message (place)`, or `(N times; first in place)`.
    var list: [GlossaryWarning] {
        order.map { message in
            let (count, first) = counts[message]!
            let location = count == 1 ? first : "\(count) times; first in \(first)"
            return GlossaryWarning("TBX: \(message) (\(location))")
        }
    }
}
