import Foundation
import Testing
@testable import Termbridge

@Suite struct TBXReadingTests {
    @Test func readsTheProjectV3FixtureWithStatuses() throws {
        let path = TBXTestSupport.fixture("quasi-ally.tbx").path
        let glossary = try Glossary.read(contentsOf: path)
        #expect(glossary.concepts.map(\.id) == ["c1"])
        let concept = try #require(glossary.concepts.first)
        #expect(concept.subject == "international relations")
        #expect(concept.languages.map(\.language) == ["zh", "en"])
        #expect(concept.terms(in: "zh").map(\.text) == ["准盟友"])
        #expect(concept.terms(in: "zh").map(\.status) == [.preferred])
        #expect(concept.terms(in: "zh").first?.partOfSpeech == "noun")
        // "quasi ally" states no status: it is the first such term and no term is explicitly
        // preferred, so it reads as preferred.
        #expect(concept.terms(in: "en").map(\.text) == ["quasi ally", "quasi-ally"])
        #expect(concept.terms(in: "en").map(\.status) == [.preferred, .admitted])
        #expect(concept.extra.isEmpty && concept.languages.allSatisfy { $0.extra.isEmpty })
    }

    @Test func readsTheProject2008Fixture() throws {
        let path = TBXTestSupport.fixture("quasi-ally-2008.tbx").path
        let glossary = try TBXGlossaryFormat.read(Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(glossary.concepts.map(\.id) == ["c1", "c2"])
        #expect(glossary.concepts[0].subject == "international relations")
        #expect(glossary.concepts[0].preferredTerm(in: "zh")?.text == "准盟友")
        #expect(glossary.concepts[0].preferredTerm(in: "en")?.partOfSpeech == "noun")
        #expect(glossary.concepts[1].terms(in: "zh").map(\.text) == ["术语一致性"])
        #expect(glossary.concepts[1].terms(in: "en").map(\.text) == ["terminology consistency"])
        #expect(glossary.concepts.flatMap { $0.languages.flatMap(\.terms) }.allSatisfy { $0.status == .preferred })
    }

    @Test func keepsTheOfficialSamplesUnknownCategoriesAtTheirLevels() throws {
        let path = TBXTestSupport.fixture("Example_Astronomy_DCA_VALID.tbx").path
        let glossary = try Glossary.read(contentsOf: path)
        #expect(glossary.concepts.count == 45)
        let sections = glossary.concepts.flatMap(\.languages)
        let terms = sections.flatMap(\.terms)
        #expect(sections.count == 84 && terms.count == 113)

        func count(_ categories: [DataCategory]) -> [String: Int] {
            categories.reduce(into: [:]) { $0[$1.element + ($1.type.map { "/" + $0 } ?? ""), default: 0] += 1 }
        }
        // Counted in the file: what is not a model field is in `extra`, at its level.
        #expect(count(glossary.concepts.flatMap(\.extra)) == ["transacGrp": 90, "xref/xGraphic": 34, "note": 4])
        #expect(count(sections.flatMap(\.extra)) == ["transacGrp": 226, "descripGrp": 74, "note": 20])
        #expect(count(terms.flatMap(\.extra)) == ["descripGrp": 104, "termNote/termType": 25, "note": 34])
        // And the model fields took the rest: 39 subjects, 31 concept notes, 107 parts of
        // speech, 19 term notes.
        #expect(glossary.concepts.compactMap(\.subject).count == 39)
        #expect(glossary.concepts.compactMap(\.note).count == 31)
        #expect(terms.compactMap(\.partOfSpeech).count == 107)
        #expect(terms.compactMap(\.note).count == 19)

        let first = try #require(glossary.concept(withID: "c1"))
        #expect(first.subject == "General")
        #expect(first.extra.first == DataCategory(element: "transacGrp", value:
            #"<transacGrp><transac type="transactionType">origination</transac><date>2010-04-17</date><transacNote type="responsibility" target="pe324as3-9615-4d41-a9c8-30c36bffe0e6">Tommy</transacNote></transacGrp>"#))
        let image = try #require(first.extra.first { $0.element == "xref" })
        #expect(image.type == "xGraphic")
        #expect(image.value.hasPrefix(#"<xref type="xGraphic" target="https://en.wikipedia.org/wiki/Galaxy_cluster"#))
        #expect(image.value.hasSuffix(">Open_Cluster.JPG</xref>"))
        #expect(first.terms(in: "en").map(\.status) == [.preferred, .superseded])
    }

    @Test func readsStatusFromAdministrativeStatusAndTheFirstUnmarkedTermAsPreferred() throws {
        let glossary = try TBXTestSupport.read(TBXTestSupport.v3("""
            <conceptEntry id="a">
              <langSec xml:lang="en">
                <termSec><term>one</term></termSec>
                <termSec><term>two</term></termSec>
                <termSec><term>three</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
              </langSec>
              <langSec xml:lang="zh">
                <termSec><term>一</term></termSec>
                <termSec><term>二</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
              </langSec>
            </conceptEntry>
            """))
        let concept = glossary.concepts[0]
        #expect(concept.terms(in: "en").map(\.status) == [.preferred, .admitted, .superseded])
        // An explicitly preferred term wins; the unmarked one is admitted.
        #expect(concept.terms(in: "zh").map(\.status) == [.admitted, .preferred])
    }

    @Test func readsDeprecatedWithTheForbiddenNoteAsForbidden() throws {
        let glossary = try TBXTestSupport.read(TBXTestSupport.v3("""
            <conceptEntry id="a"><langSec xml:lang="zh">
              <termSec><term>川普</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                <note>termbridge:forbidden</note><note>Taiwan form</note></termSec>
              <termSec><term>特朗普</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                <note>termbridge:forbidden</note></termSec>
            </langSec></conceptEntry>
            """))
        let terms = glossary.concepts[0].terms(in: "zh")
        #expect(terms[0].status == .forbidden)
        #expect(terms[0].note == "Taiwan form")
        // Without deprecatedTerm-admn-sts the marker is an ordinary note.
        #expect(terms[1].status == .preferred)
        #expect(terms[1].note == "termbridge:forbidden")
    }

    @Test func readsPinyinNotesSourceAndProperNoun() throws {
        let glossary = try TBXTestSupport.read(TBXTestSupport.v3("""
            <conceptEntry id="a"><langSec xml:lang="zh">
              <termSec><term>北约</term><termNote type="partOfSpeech">noun</termNote>
                <note>pinyin: běi yuē</note><note>short form</note><note>termbridge:properNoun</note>
                <admin type="source">Xinhua</admin></termSec>
            </langSec></conceptEntry>
            """))
        let term = glossary.concepts[0].terms(in: "zh")[0]
        #expect(term.pinyin == "běi yuē")
        #expect(term.note == "short form")
        #expect(term.source == "Xinhua")
        #expect(term.partOfSpeech == "properNoun")
        #expect(term.extra.isEmpty)
    }

    @Test func keepsCategoriesWithAttributesOrMarkupAsXML() throws {
        let glossary = try TBXTestSupport.read(TBXTestSupport.v3("""
            <conceptEntry id="a">
              <note xml:lang="zh">中文注释</note>
              <descrip type="definition">A <hi type="bold">bold</hi> definition</descrip>
              <langSec xml:lang="en"><termSec><term>x</term>
                <descripGrp>
                  <descrip type="context">in context</descrip>
                  <admin type="source">a &amp; b</admin>
                </descripGrp>
              </termSec></langSec>
            </conceptEntry>
            """))
        let concept = glossary.concepts[0]
        #expect(concept.note == nil && concept.definition == nil)
        #expect(concept.extra == [
            DataCategory(element: "note", value: #"<note xml:lang="zh">中文注释</note>"#),
            DataCategory(element: "descrip", type: "definition", value: #"<descrip type="definition">A <hi type="bold">bold</hi> definition</descrip>"#),
        ])
        #expect(concept.terms(in: "en")[0].extra == [
            DataCategory(element: "descripGrp", value:
                #"<descripGrp><descrip type="context">in context</descrip><admin type="source">a &amp; b</admin></descripGrp>"#),
        ])
    }

    @Test func readsTBX2008TigAndNtig() throws {
        let glossary = try TBXTestSupport.read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
              <text><body>
                <termEntry id="t1">
                  <langSet xml:lang="en">
                    <tig><term>ally</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
                    <ntig><termGrp><term>partner</term><termNote type="partOfSpeech">noun</termNote></termGrp>
                      <admin type="source">CFR</admin></ntig>
                  </langSet>
                </termEntry>
              </body></text>
            </martif>
            """)
        let terms = glossary.concepts[0].terms(in: "en")
        #expect(terms.map(\.text) == ["ally", "partner"])
        #expect(terms.map(\.status) == [.admitted, .preferred])
        #expect(terms[1].partOfSpeech == "noun" && terms[1].source == "CFR")
    }
}
