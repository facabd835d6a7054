/// A part-of-speech tag in jieba's tag set (the ICTCLAS/PKU set that jieba's `dict.txt` and
/// `jieba.posseg` use): `n` noun, `nr` personal name, `ns` place name, `nt` organization,
/// `nz` other proper noun, `v` verb, `vn` verbal noun, `a` adjective, `d` adverb, `m`
/// numeral, `q` classifier, `r` pronoun, `p` preposition, `c` conjunction, `u…` particles,
/// `eng` a Latin-script word, `x` punctuation and anything without a tag.
///
/// Small strings, stored inline: a tag costs no allocation.
public struct PartOfSpeech: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
                            ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static let noun: PartOfSpeech = "n"
    public static let personalName: PartOfSpeech = "nr"
    public static let placeName: PartOfSpeech = "ns"
    public static let organizationName: PartOfSpeech = "nt"
    public static let otherProperNoun: PartOfSpeech = "nz"
    public static let verb: PartOfSpeech = "v"
    public static let adjective: PartOfSpeech = "a"
    public static let adverb: PartOfSpeech = "d"
    /// Numbers and numerals: 2024, 2,000, 3.5%, 2024年, 二〇〇一年, 三十一.
    public static let numeral: PartOfSpeech = "m"
    /// A word in Latin script (ATACMS, non-NATO, G7), as `jieba.posseg` tags it.
    public static let english: PartOfSpeech = "eng"
    /// Punctuation, white space, symbols, and words whose part of speech is unknown.
    public static let unknown: PartOfSpeech = "x"

    /// Whether the tag is a noun or a proper noun (`n`, `nr`, `ns`, `nt`, `nz`, `ng`,
    /// `nrt`, `nrfg`): the heads of the noun phrases that extraction and checking look for.
    public var isNoun: Bool { rawValue.utf8.first == UInt8(ascii: "n") }

    /// The tag for a TBX-Basic part of speech (`noun`, `properNoun`, `verb`, `adjective`,
    /// `adverb`), as glossaries give it; nil for `other` and anything else.
    public init?(glossaryPartOfSpeech name: String) {
        switch name.lowercased() {
        case "noun": self = .noun
        case "propernoun", "proper noun": self = .otherProperNoun
        case "verb": self = .verb
        case "adjective": self = .adjective
        case "adverb": self = .adverb
        default: return nil
        }
    }
}
