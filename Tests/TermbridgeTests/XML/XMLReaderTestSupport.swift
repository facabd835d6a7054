import Foundation
@testable import Termbridge

/// The XML readers of Termbridge, and documents for each that carry a given piece of text
/// where the reader reads it: a TBX `<term>`, a TMX Chinese `<seg>`, an XLIFF 1.2 `<target>`.
enum XMLReaderKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// ``TBXGlossaryFormat`` on bytes in memory (the tree parser).
    case tbxData
    /// ``Glossary/read(contentsOf:format:)`` on a `.tbx` file.
    case tbxFile
    /// ``TMXReader`` (streamed).
    case tmx
    /// ``XLIFFReader`` (streamed).
    case xliff

    var description: String { rawValue }

    /// The file name extension of the kind.
    var suffix: String {
        switch self {
        case .tbxData, .tbxFile: ".tbx"
        case .tmx: ".tmx"
        case .xliff: ".xlf"
        }
    }

    /// The document with `declaration` (e.g. `<?xml version="1.0"?>\n`, or empty) and
    /// `prolog` (DOCTYPE, comments) before the root, and `text` where the reader reads text.
    func document(declaration: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8),
                  prolog: [UInt8] = [], text: [UInt8]) -> [UInt8] {
        let (open, close): (String, String)
        switch self {
        case .tbxData, .tbxFile:
            open = #"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>"#
            close = "</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
        case .tmx:
            open = #"<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu tuid="1"><tuv xml:lang="en"><seg>ally</seg></tuv><tuv xml:lang="zh"><seg>"#
            close = "</seg></tuv></tu></body></tmx>\n"
        case .xliff:
            open = #"<xliff version="1.2"><file source-language="en" target-language="zh" original="x" datatype="plaintext"><body><trans-unit id="1"><source>ally</source><target>"#
            close = "</target></trans-unit></body></file></xliff>\n"
        }
        return declaration + prolog + Array(open.utf8) + text + Array(close.utf8)
    }

    /// Reads `bytes` as this kind from a file named `name` + ``suffix``; the texts read (terms
    /// or Chinese segments), or the error.
    func read(_ bytes: [UInt8], name: String = "input") -> Result<[String], any Error> {
        let path = XMLReaderKind.temporaryPath(name + suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            switch self {
            case .tbxData:
                let glossary = try TBXGlossaryFormat.read(Data(bytes), file: path)
                return .success(glossary.concepts.flatMap { $0.languages.flatMap { $0.terms.map(\.text) } })
            case .tbxFile:
                let glossary = try Glossary.read(contentsOf: path)
                return .success(glossary.concepts.flatMap { $0.languages.flatMap { $0.terms.map(\.text) } })
            case .tmx, .xliff:
                var texts: [String] = []
                try (self == .tmx ? BilingualFormat.tmx : .xliff).forEachSegment(inFileAt: path) { segment in
                    if let target = segment.target { texts.append(target.text) }
                }
                return .success(texts)
            }
        } catch {
            return .failure(error)
        }
    }

    /// The ``FileError`` reading `bytes` fails with, or nil (recorded as an issue by callers).
    func error(reading bytes: [UInt8], name: String = "input") -> FileError? {
        if case .failure(let error) = read(bytes, name: name) { return error as? FileError }
        return nil
    }

    /// The path a file named `name` is read from: one folder per call, so that the path in an
    /// error can be compared.
    static func temporaryPath(_ name: String) -> String {
        let folder = NSTemporaryDirectory() + "termbridge-xml-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }
}
