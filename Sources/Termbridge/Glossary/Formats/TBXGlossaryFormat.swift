import Foundation

/// TBX glossaries: TBX v3 (ISO 30042:2019, `<tbx>`) and TBX 2008 (`<martif>`), TBX-Basic
/// dialect. Reading accepts both and tells them apart by the root element; writing produces
/// either (see ``Version``).
///
/// ## Mapping
///
/// | model | TBX v3 (2008 where it differs) |
/// |---|---|
/// | ``Concept/id`` | `conceptEntry/@id` (`termEntry/@id`); written ids must be XML NCNames |
/// | ``Concept/subject`` | concept-level `<descrip type="subjectField">` |
/// | ``Concept/definition`` | concept-level `<descrip type="definition">` |
/// | ``Concept/note`` | concept-level `<note>` |
/// | ``Concept/source`` | concept-level `<admin type="source">` |
/// | ``Glossary/sourceLanguage`` | the root's `xml:lang`; its sections are written first in every entry |
/// | ``LanguageTerms`` | `<langSec xml:lang>` (`<langSet>`) |
/// | ``LanguageTerms/definition`` (``LanguageTerms/source``) | language-level `<descrip type="definition">`, or with its source in a `<descripGrp>` (read also from a group holding just those, as Microsoft and IATE write them) |
/// | ``LanguageTerms/note`` | language-level `<note>` |
/// | ``Term`` | `<termSec>` (`<tig>`; reading also takes `<ntig>`) with `<term>` |
/// | ``Term/partOfSpeech`` | `<termNote type="partOfSpeech">`, read through ``Term/partOfSpeechName(_:)`` (`Noun` → `noun`) |
/// | ``Term/status`` | `<termNote type="administrativeStatus">` `preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `supersededTerm-admn-sts`, `deprecatedTerm-admn-sts` |
/// | ``TermStatus/forbidden`` | `deprecatedTerm-admn-sts` plus the term-level note ``TermStatus/forbiddenNote`` ("Forbidden term: do not use."; the old `termbridge:forbidden` is still read) |
/// | ``TermStatus/proposed`` | no `administrativeStatus`, and the note ``TermStatus/proposedNote`` |
/// | superseded, deprecated | their status plus the note ``TermStatus/tbxNote`` (read back and dropped) |
/// | ``Term/pinyin`` | a term-level `<note>` starting `pinyin: ` (TBX-Basic has no pronunciation category) |
/// | ``Term/note`` | the first other term-level `<note>` |
/// | ``Term/source`` | term-level `<admin type="source">` |
/// | `extra` arrays | every other data category at that level, in document order |
///
/// Part of speech `properNoun` (TBX-Basic 2008's picklist) is not in TBX-Basic v3's picklist:
/// v3 files carry it as `noun` plus the term-level `<note>termbridge:properNoun</note>`
/// (``properNounNote``), read back as `properNoun`; 2008 files carry `properNoun` itself.
///
/// ## Reading
///
/// - A model field is filled only from a *simple* category: no attribute but `type`, and only
///   text (trimmed of surrounding white space). The first of each kind fills the field; the
///   others go to `extra`.
/// - A term without `administrativeStatus` is `.preferred` when its language section has no
///   explicitly preferred term and it is the first term there without a status; otherwise it
///   is `.admitted`. (Termbridge always writes the status, so its own files never rely on this.)
/// - ``DataCategory`` keeps everything else: `element` is the element's local name, `type` its
///   `type` attribute, and `value` its text when the category is simple. A category that is not
///   simple (attributes such as `target`, `xml:lang` or `id`; child elements, as in
///   `transacGrp`, `descripGrp` or inline `<hi>`; text that itself starts with `<`) keeps its
///   whole element as one line of XML in `value`, which starts with `<`. Writing parses that
///   XML back, so a round trip reproduces it. For `xref`, a simple value is the `target`.
/// - Not kept (the model has no place for them): the header, back matter (`refObjectSec`),
///   `id` attributes of `langSec`/`termSec`/`term`, and inline markup inside `<term>` (read as
///   its text).
/// - Errors are ``FileError``s with line and column: malformed XML, encodings other than
///   UTF-8, entity declarations (XXE, billion laughs; see ``XMLEventReader``), an unknown root element, a concept entry
///   without `id` or with a duplicate one, a language section without `xml:lang`, a term
///   section without exactly one non-empty `<term>`, structural elements out of place.
///
/// ## Writing
///
/// The layout follows the project's fixtures (`ours_min_zh_en.tbx`, `ours_min_zh_en_tbx2008.tbx`):
/// XML declaration, the two `<?xml-model?>` instructions (v3) or the DOCTYPE (2008), two-space
/// indentation, UTF-8, and nothing that varies from run to run. Pinyin is computed for Chinese
/// terms that have none (``Glossary/fillingPinyin()``) and stored. What cannot be written
/// validly is reported as a ``GlossaryWarning``, never dropped silently: categories that
/// TBX-Basic does not permit at their level (``TBXBasicDialect``), concept ids that are not
/// NCNames (a sanitized id is written), `target`s pointing to ids not in the file, empty terms,
/// language sections without terms, concepts without language sections, characters XML cannot
/// carry. The output validates against `TBXcoreStructV03.rng` and the TBX-Basic Schematron (v3)
/// or `TBXcoreStructV02.dtd` (2008); `scripts/validate-tbx.sh` runs those checks.
enum TBXGlossaryFormat {
    /// The TBX edition to write.
    enum Version: Sendable {
        /// TBX v3, ISO 30042:2019: `<tbx>` in the `urn:iso:std:iso:30042:ed-2` namespace.
        case v3
        /// TBX 2008, ISO 30042:2008: `<martif>` without a namespace, for translate-toolkit and
        /// older CAT tools.
        case v2008
    }

