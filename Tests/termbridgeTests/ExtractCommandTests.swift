import Foundation
import Testing

// These run the built executable: they pass once `ExtractCommand` is registered in
// Sources/termbridge/Termbridge.swift.

private let chineseSample = "Corpus/zh/quasi-alliances.zh.txt"
private let englishSample = "Corpus/en/quasi-alliances.en.md"
private let glossarySample = "Glossary/quasi-alliance.tsv"

private func temporaryPath(_ suffix: String) -> String {
    NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString)\(suffix)"
}

@Suite struct ExtractCommandTests {
    @Test func writesAGlossaryTSVToStandardOutput() throws {
        let result = try termbridge(["extract", chineseSample, "--source", englishSample, "--top", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("id\tsubject\tzh\t") == true)
        #expect(rows.count == 31)
        #expect(result.stdout.contains("核保护伞"))
        #expect(result.stdout.contains("candidate; kind: paren; frequency: 1; score: "))
    }

    @Test(arguments: ["tsv", "csv", "json", "tbx"])
    func writesFilesThatTheGlossaryCommandReadsBack(_ format: String) throws {
        let output = temporaryPath("." + format)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try termbridge(["extract", chineseSample, "--glossary", glossarySample, "--top", "40", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("40 candidates ("))
        let stats = try termbridge(["glossary", "stats", output])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains(": 40 concepts"))
    }

    @Test func marksKnownTermsAndLeavesThemOutWithNewOnly() throws {
        let all = try termbridge(["extract", chineseSample, "--glossary", glossarySample])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("known: preferred (qa-001)"))
        let new = try termbridge(["extract", chineseSample, "--glossary", glossarySample, "--new-only"])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(!new.stdout.contains("known:"))
        #expect(new.stdout.contains("卡尔德安全政策研究所"))
    }

    @Test func reviewedCandidatesMergeIntoTheGlossary() throws {
        let candidates = temporaryPath(".tsv"), merged = temporaryPath(".tsv")
        defer { for path in [candidates, merged] { try? FileManager.default.removeItem(atPath: path) } }
        let extract = try termbridge(["extract", chineseSample, "--glossary", glossarySample, "--new-only", "--top", "20", "-o", candidates])
        #expect(extract.status == 0, "\(extract.stderr)")
        let merge = try termbridge(["glossary", "merge", glossarySample, candidates, "-o", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try String(contentsOfFile: merged, encoding: .utf8).contains("卡尔德安全政策研究所"))
    }

    @Test func namesAFileThatIsNotUTF8() throws {
        let path = try temporaryFile(Data([0xE5, 0x87, 0x86, 0xFF, 0x0A]))
        let result = try termbridge(["extract", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): invalid UTF-8 at byte offset 3"))
    }

    @Test func namesAnEmptyFile() throws {
        let path = try temporaryFile("\n\n")
        let result = try termbridge(["extract", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): the file is empty"))
    }

    @Test func refusesMoreSourcesThanChineseFiles() throws {
        let result = try termbridge(["extract", chineseSample, "--source", englishSample, "--source", englishSample])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at most one source per Chinese file"))
    }

    @Test func refusesAnOutputWhoseFormatItCannotTell() throws {
        let result = try termbridge(["extract", chineseSample, "-o", temporaryPath(".docx")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("give --format"))
    }

    @Test func exitsOneWhenNothingIsFound() throws {
        let path = try temporaryFile("你好。\n")
        let result = try termbridge(["extract", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no candidates found"))
    }
}
