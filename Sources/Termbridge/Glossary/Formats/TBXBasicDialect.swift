/// What TBX-Basic and the TBX core structure permit for a data category that Termbridge writes
/// back from an `extra` array: the element, where it sits, its attributes, its content, its
/// `type` and, for picklists, its value.
///
/// The rules restate `TBX-Basic_DCA.sch` (TBX-Basic 1.2.1: permitted `type` values, the levels
/// each may appear at, picklists) and the parts of `TBXcoreStructV03.rng` that concern data
/// categories (which elements a level or a group may hold, in what order, with which
/// attributes). TBX 2008 output is held to the same dialect rules (its TBX-Basic XCS is not
/// available to check against) under `TBXcoreStructV02.dtd`'s structure, which differs in
/// two ways: a `tig` holds no `termNoteGrp`, and `partOfSpeech` may be `properNoun`.
///
/// `id` and `target` values are not checked here: ids must be unique across the whole file,
/// so ``TBXWriter`` checks them once the file is assembled.
struct TBXBasicDialect: Sendable {
    let version: TBXGlossaryFormat.Version

    /// Permitted `type` values per element (TBX-Basic_DCA.sch, pattern dialectEnforcement).
    static let permittedTypes: [String: [String]] = [
        "admin": ["customerSubset", "projectSubset", "source"],
        "descrip": ["subjectField", "context", "definition"],
        "ref": ["crossReference"],
        "termNote": ["administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation", "termType"],
        "transac": ["transactionType"],
        "transacNote": ["responsibility"],
        "xref": ["externalCrossReference", "xGraphic"],
    ]

    /// Picklists per data category (`type` value).
    static let picklists: [String: [String]] = [
        "administrativeStatus": ["admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"],
        "partOfSpeech": ["adjective", "noun", "other", "verb", "adverb"],
        "grammaticalGender": ["masculine", "feminine", "neuter", "other"],
        "termLocation": ["checkBox", "comboBox", "comboBoxElement", "dialogBox", "groupBox", "informativeMessage",
                         "interactiveMessage", "menuItem", "progressBar", "pushButton", "radioButton", "slider",
                         "spinBox", "tab", "tableText", "textBox", "toolTip", "user-definedType"],
        "termType": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
        "transactionType": ["origination", "modification"],
    ]

    /// The parts of speech this version's TBX-Basic permits.
    var partsOfSpeech: [String] {
        version == .v3 ? Self.picklists["partOfSpeech"]! : Self.picklists["partOfSpeech"]! + ["properNoun"]
    }

    /// Elements a level holds besides the structure (`entity.auxInfo`, and at term level the
    /// term notes).
    private func permittedAtLevel(_ level: TBXLevel) -> Set<String> {
        let auxiliary: Set<String> = ["admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"]
        guard level == .term else { return auxiliary }
        return auxiliary.union(version == .v3 ? ["termNote", "termNoteGrp"] : ["termNote"])
    }

    /// Groups: the element they start with, then what may follow in any order.
    private static let groups: [String: (head: String, rest: Set<String>)] = [
        "adminGrp": ("admin", ["adminNote", "note", "ref", "xref"]),
        "descripGrp": ("descrip", ["admin", "adminGrp", "descripNote", "note", "ref", "transacGrp", "xref"]),
        "termNoteGrp": ("termNote", ["admin", "adminGrp", "note", "ref", "transacGrp", "xref"]),
        "transacGrp": ("transac", ["date", "note", "ref", "transacNote", "xref"]),
    ]

    private enum Content { case noteText, text, empty, group }

    private static let typedCategories: Set<String> = ["admin", "descrip", "termNote", "ref", "adminNote", "descripNote", "transac", "transacNote"]

    private func content(of name: String) -> Content? {
        switch name {
        case "admin", "descrip", "termNote", "note", "foreign": .noteText
        case "ref", "xref", "transac", "transacNote", "adminNote", "descripNote", "date", "hi": .text
        case "ph": version == .v3 ? .empty : .text
        case _ where Self.groups[name] != nil: .group
        default: nil
        }
    }

    private func permittedAttributes(of name: String) -> Set<String> {
        switch name {
        case _ where Self.typedCategories.contains(name): ["id", "xml:lang", "type", "target", "datatype"]
        case "note", "foreign": ["id", "xml:lang"]
        case "xref": ["id", "type", "target"]
        case "date": ["id"]
        case "hi": version == .v3 ? ["target", "type"] : ["target", "type", "xml:lang"]
        case "ph": ["type"]
        default: ["id"]   // groups
        }
    }

    private func requiredAttributes(of name: String) -> [String] {
        if Self.typedCategories.contains(name) { return ["type"] }
        if name == "xref" { return version == .v3 ? ["type", "target"] : ["target"] }
        return []
    }

    /// Why `element` may not be written as a data category at `level`; nil when it may.
    /// O(size of the element).
    func problem(with element: XMLTreeElement, at level: TBXLevel) -> String? {
        guard permittedAtLevel(level).contains(element.name) || element.namespace != TBXGlossaryFormat.namespace else {
            return "<\(element.name)> is not permitted at the \(level) level"
        }
        return problem(with: element, level: level, groups: [])
    }

