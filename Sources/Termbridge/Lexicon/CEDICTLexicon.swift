import Foundation

/// CC-CEDICT (placeholder until the reader lands).
public struct CEDICTLexicon: Sendable {
    static func read(_ data: Data, file: String?) throws -> CEDICTLexicon {
        throw FileError(path: file, message: "CC-CEDICT reading is not implemented yet")
    }

    func glossary() -> Glossary { Glossary() }
}
