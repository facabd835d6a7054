/// The terms of one language within a concept (TBX's `langSec`), in order.
public struct LanguageTerms: Sendable, Hashable, Codable {
    /// A BCP 47 language tag, e.g. `zh` or `en-US`, kept as written (case included).
    public var language: String
    /// The terms, preferred ones first by convention.
    public var terms: [Term]
    /// What the concept is, said in this language (TBX: a language-level
    /// `<descrip type="definition">`, alone or in a `<descripGrp>`).
    public var definition: String?
    /// Where this language's definition and terms come from (TBX: a language-level
    /// `<admin type="source">`, or the one in the definition's `<descripGrp>`).
    public var source: String?
    /// A note about this language's terms (TBX: a language-level `<note>`).
    public var note: String?
    /// TBX data categories at the language level without a field of their own.
    public var extra: [DataCategory]

    public init(language: String, terms: [Term], definition: String? = nil, source: String? = nil,
                note: String? = nil, extra: [DataCategory] = []) {
        self.language = language
        self.terms = terms
        self.definition = definition
        self.source = source
        self.note = note
        self.extra = extra
    }

    private enum CodingKeys: String, CodingKey { case language, terms, definition, source, note, extra }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        language = try c.decode(String.self, forKey: .language)
        terms = try c.decodeIfPresent([Term].self, forKey: .terms) ?? []
        definition = try c.decodeIfPresent(String.self, forKey: .definition)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        extra = try c.decodeIfPresent([DataCategory].self, forKey: .extra) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try c.encode(terms, forKey: .terms)
        try c.encodeIfPresent(definition, forKey: .definition)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(note, forKey: .note)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }
}

extension LanguageTerms {
    /// Gives each term whose file stated no status (`explicit[i]` false) the status TBX's rule
    /// implies: the first of them is preferred unless a term stated as preferred exists, the
    /// others are admitted. Readers of TBX, MultiTerm XML, IATE's CSV and UNTERM share it.
    mutating func applyDefaultStatuses(explicit: [Bool]) {
        var preferredTaken = zip(terms, explicit).contains { $1 && $0.status == .preferred }
        for index in terms.indices where !explicit[index] {
            terms[index].status = preferredTaken ? .admitted : .preferred
            preferredTaken = true
        }
    }
}

/// One concept (TBX's `conceptEntry`): an idea, named by terms in each language.
public struct Concept: Sendable, Hashable, Codable {
    /// Identifier, unique within a glossary.
    public var id: String
    /// Subject field, e.g. `alliances`.
    public var subject: String?
    /// What the concept is (language-independent; see also ``LanguageTerms/definition``).
    public var definition: String?
    /// Where the concept's entry comes from (TBX: a concept-level `<admin type="source">`,
    /// or the one in the definition's `<descripGrp>`).
    public var source: String?
    /// A note for translators.
    public var note: String?
    /// Terms per language, in order.
    public var languages: [LanguageTerms]
    /// TBX data categories without a field of their own.
    public var extra: [DataCategory]

    public init(id: String, subject: String? = nil, definition: String? = nil, source: String? = nil,
                note: String? = nil, languages: [LanguageTerms] = [], extra: [DataCategory] = []) {
        self.id = id
        self.subject = subject
        self.definition = definition
        self.source = source
        self.note = note
        self.languages = languages
        self.extra = extra
    }

    /// The terms in `language` (a primary tag such as `zh` also finds `zh-CN` and `zh-Hans`).
    public func terms(in language: String) -> [Term] {
        languages.filter { Self.tag($0.language, matches: language) }.flatMap(\.terms)
    }

    /// The preferred term in `language`, or the first acceptable one when none is preferred.
    public func preferredTerm(in language: String) -> Term? {
        let terms = terms(in: language)
        return terms.first { $0.status == .preferred } ?? terms.first { $0.status.isAcceptable }
    }

    /// Adds `term` to `language`, creating the language section when needed.
    public mutating func add(_ term: Term, in language: String) {
        if let index = languages.firstIndex(where: { Self.tag($0.language, matches: language) }) {
            languages[index].terms.append(term)
        } else {
            languages.append(LanguageTerms(language: language, terms: [term]))
        }
    }

    /// Whether tag `tag` belongs to language `language` (`zh-Hans` belongs to `zh`).
    public static func tag(_ tag: String, matches language: String) -> Bool {
        let t = tag.lowercased(), l = language.lowercased()
        return t == l || t.hasPrefix(l + "-") || t.hasPrefix(l + "_")
    }

    private enum CodingKeys: String, CodingKey {
        case id, subject, definition, source, note, languages, extra
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        definition = try c.decodeIfPresent(String.self, forKey: .definition)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        languages = try c.decodeIfPresent([LanguageTerms].self, forKey: .languages) ?? []
        extra = try c.decodeIfPresent([DataCategory].self, forKey: .extra) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encodeIfPresent(definition, forKey: .definition)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(languages, forKey: .languages)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }
}
