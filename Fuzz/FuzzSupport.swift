// Shared by every fuzz target (compiled with each one by scripts/fuzz.sh; not part of the
// package). A target calls `fuzzInput` from its `LLVMFuzzerTestOneInput` and reads the bytes
// the way the CLI does. A finding is a crash, a sanitizer report, a hang (libFuzzer's
// -timeout), memory past -rss_limit_mb — or an error a user would not understand: readers
// must throw Termbridge's own errors, which name the file and the line or byte offset.
import Foundation
import Termbridge

/// The fuzz input, as `Data` and as a file that holds it (readers that stream take a path).
/// The file is one per process, rewritten for each input.
struct FuzzInput {
    let data: Data
    let path: String

    /// The UTF-8 text of the input, or nil when it is not valid UTF-8.
    var text: String? { String(data: data, encoding: .utf8) }
}

/// Called by libFuzzer once, before the first input: makes what the target makes once per
/// process (ICU transforms and break iterators take seconds to open under a sanitizer), so
/// that this time is not charged to the first input's -timeout.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    // The writers fill in pinyin (ICU's Han-Latin transform).
    writeEveryFormat(Glossary(concepts: [Concept(id: "c1", languages: [LanguageTerms(language: "zh", terms: [Term("准盟友")])])]))
    prepareTarget()
    return 0
}

/// Calls `body` with the input; see `acceptingReaderErrors` for what counts as a finding.
func fuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int, fileExtension: String,
               _ body: (FuzzInput) throws -> Void) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let path = inputPath(fileExtension)
    guard FileManager.default.createFile(atPath: path, contents: data) else {
        fatalError("fuzz harness: cannot write \(path)")   // the harness's own failure, not a finding
    }
    acceptingReaderErrors { try body(FuzzInput(data: data, path: path)) }
    return 0
}

/// Runs `body`; the errors Termbridge's readers document are expected outcomes of hostile
/// input, any other error is a finding (it would reach the user without file and position).
func acceptingReaderErrors(_ body: () throws -> Void) {
    do {
        try body()
    } catch is FileError, is InvalidUTF8Error, is LanguageMismatchError, is CompiledDataError {
        return
    } catch {
        fatalError("unexpected error type \(type(of: error)): \(error)")
    }
}

/// Encodes `glossary` in every format Termbridge writes: the writers see whatever a reader
/// let through (a crash there is a finding too; warnings and thrown FileErrors are not).
func writeEveryFormat(_ glossary: Glossary) {
    for format in GlossaryFormat.allCases where format.canWrite {   // allCases: declaration order
        acceptingReaderErrors { _ = try glossary.encoded(as: format) }
    }
}

nonisolated(unsafe) private var cachedPath: String?

/// A file name in the temporary directory, unique to this process (libFuzzer's -fork and
/// -jobs run several processes side by side).
private func inputPath(_ fileExtension: String) -> String {
    if let cachedPath { return cachedPath }
    let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    let path = "\(directory)/termbridge-fuzz-\(getpid()).\(fileExtension)"
    cachedPath = path
    atexit { if let cachedPath { unlink(cachedPath) } }   // libFuzzer ends with exit()
    return path
}
