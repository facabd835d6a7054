import Foundation
import Testing
@testable import Termbridge

@Suite struct AlignmentTextFormatTests {
    let sample = AlignmentFixtures.sample

    @Test func tsvHasAHeaderAndOneRowPerBeadNullBeadsIncluded() throws {
        let tsv = AlignmentFixtures.string(try sample.encoded(as: .tsv))
        #expect(tsv == """
            zh\ten\tscore
            美国的准盟友日益增多。\tAmerica's quasi allies are multiplying.\t0.9300
            准同盟代价高昂,风险也大。\tSuch quasi alliances are costly and risky.\t0.4100
            这是译者补充的说明。\t\t0.2000
            \tUntranslated: <b>Tom & Jerry</b> said "no".\t0.1000

            """)
    }

    @Test func tsvReplacesTabsAndLineBreaksInsideTextsBySpaces() throws {
        var alignment = sample
        alignment.chinese.sentences[0].text = "准\t盟\r\n友\u{2028}"
        alignment.beads = [Bead(chinese: [0], english: [0], score: .infinity)]
        let rows = AlignmentFixtures.string(try alignment.encoded(as: .tsv)).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[1] == "准 盟  友 \tAmerica's quasi allies are multiplying.\t")
    }

    @Test func jsonlHasIndicesTextsKindAndScorePerBead() throws {
        var alignment = sample
        alignment.beads[3].score = .nan
        let lines = AlignmentFixtures.string(try alignment.encoded(as: .jsonl)).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"chinese":[1],"chinesePart":"body","chineseText":"准同盟代价高昂,风险也大。","english":[1,2],"englishPart":"body","englishText":"Such quasi alliances are costly and risky.","kind":"1:2","score":0.41}"#)
        let cut = try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as! [String: Any]
        #expect(cut["chinese"] as? [Int] == [])
        #expect(cut["chineseText"] as? String == "")
        #expect(cut["chinesePart"] is NSNull)
        #expect(cut["englishPart"] as? String == "body")
        #expect(cut["englishText"] as? String == "Untranslated: <b>Tom & Jerry</b> said \"no\".")
        #expect(cut["kind"] as? String == "0:1")
        #expect(cut["score"] is NSNull)
    }

    @Test func beadsAreTheGoldNotationOnePerLine() throws {
        let text = AlignmentFixtures.string(try sample.encoded(as: .beads))
        #expect(text == "[0]:[0]\n[1]:[1,2]\n[2]:[]\n[]:[3]\n")
        #expect(try BeadFile.parse(text).map(\.notation) == sample.beads.map(\.notation))
    }

    @Test func anEmptyAlignmentWritesEmptyButValidOutput() throws {
        let empty = Alignment(chinese: AlignmentFixtures.document("zh", []), english: AlignmentFixtures.document("en", []), beads: [])
        #expect(AlignmentFixtures.string(try empty.encoded(as: .tsv)) == "zh\ten\tscore\n")
        #expect(try empty.encoded(as: .jsonl).data.isEmpty)
        #expect(try empty.encoded(as: .beads).data.isEmpty)
        #expect(AlignmentFixtures.string(try empty.encoded(as: .tmx)).contains("<body>\n  </body>"))
        #expect(AlignmentFixtures.string(try empty.encoded(as: .html)).contains("<dd>0</dd>"))
    }

    @Test(arguments: [("out.tmx", AlignmentFormat.tmx), ("OUT.TSV", .tsv), ("a.jsonl", .jsonl), ("pred.align", .beads),
                      ("x.beads", .beads), ("review.html", .html), ("review.htm", .html)])
    func formatComesFromTheExtension(path: String, format: AlignmentFormat) {
        #expect(AlignmentFormat(path: path) == format)
    }

    @Test func writeToAnUnknownExtensionNamesTheFile() {
        #expect(throws: FileError.self) { try sample.write(to: NSTemporaryDirectory() + "alignment.txt") }
    }

    @Test func writeReplacesTheFileAtomically() throws {
        let path = NSTemporaryDirectory() + "termbridge-align-\(UUID().uuidString).beads"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let notes = try sample.write(to: path)
        #expect(notes.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[0]:[0]\n[1]:[1,2]\n[2]:[]\n[]:[3]\n")
    }
}
