import Foundation
import Testing

/// Issue 13 item 7: one spelling per idea across subcommands, help text that reads as written.
@Suite struct ConsistencyCommandTests {
    static let commands: [[String]] = [
        [], ["segment"], ["glossary"], ["glossary", "lookup"], ["glossary", "convert"], ["glossary", "merge"],
        ["glossary", "validate"], ["glossary", "stats"], ["pair"], ["align"], ["extract"], ["check"],
        ["data"], ["data", "status"], ["data", "compile"], ["data", "fetch"],
        ["eval"], ["eval", "segment"], ["eval", "align"],
    ]

    /// Help is wrapped by ArgumentParser to the terminal's width; a discussion written with
    /// its own line breaks came out with a short line in the middle of every sentence
    /// ("…in bounded" / "memory." / "text: …"). In each paragraph of the overview at 80
    /// columns, no line but the last stops well short of the width (10 columns of slack
    /// for double-width Chinese and ArgumentParser's margin).
    @Test(arguments: commands)
    func helpParagraphsAreWrappedOnlyByTheWidth(command: [String]) throws {
        let result = try termbridge(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let overview = result.stdout.components(separatedBy: "\nUSAGE:")[0]
        let paragraphs = overview.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let lines = paragraph.split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(command): \(paragraph)")
            for (line, next) in zip(lines, lines.dropFirst()) {
                // A line is short only when the next word would not have fitted.
                let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(line.count + 1 + nextWord.count > 70, "\(command): '\(line)' is cut before '\(nextWord)'")
            }
        }
    }

    @Test func theEnglishSideIsSpelledSourceEverywhere() throws {
        let zh = "Corpus/zh/quasi-alliances.zh.txt", en = "Corpus/en/quasi-alliances.en.md"
        for command in ["align", "check", "extract"] {
            let help = try termbridge([command, "--help"], environment: ["COLUMNS": "200"])
            #expect(help.stdout.contains("--source <EN_FILE>"), "\(command)")
        }
        let align = try termbridge(["align", zh, "--source", en, "--no-lexicon", "--format", "beads"])
        #expect(align.status == 0, "\(align.stderr)")
        // The older second argument still works and gives the same beads.
        let old = try termbridge(["align", zh, en, "--no-lexicon", "--format", "beads"])
        #expect(old.stdout == align.stdout)
        let check = try termbridge(["check", zh, "--source", en, "--glossary", "Glossary/quasi-alliance.tsv",
                                    "--no-lexicon", "--fail-on", "never"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("segments"))
        let twice = try termbridge(["align", zh, en, "--source", en])
        #expect(twice.status == 2)
    }

    @Test func evalSaysFormatJSONAndStillTakesJSON() throws {
        let gold = try temporaryFile("准盟友 的 关系\n")
        let test = try temporaryFile("准盟友 的 关 系\n")
        let format = try termbridge(["eval", "segment", "--gold", gold, "--segmented", test, "--format", "json"])
        #expect(format.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(format.stdout.utf8)) as? [String: Any])
        #expect(object["correct"] as? Int == 2)
        let old = try termbridge(["eval", "segment", "--gold", gold, "--segmented", test, "--json"])
        #expect(old.stdout == format.stdout)
        for command in [["eval", "segment"], ["eval", "align"]] {
            let help = try termbridge(command + ["--help"], environment: ["COLUMNS": "200"])
            #expect(help.stdout.contains("--format <format>"))
            #expect(!help.stdout.contains("--json "))
        }
    }

    @Test func convertTakesMdAsExtractDoes() throws {
        let out = NSTemporaryDirectory() + "convert-\(UUID().uuidString).out"
        let result = try termbridge(["glossary", "convert", "Glossary/quasi-alliance.tsv", out, "--to", "md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# "))
        let help = try termbridge(["glossary", "convert", "--help"], environment: ["COLUMNS": "200"])
        #expect(help.stdout.contains("md"))
    }
}
