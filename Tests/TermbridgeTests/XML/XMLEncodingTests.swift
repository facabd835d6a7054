import Foundation
import Testing
@testable import Termbridge

/// Termbridge reads XML in UTF-8 (US-ASCII, its subset, too). Anything else is refused with
/// the file, the declared (or detected) encoding and the `iconv` command that converts it,
/// before any content is read — whether or not the bytes match the declaration.
@Suite struct XMLEncodingTests {
    /// An encoding a user may declare, and text in it.
    struct Legacy: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        /// `text` encoded in `name` (computed once with Python's codecs).
        var bytes: [UInt8]
        var description: String { name }
    }

    static let legacy: [Legacy] = [
        Legacy(name: "GBK", text: "准盟友", bytes: [0xD7, 0xBC, 0xC3, 0xCB, 0xD3, 0xD1]),
        Legacy(name: "GB2312", text: "准盟友", bytes: [0xD7, 0xBC, 0xC3, 0xCB, 0xD3, 0xD1]),
        Legacy(name: "GB18030", text: "准盟友", bytes: [0xD7, 0xBC, 0xC3, 0xCB, 0xD3, 0xD1]),
        Legacy(name: "EUC-CN", text: "准盟友", bytes: [0xD7, 0xBC, 0xC3, 0xCB, 0xD3, 0xD1]),
        Legacy(name: "Big5", text: "盟友", bytes: [0xB7, 0xF9, 0xA4, 0xCD]),
        Legacy(name: "Shift_JIS", text: "同盟", bytes: [0x93, 0xAF, 0x96, 0xBF]),
        Legacy(name: "EUC-JP", text: "同盟", bytes: [0xC6, 0xB1, 0xCC, 0xC1]),
        Legacy(name: "EUC-KR", text: "동맹", bytes: [0xB5, 0xBF, 0xB8, 0xCD]),
        Legacy(name: "ISO-2022-JP", text: "同盟", bytes: [0x1B, 0x24, 0x42, 0x46, 0x31, 0x4C, 0x41, 0x1B, 0x28, 0x42]),
        Legacy(name: "HZ-GB-2312", text: "准盟友", bytes: [0x7E, 0x7B, 0x57, 0x3C, 0x43, 0x4B, 0x53, 0x51, 0x7E, 0x7D]),
        Legacy(name: "UTF-7", text: "准盟友", bytes: [0x2B, 0x55, 0x63, 0x5A, 0x32, 0x33, 0x31, 0x50, 0x4C, 0x2D]),
        Legacy(name: "ISO-8859-1", text: "café", bytes: [0x63, 0x61, 0x66, 0xE9]),
        Legacy(name: "windows-1252", text: "café", bytes: [0x63, 0x61, 0x66, 0xE9]),
    ]

    private static func declaration(_ encoding: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n".utf8)
    }

    private func expectRefusal(_ failure: FileError?, encoding: String, kind: XMLReaderKind,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let failure else {
            Issue.record("\(kind) read a file declared \(encoding)", sourceLocation: sourceLocation)
            return
        }
        #expect(failure.path?.hasSuffix("input" + kind.suffix) == true, sourceLocation: sourceLocation)
        #expect(failure.line == 1, sourceLocation: sourceLocation)
        #expect(failure.message.contains("\"\(encoding)\""), "\(failure.message)", sourceLocation: sourceLocation)
        #expect(failure.message.contains("iconv -f \(encoding) -t UTF-8"), "\(failure.message)", sourceLocation: sourceLocation)
    }

    @Test(arguments: legacy, XMLReaderKind.allCases)
    func refusesALegacyEncodingWhoseBytesMatchTheDeclaration(legacy: Legacy, kind: XMLReaderKind) {
        let document = kind.document(declaration: Self.declaration(legacy.name), text: legacy.bytes)
        expectRefusal(kind.error(reading: document), encoding: legacy.name, kind: kind)
    }

    /// These crashed libxml2 (SIGSEGV, "Bad pointer dereference") before.
    @Test(arguments: legacy, XMLReaderKind.allCases)
    func refusesALegacyDeclarationOverUTF8Bytes(legacy: Legacy, kind: XMLReaderKind) {
        let document = kind.document(declaration: Self.declaration(legacy.name), text: Array("准盟友".utf8))
        expectRefusal(kind.error(reading: document), encoding: legacy.name, kind: kind)
    }

    @Test(arguments: XMLReaderKind.allCases)
    func readsUTF8HoweverItIsDeclared(kind: XMLReaderKind) throws {
        for declaration in ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version='1.0' encoding='utf-8'?>", "<?xml version=\"1.0\"?>", "",
                            "<?xml version=\"1.0\" encoding=\"UTF8\" standalone=\"yes\"?>\r\n"] {
            let document = kind.document(declaration: Array(declaration.utf8), text: Array("准盟友".utf8))
            #expect(try kind.read(document).get() == ["准盟友"], "\(declaration)")
            #expect(try kind.read([0xEF, 0xBB, 0xBF] + document).get() == ["准盟友"], "BOM, \(declaration)")
        }
    }

    @Test(arguments: XMLReaderKind.allCases)
    func readsUSASCIIButNotBytesBeyondIt(kind: XMLReaderKind) throws {
        let ascii = kind.document(declaration: Self.declaration("US-ASCII"), text: Array("ally &#x51C6;".utf8))
        #expect(try kind.read(ascii).get() == ["ally 准"])
        let failure = kind.error(reading: kind.document(declaration: Self.declaration("US-ASCII"), text: Array("准".utf8)))
        #expect(failure?.line == 2)
        #expect(failure?.message.contains("US-ASCII") == true, "\(failure?.message ?? "")")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func readsUTF16WithAByteOrderMarkAsItsUTF8(kind: XMLReaderKind) throws {
        // Astral characters (surrogate pairs) as well as Han and ASCII.
        let utf8 = kind.document(declaration: Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n".utf8), text: Array("准盟友 𠀀 ally".utf8))
        let text = String(decoding: utf8, as: UTF8.self)
        let expected = try kind.read(kind.document(text: Array("准盟友 𠀀 ally".utf8))).get()
        #expect(try kind.read([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).get() == expected)
        #expect(try kind.read([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).get() == expected)
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesUTF16ThatContradictsItselfOrIsBroken(kind: XMLReaderKind) throws {
        func le(_ text: String) -> [UInt8] { [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let declaredUTF8 = String(decoding: kind.document(declaration: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8), text: Array("ally".utf8)), as: UTF8.self)
        let contradiction = kind.error(reading: le(declaredUTF8))
        #expect(contradiction?.message.contains("UTF-16LE byte order mark but declares encoding \"UTF-8\"") == true, "\(contradiction?.message ?? "read")")
        // A lone high surrogate in the text: named with its byte offset in the file.
        let document = String(decoding: kind.document(declaration: Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n".utf8),
                                                      text: Array("allyX".utf8)), as: UTF8.self)
        var bytes = le(document)
        let x = bytes.indices.first { $0 % 2 == 0 && $0 > 1 && bytes[$0] == UInt8(ascii: "X") && bytes[$0 + 1] == 0 }!
        (bytes[x], bytes[x + 1]) = (0x00, 0xD8)
        let lone = kind.error(reading: bytes)
        #expect(lone?.message.contains("invalid UTF-16LE at byte offset \(x)") == true, "\(lone?.message ?? "read")")
        // Cut inside a code unit.
        let cut = kind.error(reading: Array(le(document).dropLast()))
        #expect(cut?.message.contains("the file ends inside a character") == true,
                "\(cut.map { "\($0.line ?? 0): \($0.message)" } ?? "read")")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesUTF16WithoutAByteOrderMarkAndUTF32WithAConversionHint(kind: XMLReaderKind) throws {
        let text = String(decoding: kind.document(text: Array("准盟友".utf8)), as: UTF8.self)
        let encodings: [(String, [UInt8])] = [
            ("UTF-16LE", text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("UTF-32LE", [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
            ("UTF-32BE", text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
        ]
        for (name, bytes) in encodings {
            let failure = kind.error(reading: bytes)
            #expect(failure?.line == 1, "\(name)")
            #expect(failure?.message.contains(name) == true, "\(name): \(failure?.message ?? "read")")
            #expect(failure?.message.contains("iconv -f \(name) -t UTF-8") == true, "\(name): \(failure?.message ?? "read")")
        }
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesEBCDIC(kind: XMLReaderKind) throws {
        // "<?xml version="1.0" encoding="IBM037"?>" in EBCDIC (code page 037).
        let declaration: [UInt8] = [0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40, 0xA5, 0x85, 0x99, 0xA2, 0x89, 0x96, 0x95, 0x7E, 0x7F, 0xF1,
                                    0x4B, 0xF0, 0x7F, 0x40, 0x85, 0x95, 0x83, 0x96, 0x84, 0x89, 0x95, 0x87, 0x7E, 0x7F, 0xC9, 0xC2,
                                    0xD4, 0xF0, 0xF3, 0xF7, 0x7F, 0x6F, 0x6E, 0x25]
        let failure = kind.error(reading: declaration + Array("<tbx/>".utf8))
        #expect(failure?.line == 1)
        #expect(failure?.message.contains("EBCDIC") == true, "\(failure?.message ?? "read")")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func invalidUTF8NamesTheLineAndByteOffset(kind: XMLReaderKind) throws {
        let document = kind.document(declaration: Array("<?xml version=\"1.0\"?>\n\n".utf8), text: [0xE5, 0x87, 0x41])
        let failure = kind.error(reading: document)
        #expect(failure?.line == 3)
        let offset = document.firstIndex(of: 0xE5)!
        #expect(failure?.message.contains("invalid UTF-8") == true, "\(failure?.message ?? "read")")
        #expect(failure?.message.contains("byte offset \(offset)") == true, "\(failure?.message ?? "read")")
    }
}
