import Foundation
import Testing
@testable import Termbridge

/// Termbases as people download them (Tests/Fixtures/Termbases: our samples in their exact
/// structure) read whole, and carried through TSV, CSV and JSON without loss.
@Suite struct TermbaseImportTests {
    private static func sample(_ name: String) throws -> Glossary {
        try Glossary.read(contentsOf: TBXTestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/Termbases/\(name)").path)
    }

    @Test func readsTheMicrosoftTerminologyCollectionWithDefinitionsPartsOfSpeechAndTags() throws {
        let glossary = try Self.sample("microsoft-terminology.tbx")
        #expect(glossary.sourceLanguage == "en-US")
        #expect(glossary.languages == ["en-US", "zh-CN"])   // BCP 47 case kept
        #expect(glossary.concepts.map { $0.languages[0].definition } == [
            "A small program that adds a feature to a larger application.",
            "To copy data from a remote computer to the local one.", nil,
        ])
        #expect(glossary.concepts.allSatisfy { $0.languages.allSatisfy { $0.extra.isEmpty } })
        let partsOfSpeech = glossary.concepts.map { $0.languages.flatMap(\.terms).compactMap(\.partOfSpeech) }
        #expect(partsOfSpeech == [["noun", "noun"], ["verb", "verb"], ["adjective", "adjective"]])
        let plugIn = glossary.concepts[0].terms(in: "zh")[0]
        #expect(plugIn.text == "插件")
        #expect(plugIn.extra.map(\.type) == ["geographicalUsage", "grammaticalGender", "grammaticalNumber"])
    }

    @Test func writesTheMicrosoftPartsOfSpeechBackInTBXBasicsPicklistForm() throws {
        let glossary = try Self.sample("microsoft-terminology.tbx")
        for version in [TBXGlossaryFormat.Version.v3, .v2008] {
            let (data, warnings) = try TBXGlossaryFormat.write(glossary, version: version)
            let text = String(decoding: data, as: UTF8.self)
            #expect(!warnings.contains { $0.message.contains("part of speech") }, "\(warnings)")
            #expect(text.components(separatedBy: #"<termNote type="partOfSpeech">noun</termNote>"#).count - 1 == 2)
            #expect(text.contains(#"<termNote type="partOfSpeech">adjective</termNote>"#))
            // The categories TBX-Basic has no place for are reported by name, not dropped silently.
            #expect(warnings.contains { $0.message.contains(#"<termNote type="grammaticalNumber">"#) })
            let back = try TBXGlossaryFormat.read(data, file: nil)
            #expect(back.sourceLanguage == "en-US" && back.languages == ["en-US", "zh-CN"])
            #expect(back.concepts.map { $0.languages[0].definition } == glossary.concepts.map { $0.languages[0].definition })
        }
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv, .json])
    func carriesTheMicrosoftDefinitionsAndTagsThroughSpreadsheetsAndJSON(_ format: GlossaryFormat) throws {
        let glossary = try Self.sample("microsoft-terminology.tbx")
        let (data, warnings) = try glossary.encoded(as: format)
        #expect(!warnings.contains { $0.message.contains("definition") || $0.message.contains("descrip ") }, "\(warnings)")
        if format != .json {
            let header = String(decoding: data, as: UTF8.self).prefix { $0 != "\n" && $0 != "\r\n" }
            #expect(header.contains("en-US") && header.contains("zh-CN") && header.contains("en-US_definition"))
            #expect(!header.contains("en-us"))
        }
        let back = try Glossary.read(data, format: format)
        #expect(Set(back.languages) == ["en-US", "zh-CN"])   // TSV and CSV put Chinese first
        #expect(back.concepts.map { $0.languages.first { $0.language == "en-US" }?.definition }
                == glossary.concepts.map { $0.languages[0].definition })
        #expect(back.concepts.map { $0.terms(in: "en").compactMap(\.partOfSpeech) } == [["noun"], ["verb"], ["adjective"]])
    }

    @Test func readsIATEsSubjectDefinitionAndSourceAndKeepsTheReliabilityCode() throws {
        let glossary = try Self.sample("iate.tbx")
        let concept = try #require(glossary.concepts.first)
        #expect(concept.id == "IATE-900001")
        #expect(concept.subject == "international security")
        #expect(concept.extra.isEmpty)
        let english = try #require(concept.languages.first { $0.language == "en" })
        #expect(english.definition?.hasPrefix("state that receives security support") == true)
        #expect(english.source == "Termbridge test sample, 2026")
        #expect(concept.terms(in: "zh").map(\.text) == ["准盟友"])
        #expect(concept.terms(in: "en")[0].extra.map(\.value) == ["fullForm", "3"])   // termType, reliabilityCode
        let (tsv, warnings) = try glossary.encoded(as: .tsv)
        #expect(!warnings.contains { $0.message.contains("source") || $0.message.contains("definition") }, "\(warnings)")
        let back = try Glossary.read(tsv, format: .tsv)
        #expect(back.concepts[0].languages.first { $0.language == "en" }?.source == "Termbridge test sample, 2026")
    }

    @Test func readsPartsOfSpeechWithoutCaseFromSpreadsheets() throws {
        let tsv = "id\ten\tzh\tpos\nc1\tdownload\t下载\tVerb\nc2\tplug-in\t插件\tProper Noun\n"
        let glossary = try Glossary.read(Data(tsv.utf8), format: .tsv)
        #expect(glossary.concepts.map { $0.terms(in: "en")[0].partOfSpeech } == ["verb", "properNoun"])
    }
}
