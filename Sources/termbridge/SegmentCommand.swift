import ArgumentParser
import Foundation
import Termbridge

/// `termbridge segment`: Chinese word segmentation of files or standard input.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segment Chinese text into words.",
        discussion: """
        Reads each FILE (standard input when none is given, or for -) line by line in \
        bounded memory. By default the segmenter uses the segmentation model found by the \
        usual data search (see `termbridge data`): the general vocabulary (CC-CEDICT \
        headwords and jieba's word frequencies) and jieba's unknown-word model; --no-model \
        turns it off. Terms of --dict and --glossary always win: they stay whole, and no \
        vocabulary word cuts them.

        Formats: text, one output line per input line, tokens separated by one space, white \
        space dropped (the SIGHAN bakeoff format); tsv, a header, then one token per row \
        with its line, UTF-8 byte and Unicode-scalar offsets within the line, kind, part of \
        speech and text (white space dropped); jsonl, one object per input line with every \
        token, its kind, part of speech (`pos`) and offsets. Parts of speech use jieba's tag \
        set (n, v, nr, ns, m, eng, x …; see Docs/Segmentation.md).

        A line longer than 1 MB is segmented in pieces cut after white space or \
        punctuation; offsets still count from the start of the line, and it is still one \
        output line (one jsonl object). A byte-order mark at the start of an input is \
        skipped: it is no token, and offsets on line 1 start after it. The language is not \
        judged: English and mixed text are segmented too (Latin runs are tokens of their \
        own), and the input is taken as it is, markup included.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, tsv, jsonl
    }

    @Option(name: .customLong("dict"), help: ArgumentHelp(
        "A user dictionary: one term per line; jieba's `term [freq] [tag]` lines give the term's part of speech. Repeatable.",
        valueName: "FILE"))
    var dictionaries: [String] = []

    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (any format `termbridge glossary` reads) whose Chinese terms stay whole. Repeatable.",
        valueName: "FILE"))
    var glossaries: [String] = []

    @OptionGroup var modelOptions: SegmentationModelOptions

    @Option(help: "Output format: text, tsv or jsonl.")
    var format: Format = .text

    @Flag(help: "Split each line into sentences and print each sentence as its own line.")
    var sentences = false

    @Argument(help: "Input files (UTF-8). Standard input when none is given.")
    var files: [String] = []

    func run() throws {
        var dictionary = UserDictionary()
        for path in dictionaries {
            let data = try readFile(path)
            try dictionary.addLines(of: data, file: path)
        }
        for path in glossaries {
            dictionary.add(try Glossary.read(contentsOf: path))
        }
        let segmenter = try Segmenter(dictionary: dictionary, model: try modelOptions.load())
        let splitter = sentences ? try SentenceSplitter() : nil
        let output = BufferedOutput()
        var writer = SegmentWriter(format: format, output: output)
        try writer.begin()
        for path in files.isEmpty ? [nil] : files.map(Optional.some) {
            let input = try InputFile.open(path)
            defer { input.close() }
            var progress = ProgressReporter(name: input.displayName, total: input.size)
            defer { progress.finish() }
            // A line over LineReader's piece size comes in pieces: offsets stay relative to
            // the line's start.
            var lineScalarOffset = 0
            var lineByteStart: Int?
            try LineReader(descriptor: input.descriptor).forEachLine(progress: { progress.update($0) }) { piece in
                do {
                    let start = lineByteStart ?? piece.byteOffset
                    lineByteStart = start
                    let pieceByteOffset = piece.byteOffset - start
                    if let splitter {
                        let text = try String(strictUTF8: piece.bytes)
                        for sentence in try splitter.sentences(in: text) {
                            let bytes = UnsafeBufferPointer(rebasing: piece.bytes[sentence.range.utf8])
                            try writer.write(segmenter: segmenter, bytes: bytes, line: piece.line,
                                             utf8Base: pieceByteOffset + sentence.range.utf8.lowerBound,
                                             scalarBase: lineScalarOffset + sentence.range.scalars.lowerBound,
                                             endsLine: true)
                        }
                        lineScalarOffset += text.unicodeScalars.count
                    } else {
                        lineScalarOffset += try writer.write(
                            segmenter: segmenter, bytes: piece.bytes, line: piece.line,
                            utf8Base: pieceByteOffset, scalarBase: lineScalarOffset, endsLine: piece.endsLine)
                    }
                    if piece.endsLine {
                        lineScalarOffset = 0
                        lineByteStart = nil
                    }
                } catch let error as InvalidUTF8Error {
                    try output.flush()
                    throw InvalidUTF8Error(file: input.displayName, byteOffset: piece.byteOffset + error.byteOffset)
                }
            }
        }
        try output.flush()
    }
}

/// Writes segmented lines in one of the output formats.
struct SegmentWriter {
    let format: SegmentCommand.Format
    let output: BufferedOutput
    private var midLine = false
    private var lineBuffer: [UInt8] = []
    private var pendingTokens: [JSONToken] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(format: SegmentCommand.Format, output: BufferedOutput) {
        self.format = format
        self.output = output
    }

    func begin() throws {
        if format == .tsv {
            try output.write("line\tutf8_start\tutf8_end\tscalar_start\tscalar_end\tkind\tpos\ttoken\n")
        }
    }

    struct JSONToken: Encodable {
        var text: String
        var kind: String
        var pos: String
        var utf8: [Int]
        var scalars: [Int]
    }

    struct JSONLine: Encodable {
        var line: Int
        var tokens: [JSONToken]
    }

    /// Segments `bytes` (part of line `line`) and writes it; returns its length in scalars.
    @discardableResult
    mutating func write(segmenter: Segmenter, bytes: UnsafeBufferPointer<UInt8>, line: Int,
                        utf8Base: Int, scalarBase: Int, endsLine: Bool) throws -> Int {
        var scalarCount = 0
        switch format {
        case .text:
            // One write per line: the tokens go into a local buffer first.
            var line = lineBuffer
            lineBuffer = []
            line.removeAll(keepingCapacity: true)
            var first = !midLine
            try segmenter.segment(utf8: bytes) { kind, utf8, scalars in
                scalarCount = scalars.upperBound
                guard kind != .whitespace else { return }
                if !first { line.append(0x20) }
                first = false
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[utf8]))
            }
            midLine = !endsLine && !first
            if endsLine { line.append(0x0A) }
            try line.withUnsafeBufferPointer { try output.write($0) }
            lineBuffer = line
        case .tsv:
            try segmenter.segmentTagged(utf8: bytes) { kind, utf8, scalars, partOfSpeech in
                scalarCount = scalars.upperBound
                guard kind != .whitespace else { return }
                try output.write("\(line)\t\(utf8Base + utf8.lowerBound)\t\(utf8Base + utf8.upperBound)\t"
                                 + "\(scalarBase + scalars.lowerBound)\t\(scalarBase + scalars.upperBound)\t"
                                 + "\(kind.rawValue)\t\(partOfSpeech.rawValue)\t")
                try output.write(UnsafeBufferPointer(rebasing: bytes[utf8]))
                try output.write(byte: 0x0A)
            }
        case .jsonl:
            // One object per line: the tokens of a line's pieces are gathered until its end.
            for token in try segmenter.tokens(utf8: bytes) {
                scalarCount = token.range.scalars.upperBound
                pendingTokens.append(JSONToken(
                    text: token.text, kind: token.kind.rawValue, pos: token.partOfSpeech.rawValue,
                    utf8: [utf8Base + token.range.utf8.lowerBound, utf8Base + token.range.utf8.upperBound],
                    scalars: [scalarBase + token.range.scalars.lowerBound, scalarBase + token.range.scalars.upperBound]))
            }
            guard endsLine else { break }
            try output.write(String(decoding: try encoder.encode(JSONLine(line: line, tokens: pendingTokens)), as: UTF8.self))
            try output.write(byte: 0x0A)
            pendingTokens.removeAll()
        }
        return scalarCount
    }
}

/// Reads a whole (small) file, with the file named in the error (``TextFile/data(_:)``).
func readFile(_ path: String) throws -> Data {
    try TextFile.data(path)
}
