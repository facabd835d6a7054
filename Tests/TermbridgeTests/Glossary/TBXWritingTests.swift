import Foundation
import Testing
@testable import Termbridge

@Suite struct TBXWritingTests {
    /// The model of the project fixture `ours_min_zh_en.tbx`.
    private let fixture = Glossary(concepts: [
        Concept(id: "c1", subject: "international relations", languages: [
            LanguageTerms(language: "zh", terms: [Term("准盟友", status: .preferred, partOfSpeech: "noun")]),
            LanguageTerms(language: "en", terms: [
                Term("quasi ally", status: .preferred, partOfSpeech: "noun"),
                Term("quasi-ally", status: .admitted),
            ]),
        ]),
    ])

    /// The layout of the fixture, but English (the source language) first.
    @Test func writesTBXv3InTheLayoutOfTheProjectFixture() throws {
        let (data, warnings) = try TBXGlossaryFormat.write(fixture, version: .v3)
        #expect(warnings.isEmpty)
        #expect(String(decoding: data, as: UTF8.self) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-model href="TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
            <?xml-model href="TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc><p>Termbridge glossary</p></sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>
                  <conceptEntry id="c1">
                    <descrip type="subjectField">international relations</descrip>
                    <langSec xml:lang="en">
                      <termSec>
                        <term>quasi ally</term>
                        <termNote type="partOfSpeech">noun</termNote>
                        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                      </termSec>
                      <termSec>
                        <term>quasi-ally</term>
                        <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
                      </termSec>
                    </langSec>
                    <langSec xml:lang="zh">
                      <termSec>
                        <term>准盟友</term>
                        <termNote type="partOfSpeech">noun</termNote>
                        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                        <note>pinyin: zhǔn méng yǒu</note>
                      </termSec>
                    </langSec>
                  </conceptEntry>
                </body>
              </text>
            </tbx>

            """)
    }

    @Test func writesTBX2008AsMartifWithTheDoctype() throws {
        let (data, warnings) = try TBXGlossaryFormat.write(fixture, version: .v2008)
        #expect(warnings.isEmpty)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader>
                <fileDesc>
                  <sourceDesc><p>Termbridge glossary</p></sourceDesc>
                </fileDesc>
                <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
              </martifHeader>
              <text>
                <body>
                  <termEntry id="c1">
                    <descrip type="subjectField">international relations</descrip>
                    <langSet xml:lang="en">
                      <tig>
                        <term>quasi ally</term>
            """))
        #expect(!text.contains("xmlns") && !text.contains("langSec") && text.hasSuffix("</martif>\n"))
    }

    @Test func writesTheSameBytesEveryTime() throws {
        let glossary = TBXTestSupport.realisticGlossary()
        for version in [TBXGlossaryFormat.Version.v3, .v2008] {
            let first = try TBXGlossaryFormat.write(glossary, version: version)
            let second = try TBXGlossaryFormat.write(glossary, version: version)
            #expect(first.data == second.data)
            #expect(first.warnings.isEmpty, "\(first.warnings)")
        }
    }

    @Test func escapesMarkupCharactersInTextAndAttributes() throws {
        let glossary = Glossary(concepts: [
            Concept(id: "c1", note: "R&D <b> \"q\" 'a' ]]> line\r\nend", languages: [
                LanguageTerms(language: "en", terms: [Term("AT&T <x>")], extra: [
                    DataCategory(element: "xref", type: "externalCrossReference", value: "https://example.org/?a=1&b=\"2\""),
                ]),
            ]),
        ])
        let (data, _) = try TBXGlossaryFormat.write(glossary, version: .v3)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<note>R&amp;D &lt;b&gt; \"q\" 'a' ]]&gt; line&#13;\nend</note>"))
        #expect(text.contains("<term>AT&amp;T &lt;x&gt;</term>"))
        #expect(text.contains(#"target="https://example.org/?a=1&amp;b=&quot;2&quot;""#))
        let back = try TBXGlossaryFormat.read(data, file: nil)
        #expect(back.concepts[0].note == "R&D <b> \"q\" 'a' ]]> line\r\nend")
        #expect(back.concepts[0].terms(in: "en")[0].text == "AT&T <x>")
        #expect(back.concepts[0].languages[0].extra == glossary.concepts[0].languages[0].extra)
    }

    @Test func writesForbiddenAsDeprecatedWithTheForbiddenNote() throws {
        let glossary = Glossary(concepts: [Concept(id: "c1", languages: [
            LanguageTerms(language: "en", terms: [Term("Kiev", status: .forbidden, note: "use Kyiv")]),
        ])])
        let text = String(decoding: try TBXGlossaryFormat.write(glossary, version: .v3).data, as: UTF8.self)
        #expect(text.contains("""
                        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                        <note>Forbidden term: do not use.</note>
                        <note>use Kyiv</note>

            """))
    }

    @Test func writesProperNounAsNounWithANoteInV3AndAsItselfIn2008() throws {
        let glossary = Glossary(concepts: [Concept(id: "c1", languages: [
            LanguageTerms(language: "en", terms: [Term("NATO", partOfSpeech: "properNoun")]),
        ])])
        let v3 = String(decoding: try TBXGlossaryFormat.write(glossary, version: .v3).data, as: UTF8.self)
        #expect(v3.contains(#"<termNote type="partOfSpeech">noun</termNote>"#))
        #expect(v3.contains("<note>termbridge:properNoun</note>"))
        let v2008 = String(decoding: try TBXGlossaryFormat.write(glossary, version: .v2008).data, as: UTF8.self)
        #expect(v2008.contains(#"<termNote type="partOfSpeech">properNoun</termNote>"#))
        #expect(!v2008.contains("termbridge:properNoun"))
    }

    @Test func sanitizesConceptIDsThatAreNotNCNamesAndSaysSo() throws {
        let glossary = Glossary(concepts: [
            Concept(id: "1", languages: [LanguageTerms(language: "en", terms: [Term("one")])]),
            Concept(id: "c1", languages: [LanguageTerms(language: "en", terms: [Term("c-one")])]),
            Concept(id: "qa 7:b", languages: [LanguageTerms(language: "en", terms: [Term("seven")])], extra: [
                DataCategory(element: "ref", type: "crossReference", value: #"<ref type="crossReference" target="1">one</ref>"#),
            ]),
            Concept(id: "c1", languages: [LanguageTerms(language: "en", terms: [Term("again")])]),
        ])
        let (data, warnings) = try TBXGlossaryFormat.write(glossary, version: .v3)
        let text = String(decoding: data, as: UTF8.self)
        // "1" cannot become "c1", which another concept has.
        #expect(text.contains(#"<conceptEntry id="c1-2">"#))
        #expect(text.contains(#"<conceptEntry id="c1">"#))
        #expect(text.contains(#"<conceptEntry id="qa_7_b">"#))
        #expect(text.contains(#"<conceptEntry id="c1-3">"#))
        // A reference to a renamed concept follows it.
        #expect(text.contains(#"<ref type="crossReference" target="c1-2">one</ref>"#))
        let messages = warnings.map(\.message)
        #expect(messages.contains { $0.contains(#"concept id "1" is not an XML name"#) && $0.contains(#""c1-2""#) })
        #expect(messages.contains { $0.contains(#"concept id "qa 7:b" is not an XML name"#) && $0.contains(#""qa_7_b""#) })
        #expect(messages.contains { $0.contains(#"concept id "c1" appears more than once"#) && $0.contains(#""c1-3""#) })
    }

    @Test func reportsCategoriesTBXBasicDoesNotPermitInsteadOfWritingThem() throws {
        var glossary = fixture
        let unwritable = TBXTestSupport.unwritableCategories()
        glossary.concepts[0].extra = unwritable.concept
        glossary.concepts[0].languages[1].terms[0].extra = unwritable.term
        glossary.concepts[0].languages[1].terms[1].extra = [DataCategory(element: "termNote", type: "register", value: "informal")]
        let (data, warnings) = try TBXGlossaryFormat.write(glossary, version: .v3)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("etymology") && !text.contains("register") && !text.contains("pronoun"))
        #expect(!text.contains("context belongs"))
        let messages = warnings.map(\.message)
        #expect(messages.count == 4, "\(messages)")
        #expect(messages.contains { $0.hasPrefix(#"TBX: <descrip type="etymology"> is not a TBX-Basic data category"#) })
        #expect(messages.contains { $0.contains(#"<descrip type="context"> is permitted in TBX-Basic only at the term level, not at the concept level"#) })
        #expect(messages.contains {
            $0.contains(#"<termNote type="register"> is not a TBX-Basic data category"#) && $0.contains(#"2 times; first in concept "c1", language "en", term "quasi ally""#)
        })
        #expect(messages.contains { $0.contains(#"value "pronoun" is not in TBX-Basic's picklist"#) })
    }

    @Test func removesTargetsThatPointNowhereAndSaysSo() throws {
        let glossary = Glossary(concepts: [Concept(id: "c1", languages: [
            LanguageTerms(language: "en", terms: [Term("star")], extra: [
                DataCategory(element: "transacGrp", value:
                    #"<transacGrp><transac type="transactionType">origination</transac><transacNote type="responsibility" target="person-1">Tommy</transacNote></transacGrp>"#),
            ]),
        ])])
        let (data, warnings) = try TBXGlossaryFormat.write(glossary, version: .v3)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"<transacNote type="responsibility">Tommy</transacNote>"#))
        #expect(warnings.map(\.message) == [
            #"TBX: target "person-1" on <transacNote> refers to no id in this file (Termbridge does not keep TBX back matter): attribute removed (concept "c1")"#,
        ])
    }

    @Test func reportsWhatHasNoPlaceInTBX() throws {
        let glossary = Glossary(concepts: [
            Concept(id: "empty", subject: "nothing"),
            Concept(id: "c2", languages: [
                LanguageTerms(language: "zh_CN", terms: [Term("盟友"), Term("  ")]),
                LanguageTerms(language: "not a tag!", terms: [Term("x")]),
                LanguageTerms(language: "en", terms: [Term("ally\u{1}", partOfSpeech: "n.")]),
            ]),
        ])
        let (data, warnings) = try TBXGlossaryFormat.write(glossary, version: .v3)
        let messages = warnings.map(\.message).joined(separator: "\n")
        #expect(messages.contains(#"a concept without any term cannot be written in TBX: concept not written (concept "empty")"#))
        #expect(messages.contains(#"language "zh_CN" written as "zh-CN""#))
        #expect(messages.contains(#"an empty term cannot be written"#))
        #expect(messages.contains(#"language "not a tag!" is not a language tag"#))
        #expect(messages.contains(#"part of speech "n." is not in TBX-Basic's picklist"#))
        #expect(messages.contains("1 control character(s) that XML 1.0 cannot carry written as U+FFFD"))
        let back = try TBXGlossaryFormat.read(data, file: nil)
        #expect(back.concepts.map(\.id) == ["c2"])
        #expect(back.concepts[0].languages.map(\.language) == ["en", "zh-CN"])   // the source language first
        #expect(back.concepts[0].terms(in: "en")[0].text == "ally\u{FFFD}")
    }
}
