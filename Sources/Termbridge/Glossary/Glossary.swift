import Foundation

/// A concept-oriented termbase: concepts, each named by terms in several languages with a
/// status per term. Read and written as TSV, CSV, XLSX, JSON, TBX (v3 and 2008) and OmegaT
/// glossaries, read from CC-CEDICT, IATE's CSV export, MultiTerm XML and UNTERM's JSON, written as Markdown
/// (see ``GlossaryFormat``).
public struct Glossary: Sendable, Hashable, Codable {
    /// The concepts, in file order.
    public var concepts: [Concept]
    /// The glossary's declared source language: the language translated *from*, whose terms
    /// a CAT tool looks up in the source text. Nil means English (``defaultSourceLanguage``),
    /// for a zh↔en glossary serves English sources first. TBX writes this language's section
    /// first in every entry and as the root's `xml:lang`, and reads it back from there.
    public var sourceLanguage: String?

    /// The source language of a glossary that declares none.
    public static let defaultSourceLanguage = "en"

    public init(concepts: [Concept] = [], sourceLanguage: String? = nil) {
        self.concepts = concepts
        self.sourceLanguage = sourceLanguage
    }

    /// This glossary with `language` declared as its source language (see ``sourceLanguage``);
    /// English, the default, stays undeclared (nil), as TBX reads it back.
    public func declaringSourceLanguage(_ language: String) -> Glossary {
        var copy = self
        copy.sourceLanguage = language == Self.defaultSourceLanguage ? nil : language
        return copy
    }

    /// Whether `tag` can be declared as a language (an `xsd:language` value such as `zh`,
    /// `en-US` or `zh-Hans-CN`, as TBX's `xml:lang` requires).
    public static func isLanguageTag(_ tag: String) -> Bool { XMLNames.isLanguageTag(tag) }

    /// ``sourceLanguage``, or English when none is declared.
    public var effectiveSourceLanguage: String { sourceLanguage ?? Self.defaultSourceLanguage }

    /// This glossary with the source language's sections first in every concept, the others
    /// after them in their order (a stable partition): the order TBX writes and reads back.
    public func sourceLanguageFirst() -> Glossary {
        var copy = self
        for c in copy.concepts.indices {
            copy.concepts[c].languages = Self.sourceFirst(copy.concepts[c].languages, source: effectiveSourceLanguage)
        }
        return copy
    }

    /// `sections` with those in language `source` first, each group in its original order.
    static func sourceFirst(_ sections: [LanguageTerms], source: String) -> [LanguageTerms] {
        let isSource = { (section: LanguageTerms) in Concept.tag(section.language, matches: source) }
        return sections.filter(isSource) + sections.filter { !isSource($0) }
    }

    /// The concept with identifier `id`.
    public func concept(withID id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// Every language tag used, in order of first appearance.
    public var languages: [String] {
        var seen: [String] = []
        for concept in concepts {
            for section in concept.languages where !seen.contains(section.language) {
                seen.append(section.language)
            }
        }
        return seen
    }

    /// This glossary with pinyin computed (ICU `Han-Latin`) for every Chinese term that has
    /// none.
    public func fillingPinyin() throws -> Glossary {
        var copy = self
        for c in copy.concepts.indices {
            for l in copy.concepts[c].languages.indices where Concept.tag(copy.concepts[c].languages[l].language, matches: "zh") {
                for t in copy.concepts[c].languages[l].terms.indices where copy.concepts[c].languages[l].terms[t].pinyin == nil {
                    copy.concepts[c].languages[l].terms[t].pinyin = try Pinyin.of(copy.concepts[c].languages[l].terms[t].text)
                }
            }
        }
        return copy
    }
}

/// Something a format could not carry, reported instead of dropped silently.
public struct GlossaryWarning: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A file format for glossaries.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    /// Tab-separated values, one concept per row (see `DelimitedGlossaryFormat`).
    case tsv
    /// Comma-separated values (RFC 4180), one concept per row; written with a UTF-8 BOM
    /// unless told not to.
    case csv
    /// An Excel workbook (Office Open XML): the TSV/CSV table on its first sheet.
    case xlsx
    /// OmegaT's glossary file (`.utf8`): headerless `source⇥target⇥comment` lines.
    case omegat
    /// Termbridge's JSON: the model, pretty-printed with sorted keys.
    case json
    /// TBX v3 (ISO 30042:2019), TBX-Basic dialect. Reading also accepts TBX 2008.
    case tbx
    /// TBX 2008 (`<martif>`), TBX-Basic, for translate-toolkit and older CAT tools.
    case tbx2008
    /// CC-CEDICT's `cedict_ts.u8` line format (read only).
    case cedict
    /// IATE's CSV export: `E_ID|E_DOMAINS|L_CODE|T_TERM|…`, one row per term (read only; a
    /// `.csv` or `.tsv` file with that header is read as it without being named).
    case iateCSV = "iate-csv"
    /// MultiTerm XML (`<mtf>`), SDL/Trados MultiTerm's export (read only; a `.xml` or `.tbx`
    /// file whose root is `<mtf>` is read as it without being named).
    case multiterm
    /// UNTERM's JSON records (read only; a `.json` file with `recordID`s and no `concepts` is
    /// read as it without being named).
    case unterm
    /// A Markdown table for people (write only).
    case markdown

    /// The format a file name implies by its extension, if any.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { self = .tsv }
        else if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".xlsx") { self = .xlsx }
        else if lower.hasSuffix(".utf8") { self = .omegat }
        else if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") { self = .tbx }
        else if lower.hasSuffix(".u8") || lower.contains("cedict") { self = .cedict }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown }
        else { return nil }
    }

    public var canRead: Bool { self != .markdown }
    public var canWrite: Bool { ![.cedict, .iateCSV, .multiterm, .unterm].contains(self) }
}

