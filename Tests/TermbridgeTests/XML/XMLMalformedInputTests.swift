import Foundation
import Testing
@testable import Termbridge

/// Every XML error names the file and the line (and the column where known) and says what is
/// wrong in words — never a Foundation error code.
@Suite struct XMLMalformedInputTests {
    /// Content put where the reader reads text, the line and column of the problem in
    /// `"<?xml version=\"1.0\"?>\n" + root start + content`, and part of the message.
    static let contentErrors: [(content: String, line: Int, message: String)] = [
        ("a\n<b>c</d>", 3, "does not match"),
        ("a\n<b c=\"<\">", 3, "'<'"),
        ("a\n<b c=\"1\" c=\"2\"/>", 3, "twice"),
        ("a\n<b c=1/>", 3, "quoted"),
        ("a\n<b c=\"1\"d=\"2\"/>", 3, "white space"),
        ("R\n&D", 3, "&"),
        ("a\n]]>", 3, "]]>"),
        ("a\n\u{01}", 3, "U+0001"),
        ("a\n<p:b/>", 3, "prefix"),
        ("a\n<!-- x -- y -->", 3, "--"),
        ("a\n<1b/>", 3, "name"),
        ("a\n<?xml version=\"1.0\"?>", 3, "XML declaration"),
        ("a\n<![CDATA[b", 3, "CDATA"),
        ("a\n<!-- b", 3, "comment"),
    ]

    @Test(arguments: XMLReaderKind.allCases)
    func contentErrorsNameTheFileLineAndWhatIsWrong(kind: XMLReaderKind) throws {
        for (content, line, message) in Self.contentErrors {
            let document = kind.document(declaration: Array("<?xml version=\"1.0\"?>\n".utf8), text: Array(content.utf8))
            guard let failure = kind.error(reading: document) else {
                Issue.record("\(kind) read \(content.debugDescription)")
                continue
            }
            #expect(failure.path?.hasSuffix("input" + kind.suffix) == true)
            #expect(failure.line == line, "\(content.debugDescription): \(failure)")
            #expect(failure.column != nil, "\(content.debugDescription): \(failure)")
            #expect(failure.message.contains(message), "\(content.debugDescription): \(failure.message)")
            #expect(!failure.description.contains("NSCocoaErrorDomain") && !failure.description.contains("error 256"))
        }
    }

    @Test(arguments: XMLReaderKind.allCases)
    func documentErrorsNameTheLine(kind: XMLReaderKind) throws {
        let good = String(decoding: kind.document(text: Array("a".utf8)), as: UTF8.self)
        let cases: [(String, Int, String)] = [
            ("", 1, "no root element"),
            ("  \n\n", 3, "no root element"),
            ("<?xml version=\"1.0\"?>\ntext\n" + good, 2, "before the root element"),
            (good + "trailing", 3, "after the root element"),
            (good + "<second/>", 3, "after the root element"),
            (String(good[..<good.range(of: "</", options: .backwards)!.lowerBound]), 2, "never closed"),
            ("\n<?xml version=\"1.0\"?>" + good, 2, "XML declaration"),
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"\n", 1, "XML declaration"),
        ]
        for (text, line, message) in cases {
            let failure = kind.error(reading: Array(text.utf8))
            #expect(failure?.line == line, "\(text.prefix(60).debugDescription): \(failure.map(String.init(describing:)) ?? "read")")
            #expect(failure?.message.contains(message) == true, "\(text.prefix(60).debugDescription): \(failure?.message ?? "read")")
        }
    }

    @Test func aDirectoryOrAMissingFileIsAPlainError() throws {
        let folder = XMLReaderKind.temporaryPath("folder.tbx")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for read in [{ _ = try Glossary.read(contentsOf: folder) },
                     { try TMXReader(path: folder).forEachSegment { _ in } },
                     { try XLIFFReader(path: folder).forEachSegment { _ in } },
                     { _ = try Glossary.read(contentsOf: folder + "/missing.tbx") }] as [() throws -> Void] {
            do {
                try read()
                Issue.record("read a directory")
            } catch let error as FileError {
                #expect(error.path?.hasPrefix(folder) == true)
                #expect(!error.description.contains("NSCocoaErrorDomain") && !error.description.contains("error 256"), "\(error)")
                #expect(error.message.contains("directory") || error.message.contains("No such file"), "\(error)")
            }
        }
    }
}

/// A bilingual file whose root element is not the one its format has is an error naming the
/// file, the expected root and the one found — not a check of zero segments.
@Suite struct XMLRootElementTests {
    private func failure(_ format: BilingualFormat, _ text: String) -> FileError? {
        let path = XMLReaderKind.temporaryPath("input." + format.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var count = 0
            try format.forEachSegment(inFileAt: path) { _ in count += 1 }
            Issue.record("read \(count) segments from \(text.prefix(40))")
            return nil
        } catch {
            #expect((error as? FileError)?.path == path)
            return error as? FileError
        }
    }

    @Test func refusesATBXAnHTMLPageOrAnXLIFFGivenAsTMX() throws {
        let tbx = String(decoding: XMLReaderKind.tbxData.document(text: Array("准盟友".utf8)), as: UTF8.self)
        let html = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>准盟友</p></body></html>\n"
        let xliff = String(decoding: XMLReaderKind.xliff.document(text: Array("准盟友".utf8)), as: UTF8.self)
        for (text, found, line) in [(tbx, "tbx", 2), (html, "html", 2), (xliff, "xliff", 2)] {
            let error = try #require(failure(.tmx, text))
            #expect(error.line == line)
            #expect(error.column == 1)
            #expect(error.message.contains("<\(found)>") && error.message.contains("<tmx>"), "\(error.message)")
        }
    }

    @Test func refusesATMXOrATBXGivenAsXLIFF() throws {
        let tmx = String(decoding: XMLReaderKind.tmx.document(text: Array("准盟友".utf8)), as: UTF8.self)
        let tbx = String(decoding: XMLReaderKind.tbxData.document(text: Array("准盟友".utf8)), as: UTF8.self)
        for (text, found) in [(tmx, "tmx"), (tbx, "tbx")] {
            let error = try #require(failure(.xliff, text))
            #expect(error.line == 2)
            #expect(error.message.contains("<\(found)>") && error.message.contains("<xliff>"), "\(error.message)")
        }
    }

    @Test func readsAnEmptyTMXAndAnEmptyXLIFFAsNoSegments() throws {
        for (format, text) in [(BilingualFormat.tmx, "<tmx version=\"1.4\"><header/><body/></tmx>"),
                               (.xliff, "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"zh\"><body/></file></xliff>")] {
            let path = XMLReaderKind.temporaryPath("empty." + format.rawValue)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var count = 0
            try format.forEachSegment(inFileAt: path) { _ in count += 1 }
            #expect(count == 0)
        }
    }
}
