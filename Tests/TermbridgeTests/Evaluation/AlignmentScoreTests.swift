import Foundation
import Testing
@testable import Termbridge

/// Small bead files written for these tests, and the evaluation scorer to compare with.
private enum Fixtures {
    static let gold1 = "[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2,3]\n[]:[4]\n[5]:[5]\n"
    /// A split 1:2, a null bead where gold has none, a lax 1:1, a duplicate, an empty bead.
    static let predicted1 = "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]\n[]:[3]\n[]:[4]\n[5]:[5]\n[5]:[5]\n[]:[]\n"
    static let gold2 = "[0]:[0,1]\n\n[1]:[2]\n"
    static let predicted2 = " [0] : [0]\r\n[]:[1]\r\n[1]:[2]"

    static let scorer = "../shared/eval/align/align_eval.py"
    static let evaluationSet = "../shared/eval/align"
    static let hasScorer = FileManager.default.fileExists(atPath: scorer)
    static let hasEvaluationSet = FileManager.default.fileExists(atPath: evaluationSet + "/001/gold.txt")
    static let noScorer = Comment(rawValue: "the MAC scorer is ../shared/eval/align/align_eval.py (not in a user's clone)")
    static let noEvaluationSet = Comment(rawValue: "MAC dev is at ../shared/eval/align (not in a user's clone)")

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "termbridge-align-score-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `align_eval.py ARGS --json --null-beads` parsed (the tests calling it are enabled only
    /// when the scorer is there; a scorer that fails is a test failure).
    static func runScorer(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer] + arguments + ["--json", "--null-beads"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "align_eval.py failed: \(message)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
    }

    /// Whether `score` equals the scorer's JSON scores, key by key.
    static func expectEqual(_ score: AlignmentScore, _ json: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try JSONSerialization.jsonObject(with: JSONEncoder().encode(score)) as! [String: Double]
        let theirs = try #require(json as? [String: Double], sourceLocation: sourceLocation)
        #expect(Set(ours.keys) == Set(theirs.keys), sourceLocation: sourceLocation)
        for (key, value) in theirs {
            #expect(abs((ours[key] ?? .nan) - value) < 1e-12, "\(key): ours \(ours[key] ?? .nan), scorer \(value)",
                    sourceLocation: sourceLocation)
        }
    }
}

@Suite struct AlignmentScoreTests {
    @Test func precisionCountsNullBeadsAndRecallDropsThem() throws {
        let counts = AlignmentCounts(gold: try BeadFile.parse(Fixtures.gold1), predicted: try BeadFile.parse(Fixtures.predicted1))
        // Predicted, deduplicated, without []:[]: 8 beads; [0]:[0] [3]:[] []:[4] [5]:[5] exact;
        // [1]:[1] and [4]:[2] touch gold links; [2]:[] and []:[3] do not.
        #expect(counts.precision == BeadMatchCounts(strictHits: 4, strictMisses: 4, laxHits: 6, laxMisses: 2))
        // Gold with both sides: 4 beads; [0]:[0] [5]:[5] exact; [1,2]:[1] and [4]:[2,3] lax.
        #expect(counts.recall == BeadMatchCounts(strictHits: 2, strictMisses: 2, laxHits: 4, laxMisses: 0))
        // aligner-eval: every predicted line, the duplicate [5]:[5] twice.
        #expect(counts.nullBeadHits == 5)
        #expect(counts.predictedBeads == 10)
        #expect(counts.goldBeads == 6)
        let score = AlignmentScore(counts: counts)
        #expect(score.precisionStrict == 0.5)
        #expect(score.recallStrict == 0.5)
        #expect(score.f1Strict == 0.5)
        #expect(score.precisionLax == 0.75)
        #expect(score.recallLax == 1)
        #expect(abs(score.f1Lax - 6.0 / 7.0) < 1e-15)
        #expect(score.nullPrecision == 0.5)
        #expect(abs(score.nullRecall - 5.0 / 6.0) < 1e-15)
        #expect(abs(score.nullF1 - 0.625) < 1e-15)
    }

