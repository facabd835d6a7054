import Foundation
import Testing
@testable import Termbridge

/// Text of printable ASCII and three-byte characters (Chinese) is copied in runs rather than
/// one character at a time: the runs must keep every rule the character-by-character path
/// keeps — the byte offset of bad UTF-8, characters XML does not allow, columns counted in
/// characters — including where a run meets the end of the reader's buffer.
@Suite struct XMLTextRunTests {
    /// Three-byte forms a run must not take: a surrogate (invalid UTF-8), an overlong form
    /// (invalid UTF-8), U+FFFE and U+FFFF (not XML characters).
    static let refused: [(bytes: [UInt8], message: String)] = [
        ([0xED, 0xA0, 0x80], "invalid UTF-8"),
        ([0xE0, 0x80, 0x80], "invalid UTF-8"),
        ([0xEF, 0xBF, 0xBE], "U+FFFE"),
        ([0xEF, 0xBF, 0xBF], "U+FFFF"),
    ]

    @Test(arguments: XMLReaderKind.allCases)
    func badThreeByteFormsAfterChineseAreRefusedAtTheirPlace(kind: XMLReaderKind) throws {
        let chinese = Array("准盟友的承诺".utf8)
        for (bad, message) in Self.refused {
            let document = kind.document(declaration: Array("<?xml version=\"1.0\"?>\n\n".utf8), text: chinese + bad + chinese)
            guard let failure = kind.error(reading: document) else {
                Issue.record("\(kind) read \(bad)")
                continue
            }
            #expect(failure.line == 3, "\(bad): \(failure)")
            #expect(failure.message.contains(message), "\(bad): \(failure.message)")
            if message == "invalid UTF-8" {
                let offset = document.indices.first { document[$0...].starts(with: bad) }!
                #expect(failure.message.contains("byte offset \(offset)"), "\(bad): \(failure.message)")
            }
        }
    }

    @Test func chineseTextReadsTheSameAcrossBufferBoundaries() throws {
        // Long enough to cross the reader's buffer many times, with characters of every
        // UTF-8 length and an entity at irregular places.
        var text = ""
        for k in 0..<20_000 {
            text += k % 7 == 0 ? "准盟友&amp;" : k % 11 == 0 ? "é𠀋" : "华盛顿的承诺 ally "
        }
        let document = XMLReaderKind.tmx.document(text: Array(text.utf8))
        let read = try XMLReaderKind.tmx.read(document).get()
        #expect(read == [text.replacingOccurrences(of: "&amp;", with: "&")])
    }

    @Test func columnsAfterChineseTextCountCharacters() throws {
        // The English after a Chinese segment on the same line: its column counts the
        // characters before it (scalars), however many bytes they take.
        let path = XMLReaderKind.temporaryPath("columns.tmx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line = #"<tu><tuv xml:lang="zh"><seg>华盛顿的准盟友𠀋与准盟友&amp;é,</seg></tuv><tuv xml:lang="en"><seg>quasi allies</seg></tuv></tu>"#
        let document = #"<?xml version="1.0"?>"# + "\n" + #"<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>"#
            + "\n" + line + "\n</body></tmx>\n"
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        var segments: [CheckSegment] = []
        try BilingualFormat.tmx.forEachSegment(inFileAt: path) { segments.append($0) }
        let segment = try #require(segments.first)
        let source = try #require(segment.source), target = try #require(segment.target)
        #expect(target.start.line == 3 && source.start.line == 3)
        let before = line[..<line.range(of: "quasi")!.lowerBound]
        #expect(source.start.column == before.unicodeScalars.count + 1)
        let chineseStart = line[..<line.range(of: "华")!.lowerBound].unicodeScalars.count + 1
        #expect(target.start.column == chineseStart)
        // The entity (character 12 of the text) is five characters in the file: after it the
        // columns follow the file, é (character 13) at the start + 13 + 4.
        #expect(target.location(ofScalar: 12).column == chineseStart + 12)
        #expect(target.location(ofScalar: 13).column == chineseStart + 13 + 4)
    }
}
