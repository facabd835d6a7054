/// The title of an English source document, read by the conventions sources are written in.
///
/// In the document's header — a YAML front-matter block and the first
/// ``EnglishTitle/headerLines`` non-empty lines after it — the first of: a front-matter
/// `title:` key, a Markdown level-1 heading (`# Title`), a `Title:` line. Otherwise the first
/// non-empty line. A byte-order mark and leading blank lines are skipped. O(n) in the header.
public struct EnglishTitle: Sendable, Equatable {
    /// How the title was written.
    public enum Convention: String, Sendable, Codable {
        /// `# Title` (up to three spaces before it; closing `#`s removed).
        case markdownHeading = "markdown-heading"
        /// `Title: …` (any case, ASCII or full-width colon).
        case titleLine = "title-line"
        /// `title: …` in a YAML front-matter block between `---` lines.
        case frontMatter = "front-matter"
        /// The first non-empty line, as it is.
        case firstLine = "first-line"
    }

    /// How many non-empty lines after any front matter may hold the heading or `Title:`
    /// line: enough for a publication name, an `Author:` or date line before it.
    public static let headerLines = 5

    /// The title, without its marker, surrounding white space and markup.
    public var text: String
    /// The 1-based line it is on.
    public var line: Int
    /// The convention it was found by.
    public var convention: Convention

    public init(text: String, line: Int, convention: Convention) {
        self.text = text
        self.line = line
        self.convention = convention
    }

    /// Reads the title of a document; `nil` when it has no non-empty line.
    public init?(document: String) {
        let lines = NumberedLine.lines(of: document)
        var index = 0
        while index < lines.count, lines[index].text.trimmingSpaces.isEmpty { index += 1 }
        guard index < lines.count else { return nil }
        if lines[index].text.trimmingSpaces == "---",
           let close = lines[(index + 1)...].firstIndex(where: { $0.text.trimmingSpaces == "---" }) {
            for line in lines[(index + 1)..<close] {
                if let value = Self.value(of: line.text, key: "title") {
                    self.init(text: Self.unquoted(value), line: line.number, convention: .frontMatter)
                    return
                }
            }
            index = close + 1
        }
        let header = lines[index...].filter { !$0.text.trimmingSpaces.isEmpty }.prefix(Self.headerLines)
        guard let first = header.first else { return nil }
        for line in header {
            if let heading = Self.markdownHeading(line.text) {
                self.init(text: heading, line: line.number, convention: .markdownHeading)
                return
            }
            if let value = Self.value(of: line.text, key: "title") {
                self.init(text: Self.stripEmphasis(value), line: line.number, convention: .titleLine)
                return
            }
        }
        self.init(text: Self.stripEmphasis(first.text.trimmingSpaces), line: first.number, convention: .firstLine)
    }

    /// The text of a level-1 ATX heading (`# Title #`, up to three spaces before it), its
    /// markup taken out as ``MarkupLine`` takes it out; `nil` for any other line.
    private static func markdownHeading(_ line: Substring) -> String? {
        guard line.prefix(while: { $0 == " " }).count <= 3 else { return nil }
        let plain = MarkupLine(line)
        guard plain.block == .heading(level: 1) else { return nil }
        let heading = plain.text.trimmingSpaces
        return heading.isEmpty ? nil : heading
    }

    /// The value of a `key: value` line (key in any case, ASCII or full-width colon).
    static func value(of line: Substring, key: String) -> String? {
        let trimmed = line.trimmingSpaces
        guard trimmed.count > key.count,
              String(trimmed.prefix(key.count)).lowercased() == key else { return nil }
        let rest = trimmed.dropFirst(key.count).drop { $0 == " " }
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        let value = rest.dropFirst().trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// The title without its markup (``MarkupLine``: emphasis, links, code, tags).
    private static func stripEmphasis(_ text: String) -> String {
        MarkupLine(text).text.trimmingSpaces
    }

    /// Where the value of a front-matter `title:` line is in `line`, without the quotes YAML
    /// allows around it; nil when the line is no `title:` line.
    static func frontMatterTitle(_ line: Substring) -> Range<Substring.Index>? {
        guard value(of: line, key: "title") != nil, let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        var start = line.index(after: colon), end = line.endIndex
        while start < end, line[start].isWhitespace { start = line.index(after: start) }
        while end > start, line[line.index(before: end)].isWhitespace { end = line.index(before: end) }
        if line.distance(from: start, to: end) >= 2, let first = line[start...].first, first == "\"" || first == "'",
           line[line.index(before: end)] == first {
            start = line.index(after: start)
            end = line.index(before: end)
        }
        return start < end ? start..<end : nil
    }

    /// Removes the quotes YAML allows around a value.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }
}