    /// The TBX v3 namespace.
    static let namespace = "urn:iso:std:iso:30042:ed-2"

    /// The term-level note that marks a TBX v3 `noun` as a proper noun (see the type's
    /// documentation).
    static let properNounNote = "termbridge:properNoun"

    /// The prefix of the term-level note that carries pinyin.
    static let pinyinNotePrefix = "pinyin:"

    /// Reads TBX v3 (`<tbx>`) or TBX 2008 (`<martif>`), detected from the root element.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed or structurally wrong
    ///   content (see the type's documentation).
    /// A document whose root is `<mtf>` is read as MultiTerm XML (``MultiTermReader``); with
    /// `multiTermOnly`, nothing else is accepted.
    static func read(_ data: Data, file: String?, multiTermOnly: Bool = false) throws -> Glossary {
        try TBXReader(file: file, multiTermOnly: multiTermOnly).glossary(reading: XMLEventReader(.data(data), file: file))
    }

    /// Reads the TBX (or MultiTerm XML) file at `path` in chunks: memory holds the glossary,
    /// not the file.
    static func read(contentsOf path: String, multiTermOnly: Bool = false) throws -> Glossary {
        let input = try InputFile.open(path)
        defer { input.close() }
        let descriptor = input.descriptor
        return try TBXReader(file: path, multiTermOnly: multiTermOnly).glossary(reading: XMLEventReader(.file(descriptor: descriptor), file: path))
    }

    /// Writes `glossary` as TBX-Basic in `version`, with what could not be written.
    static func write(_ glossary: Glossary, version: Version) throws -> (data: Data, warnings: [GlossaryWarning]) {
        let glossary = try glossary.fillingPinyin()
        var writer = TBXWriter(version: version, sourceLanguage: glossary.effectiveSourceLanguage)
        let data = writer.document(for: glossary)
        return (data, writer.warnings.list)
    }

    /// Names of the elements whose content is only elements: white space inside them is layout.
    static let elementOnlyNames: Set<String> = [
        "tbx", "tbxHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "encodingDesc",
        "revisionDesc", "change", "text", "body", "back", "conceptEntry", "langSec", "termSec",
        "martif", "martifHeader", "termEntry", "langSet", "tig", "ntig", "termGrp", "termCompList",
        "termCompGrp", "adminGrp", "descripGrp", "termNoteGrp", "transacGrp", "refObjectSec",
        "refObjectList", "refObject", "itemSet", "itemGrp",
    ]
}

