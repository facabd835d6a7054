import Foundation
import Testing
@testable import Termbridge

/// A small glossary using every status, two subjects, a concept without subject, a
/// Traditional section, and cell text that needs escaping.
private let sample = Glossary(concepts: [
    Concept(id: "qa-001", subject: "alliances",
            definition: "A state that receives US support | but no treaty.",
            note: "Decision: 准盟友 for the state.\nSee qa-002.",
            languages: [
                LanguageTerms(language: "zh", terms: [
                    Term("准盟友", partOfSpeech: "noun", pinyin: "zhǔn méng yǒu"),
                    Term("准同盟", status: .deprecated, partOfSpeech: "noun"),
                    Term("类盟友", status: .superseded, partOfSpeech: "noun"),
                ]),
                LanguageTerms(language: "zh-Hant", terms: [Term("準盟友", partOfSpeech: "noun")]),
                LanguageTerms(language: "en", terms: [
                    Term("quasi ally", partOfSpeech: "noun"),
                    Term("quasi-ally", status: .admitted, partOfSpeech: "noun"),
                ]),
            ]),
    Concept(id: "qa-017", subject: "people",
            languages: [
                LanguageTerms(language: "zh", terms: [
                    Term("特朗普"),
                    Term("川普", status: .forbidden, note: "Taiwan usage"),
                ]),
                LanguageTerms(language: "en", terms: [Term("Donald Trump")]),
            ]),
    Concept(id: "qa-005", subject: "alliances",
            languages: [
                LanguageTerms(language: "zh", terms: [Term("同盟")]),
                LanguageTerms(language: "en", terms: [Term("alliance")]),
            ]),
    Concept(id: "x-1",
            languages: [LanguageTerms(language: "en", terms: [Term("*bold* _claim_ `code` <b>")])]),
])

private func markdown(_ glossary: Glossary) throws -> String {
    String(decoding: try MarkdownGlossaryFormat.write(glossary).data, as: UTF8.self)
}

/// The number of cells in a Markdown table row: unescaped `|` separators minus one.
private func cellCount(_ row: String) -> Int {
    var count = 0
    var escaped = false
    for character in row {
        if escaped { escaped = false; continue }
        if character == "\\" { escaped = true } else if character == "|" { count += 1 }
    }
    return count - 1
}

@Suite struct MarkdownGlossaryFormatTests {
    @Test func startsWithTitleAndCounts() throws {
        let lines = try markdown(sample).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# Glossary")
        #expect(lines[2] == "4 concepts in 2 subject fields.")
    }

    @Test func writesOneTablePerSubjectInOrderOfFirstAppearance() throws {
        let headings = try markdown(sample).split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## alliances", "## people", "## Without subject field"])
    }

    @Test func everyRowOfEveryTableHasFourCells() throws {
        let rows = try markdown(sample).split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 3 * 2 + 4)   // header and rule per table, one row per concept
        for row in rows {
            #expect(cellCount(String(row)) == 4, "\(row)")
            #expect(row.hasSuffix("|"))
        }
    }

    @Test func boldsPreferredTermAndLabelsEveryOtherStatus() throws {
        let text = try markdown(sample)
        #expect(text.contains("| **准盟友**<br>准同盟 *(deprecated)*<br>类盟友 *(superseded)*<br>準盟友 *(zh-Hant)* | zhǔn méng yǒu | **quasi ally**<br>quasi-ally *(admitted)* |"))
        #expect(text.contains("**特朗普**<br>川普 *(forbidden)*"))
    }

    @Test func computesMissingPinyin() throws {
        let row = try #require(try markdown(sample).split(separator: "\n").first { $0.contains("**同盟**") })
        #expect(row.contains("| tóng méng |"))
    }

    @Test func putsPartOfSpeechDefinitionNoteAndTermNotesInNotes() throws {
        let text = try markdown(sample)
        #expect(text.contains("| *noun.*<br>A state that receives US support \\| but no treaty.<br>*Note:* Decision: 准盟友 for the state.<br>See qa-002. |"))
        #expect(text.contains("川普: Taiwan usage"))
    }

    @Test func showsEachLanguagesDefinitionSourceAndNote() throws {
        let concept = Concept(id: "c1", source: "Termbridge test sample", languages: [
            LanguageTerms(language: "zh-CN", terms: [Term("航道")], definition: "船舶通行的海上路线", source: "我们的样本", note: "多用于航运"),
            LanguageTerms(language: "en-US", terms: [Term("sea lane")], source: "our sample"),
        ])
        let text = try markdown(Glossary(concepts: [concept]))
        #expect(text.contains("| *Source:* Termbridge test sample<br>*Definition (zh-CN):* 船舶通行的海上路线 (source: 我们的样本)<br>*Source (en-US):* our sample<br>*Note (zh-CN):* 多用于航运 |"), "\(text)")
    }

    @Test func escapesMarkdownInCells() throws {
        #expect(try markdown(sample).contains("| | | **\\*bold\\* \\_claim\\_ \\`code\\` &lt;b>** | |"))
        #expect(MarkdownGlossaryFormat.escape("a|b\r\nc\nd") == "a\\|b<br>c<br>d")
    }

    @Test func writesOneTableWithoutHeadingsWhenNoConceptHasASubject() throws {
        let plain = Glossary(concepts: [Concept(id: "c1", languages: [LanguageTerms(language: "en", terms: [Term("ally")])])])
        let text = try markdown(plain)
        #expect(text == "# Glossary\n\n1 concept.\n\n| Chinese | Pinyin | English | Notes |\n| --- | --- | --- | --- |\n| | | **ally** | |\n")
    }

    @Test func warnsAboutWhatATableCannotShow() throws {
        var glossary = sample
        glossary.concepts[0].languages.append(LanguageTerms(language: "fr", terms: [Term("quasi-allié")]))
        glossary.concepts[0].extra = [DataCategory(element: "descrip", type: "context", value: "…")]
        let warnings = try MarkdownGlossaryFormat.write(glossary).warnings.map(\.message)
        #expect(warnings == [
            "Markdown shows Chinese and English only: 1 term in fr left out",
            "Markdown has no place for TBX data categories: 1 left out",
        ])
        #expect(try MarkdownGlossaryFormat.write(sample).warnings.isEmpty)
    }

    @Test func isDeterministic() throws {
        #expect(try MarkdownGlossaryFormat.write(sample).data == MarkdownGlossaryFormat.write(sample).data)
    }

    @Test func writesTheShippedGlossary() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Glossary/quasi-alliance.tsv").path
        let glossary = try Glossary.read(contentsOf: path)
        let rows = try markdown(glossary).split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("| ---") && !$0.hasPrefix("| Chinese") }
        #expect(rows.count == glossary.concepts.count)
        #expect(rows.allSatisfy { cellCount(String($0)) == 4 })
    }
}
