import Foundation
import Testing
@testable import Termbridge

/// IATE's CSV export, MultiTerm XML and UNTERM's JSON records (Tests/Fixtures/Termbases: our
/// samples in their exact structure) read whole, chosen by their content, and carried through
/// JSON, TSV and TBX.
@Suite struct TermbaseExportImportTests {
    private static func path(_ name: String) -> String {
        TBXTestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/Termbases/\(name)").path
    }

    // MARK: MultiTerm XML

    @Test func readsMultiTermXMLByItsRootWithDefinitionsSourcesNotesAndPartsOfSpeech() throws {
        let glossary = try Glossary.read(contentsOf: Self.path("multiterm.xml"))   // .xml: the <mtf> root decides
        #expect(glossary.concepts.map(\.id) == ["1", "2"])
        #expect(glossary.languages == ["EN-US", "ZH-CN"])   // the lang attribute's case kept
        let ally = glossary.concepts[0]
        #expect(ally.subject == "international security")
        let english = try #require(ally.languages.first { $0.language == "EN-US" })
        #expect(english.definition == "partner that cooperates closely on defence without a treaty of alliance")
        #expect(english.source == "Termbridge test sample, 2026")
        #expect(english.terms.map(\.text) == ["quasi-ally", "semi-ally"])
        #expect(english.terms.map(\.status) == [.preferred, .forbidden])
        #expect(english.terms.map(\.partOfSpeech) == ["noun", "noun"])
        #expect(english.terms[1].note == "Not used in our texts: it reads as half an alliance.")
        #expect(ally.languages[1].definition == "在防务上密切合作、但未缔结同盟条约的伙伴")
        // The change history, in TBX form, and the entry class are kept, not dropped.
        #expect(ally.extra.map(\.element) == ["admin", "transacGrp"])
        #expect(ally.extra[1].value.contains(#"<transac type="transactionType">origination</transac>"#))
        #expect(ally.extra[1].value.contains(#"<transacNote type="responsibility">termbridge</transacNote>"#))
        #expect(english.terms[0].extra.map(\.element) == ["transacGrp"])

        let lane = glossary.concepts[1]
        #expect(lane.note == "Used of maritime routes.")
        #expect(lane.terms(in: "en").map(\.status) == [.preferred, .admitted])   // no status: the TBX rule
        #expect(lane.terms(in: "en")[0].extra == [DataCategory(element: "descrip", type: "context", value: "The convoy kept to the northern sea lane.")])
        #expect(lane.terms(in: "zh")[0].source == "Termbridge test sample, 2026")
    }

    /// `glossary stats` counts a concept defined per language (as MultiTerm and IATE define
    /// them) as defined: the MultiTerm sample has two language-level definitions in one concept.
    @Test func statisticsCountDefinitionsAndNotesOfLanguages() throws {
        let glossary = try Glossary.read(contentsOf: Self.path("multiterm.xml"))
        let defined = glossary.concepts.filter { $0.definition != nil || $0.languages.contains { $0.definition != nil } }
        #expect(!defined.isEmpty && glossary.concepts.allSatisfy { $0.definition == nil })
        #expect(glossary.statistics.withDefinition == defined.count)
        let alone = Glossary(concepts: [Concept(id: "c1", languages: [LanguageTerms(language: "en", terms: [Term("a")])])])
        #expect(alone.statistics.withDefinition == 0 && alone.statistics.withNote == 0)
    }

