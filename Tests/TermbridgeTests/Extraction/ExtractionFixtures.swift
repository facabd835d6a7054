import Foundation
import Testing
@testable import Termbridge

/// Shared inputs of the extraction tests: the sample corpus and, when `scripts/fetch-cedict.sh`
/// has run (as `make test` does), CC-CEDICT.
enum ExtractionFixtures {
    static let chinesePath = "Corpus/zh/quasi-alliances.zh.txt"
    static let traditionalPath = "Corpus/zh/quasi-alliances.zh-Hant.txt"
    static let englishPath = "Corpus/en/quasi-alliances.en.md"
    static let glossaryPath = "Glossary/quasi-alliance.tsv"
    static let cedictPath = ".cache/cedict_ts.u8"

    /// Whether CC-CEDICT is there (tests that need it are skipped, with this reason, without it).
    static let hasLexicon = FileManager.default.fileExists(atPath: cedictPath)
    static let noLexicon = Comment(rawValue: "needs .cache/cedict_ts.u8 (scripts/fetch-data.sh, run by make test)")

    /// CC-CEDICT, loaded once for all tests.
    private static let loadedLexicon = Result { try CEDICTLexicon.load(contentsOf: cedictPath) }

    /// CC-CEDICT; a file that does not load fails the test that asks.
    static func lexicon() throws -> CEDICTLexicon {
        try loadedLexicon.get()
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
