import Foundation
import Testing
@testable import Termbridge

@Suite struct MarkupLineTests {
    /// The text of `line` without markup.
    static func plain(_ line: String) -> String { MarkupLine(line).text }

    @Test func headingsKeepTheirTextAndLevel() {
        let title = MarkupLine("# Partners on the Fault Line: Washington’s Quasi Allies #")
        #expect(title.text == "Partners on the Fault Line: Washington’s Quasi Allies")
        #expect(title.block == .heading(level: 1))
        #expect(title.columns.first == 2)
        #expect(MarkupLine("## Why Quasi-Allies Are Different").block == .heading(level: 2))
        #expect(MarkupLine("#话题# 不是标题").block == .text)
        #expect(Self.plain("#话题# 不是标题") == "#话题# 不是标题")
        #expect(MarkupLine("  ### C# and F#").text == "C# and F#")
    }

    @Test func emphasisGoesAndUnpairedMarkersStay() {
        #expect(Self.plain("A **formal** guarantee, *never* made.") == "A formal guarantee, never made.")
        #expect(Self.plain("***Both*** at once and __strong__ and _em_.") == "Both at once and strong and em.")
        #expect(Self.plain("这是**“准盟友”**的难题。") == "这是“准盟友”的难题。")
        #expect(Self.plain("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4")
        #expect(Self.plain("~~cut~~ kept, 3~5年") == "cut kept, 3~5年")
        #expect(Self.plain("**half open") == "**half open")
    }

    @Test func linksImagesCodeAndTags() {
        #expect(Self.plain("See [the act](https://example.org/tra \"Taiwan Relations Act\") and [sic].") == "See the act and [sic].")
        #expect(Self.plain("A [reference][1] and a note[^2].") == "A reference and a note.")
        #expect(Self.plain("Use `ATACMS` or `` a`b ``.") == "Use ATACMS or a`b.")
        #expect(Self.plain("Tom <b>&amp;</b> Jerry<br/> said &ldquo;no&rdquo; &#8212; <!-- hidden --> done") == "Tom & Jerry said “no” —  done")
        #expect(Self.plain("Write to <mailto:desk@example.org> or <https://example.org>.") == "Write to mailto:desk@example.org or https://example.org.")
        #expect(Self.plain("a < b and c > d, \\*literal\\*") == "a < b and c > d, *literal*")
        let image = MarkupLine("![Zelensky and Trump at the UN](photos/un.jpg)")
        #expect(image.block == .image)
        #expect(image.text == "Zelensky and Trump at the UN")
    }

    @Test func blockMarkersAndNoteMarkers() {
        #expect(Self.plain("> quoted **text**") == "quoted text")
        #expect(Self.plain("- a bullet") == "a bullet")
        #expect(Self.plain("* a bullet") == "a bullet")
        #expect(Self.plain("*文章原题目为“Partners”,标题为编者所加。") == "文章原题目为“Partners”,标题为编者所加。")
        #expect(Self.plain("＊注：内容有所删减") == "注：内容有所删减")
        #expect(MarkupLine("* * *").block == .rule)
        #expect(MarkupLine("---").text.isEmpty)
        #expect(MarkupLine.setextLevel("=====") == 1)
        #expect(MarkupLine.setextLevel(" --- ") == 2)
        #expect(MarkupLine.setextLevel("-- x") == nil)
    }

    @Test func columnsPointIntoTheLine() {
        let line = "Tom **and** [Jerry](x.html) &amp; co"
        let plain = MarkupLine(line)
        #expect(plain.text == "Tom and Jerry & co")
        let scalars = Array(line.unicodeScalars)
        for (k, scalar) in plain.text.unicodeScalars.enumerated() where scalar != "&" {
            #expect(scalars[plain.columns[k]] == scalar)
        }
        #expect(plain.columns == plain.columns.sorted())
    }

    @Test func plainTextIsUntouched() {
        for line in ["I did not leave that night—Chen Qingyang caught me.", "那天晚上我没走掉。", "U.S.–Saudi ties, 2,000-pound bombs, 70% (2024)."] {
            let plain = MarkupLine(line)
            #expect(plain.text == line)
            #expect(plain.columns == Array(0..<line.unicodeScalars.count))
        }
    }
}