    @Test func documentsArePooledBeforeTheRatios() throws {
        let first = AlignmentCounts(gold: try BeadFile.parse(Fixtures.gold1), predicted: try BeadFile.parse(Fixtures.predicted1))
        let second = AlignmentCounts(gold: try BeadFile.parse(Fixtures.gold2), predicted: try BeadFile.parse(Fixtures.predicted2))
        #expect(second.precision == BeadMatchCounts(strictHits: 1, strictMisses: 2, laxHits: 2, laxMisses: 1))
        let micro = AlignmentScore(pooling: [first, second])
        #expect(micro.precisionStrict == 5.0 / 11.0)
        #expect(micro.precisionLax == 8.0 / 11.0)
        #expect(micro.recallStrict == 0.5)
        #expect(micro.nullPrecision == 6.0 / 13.0)
        let macro = try #require(AlignmentScore.macroAverage([AlignmentScore(counts: first), AlignmentScore(counts: second)]))
        #expect(macro.precisionStrict == (0.5 + 1.0 / 3.0) / 2)
    }

    @Test func nothingToCountScoresZero() {
        let score = AlignmentScore(gold: [], predicted: [])
        #expect(score.f1Strict == 0)
        #expect(score.nullF1 == 0)
        #expect(AlignmentScore.macroAverage([]) == nil)
    }

    @Test(.enabled(if: Fixtures.hasScorer, Fixtures.noScorer))
    func matchesTheScorerOnOneFile() throws {
        let folder = try Fixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixtures.write(Fixtures.gold1, to: folder + "/gold.txt")
        try Fixtures.write(Fixtures.predicted1, to: folder + "/pred.txt")
        let json = try Fixtures.runScorer([folder + "/gold.txt", folder + "/pred.txt"])
        let ours = AlignmentScore(gold: try BeadFile.read(contentsOf: folder + "/gold.txt"),
                                  predicted: try BeadFile.read(contentsOf: folder + "/pred.txt"))
        try Fixtures.expectEqual(ours, json["micro"])
    }

    @Test(.enabled(if: Fixtures.hasScorer, Fixtures.noScorer))
    func matchesTheScorerPooledAndAveragedOverDocuments() throws {
        let folder = try Fixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, gold, predicted) in [("001", Fixtures.gold1, Fixtures.predicted1), ("002", Fixtures.gold2, Fixtures.predicted2)] {
            try Fixtures.write(gold, to: "\(folder)/gold/\(name)/gold.txt")
            try Fixtures.write(predicted, to: "\(folder)/pred/\(name)/pred.txt")
        }
        let json = try Fixtures.runScorer([folder + "/gold", folder + "/pred", "--per-doc"])
        var counts: [AlignmentCounts] = []
        for name in ["001", "002"] {
            counts.append(AlignmentCounts(gold: try BeadFile.read(contentsOf: "\(folder)/gold/\(name)/gold.txt"),
                                          predicted: try BeadFile.read(contentsOf: "\(folder)/pred/\(name)/pred.txt")))
        }
        try Fixtures.expectEqual(AlignmentScore(pooling: counts), json["micro"])
        try Fixtures.expectEqual(try #require(AlignmentScore.macroAverage(counts.map(AlignmentScore.init(counts:)))), json["macro"])
        let perDocument = try #require(json["per_doc"] as? [String: Any])
        try Fixtures.expectEqual(AlignmentScore(counts: counts[1]), perDocument["002"])
    }

    @Test(.enabled(if: Fixtures.hasEvaluationSet, Fixtures.noEvaluationSet))
    func goldAgainstItselfScoresOne() throws {
        let names = try Self.evaluationDocuments()
        #expect(!names.isEmpty)
        for name in names {
            let gold = try BeadFile.read(contentsOf: "\(Fixtures.evaluationSet)/\(name)/gold.txt")
            let score = AlignmentScore(gold: gold, predicted: gold)
            #expect(score.f1Strict == 1, "\(name)")
            #expect(score.f1Lax == 1, "\(name)")
            #expect(score.nullF1 == 1, "\(name)")
        }
    }