    @Test(arguments: [GlossaryFormat.json, .tsv, .tbx, .tbx2008])
    func carriesMultiTermFieldsThroughOtherFormats(_ format: GlossaryFormat) throws {
        let glossary = try Glossary.read(contentsOf: Self.path("multiterm.xml"), format: .multiterm)
        let (data, warnings) = try glossary.encoded(as: format)
        let back = try Glossary.read(data, format: format)
        #expect(Set(back.languages) == ["EN-US", "ZH-CN"])
        for (a, b) in zip(glossary.concepts, back.concepts) {
            #expect(a.subject == b.subject && a.note == b.note)
            for section in a.languages {
                let other = try #require(b.languages.first { $0.language == section.language })
                #expect(other.definition == section.definition && other.source == section.source)
                #expect(other.terms.map(\.text) == section.terms.map(\.text))
                #expect(other.terms.map(\.status) == section.terms.map(\.status))
                #expect(other.terms.map(\.partOfSpeech) == section.terms.map(\.partOfSpeech))
            }
        }
        if format == .tbx || format == .tbx2008 {
            // TBX keeps the change history (TBX-Basic's transacGrp) and the term notes and sources.
            #expect(back.concepts[0].extra.contains { $0.element == "transacGrp" })
            #expect(back.concepts[0].terms(in: "en")[1].note == "Not used in our texts: it reads as half an alliance.")
            #expect(back.concepts[1].terms(in: "zh")[0].source == "Termbridge test sample, 2026")
        } else if format == .tsv {
            // What a table cannot hold is reported by name.
            #expect(warnings.contains { $0.message.contains("term notes") })
            #expect(warnings.contains { $0.message.contains("transacGrp") })
        } else {
            #expect(back == (try glossary.fillingPinyin()))   // JSON stores computed pinyin
        }
    }

    @Test func readsMultiTermXMLInUTF16AsMultiTermWritesIt() throws {
        // MultiTerm exports UTF-16 with a byte order mark. A long term of surrogate pairs and Han
        // makes the pairs straddle the reader's 256 KB chunks when streamed from the file.
        let long = String(repeating: "𠀀准", count: 100_000)
        let utf8 = try String(contentsOfFile: Self.path("multiterm.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<term>航道</term>", with: "<term>\(long)</term>")
        let expected = try Glossary.read(Data(utf8.utf8), format: .multiterm)
        let declared = utf8.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="UTF-16""#)
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in declared.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            let path = NSTemporaryDirectory() + "multiterm-utf16-\(UUID().uuidString).xml"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let streamed = try Glossary.read(contentsOf: path)
            #expect(streamed == expected)
            #expect(streamed.concepts[1].terms(in: "zh")[0].text == long)
        }
    }

    @Test func namesTheLineOfMalformedMultiTermXML() throws {
        let missingLanguage = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mtf>
              <conceptGrp>
                <concept>7</concept>
                <languageGrp>
                  <termGrp><term>convoy</term></termGrp>
                </languageGrp>
              </conceptGrp>
            </mtf>
            """
        let error = try #require(throws: FileError.self) {
            try Glossary.read(Data(missingLanguage.utf8), format: .multiterm, file: "export.xml")
        }
        #expect(error.path == "export.xml" && error.line == 5)
        #expect(error.message.contains("<languageGrp> has no <language>"))

        let duplicate = "<mtf><conceptGrp><concept>1</concept></conceptGrp>\n<conceptGrp><concept>1</concept></conceptGrp></mtf>"
        let second = try #require(throws: FileError.self) { try Glossary.read(Data(duplicate.utf8), format: .tbx) }
        #expect(second.line == 2 && second.message.contains("duplicate concept number \"1\""))

        // --from multiterm refuses a TBX file rather than reading it as something else.
        let tbx = try #require(throws: FileError.self) {
            try Glossary.read(contentsOf: TBXTestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/Termbases/iate.tbx").path, format: .multiterm)
        }
        #expect(tbx.message.contains("expected <mtf>"))
    }

    @Test func refusesEntitiesInMultiTermXMLAsInTBX() throws {
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE mtf [<!ENTITY x "xx">]>
            <mtf><conceptGrp><concept>1</concept></conceptGrp></mtf>
            """
        let error = try #require(throws: FileError.self) { try Glossary.read(Data(hostile.utf8), format: .multiterm) }
        #expect(error.line == 2)
    }

    // MARK: IATE CSV

