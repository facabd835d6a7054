import Foundation
import Testing

/// Every command accepts input files that start with a UTF-8 byte-order mark, and none
/// prints it back (as a token, a term, a sentence or part of a message's excerpt).
@Suite struct ByteOrderMarkCommandTests {
    static let mark = Data([0xEF, 0xBB, 0xBF])

    static func file(_ text: String, suffix: String = ".txt") throws -> String {
        try temporaryFile(mark + Data(text.utf8), suffix: suffix)
    }

    static func hasMark(_ text: String) -> Bool { text.unicodeScalars.contains("\u{FEFF}") }

    @Test func segmentFileAndStandardInput() throws {
        let path = try Self.file("美国与准盟友\n")
        let fromFile = try termbridge(["segment", path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout == "美国 与 准 盟友\n")
        // --no-model: the same parts of speech whether or not the data is installed.
        let fromStandardInput = try termbridge(["segment", "--format", "tsv", "--no-model"],
                                               stdin: Self.mark + Data("美国 G7\n".utf8))
        // Offsets start after the mark: it is not part of the line.
        #expect(fromStandardInput.stdout == """
            line\tutf8_start\tutf8_end\tscalar_start\tscalar_end\tkind\tpos\ttoken
            1\t0\t6\t0\t2\than\tx\t美国
            1\t7\t9\t3\t5\tlatin\teng\tG7

            """)
        let sentences = try termbridge(["segment", "--sentences", path])
        #expect(sentences.stdout == "美国 与 准 盟友\n")
    }

    @Test func segmentUserDictionaryAndGlossary() throws {
        let dictionary = try Self.file("准盟友 10 n\n")
        let glossary = try Self.file("zh\ten\n陆军战术导弹系统\tArmy Tactical Missile System\n", suffix: ".tsv")
        let result = try termbridge(["segment", "--dict", dictionary, "--glossary", glossary],
                                    stdin: Data("准盟友获得陆军战术导弹系统\n".utf8))
        #expect(result.stdout == "准盟友 获得 陆军战术导弹系统\n")
    }

    @Test func alignExtractCheckAndPairOnPlainText() throws {
        let chinese = try Self.file("准盟友日益增多。华盛顿提供武器。\n")
        let english = try Self.file("Quasi allies are multiplying. Washington supplies weapons.\n", suffix: ".md")
        let align = try termbridge(["align", "--format", "jsonl", chinese, english])
        #expect(align.status == 0, "\(align.stderr)")
        #expect(!Self.hasMark(align.stdout))
        #expect(align.stdout.contains("\"chineseText\":\"准盟友日益增多。\""))
        let extract = try termbridge(["extract", "--min-freq", "1", chinese, "--source", english])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(!Self.hasMark(extract.stdout))
        let check = try termbridge(["check", chinese, english, "--glossary", "Glossary/quasi-alliance.tsv", "--format", "json"])
        #expect(check.status <= 1, "\(check.stderr)")
        #expect(!Self.hasMark(check.stdout))
        let folder = NSTemporaryDirectory() + "termbridge-bom-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (Self.mark + Data("# Quasi Allies Rising\n\nText.\n".utf8)).write(to: URL(fileURLWithPath: folder + "/source.md"))
        let compiled = try Self.file("准盟友日益增多。\n*文章原题目为“Quasi Allies Rising”\n")
        let pair = try termbridge(["pair", compiled, "--sources", folder])
        #expect(pair.status == 0, "\(pair.stdout)\(pair.stderr)")
        #expect(pair.stdout.contains("source title: Quasi Allies Rising"))
        #expect(!Self.hasMark(pair.stdout))
    }

    @Test func evalAlignReadsGoldBeadsWithAMark() throws {
        let folder = NSTemporaryDirectory() + "termbridge-bom-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/001", withIntermediateDirectories: true)
        try (Self.mark + Data("准盟友日益增多。\n".utf8)).write(to: URL(fileURLWithPath: folder + "/001/zh.txt"))
        try (Self.mark + Data("Quasi allies are multiplying.\n".utf8)).write(to: URL(fileURLWithPath: folder + "/001/en.txt"))
        try (Self.mark + Data("[0]:[0]\n".utf8)).write(to: URL(fileURLWithPath: folder + "/001/gold.txt"))
        let result = try termbridge(["eval", "align", "--gold", folder, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"f1_strict\" : 1"))
    }
}
