import ArgumentParser
import Foundation
import Termbridge

/// `termbridge eval segment`: segment a test text and score it as the SIGHAN bakeoff does.
struct EvalSegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segment TEST and print precision, recall, F1 and OOV recall against GOLD.",
        discussion: """
        Scores as the SIGHAN 2005 bakeoff scorer does: both texts are read as one character \
        stream without white space, so line breaks may differ. OOV words are gold words not \
        in the word list (--words, else the --dict files).
        """
    )

    @Option(help: ArgumentHelp("The gold segmentation: words separated by spaces.", valueName: "FILE"))
    var gold: String

    @Option(name: .customLong("dict"), help: ArgumentHelp(
        "A user dictionary for the segmenter (one term per line). Repeatable.", valueName: "FILE"))
    var dictionaries: [String] = []

    @OptionGroup var modelOptions: SegmentationModelOptions

    @Option(help: ArgumentHelp("The word list that defines in- and out-of-vocabulary words.", valueName: "FILE"))
    var words: String?

    @Flag(help: "TEST is already segmented (words separated by spaces): score it as it is.")
    var segmented = false

    @Option(help: "Output format: text, or json for one JSON object.")
    var format: EvalFormat = .text

    /// `--json`: the older spelling of `--format json`, still accepted.
    @Flag(name: .customLong("json"), help: .hidden)
    var jsonFlag = false

    var json: Bool { format == .json || jsonFlag }

    @Argument(help: "The test text: raw, or segmented with --segmented.")
    var test: String

    func run() throws {
        let goldText = try readUTF8(gold)
        let testText = try readUTF8(test)
        var dictionary = UserDictionary()
        var vocabulary = Set<String>()
        for path in dictionaries {
            let data = try readFile(path)
            try dictionary.addLines(of: data, file: path)
        }
        for path in words.map({ [$0] }) ?? dictionaries {
            for line in try readUTF8(path).split(whereSeparator: \.isNewline) {
                if let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
                    vocabulary.insert(String(word))
                }
            }
        }
        let output: String
        if segmented {
            output = testText
        } else {
            let segmenter = try Segmenter(dictionary: dictionary, model: try modelOptions.load())
            var lines: [String] = []
            for line in testText.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(try segmenter.tokens(in: String(line))
                    .filter { $0.kind != .whitespace }.map(\.text).joined(separator: " "))
            }
            output = lines.joined(separator: "\n")
        }
        let score = try SegmentationScore(gold: goldText, test: output,
                                          vocabulary: vocabulary.isEmpty ? nil : vocabulary)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(score), as: UTF8.self))
            return
        }
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "-" }
        print("""
        gold words \(score.goldWords)  test words \(score.testWords)  correct \(score.correct)
        P=\(f(score.precision))\tR=\(f(score.recall))\tF1=\(f(score.f1))\tOOV-rate=\(f(score.oovRate))\tOOV-R=\(f(score.oovRecall))\tIV-R=\(f(score.ivRecall))
        """)
    }
}

/// Reads a whole file as strict UTF-8 without its byte-order mark (``TextFile/read(_:)``),
/// naming the file and byte offset when it is not UTF-8.
func readUTF8(_ path: String) throws -> String {
    try TextFile.read(path)
}
