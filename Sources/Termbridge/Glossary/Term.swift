/// How a term may be used: TBX-Basic's administrative status, plus `proposed` and
/// `forbidden`.
///
/// TBX-Basic has neither; Termbridge writes a forbidden term to TBX as
/// `deprecatedTerm-admn-sts` with the note ``TermStatus/forbiddenNote``, a proposed term
/// without an administrative status and with the note ``TermStatus/proposedNote``, and reads
/// them back (Docs/Termbases.md explains how each CAT tool reads them).
public enum TermStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// The term to use.
    case preferred
    /// Acceptable, though not preferred.
    case admitted
    /// Proposed and not reviewed yet (an extraction candidate): neither approved nor
    /// discouraged. A check neither enforces it nor flags it.
    case proposed
    /// Replaced by a newer term; do not use in new text.
    case superseded
    /// Discouraged: a reviewer should replace it.
    case deprecated
    /// Must not be used.
    case forbidden

    /// The note that marks a TBX `deprecatedTerm-admn-sts` term as forbidden; CAT tools that
    /// show notes (OmegaT, Phrase, translate-toolkit) show it to the translator.
    public static let forbiddenNote = "Forbidden term: do not use."
    /// The note that marks a TBX term without administrative status as proposed (unreviewed).
    public static let proposedNote = "Proposed term, not reviewed: not approved for use."
    /// The notes written beside `deprecatedTerm-admn-sts` and `supersededTerm-admn-sts`, for
    /// tools that show notes but not statuses.
    public static let deprecatedNote = "Deprecated term: do not use."
    public static let supersededNote = "Superseded term: do not use in new text."
    /// The forbidden note of Termbridge before 0.2, still read.
    static let legacyForbiddenNote = "termbridge:forbidden"

    /// The note Termbridge writes to TBX beside this status, if any.
    public var tbxNote: String? {
        switch self {
        case .preferred, .admitted: nil
        case .proposed: Self.proposedNote
        case .superseded: Self.supersededNote
        case .deprecated: Self.deprecatedNote
        case .forbidden: Self.forbiddenNote
        }
    }

    /// Whether a translation may use the term (preferred or admitted).
    public var isAcceptable: Bool { self == .preferred || self == .admitted }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: TermStatus, b: TermStatus) -> Bool { a.rank < b.rank }
}

/// A data category from a TBX file that Termbridge's model has no field for, kept so that
/// reading and writing TBX loses nothing (e.g. `<descrip type="context">`, `<admin
/// type="customerSubset">`, `<termNote type="termType">`).
public struct DataCategory: Sendable, Hashable, Codable {
    /// The TBX element: `descrip`, `admin`, `termNote`, `note`, `xref`, `ref`, `transacGrp`…
    public var element: String
    /// Its `type` attribute, when it has one.
    public var type: String?
    /// Its text content (for `xref`, its `target`).
    public var value: String

    public init(element: String, type: String? = nil, value: String) {
        self.element = element
        self.type = type
        self.value = value
    }
}

/// One term: its text in one language and how it may be used.
public struct Term: Sendable, Hashable, Codable {
    /// The term as written.
    public var text: String
    /// How it may be used.
    public var status: TermStatus
    /// Part of speech, as TBX-Basic's picklist names it (`noun`, `verb`, `adjective`,
    /// `adverb`, `properNoun`, `other`); readers map other spellings of these (`Noun`,
    /// `Proper Noun`) onto them with ``Term/partOfSpeechName(_:)`` and keep any other value
    /// as written.
    public var partOfSpeech: String?
    /// A usage note.
    public var note: String?
    /// Where the term comes from (TBX `admin type="source"`).
    public var source: String?
    /// Pinyin with tone marks, for Chinese terms; computed with ICU's `Han-Latin` when
    /// absent (see ``Glossary/fillingPinyin()``).
    public var pinyin: String?
    /// TBX data categories without a field of their own.
    public var extra: [DataCategory]

    public init(_ text: String, status: TermStatus = .preferred, partOfSpeech: String? = nil,
                note: String? = nil, source: String? = nil, pinyin: String? = nil,
                extra: [DataCategory] = []) {
        self.text = text
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.note = note
        self.source = source
        self.pinyin = pinyin
        self.extra = extra
    }

    private enum CodingKeys: String, CodingKey {
        case text, status, partOfSpeech, note, source, pinyin, extra
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        status = try c.decodeIfPresent(TermStatus.self, forKey: .status) ?? .preferred
        partOfSpeech = try c.decodeIfPresent(String.self, forKey: .partOfSpeech)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        pinyin = try c.decodeIfPresent(String.self, forKey: .pinyin)
        extra = try c.decodeIfPresent([DataCategory].self, forKey: .extra) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(partOfSpeech, forKey: .partOfSpeech)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(pinyin, forKey: .pinyin)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }
}

extension Term {
    /// TBX-Basic's picklist name for a part of speech written `value` (`Noun` → `noun`,
    /// `Proper Noun` or `proper_noun` → `properNoun`), compared without case, spaces,
    /// hyphens or underscores (surrounding white space ignored); any other value comes back
    /// exactly as given, so that a format keeps it.
    public static func partOfSpeechName(_ value: String) -> String {
        let key = String(value.trimmingWhitespace.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
        let names = ["noun": "noun", "verb": "verb", "adjective": "adjective", "adverb": "adverb",
                     "propernoun": "properNoun", "other": "other"]
        return names[key] ?? value
    }
}
