import Foundation
import Termbridge

/// Alignment quality on the MAC dev set (zh–en literary, read by path from
/// ../shared/eval/align, never committed), scored by its align_eval.py, beside Gale–Church
/// (NLTK's implementation, Benchmarks/gale_church.py) in the same run; then alignment time
/// and memory as the documents grow from ~1,500 to ~20,000 sentences a side.
struct AlignBenchmark {
    var gold = "../shared/eval/align"
    var repeats = [1, 2, 4, 8, 14]
    var speed = true

    init(speed: Bool = true) {
        self.speed = speed
    }

    func run() throws {
        let cedictPath = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
        var lexicon: CEDICTLexicon?
        let loadSeconds = try bestTime(repetitions: 1) { lexicon = try CEDICTLexicon.load(contentsOf: cedictPath) }
        let aligner = try Aligner(lexicon: lexicon)
        let output = "Benchmarks/out/align"
        let documents = try FileManager.default.contentsOfDirectory(atPath: gold)
            .filter { FileManager.default.fileExists(atPath: "\(gold)/\($0)/gold.txt") }.sorted()
        var pairs: [(String, AlignmentDocument, AlignmentDocument)] = []
        for document in documents {
            pairs.append((document,
                          try AlignmentDocument(text: String(contentsOfFile: "\(gold)/\(document)/zh.txt", encoding: .utf8),
                                                language: "zh", presplit: true),
                          try AlignmentDocument(text: String(contentsOfFile: "\(gold)/\(document)/en.txt", encoding: .utf8),
                                                language: "en", presplit: true)))
        }
        var seconds = 0.0
        for (document, zh, en) in pairs {
            var alignment: Alignment?
            seconds += try bestTime(repetitions: 1) { alignment = try aligner.align(zh, en) }
            try FileManager.default.createDirectory(atPath: "\(output)/termbridge/\(document)", withIntermediateDirectories: true)
            try (alignment!.beads.map(\.notation).joined(separator: "\n") + "\n")
                .write(toFile: "\(output)/termbridge/\(document)/pred.txt", atomically: true, encoding: .utf8)
        }
        let scorer = "\(gold)/align_eval.py"
        var rows = [row("termbridge Aligner (CC-CEDICT)", try runChild(["python3", scorer, gold, "\(output)/termbridge", "--json"]).output)]
        let galeChurch = try runChild(["python3", "Benchmarks/gale_church.py", gold, "\(output)/gale-church"])
        if galeChurch.status == 0 {
            rows.append(row("Gale–Church (NLTK, lengths scaled)",
                            try runChild(["python3", scorer, gold, "\(output)/gale-church", "--json"]).output))
        } else {
            rows.append(["Gale–Church: nltk not importable (make bench installs it)", "-", "-", "-", "-"])
        }
        print("CC-CEDICT loaded in \(format(loadSeconds, 2)) s; \(documents.count) documents aligned in \(format(seconds, 2)) s")
        printTable(["MAC dev (\(documents.count) docs, scored by align_eval.py)", "strict P", "strict R", "strict F1", "lax F1"], rows)

        guard speed else { return }
        // Speed: the six documents concatenated k times (one sentence per line).
        var speedRows: [[String]] = []
        for k in repeats {
            let zh = AlignmentDocument(language: "zh", sentences: Array(repeating: pairs.flatMap { $0.1.sentences }, count: k).flatMap { $0 })
            let en = AlignmentDocument(language: "en", sentences: Array(repeating: pairs.flatMap { $0.2.sentences }, count: k).flatMap { $0 })
            let fresh = try Aligner(lexicon: lexicon)
            let t = try bestTime(repetitions: 1) { _ = try fresh.align(zh, en) }
            speedRows.append(["\(zh.sentences.count) × \(en.sentences.count)", format(t, 2),
                              format(t * 1e6 / Double(zh.sentences.count + en.sentences.count), 1),
                              "\(Self.peakResidentMegabytes()) MB"])
        }
        print("")
        printTable(["alignment time (zh × en sentences)", "seconds", "µs / sentence", "peak RSS so far"], speedRows)
    }

    private func row(_ name: String, _ json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let micro = object["micro"] as? [String: Double] else { return [name, "?", "?", "?", "?"] }
        return [name, format(micro["precision_strict"] ?? 0, 3), format(micro["recall_strict"] ?? 0, 3),
                format(micro["f1_strict"] ?? 0, 3), format(micro["f1_lax"] ?? 0, 3)]
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
