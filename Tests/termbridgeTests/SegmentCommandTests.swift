import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func textFormatPrintsOneLinePerInputLineWithSpaces() throws {
        let input = try temporaryFile("美国与准盟友的关系\n\n丽贝卡·利斯纳说 ATACMS\n")
        let dict = try temporaryFile("准盟友 10 n\n")
        let result = try termbridge(["segment", "--dict", dict, input])
        #expect(result.status == 0)
        #expect(result.stdout == "美国 与 准盟友 的 关系\n\n丽贝卡·利斯纳 说 ATACMS\n")
    }

    @Test func glossaryTermsStayWhole() throws {
        let result = try termbridge(["segment", "--glossary", "Glossary/quasi-alliance.tsv"],
                                    stdin: Data("美国向准盟友提供陆军战术导弹系统\n".utf8))
        #expect(result.stdout == "美国 向 准盟友 提供 陆军战术导弹系统\n")
    }

    @Test func readsStandardInputWhenNoFileIsGiven() throws {
        let result = try termbridge(["segment"], stdin: Data("准盟友\r\n".utf8))
        #expect(result.stdout == "准 盟友\n")
    }

    @Test func jsonlGivesKindsAndOffsetsPerLine() throws {
        let input = try temporaryFile("x\n準盟友 2024年\n")
        let dict = try temporaryFile("准盟友\n")
        let result = try termbridge(["segment", "--format", "jsonl", "--dict", dict, input])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect(object["line"] as? Int == 2)
        let tokens = object["tokens"] as! [[String: Any]]
        #expect(tokens.map { $0["text"] as! String } == ["準盟友", " ", "2024年"])
        #expect(tokens.map { $0["kind"] as! String } == ["han", "whitespace", "number"])
        #expect(tokens[2]["utf8"] as! [Int] == [10, 17])
        #expect(tokens[2]["scalars"] as! [Int] == [4, 9])
    }

    @Test func tsvHasAHeaderAndOneTokenPerRow() throws {
        let result = try termbridge(["segment", "--format", "tsv"], stdin: Data("美国 G7\n".utf8))
        #expect(result.stdout == """
            line\tutf8_start\tutf8_end\tscalar_start\tscalar_end\tkind\ttoken
            1\t0\t6\t0\t2\than\t美国
            1\t7\t9\t3\t5\tlatin\tG7

            """)
    }

    @Test func sentencesFlagPrintsOneSentencePerLine() throws {
        let result = try termbridge(["segment", "--sentences"], stdin: Data("他说：“好。”我们走。\n".utf8))
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func invalidUTF8StopsWithFileAndByteOffset() throws {
        let input = try temporaryFile(Data("准盟友\n美国".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        let result = try termbridge(["segment", input])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(input): invalid UTF-8 at byte offset 16"))
        #expect(result.stdout == "准 盟友\n")
    }

    @Test func missingFileIsAClearError() throws {
        let result = try termbridge(["segment", "/nonexistent/file.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/file.txt: cannot open"))
    }
}

@Suite struct EvalSegmentCommandTests {
    @Test func scoresASegmentedTestAgainstGold() throws {
        let gold = try temporaryFile("美国 与 准盟友 的 关系\n")
        let words = try temporaryFile("美国\n与\n的\n关系\n")
        let test = try temporaryFile("美国 与 准 盟友 的 关系\n")
        let result = try termbridge(["eval", "segment", "--gold", gold, "--words", words, "--segmented", test])
        #expect(result.status == 0)
        #expect(result.stdout.contains("P=0.667\tR=0.800\tF1=0.727\tOOV-rate=0.200\tOOV-R=0.000\tIV-R=1.000"))
    }

    @Test func segmentsRawTestWithTheDictionary() throws {
        let gold = try temporaryFile("美国 与 准盟友 的 关系\n")
        let raw = try temporaryFile("美国与准盟友的关系\n")
        let dict = try temporaryFile("准盟友\n")
        let result = try termbridge(["eval", "segment", "--gold", gold, "--dict", dict, "--json", raw])
        let score = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(score["f1"] as? Double == 1.0)
    }
}

/// Issue 10 item 11: a line over the 1 MB piece size keeps its offsets and is one jsonl object.
@Suite struct LongLineSegmentTests {
    @Test func offsetsRunOnAcrossPiecesAndJSONLHasOneObjectPerLine() throws {
        let sentence = "准盟友是一个概念。"                     // 27 bytes, 9 scalars
        let long = String(repeating: sentence, count: 90_000)   // 2.43 MB
        let input = try temporaryFile("第一行\n" + long + "\n末行\n")
        let tsv = try termbridge(["segment", "--format", "tsv", input])
        #expect(tsv.status == 0)
        var previousEnd = (utf8: 0, scalars: 0)
        var rows = 0
        for row in tsv.stdout.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields[0] == "2" else { continue }
            let utf8 = (Int(fields[1])!, Int(fields[2])!), scalars = (Int(fields[3])!, Int(fields[4])!)
            #expect(utf8.0 == previousEnd.utf8 && scalars.0 == previousEnd.scalars, "row \(rows) restarts at \(utf8.0)")
            if utf8.0 != previousEnd.utf8 { break }
            previousEnd = (utf8.1, scalars.1)
            rows += 1
        }
        #expect(previousEnd.utf8 == long.utf8.count)
        #expect(previousEnd.scalars == long.unicodeScalars.count)
        let jsonl = try termbridge(["segment", "--format", "jsonl", input])
        let objects = jsonl.stdout.split(separator: "\n")
        #expect(objects.count == 3)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(objects[1].utf8)) as? [String: Any])
        let tokens = try #require(second["tokens"] as? [[String: Any]])
        #expect((tokens.last?["utf8"] as? [Int])?.last == long.utf8.count)
    }
}
