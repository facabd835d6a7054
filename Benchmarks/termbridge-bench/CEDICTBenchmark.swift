import Foundation
import Termbridge

/// Loading the data files used by default, text form against compiled form:
/// - CC-CEDICT (`.cache/cedict_ts.u8`, or `$TERMBRIDGE_CEDICT`): the text parsed (read,
///   validate, parse, clean glosses, fold, trie, English index), then the stemmed English
///   index the aligner adds; against the compiled `.cache/cedict.tbdata`, which holds both;
/// - jieba's frequencies (`.cache/jieba-dict.txt`) against `.cache/jieba-dict.tbdata`;
/// - the aligner's start-up (`Aligner(lexicon:)`) with each lexicon;
/// - whole `termbridge align` runs on a two-line pair (`--cli BIN`): `--no-lexicon`, the
///   text named by `--lexicon`, and no flag (the compiled file, found by default).
/// Anchor: reading the text file into a `String` and splitting it into lines.
///
/// Each figure is the best of 5 runs, in wall time and in process CPU time (the loads are
/// single-threaded: on a busy machine CPU time is the steadier figure). The text folding
/// tables (`TextNormalizer`) are built once before timing: every command builds them anyway.
struct CEDICTBenchmark {
    var cli: String? = nil

    func run() throws {
        let path = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
        let compiledPath = ".cache/cedict.tbdata"
        let frequencies = ".cache/jieba-dict.txt", compiledFrequencies = ".cache/jieba-dict.tbdata"
        for file in [path, compiledPath, frequencies, compiledFrequencies] where !FileManager.default.fileExists(atPath: file) {
            throw FileError(path: file, message: "missing; run scripts/fetch-data.sh (make data)")
        }
        let repetitions = 5
        _ = TextNormalizer.shared

        var lines = 0
        let anchor = try Self.best(repetitions) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            lines = text.split(whereSeparator: \.isNewline).count
            return text
        }
        var text = CEDICTLexicon(entries: [])
        let parse = try Self.best(repetitions) {
            text = try CEDICTLexicon.load(contentsOf: path)
            return text
        }
        let stemmed = try Self.best(repetitions) { try text.withStemmedIndex() }
        var compiled = CEDICTLexicon(entries: [])
        let load = try Self.best(repetitions) {
            compiled = try CEDICTLexicon.loadCompiled(contentsOf: compiledPath)
            return compiled
        }
        let frequencyText = try Self.best(repetitions) { try GeneralChineseFrequencies.load(contentsOf: frequencies) }
        let frequencyLoad = try Self.best(repetitions) { try GeneralChineseFrequencies.loadCompiled(contentsOf: compiledFrequencies) }
        let alignerText = try Self.best(repetitions) { try Aligner(lexicon: text) }
        let alignerCompiled = try Self.best(repetitions) { try Aligner(lexicon: compiled) }

        let count = text.count
        func row(_ label: String, _ time: (wall: Double, cpu: Double)) -> [String] {
            [label, format(time.wall * 1000, 1), format(time.cpu * 1000, 1), format(time.wall / load.wall, 1)]
        }
        printTable(
            ["data loading (best of \(repetitions))", "ms", "CPU ms", "× compiled"],
            [
                row("anchor: cedict_ts.u8 into a String, split into \(lines) lines", anchor),
                row("CC-CEDICT text: read, parse, clean, fold, index", parse),
                row("  + stemmed English index (the aligner's)", stemmed),
                row("CC-CEDICT compiled (.tbdata, both indexes, checked)", load),
                row("jieba dict.txt text", frequencyText),
                row("jieba compiled (.tbdata)", frequencyLoad),
                row("Aligner start-up, lexicon from text (builds the stemmed index)", alignerText),
                row("Aligner start-up, compiled lexicon", alignerCompiled),
            ])
        print("CC-CEDICT: \(count) entries, \(text.headwords.count) headwords, \(text.english.keyCount) English keys, "
              + "\(compiled.stemmedEnglish?.keyCount ?? 0) stems; text \(Self.megabytes(path)) MB, compiled \(Self.megabytes(compiledPath)) MB")

        guard let cli else { return }
        // Whole runs: a two-sentence pair, so that start-up is nearly all there is.
        let folder = NSTemporaryDirectory() + "tb-bench-startup-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "美国与准盟友签订了协议。\n".write(toFile: folder + "/zh.txt", atomically: true, encoding: .utf8)
        try "The United States signed an agreement with its quasi allies.\n".write(toFile: folder + "/en.txt", atomically: true, encoding: .utf8)
        var rows: [[String]] = []
        for (label, flags) in [("termbridge align --no-lexicon", ["--no-lexicon"]),
                               ("termbridge align --lexicon cedict_ts.u8 (text)", ["--lexicon", path]),
                               ("termbridge align (no flag: compiled, found by default)", [])] {
            var best = Double.infinity, cpu = Double.infinity
            for _ in 0..<repetitions {
                let run = try runChild([cli, "align", folder + "/zh.txt", folder + "/en.txt"] + flags, stdoutPath: "/dev/null")
                best = min(best, run.seconds)
                cpu = min(cpu, run.cpuSeconds)
            }
            rows.append([label, format(best * 1000, 0), format(cpu * 1000, 0)])
        }
        print("")
        printTable(["whole run on a 1-sentence pair (best of \(repetitions))", "ms", "CPU ms"], rows)
    }

    static func megabytes(_ path: String) -> String {
        format(Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6, 1)
    }

    /// The best wall and CPU seconds of `repetitions` runs of `body`; what `body` returns is
    /// freed after the clocks stop.
    static func best<T>(_ repetitions: Int, _ body: () throws -> T) rethrows -> (wall: Double, cpu: Double) {
        var wall = Double.infinity, cpu = Double.infinity
        for _ in 0..<repetitions {
            var result: T?
            let cpuStart = cpuSeconds()
            wall = min(wall, try bestTime(repetitions: 1) { result = try body() })
            cpu = min(cpu, cpuSeconds() - cpuStart)
            withExtendedLifetime(result) {}
        }
        return (wall, cpu)
    }

    /// CPU time used by this process so far, in seconds.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
