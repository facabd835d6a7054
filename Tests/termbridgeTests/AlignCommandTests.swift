import Foundation
import Testing

// These run the built executable: they pass once `AlignCommand` and `EvalAlignCommand` are
// registered (Termbridge.swift and Eval/EvalCommand.swift).

private let chineseSample = "Corpus/zh/quasi-alliances.zh.txt"
private let englishSample = "Corpus/en/quasi-alliances.en.md"
private let scorer = "../shared/eval/align/align_eval.py"
/// The TMX 1.4b DTD the project ships (Schemas/README.md), and xmllint to validate with.
private let tmxDTD = "Schemas/tmx/tmx14.dtd"
private let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The sentence indices a bead file covers on each side.
private func coveredIndices(_ beads: String) -> (chinese: Set<Int>, english: Set<Int>) {
    var chinese = Set<Int>(), english = Set<Int>()
    for line in beads.split(separator: "\n") {
        let sides = line.split(separator: ":", omittingEmptySubsequences: false)
        guard sides.count == 2 else { continue }
        func indices(_ side: Substring) -> [Int] {
            side.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap { Int($0) }
        }
        chinese.formUnion(indices(sides[0]))
        english.formUnion(indices(sides[1]))
    }
    return (chinese, english)
}

private func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct AlignCommandTests {
    @Test func writesTSVToStandardOutputByDefault() throws {
        let result = try termbridge(["align", chineseSample, englishSample])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.first == "zh\ten\tscore")
        #expect(rows.last == "")
        for row in rows.dropFirst().dropLast() {
            #expect(row.count(where: { $0 == "\t" }) == 2, "\(row)")
        }
        #expect(rows.count > 10)
    }

    @Test func beadsCoverEverySentenceOnce() throws {
        let result = try termbridge(["align", "--format", "beads", chineseSample, englishSample])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let bead = try Regex(#"^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$"#)
        #expect(lines.allSatisfy { (try? bead.wholeMatch(in: String($0))) != nil })
        let covered = coveredIndices(result.stdout)
        #expect(covered.chinese == Set(0..<covered.chinese.count))
        #expect(covered.english == Set(0..<covered.english.count))
    }

    @Test(.enabled(if: xmllint != nil, "needs xmllint (Debian libxml2-utils; scripts/setup.sh installs it)"))
    func formatComesFromTheOutputExtensionAndTMXValidates() throws {
        let output = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString).tmx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try termbridge(["align", chineseSample, englishSample, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let tmx = try String(contentsOfFile: output, encoding: .utf8)
        #expect(tmx.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"))
        #expect(tmx.contains("<tuv xml:lang=\"en\"><seg>"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(xmllint))
        process.arguments = ["--noout", "--dtdvalid", tmxDTD, output]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func jsonlGivesOneObjectPerBead() throws {
        let result = try termbridge(["align", "--format", "jsonl", chineseSample, englishSample])
        #expect(result.status == 0, "\(result.stderr)")
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["chinese", "english", "chineseText", "englishText", "chinesePart", "englishPart", "kind", "score"])
        }
    }

    @Test func htmlHighlightsGlossaryTerms() throws {
        let output = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try termbridge(["align", chineseSample, englishSample, "--glossary", "Glossary/quasi-alliance.tsv",
                                     "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<code>\(chineseSample)</code>"))
        #expect(html.contains(">准盟友</mark>"))
        #expect(html.contains("<mark class=\"term-ok\" title=\"qa-001: 准盟友 = quasi ally\">quasi ally</mark>"))
        #expect(html.contains("class=\"term-deprecated\""))
    }

    @Test func presplitTakesEachLineAsOneSentence() throws {
        let zh = try temporaryFile("美国说好。伙伴说不。\n\n盟友沉默。\n")
        let en = try temporaryFile("America said yes. The partner said no.\n\nThe ally kept silent.\n")
        let presplit = try termbridge(["align", "--presplit", "--format", "beads", zh, en])
        #expect(presplit.status == 0, "\(presplit.stderr)")
        #expect(coveredIndices(presplit.stdout).chinese == [0, 1])
        let split = try termbridge(["align", "--format", "beads", zh, en])
        #expect(coveredIndices(split.stdout).chinese == [0, 1, 2])
        #expect(coveredIndices(split.stdout).english == [0, 1, 2])
    }

    @Test func aFileWithoutSentencesIsAClearError() throws {
        let empty = try temporaryFile("\n  \n")
        let result = try termbridge(["align", empty, englishSample])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(empty): no sentences to align"))
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidUTF8NamesTheFileAndByteOffset() throws {
        let bad = try temporaryFile(Data("准盟友。\n".utf8) + Data([0xE5, 0x41]))
        let result = try termbridge(["align", chineseSample, bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad): invalid UTF-8 at byte offset 13"))
    }

    @Test func anUnknownOutputExtensionAsksForTheFormat() throws {
        let result = try termbridge(["align", chineseSample, englishSample, "-o", "/tmp/alignment.out"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--format"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/alignment.out"))
    }

    @Test func aMissingFileIsAClearError() throws {
        let result = try termbridge(["align", "/nonexistent/zh.txt", englishSample])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/zh.txt: cannot read"))
    }
}

@Suite struct EvalAlignCommandTests {
    /// DIR/001 with a blank line in zh.txt (gold indices are line numbers) and DIR/002.
    func evaluationSet() throws -> String {
        let folder = try temporaryFolder()
        let documents = [
            ("001", "美国有许多准盟友。\n\n它们不受条约保护。\n", "America has many quasi allies.\nNo treaty protects them.\n", "[0]:[0]\n[2]:[1]\n"),
            ("002", "战争爆发了。\n援助随之而来。\n", "War broke out.\nAid followed.\n", "[0]:[0]\n[1]:[1]\n"),
        ]
        for (name, zh, en, gold) in documents {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(name)", withIntermediateDirectories: true)
            try zh.write(toFile: "\(folder)/\(name)/zh.txt", atomically: true, encoding: .utf8)
            try en.write(toFile: "\(folder)/\(name)/en.txt", atomically: true, encoding: .utf8)
            try gold.write(toFile: "\(folder)/\(name)/gold.txt", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func printsPooledAndAveragedTablesAsTheScorerDoes() throws {
        let folder = try evaluationSet()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try termbridge(["eval", "align", "--gold", folder, "--per-doc", "--null-beads"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("doc        P_s    R_s    F1_s   F1_lax\n001       "))
        #expect(result.stdout.contains("2 documents, pooled counts (micro; = vecalign/bertalign)\n ---------------------------------\n|             |  Strict |    Lax  |\n| Precision   |   "))
        #expect(result.stdout.contains("2 documents, mean of per-document scores (macro)"))
        #expect(result.stdout.contains("aligner-eval strict (null beads counted): P "))
    }

    @Test func predictionsUseLineNumbers() throws {
        let folder = try evaluationSet()
        let predictions = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: predictions)
        }
        let result = try termbridge(["eval", "align", "--gold", folder, "--predictions", predictions, "--json", "--per-doc"])
        #expect(result.status == 0, "\(result.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(ours["docs"] as? Int == 2)
        #expect((ours["per_doc"] as? [String: Any])?.keys.sorted() == ["001", "002"])
        let predicted = try String(contentsOfFile: "\(predictions)/001/pred.txt", encoding: .utf8)
        #expect(coveredIndices(predicted).chinese == [0, 2])
        #expect(coveredIndices(predicted).english == [0, 1])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: scorer),
                   "the MAC scorer is ../shared/eval/align/align_eval.py (not in a user's clone)"))
    func predictionsScoreAlikeWithTheScorer() throws {
        let folder = try evaluationSet()
        let predictions = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: predictions)
        }
        let result = try termbridge(["eval", "align", "--gold", folder, "--predictions", predictions, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer, folder, predictions, "--json"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "align_eval.py failed: \(message)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ourMicro = try #require(ours["micro"] as? [String: Double])
        let theirMicro = try #require(theirs["micro"] as? [String: Double])
        #expect(Set(ourMicro.keys) == Set(theirMicro.keys))
        for (key, value) in theirMicro {
            #expect(abs((ourMicro[key] ?? .nan) - value) < 1e-12, "\(key)")
        }
    }

    @Test func aDocumentWithoutItsTextsIsAnError() throws {
        let folder = try evaluationSet()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: "\(folder)/002/en.txt")
        let result = try termbridge(["eval", "align", "--gold", folder])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(folder)/002/en.txt: missing"))
    }

    @Test func aFolderWithoutGoldIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try termbridge(["eval", "align", "--gold", folder])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no */gold.txt"))
    }

    @Test func aBadGoldLineNamesFileAndLine() throws {
        let folder = try evaluationSet()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[0]:[0]\n[1]-[1]\n".write(toFile: "\(folder)/002/gold.txt", atomically: true, encoding: .utf8)
        let result = try termbridge(["eval", "align", "--gold", folder])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(folder)/002/gold.txt:2: not a bead"))
    }
}

/// `make run`'s outputs on the corpus pair: the translation memory holds translation units
/// only, none of the compilation's matter and no markup.
@Suite struct CompilationOutputTests {
    static let chinese = "Corpus/zh/quasi-alliances.zh.txt"
    static let english = "Corpus/en/quasi-alliances.en.md"

    @Test func tmxHoldsNoMatterAndNoMarkup() throws {
        let output = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString).tmx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try termbridge(["align", Self.chinese, Self.english, "--glossary", "Glossary/quasi-alliance.tsv",
                                     "-o", output, "--keep-weak"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: left out of the TMX: "))
        #expect(result.stderr.contains("bead(s) with sentences on one side only"))
        let tmx = try String(contentsOfFile: output, encoding: .utf8)
        let segments = tmx.split(separator: "\n").filter { $0.contains("<seg>") }
        #expect(segments.count > 40)
        for segment in segments {
            for marker in ["<seg>#", "**", "](", "导语", "编译|", "审校|", "文章原题目为", "研究员", "Partners on the Fault Line"] {
                #expect(!segment.contains(marker), "\(segment)")
            }
        }
        #expect(tmx.contains("<seg>By Margaret Holloway</seg>"))
        #expect(tmx.contains("<seg>玛格丽特·霍洛韦(Margaret Holloway)</seg>"))
    }

    @Test func htmlNamesTheMatterThatIsNeverAligned() throws {
        let result = try termbridge(["align", "--format", "html", Self.chinese, Self.english])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("— front matter (never aligned)"))
        #expect(result.stdout.contains("— end matter: attribution, credits, publicity (never aligned)"))
        #expect(result.stdout.contains("— title: no title on this side"))
        #expect(!result.stdout.contains("# Partners"))
    }

    @Test func tsvAndJSONLCarryTheScoreOfEveryBeadAndBeadsNone() throws {
        let tsv = try termbridge(["align", "--format", "tsv", Self.chinese, Self.english])
        let rows = tsv.stdout.split(separator: "\n").dropFirst()
        #expect(rows.allSatisfy { Double($0.split(separator: "\t", omittingEmptySubsequences: false).last ?? "") != nil })
        let beads = try termbridge(["align", "--format", "beads", Self.chinese, Self.english])
        #expect(beads.stdout.split(separator: "\n").count == rows.count)
        #expect(!beads.stdout.contains("0."))
    }
}
