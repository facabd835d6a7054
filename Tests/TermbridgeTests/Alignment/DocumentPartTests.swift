import Foundation
import Testing
@testable import Termbridge

/// The part of each line of `text` that holds a unit: line number → part.
private func lineParts(_ text: String, _ language: String, presplit: Bool = false) throws -> [Int: DocumentPart] {
    let document = try AlignmentDocument(text: text, language: language, presplit: presplit)
    var parts: [Int: DocumentPart] = [:]
    for unit in document.sentences { parts[unit.line] = unit.part }
    return parts
}

/// Lines `lines` expected to be `part`.
private func expect(_ parts: [Int: DocumentPart], _ lines: some Sequence<Int>, _ part: DocumentPart,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    for line in lines {
        #expect(parts[line] == part, "line \(line)", sourceLocation: sourceLocation)
    }
}

@Suite struct DocumentPartClassifierTests {
    @Test func corpusCompilationWithBlankLines() throws {
        let parts = try lineParts(String(contentsOfFile: "Corpus/zh/quasi-alliances.zh.txt", encoding: .utf8), "zh")
        expect(parts, [1, 2, 5], .frontMatter)       // 导语:, the summary, the bio
        expect(parts, [4], .byline)                  // 玛格丽特·霍洛韦(Margaret Holloway)
        expect(parts, [11], .heading)                // 准盟友为何与众不同
        expect(parts, [29, 30, 31], .backMatter)     // attribution, 编译|, 审校|
        expect(parts, [7, 9, 13, 15, 17, 19, 21, 23, 25, 27], .body)
    }

    @Test func corpusEnglishMarkdown() throws {
        let parts = try lineParts(String(contentsOfFile: "Corpus/en/quasi-alliances.en.md", encoding: .utf8), "en")
        expect(parts, [1], .title)
        expect(parts, [3], .byline)
        expect(parts, [9], .heading)
        expect(parts, stride(from: 5, through: 27, by: 2).filter { $0 != 9 }, .body)
    }

    @Test func fixtureCompilationWithoutBlankLines() throws {
        let parts = try lineParts(String(contentsOfFile: "Tests/Fixtures/Compilation/arctic-lanes.zh.txt", encoding: .utf8), "zh")
        expect(parts, [1, 2, 3, 5], .frontMatter)
        expect(parts, [4], .byline)
        expect(parts, [7, 12], .caption)
        expect(parts, [9], .heading)
        expect(parts, [6, 8, 10, 11, 13], .body)
        expect(parts, 14...24, .backMatter)
    }

    @Test func englishTitleConventionsAndBylines() throws {
        let plain = try lineParts("Partners of Convenience\n\nBy Daniel Okoro and Hana Sato, Senior Fellows\n\nThe Gulf states hedge.\n\nA Quieter Bargain\n\nThey buy arms.\n", "en")
        #expect(plain == [1: .title, 3: .byline, 5: .body, 7: .heading, 9: .body])
        let labelled = try lineParts("Title: Allies and Leverage\nAuthor: Hana Sato\nPhoto: a patrol ship in port\nAllies share the burden.\n", "en")
        #expect(labelled == [1: .title, 2: .byline, 3: .caption, 4: .body])
        let frontMatter = try AlignmentDocument(text: "---\ntitle: \"Thin Ice\"\ndate: 2025-01-02\n---\n\nText.\n", language: "en")
        #expect(frontMatter.sentences.map(\.text) == ["Thin Ice", "Text."])
        #expect(frontMatter.sentences.map(\.part) == [.title, .body])
        #expect(frontMatter.sentences[0].line == 2 && frontMatter.sentences[0].column == 9)
        let setext = try lineParts("Thin Ice\n========\n\nShips cross.\n\nRules\n-----\n\nThey rely on flags.\n", "en")
        #expect(setext == [1: .title, 4: .body, 6: .heading, 9: .body])
    }

    @Test func chineseCuesInsideOrdinaryProseStayBody() throws {
        // 关于 opening a sentence, 来源 inside a sentence, a credit role mid-line, an author
        // named in a sentence: all body.
        let text = """
            关于北京要来人视察的事，当地每个人都知道。
            资金来源问题一直没有解决，他说这件事由编译部门负责。
            美国学者玛格丽特·霍洛韦(Margaret Holloway)近日撰文指出，风险正在上升。
            """
        let parts = try lineParts(text, "zh")
        #expect(parts.values.allSatisfy { $0 == .body })
        #expect(try lineParts(text, "zh", presplit: true).values.allSatisfy { $0 == .body })
    }

    @Test func presplitLiteraryLinesAreBodyButMarkedMatterIsNot() throws {
        let parts = try lineParts("6. 片厂\n四十年的故事都是从这一天开始的。\n图为上海的片厂。图源:资料图\n编译|林晓舟\n", "zh", presplit: true)
        #expect(parts == [1: .body, 2: .body, 3: .caption, 4: .backMatter])
    }
}

/// The seed compilation (../shared/seed, not in the repository): how its lines are told.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: seedPath), "the seed compilation is at ../shared/seed (not in a user's clone)"))
struct SeedCompilationPartTests {
    @Test func linesOfTheSeedAreToldApart() throws {
        let parts = try lineParts(String(contentsOfFile: seedPath, encoding: .utf8), "zh")
        expect(parts, [1, 2, 3, 4, 6], .frontMatter)   // publisher's line, 导语 block, bio
        expect(parts, [5], .byline)
        expect(parts, [11, 20, 36], .caption)
        expect(parts, [15, 25, 37, 46], .heading)
        expect(parts, 55...66, .backMatter)            // attribution, credits, publicity, about
        let body = Set(7...54).subtracting([11, 20, 36, 15, 25, 37, 46])
        expect(parts, body.sorted(), .body)
    }
}

private let seedPath = "../shared/seed/000_fc94195cf814659a.txt"

/// Presplit literary text (MAC dev, ../shared/eval/align, not in the repository) has no line
/// that is not body: the cues never fire on it, so its alignment is not constrained.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "../shared/eval/align/001/zh.txt"), "MAC dev is at ../shared/eval/align (not in a user's clone)"))
struct LiteraryTextPartTests {
    @Test func everyLineOfMACDevIsBody() throws {
        for document in ["001", "002", "003", "004", "005", "006"] {
            for (side, language) in [("zh", "zh"), ("en", "en")] {
                let path = "../shared/eval/align/\(document)/\(side).txt"
                let parts = try AlignmentDocument(text: String(contentsOfFile: path, encoding: .utf8), language: language, presplit: true)
                    .sentences.map(\.part)
                #expect(parts.allSatisfy { $0 == .body }, "\(path)")
            }
        }
    }
}
