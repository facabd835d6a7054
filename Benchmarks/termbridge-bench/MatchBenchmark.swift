import Foundation
import Termbridge

/// Glossary matching: compile a 100,000-term glossary (CC-CEDICT headwords), then count
/// every term occurrence in ~100 MB of Chinese text, beside ripgrep's fixed-string
/// multi-pattern search (`rg -F -f TERMS --count-matches`) on the same text and terms.
struct MatchBenchmark {
    var input: String?
    var termCount = 100_000

    func run() throws {
        let inputPath = try input ?? SegmentBenchmark.makeInput(targetBytes: 100_000_000, name: "match-input.txt")
        let data = try Data(contentsOf: URL(fileURLWithPath: inputPath))
        let megabytes = Double(data.count) / 1e6
        let (terms, source) = try SegmentBenchmark.dictionaryTerms(path: nil, count: termCount)
        print("input: \(inputPath) (\(format(megabytes, 1)) MB); terms: \(terms.count) from \(source)")

        let glossary = Glossary(concepts: terms.enumerated().map { index, term in
            Concept(id: "t\(index)", languages: [LanguageTerms(language: "zh", terms: [Term(term)])])
        })
        var matcher: GlossaryMatcher?
        let compileSeconds = try bestTime(repetitions: 3) { matcher = try GlossaryMatcher(glossary: glossary) }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)

        var ours = 0
        var ourSeconds = Double.infinity
        var rgSeconds = Double.infinity
        var rgCount = 0
        let termsFile = NSTemporaryDirectory() + "tb-bench-terms-\(getpid()).txt"
        try terms.joined(separator: "\n").write(toFile: termsFile, atomically: true, encoding: .utf8)
        defer { unlink(termsFile) }
        let rg = ["/usr/bin/rg", "/usr/local/bin/rg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        for _ in 0..<3 {
            ourSeconds = min(ourSeconds, try bestTime(repetitions: 1) {
                ours = 0
                for line in lines {
                    ours += try line.withUnsafeBytes { try matcher!.countChineseMatches(utf8: $0.bindMemory(to: UInt8.self)) }
                }
            })
            if let rg {
                let run = try runChild([rg, "-F", "-f", termsFile, "--count-matches", "--no-filename", inputPath])
                rgSeconds = min(rgSeconds, run.seconds)
                rgCount = Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            }
        }
        var rows = [["termbridge GlossaryMatcher (leftmost-longest, folded)", format(ourSeconds, 2),
                     format(megabytes / ourSeconds, 1), "\(ours)", "1.00"]]
        if rg != nil {
            rows.append(["rg -F -f TERMS --count-matches", format(rgSeconds, 2), format(megabytes / rgSeconds, 1),
                         "\(rgCount)", format(rgSeconds / ourSeconds)])
        }
        printTable(["matching \(terms.count) terms in \(format(megabytes, 1)) MB (best of 3)", "seconds", "MB/s",
                    "matches", "time ÷ ours"], rows)
        print("compiled \(matcher!.formCount) term forms in \(format(compileSeconds * 1000, 1)) ms (best of 3)")
        if rg == nil { print("ripgrep not found: install the Debian package ripgrep for the anchor") }
    }
}
