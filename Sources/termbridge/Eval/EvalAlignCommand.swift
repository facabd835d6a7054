import ArgumentParser
import Foundation
import Termbridge

/// `termbridge eval align --gold DIR`: align every document of an evaluation set and score
/// the beads as the evaluation scorer `align_eval.py` does.
struct EvalAlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align each DIR/NNN/zh.txt with en.txt and score the beads against gold.txt.",
        discussion: """
        Every subfolder of DIR (in name order) that has gold.txt is a document: zh.txt and \
        en.txt hold one sentence per line, gold.txt one bead per line ([i,j]:[k], 0-based line \
        indices). Scores are those of align_eval.py: strict and lax precision over predicted \
        beads (1:0 and 0:1 included), recall over gold beads with both sides, counts pooled \
        over documents (micro); with several documents the mean of per-document scores \
        (macro) follows. --null-beads adds aligner-eval's strict metric (every bead counted). \
        --predictions OUT_DIR writes OUT_DIR/NNN/pred.txt, so that \
        `align_eval.py DIR OUT_DIR` scores the same beads.
        """
    )

    @Option(help: ArgumentHelp("The evaluation set: one folder per document with zh.txt, en.txt and gold.txt.", valueName: "DIR"))
    var gold: String

    @OptionGroup var data: LexiconOptions

    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary for the aligner. Repeatable.", valueName: "FILE"))
    var glossaries: [String] = []

    @Flag(help: "Also print the scores of each document.")
    var perDoc = false

    @Option(help: "Output format: text, or json for one JSON object (with the keys align_eval.py writes).")
    var format: EvalFormat = .text

    /// `--json`: the older spelling of `--format json`, still accepted.
    @Flag(name: .customLong("json"), help: .hidden)
    var jsonFlag = false

    var json: Bool { format == .json || jsonFlag }

    @Flag(help: "Also print aligner-eval's strict metric, every bead (null beads too) counted.")
    var nullBeads = false

    @Option(help: ArgumentHelp("Write each document's predicted beads to OUT_DIR/NNN/pred.txt.", valueName: "OUT_DIR"))
    var predictions: String?

    @Flag(name: .customLong("score-thresholds"), help: "Also print, for thresholds 0–0.95, the share of correct pair beads scoring below each (dropped from a TMX) and of wrong ones at or above it (kept).")
    var scoreThresholds = false

    func run() throws {
        let documents = try Self.documents(in: gold)
        let aligner = try Aligner(glossary: try readGlossaries(glossaries),
                                  lexicon: try data.load(losing: DataLoss.alignment))
        var results: [(name: String, counts: AlignmentCounts)] = []
        var thresholds = ScoreThresholds()
        for name in documents {
            let folder = (gold as NSString).appendingPathComponent(name)
            let zh = try AlignmentDocument(text: readUTF8(folder + "/zh.txt"), language: "zh",
                                           file: folder + "/zh.txt", presplit: true)
            let en = try AlignmentDocument(text: readUTF8(folder + "/en.txt"), language: "en",
                                           file: folder + "/en.txt", presplit: true)
            let goldBeads = try BeadFile.read(contentsOf: folder + "/gold.txt")
            let alignment = try aligner.align(zh, en)
            try alignment.validateBeads()
            // Gold indices are line numbers; presplit documents skip blank lines, so map back.
            let predicted = alignment.beads.map { bead in
                Bead(chinese: bead.chinese.map { zh.sentences[$0].line - 1 },
                     english: bead.english.map { en.sentences[$0].line - 1 }, score: bead.score)
            }
            if let predictions {
                let outputFolder = (predictions as NSString).appendingPathComponent(name)
                try createFolder(outputFolder)
                try AtomicFile.write(Data(BeadFile.text(of: predicted).utf8), to: outputFolder + "/pred.txt")
            }
            results.append((name, AlignmentCounts(gold: goldBeads, predicted: predicted)))
            thresholds.add(predicted: predicted, gold: goldBeads)
        }
        try report(results)
        if scoreThresholds { printThresholds(thresholds) }
    }

    /// The names of the subfolders of `folder` that hold a gold.txt, sorted; each must also
    /// hold zh.txt and en.txt.
    static func documents(in folder: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw FileError(path: folder, message: "cannot list: \((error as NSError).localizedDescription)")
        }
        var documents: [String] = []
        for name in names.sorted(by: { $0.precedesInScalarOrder($1) }) {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path + "/gold.txt", isDirectory: &isFolder), !isFolder.boolValue else { continue }
            for side in ["zh.txt", "en.txt"] where !FileManager.default.fileExists(atPath: path + "/" + side) {
                throw FileError(path: path + "/" + side, message: "missing: each document needs zh.txt, en.txt and gold.txt")
            }
            documents.append(name)
        }
        if documents.isEmpty {
            throw FileError(path: folder, message: "no */gold.txt here: expected one folder per document with zh.txt, en.txt and gold.txt")
        }
        return documents
    }

    private func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: path, message: "cannot create the folder: \((error as NSError).localizedDescription)")
        }
    }

    // MARK: Report

    /// The scores as align_eval.py prints them.
    private func report(_ results: [(name: String, counts: AlignmentCounts)]) throws {
        let perDocument = results.map { ($0.name, AlignmentScore(counts: $0.counts)) }
        let micro = AlignmentScore(pooling: results.map(\.counts))
        let macro = AlignmentScore.macroAverage(perDocument.map(\.1))
        if json {
            let report = JSONReport(docs: results.count, micro: micro, macro: macro,
                                    perDoc: perDoc ? Dictionary(perDocument, uniquingKeysWith: { a, _ in a }) : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        if perDoc {
            print("doc        P_s    R_s    F1_s   F1_lax")
            for (name, score) in perDocument {
                print("\(name.padding(atLeast: 9)) \(f(score.precisionStrict))  \(f(score.recallStrict))  \(f(score.f1Strict))  \(f(score.f1Lax))")
            }
        }
        if results.count == 1 {
            print(table(micro, title: results[0].name))
        } else {
            print(table(micro, title: "\(results.count) documents, pooled counts (micro; = vecalign/bertalign)"))
            if let macro {
                print(table(macro, title: "\(results.count) documents, mean of per-document scores (macro)"))
            }
        }
    }

    /// The threshold table of ``ScoreThresholds``.
    private func printThresholds(_ thresholds: ScoreThresholds) {
        print("pair beads: \(thresholds.correct.count) correct, \(thresholds.wrong.count) wrong (strict), \(thresholds.unrelated.count) of them unrelated (not even lax)")
        print("threshold  correct dropped  wrong kept  unrelated kept  precision kept")
        for row in thresholds.rows(ScoreThresholds.candidates) {
            print(String(format: "%9.2f  %15.3f  %10.3f  %14.3f  %14.3f", row.threshold, row.correctDropped, row.wrongKept,
                         row.unrelatedKept, row.precisionKept))
        }
    }

    private func table(_ score: AlignmentScore, title: String) -> String {
        var lines = [title,
                     " ---------------------------------",
                     "|             |  Strict |    Lax  |",
                     "| Precision   |   \(f(score.precisionStrict)) |   \(f(score.precisionLax)) |",
                     "| Recall      |   \(f(score.recallStrict)) |   \(f(score.recallLax)) |",
                     "| F1          |   \(f(score.f1Strict)) |   \(f(score.f1Lax)) |",
                     " ---------------------------------"]
        if nullBeads {
            lines.append("aligner-eval strict (null beads counted): P \(f(score.nullPrecision)) R \(f(score.nullRecall)) F1 \(f(score.nullF1))")
        }
        return lines.joined(separator: "\n")
    }

    private func f(_ value: Double) -> String { String(format: "%.3f", value) }

    /// align_eval.py's `--json` object.
    struct JSONReport: Encodable {
        var docs: Int
        var micro: AlignmentScore
        var macro: AlignmentScore?
        var perDoc: [String: AlignmentScore]?

        private enum CodingKeys: String, CodingKey { case docs, micro, macro, perDoc = "per_doc" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(docs, forKey: .docs)
            try c.encode(micro, forKey: .micro)
            try c.encode(macro, forKey: .macro)
            try c.encode(perDoc, forKey: .perDoc)
        }
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters; never cut.
    func padding(atLeast width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