    @Test func readsIATEsCSVExportByItsHeader() throws {
        let glossary = try Glossary.read(contentsOf: Self.path("iate.csv"))   // .csv: the header decides
        #expect(glossary.concepts.map(\.id) == ["IATE-900001", "IATE-900002"])
        #expect(glossary.concepts.map(\.subject) == ["international security", "transport;international security"])
        let ally = glossary.concepts[0]
        #expect(ally.terms(in: "en").map(\.text) == ["quasi-ally", "semi-ally"])
        #expect(ally.terms(in: "en").map(\.status) == [.preferred, .deprecated])
        #expect(ally.terms(in: "zh").map(\.status) == [.preferred])
        #expect(ally.extra == [DataCategory(element: "descrip", type: "E_PRIMARITY", value: "primary")])
        #expect(ally.terms(in: "en")[0].extra == [
            DataCategory(element: "termNote", type: "termType", value: "Term"),
            DataCategory(element: "descrip", type: "reliabilityCode", value: "Reliable"),
            DataCategory(element: "descrip", type: "T_INSTITUTION", value: "Termbridge"),
        ])
        // Without an evaluation: the first term of its language is preferred, the others admitted.
        #expect(glossary.concepts[1].terms(in: "en").map(\.status) == [.preferred, .admitted])
        #expect(glossary.concepts[1].terms(in: "zh").map(\.text) == ["海上交通线"])
        // The same through --from iate-csv, and through JSON unchanged.
        let named = try Glossary.read(contentsOf: Self.path("iate.csv"), format: .iateCSV)
        #expect(named == glossary)
        let (json, _) = try glossary.encoded(as: .json)
        #expect(try Glossary.read(json, format: .json) == glossary.fillingPinyin())   // JSON stores computed pinyin
    }

    @Test func readsIATEDefinitionNoteAndReferenceColumnsIntoTheirFields() throws {
        let csv = """
            E_ID|E_DOMAINS|E_NOTE|L_CODE|L_DEFINITION|L_DEFINITION_REFERENCES|L_NOTE|T_TERM|T_NOTE|T_TERM_REFERENCES|T_EVALUATION
            IATE-900003|transport|coined for our tests|en|route at sea used by shipping|Termbridge test sample|English usage varies|sea lane|informal|Termbridge glossary|Preferred
            IATE-900003|transport|coined for our tests|en|route at sea used by shipping|Termbridge test sample|English usage varies|shipping lane|||Admitted
            IATE-900003|transport|coined for our tests|zh-CN|船舶通行的海上路线|||航道|||
            """
        let glossary = try Glossary.read(Data(csv.utf8), format: .csv, file: "iate.csv")
        let concept = try #require(glossary.concepts.first)
        #expect(concept.note == "coined for our tests")
        let english = concept.languages[0]
        #expect(english.definition == "route at sea used by shipping")
        #expect(english.source == "Termbridge test sample")
        #expect(english.note == "English usage varies")
        #expect(english.terms[0].note == "informal" && english.terms[0].source == "Termbridge glossary")
        #expect(concept.languages[1].language == "zh-CN" && concept.languages[1].definition == "船舶通行的海上路线")
        // Through TSV: the language-level fields are columns, the tag keeps its case.
        let (tsv, _) = try glossary.encoded(as: .tsv)
        let back = try Glossary.read(tsv, format: .tsv)
        let backEnglish = try #require(back.concepts[0].languages.first { $0.language == "en" })
        #expect(backEnglish.definition == english.definition && backEnglish.source == english.source && backEnglish.note == english.note)
        #expect(back.concepts[0].languages.contains { $0.language == "zh-CN" })
    }

    @Test func namesTheLineOfMalformedIATECSV() throws {
        let differing = "E_ID|E_DOMAINS|L_CODE|T_TERM\nIATE-1|law|en|treaty\nIATE-1|trade|en|pact\n"
        let error = try #require(throws: FileError.self) { try Glossary.read(Data(differing.utf8), format: .iateCSV, file: "x.csv") }
        #expect(error.path == "x.csv" && error.line == 3 && error.message.contains("entry IATE-1"))
        let short = "E_ID|L_CODE|T_TERM\nIATE-1|en\n"
        let shortError = try #require(throws: FileError.self) { try Glossary.read(Data(short.utf8), format: .csv) }
        #expect(shortError.line == 2 && shortError.message.contains("expected 3 fields"))
        let noTerm = "E_ID|L_CODE|T_TERMS\nIATE-1|en|treaty\n"
        #expect(throws: FileError.self) { try Glossary.read(Data(noTerm.utf8), format: .iateCSV) }
        // A CSV whose header is not IATE's is still a Termbridge table.
        let ours = try Glossary.read(Data("id,en,zh\nc1,treaty,条约\n".utf8), format: .csv)
        #expect(ours.concepts[0].terms(in: "zh").map(\.text) == ["条约"])
    }

    // MARK: UNTERM

    @Test func readsUNTERMRecordsWithLanguageNamesAsCodes() throws {
        let glossary = try Glossary.read(contentsOf: Self.path("unterm.json"))   // .json: the recordIDs decide
        #expect(glossary.concepts.map(\.id) == ["5f0c2a91-7d3e-4b1a-9c11-0a7e3b2d9f01", "5f0c2a91-7d3e-4b1a-9c11-0a7e3b2d9f02"])
        let ally = glossary.concepts[0]
        // `english`, `chinese` → en, zh; French has no term (UNTERM lists it empty) and is left out.
        #expect(ally.languages.map(\.language) == ["en", "zh"])
        #expect(ally.subject == "Political questions; International security")
        let english = ally.languages[0]
        #expect(english.definition == "state that receives security support from a great power without a treaty of alliance")
        #expect(english.note == "Termbridge test sample, 2026")
        #expect(english.terms.map(\.text) == ["quasi-ally", "semi-ally"])
        #expect(english.terms.map(\.status) == [.preferred, .deprecated])
        #expect(english.terms[0].extra.contains(DataCategory(element: "termNote", type: "termType", value: "full")))
        // The footnote belongs to the English section (its languageId), the remark to the record.
        #expect(english.extra.contains(DataCategory(element: "descrip", type: "Footnote", value: "Used of states, not of the relationship.")))
        #expect(ally.extra.contains(DataCategory(element: "descrip", type: "Remark", value: "Written for Termbridge's tests.")))
        #expect(ally.extra.contains(DataCategory(element: "descrip", type: "status", value: "Approved")))
        #expect(ally.extra.contains { $0.element == "transacGrp" && $0.value.contains("<transacNote type=\"responsibility\">termbridge</transacNote>") })
        #expect(ally.languages[1].definition == nil)   // an empty definition is none
        #expect(glossary.concepts[1].terms(in: "en").map(\.text) == ["sea lines of communication", "SLOC"])
        #expect(glossary.concepts[1].terms(in: "zh").map(\.text) == ["海上交通线"])
        // The same through --from unterm; definitions and notes survive TBX and TSV.
        #expect(try Glossary.read(contentsOf: Self.path("unterm.json"), format: .unterm) == glossary)
        for format in [GlossaryFormat.tbx2008, .tsv] {
            let back = try Glossary.read(try glossary.encoded(as: format).data, format: format)
            let backEnglish = try #require(back.concepts[0].languages.first { $0.language == "en" })
            #expect(backEnglish.definition == english.definition && backEnglish.note == english.note)
            #expect(backEnglish.terms.map(\.status) == [.preferred, .deprecated])
        }
    }

    @Test func readsASingleUNTERMRecordAndNamesWhatIsWrongByPath() throws {
        let one = #"{"recordID": 42, "english": {"terms": [{"term": "ceasefire"}]}, "chinese": {"terms": [{"term": "停火", "termStatus": "admitted"}]}}"#
        let glossary = try Glossary.read(Data(one.utf8), format: .json)
        #expect(glossary.concepts.map(\.id) == ["42"])
        #expect(glossary.concepts[0].terms(in: "en").map(\.status) == [.preferred])   // no status: the TBX rule
        #expect(glossary.concepts[0].terms(in: "zh").map(\.status) == [.admitted])
        let noID = #"[{"english": {"terms": [{"term": "truce"}]}}]"#
        let error = try #require(throws: FileError.self) { try Glossary.read(Data(noID.utf8), format: .unterm, file: "u.json") }
        #expect(error.path == "u.json" && error.message.contains("the record at [0] has no recordID"))
        let badTerm = #"{"recordID": "r1", "english": {"terms": [{"termStatus": "preferred"}]}}"#
        let termError = try #require(throws: FileError.self) { try Glossary.read(Data(badTerm.utf8), format: .unterm) }
        #expect(termError.message.contains(".english.terms[0] has no \"term\""))
        let malformed = try #require(throws: FileError.self) { try Glossary.read(Data(#"{"recordID": "#.utf8), format: .unterm) }
        #expect(malformed.message.contains("malformed JSON"))
        // Termbridge's own JSON is still Termbridge's.
        let ours = try Glossary.read(try Glossary(concepts: [Concept(id: "recordID", languages: [LanguageTerms(language: "en", terms: [Term("x")])])]).encoded(as: .json).data, format: .json)
        #expect(ours.concepts.map(\.id) == ["recordID"])
    }
}
