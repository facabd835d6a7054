import Foundation
import Testing

/// Each command that expects Chinese in one place and English in another stops with exit
/// status 2 and a message naming the file when the text says otherwise.
@Suite struct LanguageCommandTests {
    static let chinese = "Corpus/zh/quasi-alliances.zh.txt"
    static let english = "Corpus/en/quasi-alliances.en.md"
    static let swapMessage = "Error: \(english): expected Chinese, but the text is English (0 Han characters, "

    @Test func alignWithSwappedFiles() throws {
        let result = try termbridge(["align", Self.english, Self.chinese])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(Self.swapMessage))
        #expect(result.stderr.contains("did you swap the files?"))
    }

    @Test func alignWithTwoEnglishFiles() throws {
        let result = try termbridge(["align", Self.english, "Corpus/en/alliance-burden-sharing.en.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(Self.swapMessage))
        #expect(!result.stderr.contains("swap"))
    }

    @Test func checkWithSwappedFilesAndWithAnEnglishFileAlone() throws {
        let swapped = try termbridge(["check", Self.english, Self.chinese, "--glossary", "Glossary/quasi-alliance.tsv"])
        #expect(swapped.status == 2)
        #expect(swapped.stdout.isEmpty)
        #expect(swapped.stderr.contains("did you swap the files?"))
        let alone = try termbridge(["check", Self.english, "--glossary", "Glossary/quasi-alliance.tsv"])
        #expect(alone.status == 2)
        #expect(alone.stdout.isEmpty)
        #expect(alone.stderr.hasPrefix(Self.swapMessage))
    }

    @Test func checkOfATMXWithSwappedLanguageLabels() throws {
        let tmx = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString).tmx"
        defer { try? FileManager.default.removeItem(atPath: tmx) }
        let align = try termbridge(["align", Self.chinese, Self.english, "-o", tmx])
        #expect(align.status == 0, "\(align.stderr)")
        let swapped = try String(contentsOfFile: tmx, encoding: .utf8)
            .replacingOccurrences(of: "xml:lang=\"en\"", with: "xml:lang=\"XX\"")
            .replacingOccurrences(of: "xml:lang=\"zh-CN\"", with: "xml:lang=\"en\"")
            .replacingOccurrences(of: "xml:lang=\"XX\"", with: "xml:lang=\"zh-CN\"")
        let path = try temporaryFile(swapped, suffix: ".tmx")
        let result = try termbridge(["check", "--bilingual", path, "--glossary", "Glossary/quasi-alliance.tsv"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: \(path): expected English, but the text labelled English is Chinese ("))
        #expect(result.stderr.contains("are the <tuv> xml:lang labels swapped?"))
        let fine = try termbridge(["check", "--bilingual", tmx, "--glossary", "Glossary/quasi-alliance.tsv"])
        #expect(fine.status <= 1, "\(fine.stderr)")
    }

    @Test func extractOfAnEnglishFileAndOfAChineseSource() throws {
        let english = try termbridge(["extract", Self.english])
        #expect(english.status == 2)
        #expect(english.stdout.isEmpty)
        #expect(english.stderr.hasPrefix(Self.swapMessage))
        let source = try termbridge(["extract", Self.chinese, "--source", Self.chinese])
        #expect(source.status == 2)
        #expect(source.stderr.hasPrefix("Error: \(Self.chinese): expected English, but the text is Chinese ("))
    }

    @Test func pairOfAnEnglishDocument() throws {
        let result = try termbridge(["pair", Self.english, "--sources", "Corpus/en"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(Self.swapMessage))
    }

    /// segment is a tokenizer for any text: English and mixed input are segmented, not
    /// refused, and SIGHAN-style Chinese input is untouched.
    @Test func segmentTakesEnglishAndMixedText() throws {
        let english = try termbridge(["segment", Self.english])
        #expect(english.status == 0)
        #expect(english.stderr.isEmpty)
        let mixed = try termbridge(["segment"], stdin: Data("Washington 向 ATACMS 提供\n１９９７年\n".utf8))
        #expect(mixed.status == 0)
        #expect(mixed.stdout == "Washington 向 ATACMS 提供\n１９９７年\n")
    }
}
