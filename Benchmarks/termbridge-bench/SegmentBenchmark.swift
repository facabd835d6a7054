import Foundation
import ICU
import Termbridge

/// Segmentation throughput on a ~20 MB Chinese text: a raw ICU word-break loop in C (the
/// ceiling), the same loop in Swift through the ICU module, and Termbridge's segmenter
/// without a model, with a 100,000-term dictionary, and with the default segmentation model
/// (the full general vocabulary); then the model's load time and the CLI end to end with
/// peak memory.
struct SegmentBenchmark {
    var input: String?
    var dictionary: String?
    var rawICU: String?
    var cli: String?

    static let defaultSources = [
        "../shared/eval/seg/pku/pku_test.utf8",   // news text, read by path, never committed
        "Corpus/zh/quasi-alliances.zh.txt",
    ]

    func run() throws {
        let inputPath = try input ?? Self.makeInput(targetBytes: 20_000_000, name: "segment-input.txt")
        let data = try Data(contentsOf: URL(fileURLWithPath: inputPath))
        let megabytes = Double(data.count) / 1e6
        print("input: \(inputPath) (\(format(megabytes, 1)) MB)")
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)

        let (terms, termSource) = try Self.dictionaryTerms(path: dictionary, count: 100_000)
        var loaded = UserDictionary()
        let loadSeconds = bestTime(repetitions: 1) { loaded = UserDictionary(terms) }
        let plain = try Segmenter()
        let withDictionary = try Segmenter(dictionary: loaded)
        // The default model, loaded as `termbridge segment` loads it (compiled form).
        let loadedModel = try DataFiles.load(SegmentationModel.self)
        var modelLoadSeconds = loadedModel.seconds
        if let path = loadedModel.path, loadedModel.compiled {
            modelLoadSeconds = bestTime(repetitions: 5) { _ = try? SegmentationModel.loadCompiled(contentsOf: path) }
        }
        let withModel = try loadedModel.value.map { try Segmenter(model: $0) }

        // Rounds interleave the contenders, so that a slow spell of the machine hits all of
        // them alike; each figure is the best of the rounds.
        let rounds = 5
        var best = [String: Double]()
        func record(_ name: String, _ seconds: Double) { best[name] = min(best[name] ?? .infinity, seconds) }
        for _ in 0..<rounds {
            if let rawICU {
                let fields = try runChild([rawICU, inputPath]).output.split(whereSeparator: \.isWhitespace)
                guard let i = fields.firstIndex(of: "seconds"), let s = Double(fields[i + 1]) else {
                    throw NSError(domain: "unexpected output from \(rawICU)", code: 1)
                }
                record("c", s)
            }
            record("swift", try bestTime(repetitions: 1) { try Self.rawSwiftLoop(lines) })
            record("plain", try bestTime(repetitions: 1) { try Self.segmentAll(lines, with: plain) })
            record("dictionary", try bestTime(repetitions: 1) { try Self.segmentAll(lines, with: withDictionary) })
            if let withModel {
                record("model", try bestTime(repetitions: 1) { try Self.segmentAll(lines, with: withModel) })
            }
        }
        let anchor = best["c"] ?? best["swift"]!
        var rows: [[String]] = []
        func row(_ label: String, _ key: String) {
            let s = best[key]!
            rows.append([label, format(s, 3), format(megabytes / s), format(anchor / s)])
        }
        if best["c"] != nil { row("raw ICU word break loop (C)", "c") }
        row("raw ICU word break loop (Swift, ICU module)", "swift")
        row("termbridge segmenter, no dictionary", "plain")
        row("termbridge segmenter, \(loaded.count) dictionary terms, no model", "dictionary")
        if let model = loadedModel.value {
            row("termbridge segmenter, default model (\(model.wordCount) vocabulary words)", "model")
        }
        printTable(["segmentation (\(format(megabytes, 1)) MB, best of \(rounds))", "seconds", "MB/s", "× raw ICU"], rows)
        print("dictionary: \(loaded.count) terms from \(termSource), built in \(format(loadSeconds * 1000, 1)) ms")
        if let path = loadedModel.path {
            print("model: \(path) (\(loadedModel.compiled ? "compiled" : "text; run `termbridge data compile`")), "
                  + "loaded in \(format(modelLoadSeconds * 1000, 1)) ms (best of 5)")
        } else {
            print("model: not found (make data); its row is left out")
        }

