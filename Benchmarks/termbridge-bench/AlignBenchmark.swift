import Foundation
import Termbridge

/// Alignment quality on the MAC dev set (zh–en literary, read by path from
/// ../shared/eval/align, never committed), scored by its align_eval.py: `termbridge eval
/// align` run as users run it — with no flag (the data found by default), with the text
/// CC-CEDICT named by `--lexicon`, and with `--no-lexicon` — beside Gale–Church (NLTK's
/// implementation, Benchmarks/gale_church.py) in the same run; then alignment time and
/// memory as the documents grow from ~1,500 to ~20,000 sentences a side.
struct AlignBenchmark {
    var gold = "../shared/eval/align"
    var repeats = [1, 2, 4, 8, 14]
    var speed = true
    var cli = ".build/release/termbridge"

    init(speed: Bool = true, cli: String? = nil) {
        self.speed = speed
        if let cli { self.cli = cli }
    }

    func run() throws {
        let cedictPath = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
        _ = TextNormalizer.shared   // built once per process by every command; not part of a load
        var loaded = try DataFiles.load(CEDICTLexicon.self)
        let loadTime = try CEDICTBenchmark.best(5) { loaded = try DataFiles.load(CEDICTLexicon.self); return loaded }
        let lexicon = loaded.value
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
        for (_, zh, en) in pairs {
            seconds += try bestTime(repetitions: 1) { _ = try aligner.align(zh, en) }
        }
        let scorer = "\(gold)/align_eval.py"
        var rows: [[String]] = []
        for (label, name, flags) in [("termbridge eval align (no flags: data found by default)", "default", [String]()),
                                     ("termbridge eval align --lexicon cedict_ts.u8", "explicit", ["--lexicon", cedictPath]),
                                     ("termbridge eval align --no-lexicon", "no-lexicon", ["--no-lexicon"])] {
            let run = try runChild([cli, "eval", "align", "--gold", gold, "--predictions", "\(output)/\(name)"] + flags,
                                   stdoutPath: "/dev/null")
            rows.append(run.status == 0 ? row(label, try runChild(["python3", scorer, gold, "\(output)/\(name)", "--json"]).output)
                        : [label + ": failed (status \(run.status))", "-", "-", "-", "-"])
        }
        let galeChurch = try runChild(["python3", "Benchmarks/gale_church.py", gold, "\(output)/gale-church"])
        if galeChurch.status == 0 {
            rows.append(row("Gale–Church (NLTK, lengths scaled)",
                            try runChild(["python3", scorer, gold, "\(output)/gale-church", "--json"]).output))
        } else {
            rows.append(["Gale–Church: nltk not importable (make bench installs it)", "-", "-", "-", "-"])
        }
        let form = loaded.compiled ? "compiled" : "text"
        print("CC-CEDICT found by default at \(loaded.path ?? "nowhere") (\(form)), loaded in \(format(loadTime.wall * 1000, 1)) ms, \(format(loadTime.cpu * 1000, 1)) ms of CPU (best of 5; text folding tables built before); "
              + "\(documents.count) documents aligned in process in \(format(seconds, 2)) s")
        printTable(["MAC dev (\(documents.count) docs, scored by align_eval.py)", "strict P", "strict R", "strict F1", "lax F1"], rows)

        guard speed else { return }
        // Speed: the six documents concatenated k times (one sentence per line).
        var speedRows: [[String]] = []
        for k in repeats {
            let zh = AlignmentDocument(language: "zh", sentences: Array(repeating: pairs.flatMap { $0.1.sentences }, count: k).flatMap { $0 })
            let en = AlignmentDocument(language: "en", sentences: Array(repeating: pairs.flatMap { $0.2.sentences }, count: k).flatMap { $0 })
            let fresh = try Aligner(lexicon: lexicon)
            let cpuStart = CEDICTBenchmark.cpuSeconds()
            let t = try bestTime(repetitions: 1) { _ = try fresh.align(zh, en) }
            let cpu = CEDICTBenchmark.cpuSeconds() - cpuStart
            speedRows.append(["\(zh.sentences.count) × \(en.sentences.count)", format(t, 2), format(cpu, 2),
                              format(t * 1e6 / Double(zh.sentences.count + en.sentences.count), 1),
                              "\(Self.peakResidentMegabytes()) MB"])
        }
        print("")
        printTable(["alignment time (zh × en sentences)", "seconds", "CPU s", "µs / sentence", "peak RSS so far"], speedRows)
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
