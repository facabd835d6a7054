import Foundation
import Termbridge

/// The segmentation model's ablation on the PKU test set (SIGHAN 2005, read by path from
/// ../shared/eval/seg/pku, never committed; scored as the bakeoff scorer does): the default
/// model, then each component taken away (or swapped) on its own, then the sweeps of the
/// few hyperparameters. The data comes from the usual data search (`termbridge data status`).
struct SegmentAblation {
    var evalFolder = "../shared/eval/seg/pku"
    /// Where to write each row's segmentation (`row-N.txt`), for error analysis; nil: nowhere.
    var outputFolder: String?

    struct Row {
        var label: String
        var model: SegmentationModel?
        var options = Segmenter.Options()
        var dictionary = UserDictionary()
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: evalFolder + "/pku_test.utf8") else {
            print("segment-ablation: \(evalFolder) not found; nothing to measure")
            return
        }
        let raw = try String(contentsOfFile: evalFolder + "/pku_test.utf8", encoding: .utf8)
        let gold = try String(contentsOfFile: evalFolder + "/pku_test_gold.utf8", encoding: .utf8)
        let words = try String(contentsOfFile: evalFolder + "/pku_training_words.utf8", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let vocabulary = Set(words)

        let lexicon = try DataFiles.load(CEDICTLexicon.self).value
        let frequencies = try DataFiles.load(GeneralChineseFrequencies.self).value
        let characterModels = try DataLocator().locate(.segmentationModel).textPath
        guard let lexicon, let frequencies, let characterModels else {
            print("segment-ablation: needs CC-CEDICT, jieba's dict.txt and jieba-hmm.txt (make data)")
            return
        }
        func build(lexicon: CEDICTLexicon? = lexicon, frequencies: GeneralChineseFrequencies? = frequencies,
                   characterModels: String? = characterModels,
                   rules: SegmentationModel.VocabularyRules = .all) throws -> SegmentationModel {
            try SegmentationModel.build(characterModels: characterModels, lexicon: lexicon, frequencies: frequencies,
                                        rules: rules)
        }
        let full = try build()
        func options(_ change: (inout Segmenter.Options) -> Void) -> Segmenter.Options {
            var options = Segmenter.Options()
            change(&options)
            return options
        }

        var rows: [Row] = [
            Row(label: "no model (`--no-model`: ICU + joining rules)", model: nil),
            Row(label: "**default model**", model: full),
            Row(label: "vocabulary: CC-CEDICT only (no frequencies: fewest words)", model: try build(frequencies: nil)),
            Row(label: "vocabulary: jieba dict.txt only", model: try build(lexicon: nil)),
            Row(label: "vocabulary: every jieba word (neither leaving-out rule)", model: try build(rules: [])),
            Row(label: "− leave out jieba-only numeral+classifier words", model: try build(rules: .leavesOutSpelledCompounds)),
            Row(label: "− leave out jieba-only compounds spelled by shorter words",
                model: try build(rules: .leavesOutNumeralsWithClassifiers)),
            Row(label: "− unknown-word model (HMM)", model: full, options: options { $0.findsUnknownWords = false }),
            Row(label: "+ ICU consulted in Han text (its words as candidates, joining on them)", model: full,
                options: options { $0.consultsICUInHanText = true }),
            Row(label: "− numbers in Chinese numerals", model: full, options: options { $0.readsChineseNumbers = false }),
            Row(label: "− runs of transliteration characters as candidate names", model: full,
                options: options { $0.joinsTransliteratedNames = false }),
        ]
        for penalty: Float in [2, 3, 4, 6, 8] {
            rows.append(Row(label: "unknown-word penalty \(Int(penalty)) (default \(Int(SegmentationModel.Parameter.unknownWordPenalty)))",
                            model: full, options: options { $0.unknownWordPenalty = penalty }))
        }
        rows.append(Row(label: "`--dict pku_training_words.utf8`, no model", model: nil, dictionary: UserDictionary(words)))
        rows.append(Row(label: "`--dict pku_training_words.utf8` with the default model", model: full,
                        dictionary: UserDictionary(words)))

        var table: [[String]] = []
        for (number, row) in rows.enumerated() {
            let segmenter = try Segmenter(dictionary: row.dictionary, model: row.model, options: row.options)
            let test = try raw.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                try segmenter.tokens(in: String(line)).filter { $0.kind != .whitespace }.map(\.text).joined(separator: " ")
            }.joined(separator: "\n")
            if let outputFolder {
                try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
                try Data((test + "\n").utf8).write(to: URL(fileURLWithPath: outputFolder + "/row-\(number + 1).txt"))
            }
            let score = try SegmentationScore(gold: gold, test: test, vocabulary: vocabulary)
            table.append(["\(number + 1). " + row.label, format(score.precision, 3), format(score.recall, 3), format(score.f1, 3),
                          format(score.oovRecall ?? 0, 3), format(score.ivRecall ?? 0, 3)])
        }
        printTable(["PKU test (104,372 gold words)", "P", "R", "F1", "OOV-R", "IV-R"], table)
        print("model: \(full.wordCount) vocabulary words")
    }
}
