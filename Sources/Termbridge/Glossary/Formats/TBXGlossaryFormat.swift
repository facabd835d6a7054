import Foundation

/// TBX glossaries (placeholder until the TBX reader and writer land).
enum TBXGlossaryFormat {
    enum Version { case v3, v2008 }

    static func read(_ data: Data, file: String?) throws -> Glossary {
        throw FileError(path: file, message: "TBX reading is not implemented yet")
    }

    static func write(_ glossary: Glossary, version: Version) throws -> (data: Data, warnings: [GlossaryWarning]) {
        throw FileError(path: nil, message: "TBX writing is not implemented yet")
    }
}
