// Fuzz target: plain text — the segmenter, the sentence splitter, the Chinese text
// `termbridge check` reads, and the aligner's input documents (the input is the Chinese
// side up to its first NUL byte, the English side after it; without one, both sides).
import Foundation
import Termbridge

// Made once per process, as the CLI makes them once per run.
let segmenter = try! Segmenter()
let splitter = try! SentenceSplitter()
let aligner = try! Aligner()

/// Opens the segmenter, splitter and aligner before the first input (see `fuzzInitialize`).
func prepareTarget() {
    _ = (segmenter, splitter, aligner)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "txt") { input in
        acceptingReaderErrors { try PlainTextSegments.forEachChineseSentence(inFileAt: input.path) { _ in } }
        let text = try TextFile.read(input.path)
        _ = try segmenter.tokens(in: text)
        _ = try splitter.sentences(in: text)
        let sides = text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
        let chinese = String(sides[0]), english = String(sides[sides.count - 1])
        let zh = try AlignmentDocument(text: chinese, language: "zh", file: input.path)
        let en = try AlignmentDocument(text: english, language: "en", file: input.path)
        _ = try aligner.align(zh, en)
        _ = try AlignmentDocument(text: chinese, language: "zh", presplit: true)
    }
}
