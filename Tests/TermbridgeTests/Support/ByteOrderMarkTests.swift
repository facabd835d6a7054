import Foundation
import Testing
@testable import Termbridge

/// A UTF-8 byte-order mark at the start of the input is accepted by every reader and never
/// reaches a token, a term or a text (see `ByteOrderMark`).
@Suite struct ByteOrderMarkTests {
    static let mark = Data([0xEF, 0xBB, 0xBF])

    static func file(_ text: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "termbridge-bom-\(UUID().uuidString)\(suffix)"
        try (mark + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func hasMark(_ text: String) -> Bool { text.unicodeScalars.contains("\u{FEFF}") }

    @Test func lineReaderStartsLineOneAfterTheMark() throws {
        let path = try Self.file("准盟友\n第二行\n", suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var lines: [(String, Int)] = []
        try LineReader(descriptor: descriptor).forEachLine { piece in
            lines.append((String(decoding: piece.bytes, as: UTF8.self), piece.byteOffset))
        }
        #expect(lines.map(\.0) == ["准盟友", "第二行"])
        #expect(lines.map(\.1) == [3, 13])   // byte offsets still count the mark
    }

    @Test func lineReaderKeepsAnInputThatIsOnlyAMarkEmpty() throws {
        let path = try Self.file("", suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var pieces: [String] = []
        try LineReader(descriptor: descriptor).forEachLine { pieces.append(String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(pieces.allSatisfy { $0.isEmpty })
    }

    @Test func invalidUTF8AfterTheMarkIsReportedAtItsByteInTheFile() throws {
        let path = NSTemporaryDirectory() + "termbridge-bom-\(UUID().uuidString).txt"
        try (Self.mark + Data([0x41, 0xFF])).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InvalidUTF8Error(file: path, byteOffset: 4)) { try TextFile.read(path) }
    }

    @Test func textFileDropsTheMarkOnly() throws {
        let path = try Self.file("\u{FEFF}准盟友", suffix: ".txt")   // a second U+FEFF is text
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFile.read(path) == "\u{FEFF}准盟友")
    }

    @Test(arguments: [("zh\ten\n准盟友\tquasi ally\n", GlossaryFormat.tsv), ("zh,en\n准盟友,quasi ally\n", .csv)])
    func delimitedGlossaries(text: String, format: GlossaryFormat) throws {
        let glossary = try Glossary.read(Self.mark + Data(text.utf8), format: format)
        #expect(glossary.concepts.count == 1)
        #expect(glossary.concepts.first?.terms(in: "zh").map(\.text) == ["准盟友"])
    }

    @Test func jsonAndTBXGlossaries() throws {
        var concept = Concept(id: "qa-001")
        concept.add(Term("准盟友"), in: "zh")
        concept.add(Term("quasi ally"), in: "en")
        let glossary = Glossary(concepts: [concept])
        for format in [GlossaryFormat.json, .tbx] {
            let data = try glossary.encoded(as: format).data
            let read = try Glossary.read(Self.mark + data, format: format)
            #expect(read.concepts.first?.terms(in: "zh").map(\.text) == ["准盟友"], "\(format)")
            #expect(read.concepts.first?.id == "qa-001", "\(format)")
        }
    }

    @Test func ccCEDICT() throws {
        let lexicon = try CEDICTLexicon.read(Self.mark + Data("準盟友 准盟友 [zhun3 meng2 you3] /quasi ally/\n".utf8))
        #expect(lexicon.count == 1)
        #expect(lexicon.contains("准盟友"))
        #expect(lexicon.glosses(for: "准盟友") == ["quasi ally"])
    }

    @Test func userDictionary() throws {
        var dictionary = UserDictionary()
        try dictionary.addLines(of: Self.mark + Data("准盟友\n".utf8))
        #expect(dictionary.contains("准盟友"))
        let tokens = try Segmenter(dictionary: dictionary).tokens(in: "准盟友增多").map(\.text)
        #expect(tokens.first == "准盟友")
    }

    @Test func generalFrequencies() throws {
        let path = try Self.file("的 100 u\n准盟友 3 n\n", suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let frequencies = try GeneralChineseFrequencies.load(contentsOf: path)
        #expect(frequencies.frequency(of: "的") == 100)
    }

    @Test(arguments: [
        (BilingualFormat.tmx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Quasi allies.</seg></tuv><tuv xml:lang="zh"><seg>准盟友。</seg></tuv></tu></body></tmx>
            """),
        (.xliff, """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2"><file source-language="en" target-language="zh"><body><trans-unit id="1"><source>Quasi allies.</source><target>准盟友。</target></trans-unit></body></file></xliff>
            """),
        (.tsv, "en\tzh\nQuasi allies.\t准盟友。\n"),
        (.tsv, "Quasi allies.\t准盟友。\n"),
    ])
    func bilingualFiles(format: BilingualFormat, text: String) throws {
        let path = try Self.file(text, suffix: "." + format.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var segments: [CheckSegment] = []
        try format.forEachSegment(inFileAt: path) { segments.append($0) }
        #expect(segments.count == 1)
        #expect(segments.first?.source?.text == "Quasi allies.")
        #expect(segments.first?.target?.text == "准盟友。")
    }

    @Test func beadFiles() throws {
        let path = try Self.file("[0]:[0]\n[1,2]:[]\n", suffix: ".beads")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try BeadFile.read(contentsOf: path).map(\.notation) == ["[0]:[0]", "[1,2]:[]"])
        #expect(try BeadFile.parse("\u{FEFF}[3]:[4]\n").map(\.notation) == ["[3]:[4]"])
    }

    @Test func chineseSentencesOfAPlainFileStartAtColumnOne() throws {
        let path = try Self.file("准盟友增多。\n", suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var segments: [CheckSegment] = []
        try PlainTextSegments.forEachChineseSentence(inFileAt: path) { segments.append($0) }
        #expect(segments.first?.target?.text == "准盟友增多。")
        #expect(segments.first?.target?.start.column == 1)
    }

    @Test func alignmentDocumentsPairingAndTitles() throws {
        let document = try AlignmentDocument(text: "\u{FEFF}准盟友增多。", language: "zh")
        #expect(document.sentences.first?.text == "准盟友增多。")
        #expect(document.sentences.first?.column == 1)
        #expect(EnglishTitle(document: "\u{FEFF}# Quasi Allies\n\nText.")?.text == "Quasi Allies")
        #expect(SourceAttribution(text: "\u{FEFF}编译|周若琳\n").credits.first?.role == "编译")
    }
}
