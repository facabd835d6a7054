import Foundation

/// Markdown glossaries (placeholder until the writer lands).
enum MarkdownGlossaryFormat {
    static func write(_ glossary: Glossary) throws -> (data: Data, warnings: [GlossaryWarning]) {
        throw FileError(path: nil, message: "Markdown writing is not implemented yet")
    }
}
