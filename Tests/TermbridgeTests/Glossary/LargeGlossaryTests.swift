import Foundation
import Testing
@testable import Termbridge

/// Glossaries far larger than the shipped one: no size limit disguised as "malformed XML",
/// and the same model through every format.
@Suite struct LargeGlossaryTests {
    /// `count` concepts that every format can hold: id, subject, definition (with `padding`
    /// extra characters), note; a preferred Chinese term with its pinyin; English terms of
    /// several statuses.
    static func generated(_ count: Int, padding: Int = 0) -> Glossary {
        let syllables: [(String, String)] = [("准", "zhǔn"), ("盟", "méng"), ("友", "yǒu"), ("同", "tóng"), ("国", "guó"),
                                             ("安", "ān"), ("全", "quán"), ("关", "guān"), ("系", "xì"), ("北", "běi")]
        let filler = String(repeating: "quasi-alliance politics ", count: padding / 24 + 1).prefix(padding)
        return Glossary(concepts: (0..<count).map { n in
            var digits = n
            var zh = "", pinyin: [String] = []
            repeat {
                zh += syllables[digits % 10].0
                pinyin.append(syllables[digits % 10].1)
                digits /= 10
            } while digits > 0
            return Concept(
                id: "c\(n)", subject: n % 3 == 0 ? "alliances" : nil,
                definition: "Definition \(n) & <more>: " + filler + ".", note: n % 5 == 0 ? "note \(n)" : nil,
                languages: [
                    LanguageTerms(language: "zh", terms: [Term(zh, status: .preferred, pinyin: pinyin.joined(separator: " "))]),
                    LanguageTerms(language: "en", terms: [Term("term \(n)", status: .preferred)]
                                  + (n % 2 == 0 ? [Term("old term \(n)", status: .deprecated)] : [])),
                ])
        })
    }

    @Test func readsATBXLargerThanTenMillionBytes() throws {
        let glossary = Self.generated(2_000, padding: 5_000)
        let path = XMLReaderKind.temporaryPath("large.tbx")
        let warnings = try glossary.write(to: path)
        #expect(warnings.isEmpty, "\(warnings)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 10_000_000)
        #expect(try Glossary.read(contentsOf: path) == glossary.sourceLanguageFirst())   // TBX writes English first
        #expect(try Glossary.read(Data(contentsOf: URL(fileURLWithPath: path)), format: .tbx, file: path) == glossary.sourceLanguageFirst())
    }

    @Test func readsATBXWithOneTextOfTwelveMegabytes() throws {
        let glossary = Self.generated(3, padding: 12_000_000)
        let path = XMLReaderKind.temporaryPath("long-definition.tbx")
        try glossary.write(to: path)
        #expect(try Glossary.read(contentsOf: path) == glossary.sourceLanguageFirst())   // TBX writes English first
    }

    /// TSV → CSV → JSON → TBX → TBX 2008 → TSV, the model compared at every step.
    @Test func carriesAGeneratedGlossaryThroughEveryFormat() throws {
        let original = Self.generated(3_000)
        var model = original
        for format in [GlossaryFormat.tsv, .csv, .json, .tbx, .tbx2008, .tsv] {
            let (data, warnings) = try model.encoded(as: format)
            #expect(warnings.isEmpty, "\(format): \(warnings)")
            model = try Glossary.read(data, format: format, file: "generated.\(format.rawValue)")
            // The order of a concept's languages is the format's: TBX puts the source first.
            #expect(model.sourceLanguageFirst() == original.sourceLanguageFirst(), "\(format)")
        }
    }
}
