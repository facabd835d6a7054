import Foundation

/// Reading and writing bead files, the gold format of the alignment evaluation data: one
/// bead per line, `[i,j]:[k]`, 0-based sentence (line) indices of the Chinese and English
/// files, either side possibly empty (`[3]:[]`, `[]:[5]`).
///
/// Reading accepts exactly what `align_eval.py` accepts: white space around and inside the
/// brackets, empty items (`[1,,2]` is `[1,2]`), blank lines (skipped). Line breaks are LF,
/// CRLF or CR. Indices keep their order as written (they are compared as written).
public enum BeadFile {
    /// Reads the beads of the file at `path` (a leading byte-order mark is dropped). Beads
    /// read from a file have score 1 (the format carries no scores).
    ///
    /// - Throws: ``FileError`` when the file cannot be read or a line is not a bead (with
    ///   its line), ``InvalidUTF8Error`` with the byte offset of invalid UTF-8.
    public static func read(contentsOf path: String) throws -> [Bead] {
        let text = try TextFile.read(path)
        return try parse(text, file: path)
    }

    /// The beads of `text` (a leading byte-order mark is dropped); `file` names it in errors.
    ///
    /// - Throws: ``FileError`` with the line of the first line that is not a bead.
    public static func parse(_ text: String, file: String? = nil) throws -> [Bead] {
        var beads: [Bead] = []
        var lineNumber = 0
        for line in lines(of: ByteOrderMark.removing(from: text)) {
            lineNumber += 1
            guard !line.allSatisfy(\.properties.isWhitespace) else { continue }
            guard let bead = Bead(parsing: line) else {
                throw FileError(path: file, line: lineNumber, message: "not a bead (expected [i,j]:[k], 0-based indices): \"\(String(String.UnicodeScalarView(line)))\"")
            }
            beads.append(bead)
        }
        return beads
    }

    /// The beads as a bead file: one ``Bead/notation`` per line, each ending in a line feed.
    public static func text(of beads: [Bead]) -> String {
        var out = ""
        for bead in beads { out += bead.notation + "\n" }
        return out
    }

    /// The lines of `text` as scalar slices, split at LF, CRLF and CR (Python's universal
    /// newlines); no empty last line after a final break.
    private static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        let scalars = Substring(text).unicodeScalars
        var result: [Substring.UnicodeScalarView] = []
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar == "\n" || scalar == "\r" {
                result.append(scalars[start..<i])
                var next = scalars.index(after: i)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                i = next
            } else {
                i = scalars.index(after: i)
            }
        }
        if start < scalars.endIndex { result.append(scalars[start...]) }
        return result
    }
}

extension Bead {
    /// Parses one bead in the gold notation, `[i,j]:[k]` (white space allowed around every
    /// part); nil when `line` is not one. The score is 1.
    public init?(notation: String) {
        self.init(parsing: Substring(notation).unicodeScalars)
    }

    init?(parsing line: Substring.UnicodeScalarView) {
        // The grammar of align_eval.py: ^\s*\[([\d\s,]*)\]\s*:\s*\[([\d\s,]*)\]\s*$
        var rest = line[...]
        func skipSpace() { while let first = rest.first, first.properties.isWhitespace { rest.removeFirst() } }
        func side() -> [Int]? {
            guard rest.first == "[" else { return nil }
            rest.removeFirst()
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let inside = rest[..<close]
            rest = rest[rest.index(after: close)...]
            var indices: [Int] = []
            for item in inside.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = item.filter { !$0.properties.isWhitespace }
                guard !digits.isEmpty else {
                    guard item.allSatisfy({ $0.properties.isWhitespace }) else { return nil }
                    continue
                }
                // Digits separated by white space ("1 2") are no number, in Python either.
                let trimmed = item.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
                guard trimmed.count == digits.count, digits.allSatisfy({ ("0"..."9").contains($0) }),
                      let value = Int(String(String.UnicodeScalarView(digits))) else { return nil }
                indices.append(value)
            }
            return indices
        }
        skipSpace()
        guard let chinese = side() else { return nil }
        skipSpace()
        guard rest.first == ":" else { return nil }
        rest.removeFirst()
        skipSpace()
        guard let english = side() else { return nil }
        skipSpace()
        guard rest.isEmpty else { return nil }
        self.init(chinese: chinese, english: english, score: 1)
    }
}