    @Test(.enabled(if: Fixtures.hasScorer && Fixtures.hasEvaluationSet, Fixtures.noEvaluationSet))
    func matchesTheScorerOnTheEvaluationSetShifted() throws {
        let names = try Self.evaluationDocuments()
        try #require(!names.isEmpty)
        let folder = try Fixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var counts: [AlignmentCounts] = []
        for name in names {
            let gold = try BeadFile.read(contentsOf: "\(Fixtures.evaluationSet)/\(name)/gold.txt")
            // Every third bead's English side moved one sentence on: strict misses, some lax hits.
            let shifted = gold.enumerated().map { index, bead in
                index % 3 == 0 ? Bead(chinese: bead.chinese, english: bead.english.map { $0 + 1 }, score: 1) : bead
            }
            let text = BeadFile.text(of: shifted)
            try Fixtures.write(text, to: "\(folder)/\(name)/pred.txt")
            counts.append(AlignmentCounts(gold: gold, predicted: try BeadFile.parse(text)))
        }
        let micro = AlignmentScore(pooling: counts)
        #expect(micro.f1Strict < 1 && micro.f1Strict > 0.5)
        #expect(micro.f1Lax > micro.f1Strict)
        let json = try Fixtures.runScorer([Fixtures.evaluationSet, folder])
        #expect(json["docs"] as? Int == names.count)
        try Fixtures.expectEqual(micro, json["micro"])
        try Fixtures.expectEqual(try #require(AlignmentScore.macroAverage(counts.map(AlignmentScore.init(counts:)))), json["macro"])
    }

    static func evaluationDocuments() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.evaluationSet)
        return names.sorted().filter { FileManager.default.fileExists(atPath: "\(Fixtures.evaluationSet)/\($0)/gold.txt") }
    }
}

@Suite struct BeadFileTests {
    @Test func readsTheNotationAsTheScorerDoes() throws {
        let beads = try BeadFile.parse(" [1,,2] : [ 3 ]\r\n\n[]:[]\r[]:[5]\n[12]:[]")
        #expect(beads.map(\.chinese) == [[1, 2], [], [], [12]])
        #expect(beads.map(\.english) == [[3], [], [5], []])
    }

    @Test func keepsIndicesInTheirWrittenOrder() throws {
        #expect(try BeadFile.parse("[2,1]:[0]")[0].chinese == [2, 1])
    }

    @Test(arguments: ["[1 2]:[0]", "[1]:[x]", "[1];[2]", "[1]:[2] extra", "[-1]:[2]", "1:2", "\u{FEFF}[0]:[0]"])
    func rejectsWhatIsNotABead(_ line: String) {
        #expect(Bead(notation: line) == nil)
    }

    @Test func namesFileAndLineOfABadLine() {
        #expect(throws: FileError(path: "pred.txt", line: 3, message: "not a bead (expected [i,j]:[k], 0-based indices): \"[0]:[1 2]\"")) {
            try BeadFile.parse("[0]:[0]\n\n[0]:[1 2]\n", file: "pred.txt")
        }
    }

    @Test func invalidUTF8IsAnErrorWithItsOffset() throws {
        let path = NSTemporaryDirectory() + "termbridge-beads-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (Data("[0]:[0]\n".utf8) + Data([0xFF])).write(to: URL(fileURLWithPath: path))
        #expect(throws: InvalidUTF8Error(file: path, byteOffset: 8)) { try BeadFile.read(contentsOf: path) }
    }

    @Test func writesOneNotationPerLine() {
        #expect(BeadFile.text(of: [Bead(chinese: [0, 1], english: [0], score: 0.5), Bead(chinese: [], english: [1], score: 0)])
                == "[0,1]:[0]\n[]:[1]\n")
    }
}