extension Glossary {
    /// Reads a glossary file; the format comes from `format`, else from the extension and the
    /// content (a `.csv`/`.tsv` with IATE's header is IATE's export; a `.xml`/`.tbx` whose root is
    /// `<mtf>` is MultiTerm XML; a `.json` of `recordID`s is UNTERM's).
    ///
    /// - Throws: ``FileError`` with the file, line and column of malformed content, or
    ///   ``InvalidUTF8Error``.
    public static func read(contentsOf path: String, format: GlossaryFormat? = nil) throws -> Glossary {
        try reading(contentsOf: path, format: format).glossary
    }

    /// Reads a glossary file, with notes on what was assumed in reading it (the languages and
    /// columns of a list without a header row); the format comes from `format`, else from the
    /// extension.
    public static func reading(contentsOf path: String, format: GlossaryFormat? = nil) throws -> (glossary: Glossary, notes: [GlossaryWarning]) {
        guard let format = format ?? GlossaryFormat(path: path) else {
            throw FileError(path: path, message: "cannot tell the glossary format from the file name; name it .tsv, .csv, .xlsx, .json, .tbx, .xml, .utf8 (OmegaT) or .u8 (CC-CEDICT)")
        }
        if format == .tbx || format == .tbx2008 || format == .multiterm {
            // Streamed: no copy of the file in memory. The root element tells TBX from MultiTerm XML.
            return (try TBXGlossaryFormat.read(contentsOf: path, multiTermOnly: format == .multiterm), [])
        }
        return try reading(TextFile.data(path), format: format, file: path)
    }

    /// Reads a glossary from `data` in `format`; `file` names the source in errors.
    public static func read(_ data: Data, format: GlossaryFormat, file: String? = nil) throws -> Glossary {
        try reading(data, format: format, file: file).glossary
    }

    /// Reads a glossary from `data` in `format`, with notes on what was assumed.
    public static func reading(_ data: Data, format: GlossaryFormat, file: String? = nil) throws -> (glossary: Glossary, notes: [GlossaryWarning]) {
        switch format {
        case .tsv where IATECSVFormat.looksLikeIATE(data), .csv where IATECSVFormat.looksLikeIATE(data):
            return (try IATECSVFormat.read(data, file: file), [])
        case .tsv: return try DelimitedGlossaryFormat.tsv.read(data, file: file)
        case .csv: return try DelimitedGlossaryFormat.csv.read(data, file: file)
        case .iateCSV: return (try IATECSVFormat.read(data, file: file), [])
        case .multiterm: return (try TBXGlossaryFormat.read(data, file: file, multiTermOnly: true), [])
        case .xlsx: return try XLSXGlossaryFormat.read(data, file: file)
        case .omegat: return try OmegaTGlossaryFormat.read(data, file: file)
        case .json where UNTERMFormat.looksLikeUNTERM(data), .unterm: return (try UNTERMFormat.read(data, file: file), [])
        case .json: return (try JSONGlossaryFormat.read(data, file: file), [])
        case .tbx, .tbx2008: return (try TBXGlossaryFormat.read(data, file: file), [])
        case .cedict: return (try CEDICTLexicon.read(data, file: file).glossary(), [])
        case .markdown:
            throw FileError(path: file, message: "Markdown glossaries are written for people and cannot be read back")
        }
    }

    /// The glossary encoded in `format`, with what the format could not carry.
    ///
    /// - Parameter byteOrderMark: whether CSV starts with a UTF-8 byte-order mark (the
    ///   default, so that spreadsheets read it as UTF-8); other formats ignore it.
    public func encoded(as format: GlossaryFormat, byteOrderMark: Bool = true) throws -> (data: Data, warnings: [GlossaryWarning]) {
        switch format {
        case .tsv: return try DelimitedGlossaryFormat.tsv.write(self, byteOrderMark: false)
        case .csv: return try DelimitedGlossaryFormat.csv.write(self, byteOrderMark: byteOrderMark)
        case .xlsx: return try XLSXGlossaryFormat.write(self)
        case .omegat: return OmegaTGlossaryFormat.write(self)
        case .json: return try JSONGlossaryFormat.write(self)
        case .tbx: return try TBXGlossaryFormat.write(self, version: .v3)
        case .tbx2008: return try TBXGlossaryFormat.write(self, version: .v2008)
        case .markdown: return try MarkdownGlossaryFormat.write(self)
        case .cedict, .iateCSV, .multiterm, .unterm:
            throw FileError(path: nil, message: "\(format.rawValue) is read only; write TSV, CSV, XLSX, JSON, TBX, OmegaT or Markdown")
        }
    }

    /// Writes the glossary to `path` atomically (a temporary file renamed into place, so a
    /// failure never leaves a half-written file); returns what the format could not carry.
    @discardableResult
    public func write(to path: String, format: GlossaryFormat? = nil, byteOrderMark: Bool = true) throws -> [GlossaryWarning] {
        guard let format = format ?? GlossaryFormat(path: path) else {
            throw FileError(path: path, message: "cannot tell the glossary format from the file name; name it .tsv, .csv, .xlsx, .json, .tbx, .utf8 (OmegaT) or .md")
        }
        let (data, warnings) = try encoded(as: format, byteOrderMark: byteOrderMark)
        try AtomicFile.write(data, to: path)
        return warnings
    }
}
