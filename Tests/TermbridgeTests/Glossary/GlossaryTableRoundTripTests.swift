import Foundation
import Testing
@testable import Termbridge

/// Issue 10 item 9: what TSV and CSV round trips altered, each reproduced first.
@Suite struct GlossaryTableRoundTripTests {
    /// `glossary` written as `format` and read back, with the warnings of writing.
    private func roundTrip(_ glossary: Glossary, _ format: GlossaryFormat) throws -> (Glossary, [GlossaryWarning], String) {
        let (data, warnings) = try glossary.encoded(as: format)
        return (try Glossary.read(data, format: format, file: "g.\(format.rawValue)"), warnings,
                String(decoding: data, as: UTF8.self))
    }

    private func concept(_ id: String = "c1", _ sections: [(String, [Term])], note: String? = nil) -> Concept {
        Concept(id: id, note: note, languages: sections.map { LanguageTerms(language: $0.0, terms: $0.1) })
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .xlsx])
    func indonesianDoesNotCollideWithTheIDColumn(format: GlossaryFormat) throws {
        let glossary = Glossary(concepts: [concept("k-1", [("en", [Term("ally")]), ("id", [Term("sekutu")]), ("pos", [Term("x")])])])
        let (back, warnings, _) = try roundTrip(glossary, format)
        #expect(warnings.isEmpty)
        #expect(back == glossary)
        let header = try DelimitedGlossaryFormat.tsv.write(glossary, byteOrderMark: false).data
        #expect(String(decoding: header, as: UTF8.self).hasPrefix("id\tsubject\ten\t"))
        #expect(String(decoding: header, as: UTF8.self).contains("\tid_preferred\tid_admitted\t"))
        #expect(String(decoding: header, as: UTF8.self).contains("\tpos_preferred\t"))
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .xlsx])
    func privateUseAndCasedTagsComeBackAsWritten(format: GlossaryFormat) throws {
        let glossary = Glossary(concepts: [concept("c1", [
            ("zh-Hant", [Term("準盟友", pinyin: "zhǔn méng yǒu")]), ("en-US", [Term("quasi ally")]),
            ("x-klingon", [Term("maH")]), ("i-klingon", [Term("tlhIngan")]),
        ])])
        let (back, warnings, _) = try roundTrip(glossary, format)
        #expect(warnings.isEmpty)
        #expect(back.concepts[0].languages.map(\.language) == ["zh-Hant", "en-US", "x-klingon", "i-klingon"])
        #expect(back == glossary)
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv])
    func theFormulaGuardIsUndoneExactly(format: GlossaryFormat) throws {
        let texts = ["'=already quoted", "=1+1", "''=x", "'", "'s-Hertogenbosch", "-ism", "@home", "+1", "'+'"]
        let glossary = Glossary(concepts: texts.enumerated().map { index, text in
            concept("c\(index)", [("en", [Term(text)])], note: text)
        })
        let (back, warnings, written) = try roundTrip(glossary, format)
        #expect(warnings.isEmpty)
        #expect(back.concepts.map { $0.terms(in: "en")[0].text } == texts)
        #expect(back.concepts.map(\.note) == texts)
        // No cell starts with a formula character.
        let separator: Character = format == .csv ? "," : "\t"
        for line in written.split(separator: "\n") {
            for cell in line.split(separator: separator) { #expect(!["=", "+", "-", "@"].contains(cell.first)) }
        }
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .xlsx])
    func surroundingSpacesTabsPipesAndBackslashesAreKept(format: GlossaryFormat) throws {
        let texts = ["\t=1+1", " padded ", "  ", "a|b", "back\\slash", "\\|", "trailing\t", "line\nbreak", "cr\ronly"]
        let glossary = Glossary(concepts: [concept("c1", [("en", texts.map { Term($0, status: .admitted) })], note: " note ")])
        let (back, warnings, written) = try roundTrip(glossary, format)
        #expect(warnings.isEmpty)
        #expect(back.concepts[0].terms(in: "en").map(\.text) == texts)
        #expect(back.concepts[0].note == " note ")
        if format == .tsv { #expect(written.contains("\"\\\t=1+1|\\ padded\\ |")) }
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .xlsx])
    func aCellStartingWithAQuoteIsNotReparsed(format: GlossaryFormat) throws {
        let texts = ["\"Tom\" Sawyer", "\"", "\"\"", "5\" screen"]
        let glossary = Glossary(concepts: texts.enumerated().map { concept("c\($0)", [("en", [Term($1)])]) })
        let (back, warnings, _) = try roundTrip(glossary, format)
        #expect(warnings.isEmpty)
        #expect(back.concepts.map { $0.terms(in: "en")[0].text } == texts)
    }

    @Test func anUnclosedQuoteIsAnErrorNamingItsLine() throws {
        let text = "id\tzh\ten\nc1\t准盟友\tquasi ally\nc2\t\"北约\tNATO\nc3\t伙伴\tpartner\nc4\t盟友\tally\n"
        #expect(throws: FileError(path: "g.tsv", line: 3, column: 4, message:
            "malformed TSV: the quoted field opened here is never closed (a \" is missing)")) {
            try Glossary.read(Data(text.utf8), format: .tsv, file: "g.tsv")
        }
        #expect(throws: FileError(path: "g.csv", line: 2, column: 9, message:
            "malformed CSV: text after the closing quote of a field (a quote inside a quoted field is written \"\")")) {
            try Glossary.read(Data("id,zh,en\nc1,\"准盟友\"x,ally\n".utf8), format: .csv, file: "g.csv")
        }
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .xlsx])
    func theColumnsWrittenDoNotDependOnContent(format: GlossaryFormat) throws {
        let plain = Glossary(concepts: [concept("c1", [("zh", [Term("盟友")]), ("en", [Term("ally")])])])
        let rich = Glossary(concepts: [Concept(id: "c1", subject: "s", definition: "d", note: "n", languages: [
            LanguageTerms(language: "zh", terms: [Term("盟友", partOfSpeech: "noun"), Term("同盟", status: .superseded, partOfSpeech: "noun")]),
            LanguageTerms(language: "en", terms: [Term("ally", partOfSpeech: "noun"), Term("x", status: .deprecated, partOfSpeech: "noun")]),
        ])])
        let header = { (g: Glossary) in try GlossaryTable(kind: "TSV", guardsFormulas: true).rows(for: g).rows[0] }
        #expect(try header(plain) == header(rich))
        #expect(try header(plain) == ["id", "subject", "zh", "zh_admitted", "zh_superseded", "zh_deprecated", "zh_forbidden",
                                      "zh_pinyin", "en", "en_admitted", "en_superseded", "en_deprecated", "en_forbidden",
                                      "pos", "definition", "note"])
        #expect(try roundTrip(rich, format).0 == (try rich.fillingPinyin()).withPinyinOnlyOnPreferredTerms())
    }

    @Test func whatATableCannotHoldIsNamed() throws {
        let glossary = Glossary(concepts: [
            Concept(id: "", subject: "", languages: [
                LanguageTerms(language: "en", terms: [Term("a", partOfSpeech: "noun"), Term("b", partOfSpeech: "verb"), Term("")]),
                LanguageTerms(language: "english", terms: [Term("c")]),
                LanguageTerms(language: "EN", terms: [Term("d", pinyin: "dee")]),
            ]),
            Concept(id: "c2", languages: [LanguageTerms(language: "zh", terms: [Term("盟友"), Term("同盟", status: .admitted, pinyin: "wrong")])]),
            Concept(id: "c2", languages: [LanguageTerms(language: "en", terms: [Term("ally")])]),
        ])
        let (_, warnings) = try glossary.encoded(as: .tsv)
        let messages = warnings.map(\.message).joined(separator: "\n")
        for name in ["empty concept ids", "duplicate concept ids", "empty subjects", "part of speech differing", "empty terms",
                     "language tags that cannot name a column (english)", "language tags differing only in case (EN written as en)",
                     "several sections of one language", "pinyin of terms not in Chinese", "pinyin of terms that are not preferred"] {
            #expect(messages.contains("TSV has no place for \(name)"), "\(name)")
        }
    }

    @Test func csvStartsWithAByteOrderMarkUnlessToldNot() throws {
        let glossary = Glossary(concepts: [concept("c1", [("zh", [Term("准盟友")]), ("en", [Term("quasi ally")])])])
        #expect(try glossary.encoded(as: .csv).data.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "i")]))
        #expect(try glossary.encoded(as: .csv, byteOrderMark: false).data.starts(with: Array("id,".utf8)))
        #expect(try glossary.encoded(as: .tsv).data.starts(with: Array("id\t".utf8)))
    }
}

extension Glossary {
    /// The glossary with the pinyin of terms other than preferred ones removed: a table keeps
    /// pinyin for preferred terms only (the others' is computed again when needed).
    func withPinyinOnlyOnPreferredTerms() -> Glossary {
        var copy = self
        for c in copy.concepts.indices {
            for l in copy.concepts[c].languages.indices {
                for t in copy.concepts[c].languages[l].terms.indices where copy.concepts[c].languages[l].terms[t].status != .preferred {
                    copy.concepts[c].languages[l].terms[t].pinyin = nil
                }
            }
        }
        return copy
    }
}
