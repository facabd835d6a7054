import Foundation

/// A column of Termbridge's glossary tables (TSV, CSV and XLSX: one row per concept, a header
/// row naming the columns). Every column name is defined here, so that a new field of the
/// model becomes a new column in one place.
///
/// | column | holds |
/// |---|---|
/// | `id` | ``Concept/id`` |
/// | `subject` | ``Concept/subject`` |
/// | `L` (`L_preferred`) | the preferred terms in language `L` |
/// | `L_admitted`, `L_superseded`, `L_deprecated`, `L_forbidden` | the terms of that status |
/// | `L_pinyin` | pinyin of the preferred terms, one per term (written for Chinese `L` only) |
/// | `pos` | ``Term/partOfSpeech``, the same for every term of the concept |
/// | `definition` | ``Concept/definition`` |
/// | `note` | ``Concept/note`` |
///
/// `L` is a BCP 47 language tag, case kept as written (`zh-Hant`, `en-US`, `x-klingon`). A
/// tag that is also the name of a concept column (`id` is Indonesian, `pos` a language of
/// Mexico) names its preferred terms `L_preferred`, which is accepted for every language.
/// Column names and suffixes are matched without regard to case; tags of one language that
/// differ only in case are one language.
enum GlossaryColumn: Hashable, Sendable {
    case id, subject, partOfSpeech, definition, note
    case terms(language: String, status: TermStatus)
    case pinyin(language: String)

    /// The concept-level columns and their names, in the order they are written: `id` and
    /// `subject` before the language columns, the rest after them.
    static let leadingConceptColumns: [(name: String, column: GlossaryColumn)] = [("id", .id), ("subject", .subject)]
    static let trailingConceptColumns: [(name: String, column: GlossaryColumn)] = [
        ("pos", .partOfSpeech), ("definition", .definition), ("note", .note),
    ]
    static var conceptColumns: [(name: String, column: GlossaryColumn)] { leadingConceptColumns + trailingConceptColumns }

    /// The suffix of each status's column, in the order they are written.
    static let statusSuffixes: [(suffix: String, status: TermStatus)] = [
        ("_preferred", .preferred), ("_admitted", .admitted), ("_superseded", .superseded),
        ("_deprecated", .deprecated), ("_forbidden", .forbidden),
    ]
    static let pinyinSuffix = "_pinyin"

    /// The name written in the header.
    var name: String {
        switch self {
        case .terms(let language, .preferred):
            Self.conceptColumns.contains { $0.name == language.lowercased() } ? language + "_preferred" : language
        case .terms(let language, let status):
            language + Self.statusSuffixes.first { $0.status == status }!.suffix
        case .pinyin(let language): language + Self.pinyinSuffix
        default: Self.conceptColumns.first { $0.column == self }!.name
        }
    }

    /// The column that header cell `name` names (surrounding spaces ignored), or nil.
    init?(name: String) {
        let name = name.trimmingCharacters(in: [" ", "\t"])
        let lower = name.lowercased()
        if let concept = Self.conceptColumns.first(where: { $0.name == lower }) {
            self = concept.column
            return
        }
        var language = name, column: (String) -> GlossaryColumn = { .terms(language: $0, status: .preferred) }
        if lower.hasSuffix(Self.pinyinSuffix) {
            language = String(name.dropLast(Self.pinyinSuffix.count))
            column = { .pinyin(language: $0) }
        } else if let (suffix, status) = Self.statusSuffixes.first(where: { lower.hasSuffix($0.suffix) }) {
            language = String(name.dropLast(suffix.count))
            column = { .terms(language: $0, status: status) }
        }
        guard Self.isLanguageTag(language) else { return nil }
        self = column(language)
    }

    /// The language of a term or pinyin column.
    var language: String? {
        switch self {
        case .terms(let language, _), .pinyin(let language): language
        default: nil
        }
    }

    /// Whether a cell of the column holds a list of values separated by `|`.
    var isList: Bool { language != nil }

    /// Whether `tag` can name language columns: a BCP 47 tag whose first subtag has two or
    /// three letters (`zh`, `yue`) or is the private-use or grandfathered singleton (`x-klingon`,
    /// `i-klingon`), then subtags of 1–8 letters and digits separated by `-` (or `_`). Longer
    /// first subtags are refused so that a misspelled column (`comment`, `english`) is an error
    /// rather than a language.
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        guard let first = subtags.first, first.allSatisfy(isLetter) else { return false }
        if first.count == 1 {
            guard [UInt8(ascii: "x"), UInt8(ascii: "i")].contains(first.first! | 0x20), subtags.count > 1 else { return false }
        } else if !(2...3).contains(first.count) {
            return false
        }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The columns written for `languages` (tags already unique without regard to case, in
    /// the order they are written): the same columns whatever the concepts hold.
    static func columns(for languages: [String]) -> [GlossaryColumn] {
        var columns = leadingConceptColumns.map(\.column)
        for language in languages {
            columns += statusSuffixes.map { .terms(language: language, status: $0.status) }
            if Concept.tag(language, matches: "zh") { columns.append(.pinyin(language: language)) }
        }
        return columns + trailingConceptColumns.map(\.column)
    }
}
