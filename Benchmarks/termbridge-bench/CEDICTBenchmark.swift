import Foundation
import Termbridge

/// Loading CC-CEDICT (`.cache/cedict_ts.u8`, or `$TERMBRIDGE_CEDICT`): the whole load —
/// read, parse, clean glosses, build the Chinese trie and the English index — and the
/// index-building part alone, beside an anchor: reading the file into a `String` and
/// splitting it into lines, the least any line-by-line reader does.
///
/// Each figure is the best of 5 runs, in wall time and in process CPU time (the load is
/// single-threaded, so on an idle machine the two agree; on a busy one CPU time is the
/// steadier figure). Freeing the previous run's lexicon happens outside the timing.
struct CEDICTBenchmark {
    /// The dictionary file; nil for `$TERMBRIDGE_CEDICT` or `.cache/cedict_ts.u8`.
    var path: String? = nil

    func run() throws {
        let path = self.path ?? ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
        guard FileManager.default.fileExists(atPath: path) else {
            throw FileError(path: path, message: "no CC-CEDICT here; run scripts/fetch-cedict.sh or set TERMBRIDGE_CEDICT")
        }
        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
        let repetitions = 5
        _ = TextNormalizer.shared   // built once per process (ICU tables), not part of a load

        var lines = 0
        let anchor = try Self.best(repetitions) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            lines = text.split(whereSeparator: \.isNewline).count
            return text
        }
        var lexicon = CEDICTLexicon(entries: [])
        let load = try Self.best(repetitions) {
            lexicon = try CEDICTLexicon.load(contentsOf: path)
            return lexicon
        }
        let entries = lexicon.entries
        let index = Self.best(repetitions) { CEDICTLexicon(entries: Array(entries)) }

        let count = lexicon.count
        func row(_ label: String, _ time: (wall: Double, cpu: Double), items: Int) -> [String] {
            [label, "\(items)", format(time.wall * 1000, 1), format(time.cpu * 1000, 1),
             format(Double(items) / time.wall, 0), format(time.wall / anchor.wall)]
        }
        printTable(
            ["CC-CEDICT (\(format(megabytes, 1)) MB, best of \(repetitions))", "items", "ms", "CPU ms", "items/s", "× anchor"],
            [
                row("anchor: String(contentsOfFile:) + split into lines", anchor, items: lines),
                row("CEDICTLexicon.load (read, parse, clean, index)", load, items: count),
                row("  of which CEDICTLexicon(entries:) (trie, English index)", index, items: count),
            ])
        print("entries: \(count); headwords: \(lexicon.headwords.count); English index keys: \(lexicon.english.keyCount)")
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
