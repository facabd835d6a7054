import Foundation
import Testing
@testable import Termbridge

/// A fresh temporary folder for one test.
func temporaryDataFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "termbridge-data-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes `text` at `path`, creating its folder.
func writeFile(_ text: String, at path: String) throws {
    try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                            withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// The package root (tests run there, but #filePath does not depend on it).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The fixtures written for these tests.
enum DataFixtures {
    static let cedict = packageRoot + "/Tests/Fixtures/Data/cedict-sample.u8"
    static let frequencies = packageRoot + "/Tests/Fixtures/Data/frequencies-sample.txt"
    /// The real CC-CEDICT fetched by the setup, when there is one.
    static let realCEDICT = packageRoot + "/.cache/cedict_ts.u8"
    static var hasRealCEDICT: Bool { FileManager.default.fileExists(atPath: realCEDICT) }
}

/// Expects two lexicons to answer every lookup alike: entries, headwords, the trie (every
/// headword, and every prefix walk over `text`), the posting lists and both English indexes.
func expectSameLookups(_ a: CEDICTLexicon, _ b: CEDICTLexicon, text: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    #expect(Array(a.entries) == Array(b.entries), sourceLocation: sourceLocation)
    #expect(Array(a.headwords) == Array(b.headwords), sourceLocation: sourceLocation)
    var mismatches = 0
    for (id, headword) in a.headwords.enumerated() {
        if b.headwordID(for: headword) != id || a.headwordID(for: headword) != id
            || a.entryIndices(forHeadwordID: id) != b.entryIndices(forHeadwordID: id)
            || a.english.keyIDs(forHeadwordID: id) != b.english.keyIDs(forHeadwordID: id)
            || a.stemmedEnglish?.keyIDs(forHeadwordID: id) != b.stemmedEnglish?.keyIDs(forHeadwordID: id)
            || a.glosses(for: headword) != b.glosses(for: headword) {
            mismatches += 1
        }
    }
    #expect(mismatches == 0, "headwords answered differently", sourceLocation: sourceLocation)
    let indexes: [(CEDICTEnglishIndex?, CEDICTEnglishIndex?)] = [(a.english, b.english), (a.stemmedEnglish, b.stemmedEnglish)]
    #expect((a.stemmedEnglish == nil) == (b.stemmedEnglish == nil), sourceLocation: sourceLocation)
    for pair in indexes {
        guard let x = pair.0, let y = pair.1 else { continue }
        #expect(Array(x.keys) == Array(y.keys), sourceLocation: sourceLocation)
        var keyMismatches = 0
        for (id, key) in x.keys.enumerated()
        where y.keyID(for: key) != id || x.headwordIDs(forKeyID: id) != y.headwordIDs(forKeyID: id) {
            keyMismatches += 1
        }
        #expect(keyMismatches == 0, "keys answered differently", sourceLocation: sourceLocation)
    }
    let scalars = text.unicodeScalars.map { TextNormalizer.shared.fold($0.value) }
    func walks(_ lexicon: CEDICTLexicon) -> [String] {
        scalars.withUnsafeBufferPointer { buffer in
            var found: [String] = []
            for start in buffer.indices {
                lexicon.forEachHeadword(in: buffer, startingAt: start) { end, id in found.append("\(start)-\(end):\(id)") }
            }
            return found
        }
    }
    #expect(walks(a) == walks(b), sourceLocation: sourceLocation)
    #expect(!walks(a).isEmpty, "the sample text finds no headword", sourceLocation: sourceLocation)
}