        if let cli {
            var cliRows: [[String]] = []
            let plainRun = try runChild([cli, "segment", inputPath], stdoutPath: "/dev/null")
            cliRows.append(["termbridge segment FILE > /dev/null (default model)", format(plainRun.seconds, 2),
                            format(megabytes / plainRun.seconds), "\(plainRun.maxResidentKB / 1024) MB"])
            let noModelRun = try runChild([cli, "segment", "--no-model", inputPath], stdoutPath: "/dev/null")
            cliRows.append(["termbridge segment --no-model FILE", format(noModelRun.seconds, 2),
                            format(megabytes / noModelRun.seconds), "\(noModelRun.maxResidentKB / 1024) MB"])
            let dictFile = NSTemporaryDirectory() + "tb-bench-dict-\(getpid()).txt"
            try terms.joined(separator: "\n").write(toFile: dictFile, atomically: true, encoding: .utf8)
            defer { unlink(dictFile) }
            let dictRun = try runChild([cli, "segment", "--no-model", "--dict", dictFile, inputPath], stdoutPath: "/dev/null")
            cliRows.append(["termbridge segment --no-model --dict (\(loaded.count) terms) FILE", format(dictRun.seconds, 2),
                            format(megabytes / dictRun.seconds), "\(dictRun.maxResidentKB / 1024) MB"])
            // Ten times the input, to show that memory does not grow with input size.
            let big = inputPath + ".x10"
            if !FileManager.default.fileExists(atPath: big) {
                _ = FileManager.default.createFile(atPath: big, contents: nil)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
                for _ in 0..<10 { handle.write(data) }
                try handle.close()
            }
            let bigRun = try runChild([cli, "segment", big], stdoutPath: "/dev/null")
            cliRows.append(["termbridge segment FILE×10 (\(format(megabytes * 10, 0)) MB)", format(bigRun.seconds, 2),
                            format(megabytes * 10 / bigRun.seconds), "\(bigRun.maxResidentKB / 1024) MB"])
            print("")
            printTable(["command line, end to end", "seconds", "MB/s", "peak RSS"], cliRows)
        }
    }

    /// ICU's word boundaries for every line: UTF-8 → UTF-16, then the break iterator.
    static func rawSwiftLoop(_ lines: [Data.SubSequence]) throws {
        let breaker = try BreakIterator(.word, locale: "zh")
        var units: [UInt16] = []
        var count = 0
        for line in lines {
            units.removeAll(keepingCapacity: true)
            units.append(contentsOf: String(decoding: line, as: UTF8.self).utf16)
            try units.withUnsafeBufferPointer { buffer in
                try breaker.forEachBoundary(in: buffer) { _ in count += 1 }
            }
        }
        precondition(count > 0)
    }

    static func segmentAll(_ lines: [Data.SubSequence], with segmenter: Segmenter) throws {
        var count = 0
        for line in lines {
            try line.withUnsafeBytes { raw in
                try segmenter.segment(utf8: raw.bindMemory(to: UInt8.self)) { _, _, _ in count += 1 }
            }
        }
        precondition(count > 0)
    }

    /// The benchmark text: the first readable default source, repeated to about `targetBytes`.
    static func makeInput(targetBytes: Int, name: String) throws -> String {
        guard let source = defaultSources.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw NSError(domain: "no benchmark input; pass --input FILE", code: 1)
        }
        let text = try Data(contentsOf: URL(fileURLWithPath: source))
        try FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)
        let path = "Benchmarks/out/" + name
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size >= targetBytes {
            return path
        }
        var output = Data()
        while output.count < targetBytes { output.append(text) }
        try output.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `count` dictionary terms: the simplified headwords of CC-CEDICT when a copy is
    /// available, else the lines of `path`.
    static func dictionaryTerms(path: String?, count: Int) throws -> ([String], String) {
        let cedict = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
        let source = path ?? cedict
        let text = try String(contentsOfFile: source, encoding: .utf8)
        var seen = Set<String>()
        var folded = UserDictionary()   // counts distinct terms as the segmenter sees them
        var terms: [String] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", maxSplits: 2)
            let term = path == nil && fields.count > 1 ? String(fields[1]) : String(fields.first ?? "")
            if !term.isEmpty, seen.insert(term).inserted, !folded.contains(term) {
                folded.add(term)
                terms.append(term)
            }
            if folded.count == count { break }
        }
        return (terms, source)
    }
}
