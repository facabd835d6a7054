import Foundation
import Testing

private let chinese = "Corpus/zh/quasi-alliances.zh.txt"
private let english = "Corpus/en/quasi-alliances.en.md"
private let cedictText = ".cache/cedict_ts.u8"
private let cedictCompiled = ".cache/cedict.tbdata"
private let frequenciesText = ".cache/jieba-dict.txt"
/// The package's own data, as the setup leaves it (fetched and compiled).
private let hasPackageData = [cedictText, cedictCompiled, frequenciesText, ".cache/jieba-dict.tbdata"]
    .allSatisfy { FileManager.default.fileExists(atPath: $0) }

/// An empty folder for TERMBRIDGE_DATA_DIR: the data is then found nowhere.
private func emptyDataFolder() throws -> String {
    let path = NSTemporaryDirectory() + "termbridge-nodata-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Each candidate's Chinese term, kind, frequency and score (the TSV's zh column and its
/// note up to the contexts). The English renderings are left out: ties between them still
/// depend on hash order (issue 9, item 1), which is not what these tests are about.
private func ranking(_ tsv: String) -> [String] {
    let lines = tsv.split(separator: "\n")
    guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false),
          let note = header.firstIndex(of: "note") else { return lines.map(String.init) }
    // The terms and the note up to its contexts, found by the header's column names.
    return lines.dropFirst().map { line in
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard cells.count == header.count else { return String(line) }
        return cells[2..<note].joined(separator: " ") + " " + (cells[note].components(separatedBy: "; contexts").first ?? "")
    }
}

/// Lines of standard error that are data notes.
private func notes(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.hasPrefix("termbridge: note:") }
}

@Suite struct DataCommandTests {
    @Test(.enabled(if: hasPackageData, "needs the data in .cache/ (scripts/fetch-data.sh)"))
    func alignWithoutFlagsUsesTheLexiconFoundByDefault() throws {
        // JSONL carries each bead's score: the corpus pair is clean enough that the beads
        // themselves may agree without the lexicon, but the lexical evidence behind them not.
        let plain = try termbridge(["align", chinese, english, "--format", "jsonl"])
        let explicit = try termbridge(["align", chinese, english, "--format", "jsonl", "--lexicon", cedictText])
        let without = try termbridge(["align", chinese, english, "--format", "jsonl", "--no-lexicon"])
        #expect(plain.status == 0 && explicit.status == 0 && without.status == 0)
        #expect(plain.stdout == explicit.stdout)
        #expect(plain.stdout != without.stdout)
        #expect(plain.stderr.isEmpty)
        #expect(without.stderr.isEmpty)   // turned off on purpose: no note
    }

    @Test(.enabled(if: hasPackageData, "needs the data in .cache/ (scripts/fetch-data.sh)"))
    func extractAndCheckWithoutFlagsUseTheDataFoundByDefault() throws {
        let plain = try termbridge(["extract", chinese, "--source", english, "--top", "40"])
        let explicit = try termbridge(["extract", chinese, "--source", english, "--top", "40",
                                       "--lexicon", cedictText, "--general-frequencies", frequenciesText])
        #expect(plain.status == 0)
        #expect(ranking(plain.stdout) == ranking(explicit.stdout))
        let bare = try termbridge(["extract", chinese, "--source", english, "--top", "40",
                                   "--no-lexicon", "--no-general-frequencies"])
        #expect(ranking(bare.stdout) != ranking(plain.stdout))

        let check = try termbridge(["check", chinese, english, "--glossary", "Glossary/quasi-alliance.tsv", "--fail-on", "never"])
        let checkExplicit = try termbridge(["check", chinese, english, "--glossary", "Glossary/quasi-alliance.tsv",
                                            "--fail-on", "never", "--lexicon", cedictCompiled])
        #expect(check.status == 0)
        #expect(check.stdout == checkExplicit.stdout)
    }

    @Test func withNoDataAnywhereEachCommandSaysSoOnceAndStillWorks() throws {
        let environment = ["TERMBRIDGE_DATA_DIR": try emptyDataFolder()]
        let align = try termbridge(["align", chinese, english, "--format", "beads"], environment: environment)
        #expect(align.status == 0)
        #expect(!align.stdout.isEmpty)
        let alignNotes = notes(align.stderr)
        #expect(alignNotes.count == 1)
        let note = try #require(alignNotes.first)
        #expect(note.contains("CC-CEDICT not found (looked for cedict.tbdata or cedict_ts.u8"))
        #expect(note.contains(environment["TERMBRIDGE_DATA_DIR"]!))
        #expect(note.contains("aligning by sentence length, numbers, Latin words and names only"))
        #expect(note.contains("Get it with: "))
        #expect(note.hasSuffix("data fetch"))

        let extract = try termbridge(["extract", chinese, "--top", "5"], environment: environment)
        #expect(extract.status == 0)
        #expect(notes(extract.stderr).count == 2)   // CC-CEDICT and the frequencies, once each
        #expect(notes(extract.stderr).contains { $0.contains("general word frequencies (jieba dict.txt) not found") })

        let check = try termbridge(["check", chinese, "--glossary", "Glossary/quasi-alliance.tsv", "--fail-on", "never"],
                                   environment: environment)
        #expect(check.status == 0)
        #expect(notes(check.stderr).count == 1)

        // pair needs CC-CEDICT only where the title cannot decide.
        let pair = try termbridge(["pair", chinese, "--sources", "Corpus/en"], environment: environment)
        #expect(pair.status == 0)
        #expect(notes(pair.stderr).isEmpty)
        let untitled = try temporaryFile(try String(contentsOfFile: chinese, encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("文章原题目") }.joined(separator: "\n"))
        let byContent = try termbridge(["pair", untitled, "--sources", "Corpus/en"], environment: environment)
        #expect(notes(byContent.stderr).count == 1)
        #expect(notes(byContent.stderr).first?.contains("compared by numbers, Latin words and names only") == true)

        // Turned off: no note.
        let quiet = try termbridge(["align", chinese, english, "--no-lexicon"], environment: environment)
        #expect(notes(quiet.stderr).isEmpty)
    }

