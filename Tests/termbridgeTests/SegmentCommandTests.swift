import Foundation
import Testing

/// The segmentation model as the setup leaves it (fetched and compiled into .cache/).
private let compiledModel = ".cache/segmentation.tbdata"
private let hasModel = FileManager.default.fileExists(atPath: compiledModel)
private let needsModel = Testing.ConditionTrait.enabled(if: hasModel, "needs .cache/segmentation.tbdata (scripts/fetch-data.sh)")

@Suite struct SegmentCommandTests {
    @Test func textFormatPrintsOneLinePerInputLineWithSpaces() throws {
        let input = try temporaryFile("美国与准盟友的关系\n\n丽贝卡·利斯纳说 ATACMS\n")
        let dict = try temporaryFile("准盟友 10 n\n")
        let result = try termbridge(["segment", "--no-model", "--dict", dict, input])
        #expect(result.status == 0)
        #expect(result.stdout == "美国 与 准盟友 的 关系\n\n丽贝卡·利斯纳 说 ATACMS\n")
    }

    @Test func glossaryTermsStayWhole() throws {
        // The README's command: the four terms it names stay whole, with or without the model.
        let text = "一些国家拥有主要非北约盟友的称号，美国向准盟友提供陆军战术导弹系统，却不提供核保护伞。\n"
        for model in hasModel ? [[], ["--no-model"]] : [["--no-model"]] {
            let result = try termbridge(["segment", "--glossary", "Glossary/quasi-alliance.tsv"] + model, stdin: Data(text.utf8))
            #expect(result.status == 0)
            for term in ["主要非北约盟友", "准盟友", "陆军战术导弹系统", "核保护伞"] {
                #expect(result.stdout.split(separator: " ").contains { $0.trimmingCharacters(in: .newlines) == term },
                        "\(term) in \(result.stdout)")
            }
        }
    }

    @Test(needsModel) func usesTheModelFoundByDefault() throws {
        let text = Data("二〇〇一年十二月三十一日，记者周若琳报道：一位官员说……\n".utf8)
        let plain = try termbridge(["segment"], stdin: text)
        let explicit = try termbridge(["segment", "--model", compiledModel], stdin: text)
        let without = try termbridge(["segment", "--no-model"], stdin: text)
        #expect(plain.status == 0 && explicit.status == 0 && without.status == 0)
        #expect(plain.stderr.isEmpty)
        #expect(plain.stdout == "二〇〇一年 十二月 三十一日 ， 记者 周若琳 报道 ： 一 位 官员 说 ……\n")
        #expect(explicit.stdout == plain.stdout)
        #expect(without.stdout != plain.stdout)
        let both = try termbridge(["segment", "--model", compiledModel, "--no-model"], stdin: text)
        #expect(both.status == 2)
        #expect(both.stderr.contains("Give --model FILE or --no-model, not both."))
    }

    @Test func withoutTheModelAnywhereSegmentSaysSoOnceAndStillWorks() throws {
        let folder = NSTemporaryDirectory() + "termbridge-nodata-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try termbridge(["segment"], stdin: Data("美国与准盟友\n".utf8), environment: ["TERMBRIDGE_DATA_DIR": folder])
        #expect(result.status == 0)
        #expect(result.stdout == "美国 与 准 盟友\n")
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("termbridge: note:") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("segmentation model") == true)
        #expect(notes.first?.contains("segmenting with ICU, the joining rules and your dictionaries only") == true)
    }

    @Test(needsModel) func tsvAndJSONLGiveEachTokensPartOfSpeech() throws {
        let text = Data("美国向盟友提供ATACMS，2024年\n".utf8)
        let tsv = try termbridge(["segment", "--format", "tsv"], stdin: text)
        let rows = tsv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").suffix(2).joined(separator: "/") }
        #expect(rows == ["ns/美国", "p/向", "n/盟友", "v/提供", "eng/ATACMS", "x/，", "m/2024年"])
        let jsonl = try termbridge(["segment", "--format", "jsonl"], stdin: text)
        let object = try JSONSerialization.jsonObject(with: Data(jsonl.stdout.utf8)) as! [String: Any]
        let tokens = object["tokens"] as! [[String: Any]]
        #expect(tokens.map { $0["pos"] as! String } == ["ns", "p", "n", "v", "eng", "x", "m"])
        // A user term's tag from a jieba dictionary line wins over the vocabulary's.
        let dict = try temporaryFile("盟友 10 nz\n")
        let withDict = try termbridge(["segment", "--format", "tsv", "--dict", dict], stdin: text)
        #expect(withDict.stdout.contains("\tnz\t盟友\n"))
    }

    @Test(needsModel) func sameBytesOnEveryRun() throws {
        // Child processes get different hash seeds: nothing hashed may reach the output.
        let input = try temporaryFile(String(repeating: "记者周若琳报道：泽连斯基和内塔尼亚胡都希望得到更多援助，一位官员说。\n", count: 20))
        for format in ["text", "tsv", "jsonl"] {
            let first = try termbridge(["segment", "--format", format, "--glossary", "Glossary/quasi-alliance.tsv", input])
            let second = try termbridge(["segment", "--format", format, "--glossary", "Glossary/quasi-alliance.tsv", input])
            #expect(first.status == 0)
            #expect(first.stdout == second.stdout)
        }
    }

    @Test func readsStandardInputWhenNoFileIsGiven() throws {
        let result = try termbridge(["segment", "--no-model"], stdin: Data("准盟友\r\n".utf8))
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
        // Without the model a Han word has no part of speech (x); a Latin word is eng.
        let result = try termbridge(["segment", "--format", "tsv", "--no-model"], stdin: Data("美国 G7\n".utf8))
        #expect(result.stdout == """
            line\tutf8_start\tutf8_end\tscalar_start\tscalar_end\tkind\tpos\ttoken
            1\t0\t6\t0\t2\than\tx\t美国
            1\t7\t9\t3\t5\tlatin\teng\tG7

            """)
    }

    @Test func sentencesFlagPrintsOneSentencePerLine() throws {
        let result = try termbridge(["segment", "--sentences"], stdin: Data("他说：“好。”我们走。\n".utf8))
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func invalidUTF8StopsWithFileAndByteOffset() throws {
        let input = try temporaryFile(Data("准盟友\n美国".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        let result = try termbridge(["segment", "--no-model", input])
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
        for model in hasModel ? [[], ["--no-model"]] : [["--no-model"]] {
            let result = try termbridge(["eval", "segment", "--gold", gold, "--dict", dict, "--json", raw] + model)
            let score = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            #expect(score["f1"] as? Double == 1.0)
        }
    }

    @Test(needsModel) func scoresWithTheModelByDefault() throws {
        let gold = try temporaryFile("二〇〇一年 十二月 三十一日 ， 一 位 官员 说\n")
        let raw = try temporaryFile("二〇〇一年十二月三十一日，一位官员说\n")
        let plain = try termbridge(["eval", "segment", "--gold", gold, "--json", raw])
        let without = try termbridge(["eval", "segment", "--gold", gold, "--json", raw, "--no-model"])
        let score = try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as! [String: Any]
        let bare = try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as! [String: Any]
        #expect(score["f1"] as? Double == 1.0)
        #expect(try #require(bare["f1"] as? Double) < 1.0)
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