extension DataCategory {
    /// A TBX `transacGrp` recording a change: `kind` (`origination`, `modification`) as
    /// `transac type="transactionType"`, `person` as `transacNote type="responsibility"` and
    /// `date`, each left out when empty — as termbase exports that record changes (MultiTerm
    /// XML, UNTERM) are kept.
    static func transaction(_ kind: String, by person: String?, on date: String?) -> DataCategory {
        var children: [XMLTreeNode] = [.element(XMLTreeElement("transac", attributes: [XMLTreeAttribute("type", "transactionType")], text: kind))]
        if let person, !person.isEmpty {
            children.append(.element(XMLTreeElement("transacNote", attributes: [XMLTreeAttribute("type", "responsibility")], text: person)))
        }
        if let date, !date.isEmpty { children.append(.element(XMLTreeElement("date", text: date))) }
        let xml = XMLTextWriter.compact(XMLTreeElement("transacGrp", children: children), defaultNamespace: "",
                                        elementOnly: TBXGlossaryFormat.elementOnlyNames)
        return DataCategory(element: "transacGrp", value: xml)
    }
}

/// The element names that differ between TBX v3 and TBX 2008.
struct TBXVocabulary: Sendable {
    /// `tbx` or `martif`.
    let root: String
    /// `tbxHeader` or `martifHeader`.
    let header: String
    /// `conceptEntry` or `termEntry`.
    let concept: String
    /// `langSec` or `langSet`.
    let language: String
    /// `termSec` or `tig`.
    let term: String
    /// The namespace of TBX elements: the TBX v3 URN, or none.
    let namespace: String

    static let v3 = TBXVocabulary(root: "tbx", header: "tbxHeader", concept: "conceptEntry",
                                  language: "langSec", term: "termSec", namespace: TBXGlossaryFormat.namespace)
    static let v2008 = TBXVocabulary(root: "martif", header: "martifHeader", concept: "termEntry",
                                     language: "langSet", term: "tig", namespace: "")

    static func of(_ version: TBXGlossaryFormat.Version) -> TBXVocabulary {
        version == .v3 ? .v3 : .v2008
    }

    /// The element for `level`.
    func element(for level: TBXLevel) -> String {
        switch level {
        case .concept: concept
        case .language: language
        case .term: term
        }
    }
}

/// Where a data category sits in a TBX entry.
enum TBXLevel: String, Sendable {
    case concept, language, term
}

/// XML name rules that TBX's `xsd:ID` and `xsd:language` attributes need.
enum XMLNames {
    /// Whether `name` is an XML NCName (a name without a colon), as `xsd:ID` requires.
    static func isNCName(_ name: String) -> Bool {
        isNCName(name[...])
    }

    static func isNCName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, isNameStart(first.value) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { isNameCharacter($0.value) }
    }

    /// `name` made into an NCName: characters a name cannot hold become `_`, and a name that
    /// cannot start as it does gets the prefix `c` (`12` → `c12`, `a b` → `a_b`, `x:y` → `x_y`).
    static func sanitizedNCName(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in name.unicodeScalars { scalars.append(isNameCharacter(s.value) ? s : "_") }
        var result = String(scalars)
        if let first = result.unicodeScalars.first, !isNameStart(first.value) { result = "c" + result }
        return result.isEmpty ? "c" : result
    }

    /// Whether `tag` is an `xsd:language` value (`zh`, `en-US`, `zh-Hans-CN`).
    /// The pattern `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`, checked by hand: a regular
    /// expression built per call took 16% of writing a TBX.
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return subtags.enumerated().allSatisfy { index, subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { byte in
                let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                return letter || (index > 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
            }
        }
    }

    /// Whether a scalar may start an NCName (XML's NameStartChar without the colon).
    static func isNameStart(_ value: UInt32) -> Bool {
        switch value {
        case 0x41 ... 0x5A, 0x61 ... 0x7A, 0x5F, 0xC0 ... 0xD6, 0xD8 ... 0xF6, 0xF8 ... 0x2FF,
             0x370 ... 0x37D, 0x37F ... 0x1FFF, 0x200C ... 0x200D, 0x2070 ... 0x218F,
             0x2C00 ... 0x2FEF, 0x3001 ... 0xD7FF, 0xF900 ... 0xFDCF, 0xFDF0 ... 0xFFFD,
             0x10000 ... 0xEFFFF: true
        default: false
        }
    }

    /// Whether a scalar may continue an NCName (XML's NameChar without the colon).
    static func isNameCharacter(_ value: UInt32) -> Bool {
        if isNameStart(value) { return true }
        switch value {
        case 0x2D, 0x2E, 0x30 ... 0x39, 0xB7, 0x300 ... 0x36F, 0x203F ... 0x2040: return true
        default: return false
        }
    }
}
