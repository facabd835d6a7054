import Foundation
import Testing

/// A temporary folder holding `files` (relative path → contents).
private func temporaryFolder(_ files: [String: String]) throws -> String {
    let folder = NSTemporaryDirectory() + "termbridge-pair-\(UUID().uuidString)"
    for (path, text) in files {
        let url = URL(fileURLWithPath: folder + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return folder
}

private func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

@Suite struct PairCommandTests {
    let chinese = "Corpus/zh/quasi-alliances.zh.txt"
    let seedPath = "../shared/seed/000_fc94195cf814659a.txt"

    @Test func pairsTheCorpusCompilationWithItsSourceAndExitsZero() throws {
        let result = try termbridge(["pair", chinese, "--sources", "Corpus/en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("source title: Partners on the Fault Line Washington’s Quasi Allies and the Limits of Leverage  (line 29, 文章原题目为)"))
        #expect(result.stdout.contains("source: Corpus/en/quasi-alliances.en.md  score 1.000"))
        #expect(result.stdout.contains("confidence: high"))
        #expect(result.stdout.contains("runner-up: Corpus/en/fault-line-gulf-partners.en.txt  score 0.302"))
        #expect(result.stdout.contains("author: 玛格丽特·霍洛韦 (Margaret Holloway)"))
        #expect(result.stdout.contains("credits: 编译 周若琳; 审校 陈思远"))
        #expect(result.stdout.contains("cut: yes"))
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonCarriesTitleMatchRunnerUpVerdictAndMetadata() throws {
        let result = try termbridge(["pair", chinese, "--sources", "Corpus", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try jsonArray(result.stdout).first)
        #expect(object["title"] as? String == "Partners on the Fault Line Washington’s Quasi Allies and the Limits of Leverage")
        #expect(object["matched"] as? String == "Corpus/en/quasi-alliances.en.md")
        #expect(object["score"] as? Double == 1)
        #expect(object["verdict"] as? String == "matched")
        let runnerUp = try #require(object["runnerUp"] as? [String: Any])
        #expect(runnerUp["file"] as? String == "Corpus/en/fault-line-gulf-partners.en.txt")
        #expect(runnerUp["title"] as? String == "Partners of Convenience: The Gulf States and the Limits of American Influence")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect((metadata["author"] as? [String: String]) == ["zh": "玛格丽特·霍洛韦", "en": "Margaret Holloway"])
        #expect((metadata["credits"] as? [String: [String]]) == ["编译": ["周若琳"], "审校": ["陈思远"]])
        #expect(metadata["cut"] as? Bool == true)
    }

    @Test func saysNoSourceFoundBelowTheThresholdAndExitsOne() throws {
        let zh = try temporaryFile("正文。\n原题:Trade Wars and the Future of the Dollar\n")
        let result = try termbridge(["pair", zh, "--sources", "Corpus/en"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no source found (best score"))
        let json = try termbridge(["pair", zh, "--sources", "Corpus/en", "--format", "json"])
        let object = try #require(try jsonArray(json.stdout).first)
        #expect(object["matched"] is NSNull)
        #expect(object["verdict"] as? String == "no-source-found")
        #expect((object["metadata"] as? [String: Any])?["author"] is NSNull)
    }

    @Test func saysSoWhenADocumentNamesNoSourceTitle() throws {
        let hant = "Corpus/zh/quasi-alliances.zh-Hant.txt"
        // Without CC-CEDICT the content (numbers, names) is not decisive: no source.
        let result = try termbridge(["pair", chinese, hant, "--sources", "Corpus/en", "--no-lexicon"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no source title found in \(hant)"))
        #expect(result.stdout.contains("by content, not decisive"))
        #expect(result.stdout.contains("source: Corpus/en/quasi-alliances.en.md"))
    }

    @Test(.enabled(if: PairByContentCommandTests.hasCEDICT, "needs CC-CEDICT in .cache/ (scripts/fetch-data.sh)"))
    func aTraditionalDocumentWithoutATitleIsPairedByContent() throws {
        let hant = "Corpus/zh/quasi-alliances.zh-Hant.txt"
        let result = try termbridge(["pair", hant, "--sources", "Corpus/en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no source title found in \(hant)"))
        #expect(result.stdout.contains("source (by content): Corpus/en/quasi-alliances.en.md"))
    }

    @Test func reportsTwoCandidatesWithTheSameTitleAsAmbiguous() throws {
        let title = "Partners on the Fault Line: Washington’s Quasi Allies and the Limits of Leverage"
        let sources = try temporaryFolder(["a/essay.md": "# \(title)\n", "b/essay.txt": "Title: \(title.lowercased())\n"])
        defer { try? FileManager.default.removeItem(atPath: sources) }
        let result = try termbridge(["pair", chinese, "--sources", sources])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ambiguous"))
        #expect(result.stdout.contains("runner-up: \(sources)/b/essay.txt  score 1.000"))
    }

    @Test func unreadableOrInvalidInputExitsTwoNamingTheFile() throws {
        let missing = try termbridge(["pair", "Corpus/zh/missing.txt", "--sources", "Corpus/en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Corpus/zh/missing.txt: cannot read"))
        #expect(missing.stdout.isEmpty)
        let bad = try temporaryFile(Data([0xE5, 0x8E, 0x9F, 0xFF]))
        let invalid = try termbridge(["pair", bad, "--sources", "Corpus/en"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("\(bad): invalid UTF-8 at byte offset 3"))
        let noFolder = try termbridge(["pair", chinese, "--sources", "Corpus/none"])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("Corpus/none: not a folder"))
    }

    @Test func requiresTheSourcesOption() throws {
        let result = try termbridge(["pair", chinese])
        #expect(result.status != 0 && result.status != 1)
        #expect(result.stderr.contains("--sources"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "../shared/seed/000_fc94195cf814659a.txt")))
    func pairsTheSeedWithItsSourceDespiteTheDroppedColon() throws {
        let sources = try temporaryFolder([
            "quasi-alliances.md": "# America’s Quasi Alliances: How Washington Should Manage Its Most Complicated Relationships\n",
            "decoy.txt": "\nPartners of Convenience: The Gulf States and the Limits of American Influence\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: sources) }
        let result = try termbridge(["pair", seedPath, "--sources", sources])
        #expect(result.status == 0)
        #expect(result.stdout.contains("source: \(sources)/quasi-alliances.md  score 1.000"))
        #expect(result.stdout.contains("credits: 编译 "))
    }
}

/// Pairing by content, where the title cannot decide (CC-CEDICT found by default).
@Suite struct PairByContentCommandTests {
    static let hasCEDICT = FileManager.default.fileExists(atPath: ".cache/cedict.tbdata")
        || FileManager.default.fileExists(atPath: ".cache/cedict_ts.u8")

    /// The corpus compilation without its attribution line: no title to go by.
    private func untitledChinese() throws -> String {
        let text = try String(contentsOfFile: "Corpus/zh/quasi-alliances.zh.txt", encoding: .utf8)
        return try temporaryFile(text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("文章原题目") }.joined(separator: "\n"))
    }

    @Test(.enabled(if: hasCEDICT, "needs CC-CEDICT in .cache/ (scripts/fetch-data.sh)"))
    func aDocumentWithoutATitleIsPairedByContent() throws {
        let result = try termbridge(["pair", try untitledChinese(), "--sources", "Corpus/en"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("no source title found"))
        #expect(result.stdout.contains("source (by content): Corpus/en/quasi-alliances.en.md  score"))
        #expect(result.stdout.contains("confidence: medium"))
        let json = try termbridge(["pair", try untitledChinese(), "--sources", "Corpus/en", "--format", "json"])
        let object = try #require(try jsonArray(json.stdout).first)
        #expect(object["verdict"] as? String == "matched")
        #expect(object["basis"] as? String == "content")
        #expect(object["matched"] as? String == "Corpus/en/quasi-alliances.en.md")
        let content = try #require(object["content"] as? [[String: Any]])
        #expect(content.count == 2)
        let best = try #require(content.first?["score"] as? Double), second = try #require(content.last?["score"] as? Double)
        #expect(best >= 1.5 * second)
    }

    @Test(.enabled(if: hasCEDICT, "needs CC-CEDICT in .cache/ (scripts/fetch-data.sh)"))
    func twoCandidatesWithTheSameTitleAreToldApartByContent() throws {
        // Both files carry the cited title; only one holds the article.
        let source = try String(contentsOfFile: "Corpus/en/quasi-alliances.en.md", encoding: .utf8)
        let decoy = try String(contentsOfFile: "Corpus/en/nuclear-umbrella-asia.en.md", encoding: .utf8)
        let title = source.split(separator: "\n").first!
        let folder = NSTemporaryDirectory() + "termbridge-pair-content-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(source.utf8).write(to: URL(fileURLWithPath: folder + "/a-article.md"))
        try Data((title + "\n" + decoy.split(separator: "\n").dropFirst().joined(separator: "\n")).utf8)
            .write(to: URL(fileURLWithPath: folder + "/b-same-title.md"))
        let titled = try termbridge(["pair", "Corpus/zh/quasi-alliances.zh.txt", "--sources", folder, "--no-lexicon"])
        #expect(titled.status == 1)   // without the lexicon the content is not decisive here
        #expect(titled.stdout.contains("ambiguous"))
        let result = try termbridge(["pair", "Corpus/zh/quasi-alliances.zh.txt", "--sources", folder])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("source (by content): \(folder)/a-article.md"))
        #expect(result.stdout.contains("runner-up: \(folder)/b-same-title.md  content score"))
    }
}