    @Test func theVariableNamingAMissingFileIsAnInputError() throws {
        let result = try termbridge(["align", chinese, english], environment: ["TERMBRIDGE_CEDICT": "/nonexistent/cedict.u8"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/cedict.u8: no such file (named by TERMBRIDGE_CEDICT): expected CC-CEDICT"))
        let both = try termbridge(["align", chinese, english, "--no-lexicon", "--lexicon", cedictText])
        #expect(both.status == 2)
        #expect(both.stderr.contains("Give --lexicon FILE or --no-lexicon, not both."))
    }

    @Test func statusSaysWhereEachFileIsAndCompileWritesTheFastForm() throws {
        let folder = try emptyDataFolder()
        let environment = ["TERMBRIDGE_DATA_DIR": folder]
        let missing = try termbridge(["data", "status"], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("CC-CEDICT\n  not found"))
        #expect(missing.stdout.contains("\(folder)  (from TERMBRIDGE_DATA_DIR)"))

        try FileManager.default.copyItem(atPath: "Tests/Fixtures/Data/cedict-sample.u8", toPath: folder + "/cedict_ts.u8")
        try FileManager.default.copyItem(atPath: "Tests/Fixtures/Data/frequencies-sample.txt", toPath: folder + "/jieba-dict.txt")
        try FileManager.default.copyItem(atPath: "Tests/Fixtures/Data/jieba-hmm-sample.txt", toPath: folder + "/jieba-hmm.txt")
        let text = try termbridge(["data", "status"], environment: environment)
        #expect(text.status == 0)   // found and loads, though slowly
        #expect(text.stdout.contains("loads from the text form"))

        let compile = try termbridge(["data", "compile"], environment: environment)
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(compile.stdout.contains("CC-CEDICT: compiled \(folder)/cedict_ts.u8 into \(folder)/cedict.tbdata"))
        #expect(FileManager.default.fileExists(atPath: folder + "/jieba-dict.tbdata"))
        let again = try termbridge(["data", "compile"], environment: environment)
        #expect(again.stdout.contains("\(folder)/cedict.tbdata is up to date"))

        let status = try termbridge(["data", "status"], environment: environment)
        #expect(status.status == 0)
        #expect(status.stdout.contains("loads from the compiled form in"))
        #expect(status.stdout.contains("16 entries"))
        #expect(status.stdout.contains("6 words"))   // 準 folds onto 准
        #expect(FileManager.default.fileExists(atPath: folder + "/segmentation.tbdata"))
        #expect(status.stdout.contains("segmentation model"))

        // The sample lexicon, compiled, aligns exactly as its text does.
        let compiled = try termbridge(["align", chinese, english, "--format", "beads"], environment: environment)
        let fromText = try termbridge(["align", chinese, english, "--format", "beads", "--lexicon", folder + "/cedict_ts.u8"])
        #expect(compiled.stdout == fromText.stdout)
        #expect(compiled.stderr.isEmpty)
    }

    @Test func aStaleCompiledFileIsNotedOnceAndTheTextUsed() throws {
        let folder = try emptyDataFolder()
        try FileManager.default.copyItem(atPath: "Tests/Fixtures/Data/cedict-sample.u8", toPath: folder + "/cedict_ts.u8")
        #expect(try termbridge(["data", "compile"], environment: ["TERMBRIDGE_DATA_DIR": folder]).status == 1)  // no frequencies
        let text = try String(contentsOfFile: folder + "/cedict_ts.u8", encoding: .utf8)
        try Data((text + "盟國 盟国 [meng2 guo2] /allied country/\n").utf8).write(to: URL(fileURLWithPath: folder + "/cedict_ts.u8"))
        let result = try termbridge(["align", chinese, english, "--format", "beads"], environment: ["TERMBRIDGE_DATA_DIR": folder])
        #expect(result.status == 0)
        let lines = notes(result.stderr)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("out of date") == true)
        #expect(lines.first?.contains("termbridge data compile") == true)
    }
}
