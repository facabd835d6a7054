import PropertyBased
@testable import Termbridge

/// Random glossaries for property-based round-trip tests, made of the text that formats find
/// hard: quotes, delimiters, formula starts, `|` and `\`, surrounding and inner white space,
/// line breaks, Chinese, combining marks, emoji, and (where allowed) control characters.
struct GeneratedGlossary {
    /// What the glossaries may hold.
    enum Profile {
        /// Only what TSV, CSV and XLSX tables hold exactly (see ``GlossaryTable``): one part of
        /// speech per concept, pinyin on preferred Chinese terms only, no term notes, sources or
        /// TBX categories, no empty strings.
        case table
        /// Anything the model holds, including what some formats must report.
        case anything
    }

    static let pieces = [
        "a", "Z", "9", " ", "\t", "\n", "\r", "\r\n", "\"", "'", "=", "+", "-", "@", "|", "\\", ",", ";", "#",
        "准", "盟友", "準", "é", "e\u{301}", "😀", "_x0041_", "&", "<", "]]>", "\u{3000}", "\u{A0}",
    ]
    static let languages = ["zh", "en", "zh-Hant", "en-US", "id", "pos", "x-klingon", "de", "yue-HK"]

    /// A generator for `PropertyBased`'s `propertyCheck`.
    static func generator(_ profile: Profile, controlCharacters: Bool = true) -> Generator<Glossary, Shrink.None<Glossary>> {
        Generator { rng in make(profile, controlCharacters: controlCharacters, concepts: 1...6, pieces: pieces, using: &rng) }
    }

    /// Pieces that a spreadsheet cell keeps: no tab, no carriage return (LibreOffice drops tabs
    /// and turns CR LF into LF).
    static let spreadsheetPieces = pieces.filter { !$0.unicodeScalars.contains { $0 == "\t" || $0 == "\r" } }

    static func make<R: RandomNumberGenerator>(_ profile: Profile, controlCharacters: Bool, concepts: ClosedRange<Int> = 1...6,
                                               pieces: [String] = pieces, using rng: inout R) -> Glossary {
        // Half of the concepts are tame: no white space at either end of a text, and parts of
        // speech from TBX-Basic's picklist — what every format should carry.
        var tame = false
        func text(_ lengths: ClosedRange<Int> = 1...5) -> String {
            var out = ""
            for _ in 0..<Int.random(in: lengths, using: &rng) {
                out += controlCharacters && Int.random(in: 0..<20, using: &rng) == 0 ? "\u{1}" : pieces.randomElement(using: &rng)!
            }
            guard tame else { return out }
            let trimmed = out.trimmingWhitespace
            return trimmed.isEmpty ? "a" : trimmed
        }
        func maybe(_ make: () -> String) -> String? { Bool.random(using: &rng) ? make() : nil }
        var glossary = Glossary()
        for index in 0..<Int.random(in: concepts, using: &rng) {
            tame = Bool.random(using: &rng)
            var concept = Concept(id: text() + "#\(index)", subject: maybe { text() }, definition: maybe { text() }, note: maybe { text() })
            let partOfSpeech = tame ? maybe { ["noun", "verb", "adjective"].randomElement(using: &rng)! } : maybe { text(1...2) }
            let count = Int.random(in: 1...3, using: &rng)
            for language in languages.shuffled(using: &rng).prefix(count) {
                var terms: [Term] = []
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let status = TermStatus.allCases.randomElement(using: &rng)!
                    var term = Term(text(), status: status, partOfSpeech: partOfSpeech)
                    if Concept.tag(language, matches: "zh") && status == .preferred { term.pinyin = maybe { text() } }
                    terms.append(term)
                }
                concept.languages.append(LanguageTerms(language: language, terms: terms))
            }
            if profile == .anything {
                spoil(&concept, using: &rng)
            }
            glossary.concepts.append(concept)
        }
        return glossary
    }

    /// Adds, at random, what only some formats hold.
    private static func spoil<R: RandomNumberGenerator>(_ concept: inout Concept, using rng: inout R) {
        let l = Int.random(in: 0..<concept.languages.count, using: &rng)
        let t = Int.random(in: 0..<concept.languages[l].terms.count, using: &rng)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: concept.languages[l].terms[t].note = "term note"
        case 1: concept.languages[l].terms[t].source = "source"
        case 2: concept.languages[l].terms[t].partOfSpeech = "other"
        case 3: concept.languages[l].terms[t].pinyin = "pin yin"
        case 4: concept.note = ""
        case 5: concept.extra.append(DataCategory(element: "descrip", type: "context", value: "context"))
        case 6: concept.languages.append(LanguageTerms(language: concept.languages[l].language.uppercased(), terms: [Term("dup")]))
        default: break
        }
    }

    /// `glossary` in a canonical form for comparison: pinyin filled, language sections ordered
    /// by tag and terms by status (a table keeps neither order), non-preferred pinyin dropped
    /// when `table` (a table keeps pinyin of preferred terms only; the rest is computed).
    static func canonical(_ glossary: Glossary, table: Bool) throws -> Glossary {
        var copy = try glossary.fillingPinyin()
        if table { copy = try copy.withPinyinOnlyOnPreferredTerms().fillingPinyin() }
        for c in copy.concepts.indices {
            copy.concepts[c].languages = copy.concepts[c].languages.enumerated()
                .sorted { ($0.element.language.lowercased(), $0.offset) < ($1.element.language.lowercased(), $1.offset) }.map(\.element)
            for l in copy.concepts[c].languages.indices {
                copy.concepts[c].languages[l].terms = copy.concepts[c].languages[l].terms.enumerated()
                    .sorted { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }.map(\.element)
            }
        }
        return copy
    }

    /// The JSON of `glossary`: equal bytes mean equal Unicode scalars (Swift's `==` on strings
    /// would call canonically equivalent text equal, hiding a normalization).
    static func exactBytes(_ glossary: Glossary) throws -> String {
        String(decoding: try JSONGlossaryFormat.write(glossary).data, as: UTF8.self)
    }
}
