import Foundation
@testable import Termbridge

/// Shared inputs of the extraction tests: the sample corpus and, when `scripts/fetch-cedict.sh`
/// has run (as `make test` does), CC-CEDICT.
enum ExtractionFixtures {
    static let chinesePath = "Corpus/zh/quasi-alliances.zh.txt"
    static let traditionalPath = "Corpus/zh/quasi-alliances.zh-Hant.txt"
    static let englishPath = "Corpus/en/quasi-alliances.en.md"
    static let glossaryPath = "Glossary/quasi-alliance.tsv"
    static let cedictPath = ".cache/cedict_ts.u8"

    /// CC-CEDICT, loaded once for all tests; nil when the file is absent.
    static let lexicon: CEDICTLexicon? = {
        guard FileManager.default.fileExists(atPath: cedictPath) else { return nil }
        return try? CEDICTLexicon.load(contentsOf: cedictPath)
    }()

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