@Suite struct AlignmentDocumentMarkupTests {
    @Test func aChineseDocumentCheckedAloneHasNoMarkupEither() throws {
        let path = NSTemporaryDirectory() + "termbridge-markup-\(UUID().uuidString).txt"
        try "## 小标题\n美国的**准盟友**日益增多。\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var segments: [SegmentText] = []
        try PlainTextSegments.forEachChineseSentence(inFileAt: path) { segments.append($0.target!) }
        #expect(segments.map(\.text) == ["小标题", "美国的准盟友日益增多。"])
        #expect(segments[0].start.column == 4)
        #expect(segments[1].location(ofScalar: 3).column == 6)    // 准, after the **
        #expect(segments[1].location(ofScalar: 6).column == 11)   // 日, after the closing **
    }

    @Test func sentencesHaveNoMarkupAndPointIntoTheFile() throws {
        let text = "# Partners on the Fault Line\n\nBy Margaret Holloway\n\nA **formal** guarantee was [never](https://x.org) made. It was `ATACMS`.\n"
        let document = try AlignmentDocument(text: text, language: "en")
        #expect(document.sentences.map(\.text) == ["Partners on the Fault Line", "By Margaret Holloway",
                                                   "A formal guarantee was never made.", "It was ATACMS."])
        #expect(document.sentences[0].column == 3)
        let sentence = document.sentences[2]
        #expect(sentence.line == 5)
        let line = Array(text.split(separator: "\n", omittingEmptySubsequences: false)[4].unicodeScalars)
        for (k, scalar) in sentence.text.unicodeScalars.enumerated() {
            #expect(line[sentence.column(ofScalar: k) - 1] == scalar, "\(k)")
        }
        let last = document.sentences[3]
        #expect(line[last.column(ofScalar: 7) - 1] == "A")   // the A of ATACMS, after the backtick
    }

    @Test func checkFindingsPointPastRemovedMarkup() throws {
        let document = try AlignmentDocument(text: "美国的**准盟友**日益增多。\n", language: "zh")
        let alignment = Alignment(chinese: document, english: AlignmentDocument(language: "en", sentences: []),
                                  beads: [Bead(chinese: [0], english: [], score: 0.5)])
        let segment = try #require(PlainTextSegments.segments(of: alignment).first?.target)
        #expect(segment.text == "美国的准盟友日益增多。")
        #expect(segment.location(ofScalar: 3).column == 6)   // 准, after the **
        #expect(segment.location(ofScalar: 6).column == 11)  // 日, after the closing **
    }
}

@Suite struct MarkupLineRobustnessTests {
    /// Lines drawn from markup characters, letters and Han (a fixed linear congruential
    /// generator, so every run tests the same lines): no crash, and every kept character
    /// points at a character of the line.
    @Test func arbitraryMarkupNeverBreaksTheColumnMap() {
        let alphabet: [Unicode.Scalar] = ["*", "_", "~", "`", "[", "]", "(", ")", "!", "<", ">", "/", "&", ";", "#", "\\",
                                          "^", "\"", " ", "a", "b", "1", "准", "盟", "。", ":", "-", "=", "x", "@"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<3000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 40) { view.append(alphabet[next() % alphabet.count]) }
            let line = String(view)
            let scalars = Array(line.unicodeScalars)
            let plain = MarkupLine(line)
            #expect(plain.columns.count == plain.text.unicodeScalars.count, "\(line)")
            #expect(zip(plain.columns, plain.columns.dropFirst()).allSatisfy { $0 < $1 }, "\(line)")
            for (k, scalar) in plain.text.unicodeScalars.enumerated() {
                let column = plain.columns[k]
                #expect(column >= 0 && column < scalars.count, "\(line)")
                // Entities become another character; everything else is copied.
                if column < scalars.count, scalars[column] != "&" { #expect(scalars[column] == scalar, "\(line)") }
            }
        }
    }
}