    /// `groups`: the groups between the level's element and `element`, outermost first.
    private func problem(with element: XMLTreeElement, level: TBXLevel, groups: [String]) -> String? {
        let name = element.name
        guard element.namespace == TBXGlossaryFormat.namespace else {
            return "<\(name)> is not in the TBX namespace (TBX-Basic in DCA style permits no other elements)"
        }
        guard let content = content(of: name) else {
            return "<\(name)> is not a TBX data category Termbridge can write"
        }
        let permitted = permittedAttributes(of: name)
        if let stray = element.attributes.first(where: { !permitted.contains($0.name) }) {
            return "<\(name)> may not have the attribute \(stray.name)"
        }
        if let missing = requiredAttributes(of: name).first(where: { element[attribute: $0] == nil }) {
            return "<\(name)> needs the attribute \(missing)"
        }
        if let type = element[attribute: "type"], type.isEmpty {
            return "<\(name)> has an empty type"
        }
        if let language = element[attribute: "xml:lang"], !XMLNames.isLanguageTag(language) {
            return "<\(name)> has xml:lang=\"\(language)\", which is not a language tag"
        }
        if let problem = dialectProblem(with: element, level: level, groups: groups) { return problem }
        switch content {
        case .empty:
            if !element.children.isEmpty { return "<\(name)> must be empty" }
        case .text:
            if element.hasElementChildren { return "<\(name)> may hold only text" }
            if name == "date", version == .v3, !Self.isDateOrDateTime(element.directText) {
                return "<date> \"\(element.directText)\" is not an xsd:date or xsd:dateTime"
            }
            if name == "hi", version == .v3, let type = element[attribute: "type"],
               !["entailedTerm", "hotkey", "italics", "bold", "superscript", "subscript", "math"].contains(type) {
                return "<hi type=\"\(type)\"> is not a TBX highlight type"
            }
        case .noteText:
            for child in element.elements {
                guard ["hi", "foreign", "ph"].contains(child.name) else {
                    return "<\(name)> may not contain <\(child.name)> (only text with <hi>, <foreign>, <ph>)"
                }
                if let problem = self.problem(with: child, level: level, groups: groups) { return problem }
            }
        case .group:
            let (head, rest) = Self.groups[name]!
            if !element.directText.isXMLWhitespace { return "<\(name)> may not hold text" }
            let children = element.elements
            guard children.first?.name == head else { return "<\(name)> must start with <\(head)>" }
            for child in children.dropFirst() where !rest.contains(child.name) {
                return "<\(name)> may not contain <\(child.name)> after its <\(head)>"
            }
            for child in children {
                if let problem = self.problem(with: child, level: level, groups: groups + [name]) { return problem }
            }
        }
        return nil
    }

    /// The Schematron's rules for `type` values, levels and picklists.
    private func dialectProblem(with element: XMLTreeElement, level: TBXLevel, groups: [String]) -> String? {
        let name = element.name
        guard let type = element[attribute: "type"], let permittedTypes = Self.permittedTypes[name] else {
            return nil   // note, groups, notes of groups, inline markup: no dialect rule
        }
        let category = "<\(name) type=\"\(type)\">"
        guard permittedTypes.contains(type) else {
            return "\(category) is not a TBX-Basic data category (permitted \(name) types: \(permittedTypes.joined(separator: ", ")))"
        }
        let direct = groups.isEmpty
        let inOneGroup = { (allowed: (String) -> Bool) in groups.count == 1 && allowed(groups[0]) }
        let (levels, placed): ([TBXLevel], Bool)
        switch (name, type) {
        case ("admin", "customerSubset"), ("admin", "projectSubset"):
            (levels, placed) = ([.concept, .term], direct || inOneGroup { $0 != "transacGrp" })
        case ("admin", "source"):
            (levels, placed) = ([.concept, .language, .term], direct || inOneGroup { $0 != "transacGrp" })
        case ("descrip", "subjectField"):
            (levels, placed) = ([.concept], direct || inOneGroup { $0 == "descripGrp" })
        case ("descrip", "context"):
            (levels, placed) = ([.term], direct || inOneGroup { $0 == "descripGrp" })
        case ("descrip", "definition"):
            (levels, placed) = ([.concept, .language], direct || inOneGroup { $0 == "descripGrp" })
        case ("ref", _):
            (levels, placed) = ([.concept, .term], direct || inOneGroup { _ in true })
        case ("xref", "externalCrossReference"):
            (levels, placed) = ([.concept, .language, .term], direct)
        case ("xref", _):
            (levels, placed) = ([.concept, .language], direct)
        case ("termNote", _):
            (levels, placed) = ([.term], direct || inOneGroup { $0 == "termNoteGrp" })
        default:   // transac, transacNote
            (levels, placed) = ([.concept, .language, .term], direct || inOneGroup { $0 == "transacGrp" })
        }
        guard levels.contains(level), placed else {
            let allowed = levels.map(\.rawValue).joined(separator: ", ")
            return "\(category) is permitted in TBX-Basic only at the \(allowed) level\(levels.count > 1 ? "s" : "")"
                + (direct || !levels.contains(level) ? "" : " and not inside <\(groups.joined(separator: "> in <"))>")
                + (levels.contains(level) ? "" : ", not at the \(level) level")
        }
        let picklist = type == "partOfSpeech" ? partsOfSpeech : Self.picklists[type]
        if let picklist, !picklist.contains(element.directText) {
            return "\(category) value \"\(element.directText)\" is not in TBX-Basic's picklist (\(picklist.joined(separator: ", ")))"
        }
        return nil
    }

    private static func isDateOrDateTime(_ text: String) -> Bool {
        text.range(of: #"^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"#, options: .regularExpression) != nil
    }
}
