import Foundation
import Testing
@testable import Termbridge

/// Entity declarations are refused by the parser itself wherever they stand (after any
/// amount of prolog, in any encoding that gets that far), and a reference to an entity XML
/// does not predefine is an error — never text dropped silently. (XXE and billion laughs in
/// TBX: ``TBXSafetyTests``.)
@Suite struct XMLEntityRefusalTests {
    private static let entityDoctype = Array("<!DOCTYPE root [\n<!ENTITY x \"EVIL\">\n]>\n".utf8)

    @Test(arguments: XMLReaderKind.allCases)
    func refusesAnEntityDeclarationAfterACommentOverOneMegabyte(kind: XMLReaderKind) throws {
        let comment = Array("<!--".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1_100_000) + Array("-->\n".utf8)
        let document = kind.document(prolog: comment + Self.entityDoctype, text: Array("准盟友&x;".utf8))
        let result = kind.error(reading: document)
        let failure = try #require(result)
        #expect(failure.line == 4)
        #expect(failure.message.contains("declares entities"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesAnEntityDeclarationAfterALongInternalSubset(kind: XMLReaderKind) throws {
        let subset = "<!DOCTYPE root [\n<!--" + String(repeating: "b", count: 1_100_000) + "-->\n<!ELEMENT root ANY>\n<!ENTITY x \"EVIL\">\n]>\n"
        let result = kind.error(reading: kind.document(prolog: Array(subset.utf8), text: Array("准盟友&x;".utf8)))
        let failure = try #require(result)
        #expect(failure.line == 5)
        #expect(failure.message.contains("declares entities"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesEntityDeclarationsInUTF7(kind: XMLReaderKind) throws {
        // "<!ENTITY" with "<" written as "+ADw-", which a byte scan for "<!ENTITY" misses.
        let prolog = Array("<!DOCTYPE root [+ADw-!ENTITY x \"EVIL\"+AD4-]>\n".utf8)
        let document = kind.document(declaration: Array("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n".utf8),
                                     prolog: prolog, text: Array("+UYY-&x;".utf8))
        let result = kind.error(reading: document)
        let failure = try #require(result)
        #expect(failure.line == 1)
        #expect(failure.message.contains("UTF-7"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesAParameterEntityReferenceInTheDoctype(kind: XMLReaderKind) throws {
        let prolog = Array("<!DOCTYPE root [\n  %external;\n]>\n".utf8)
        let result = kind.error(reading: kind.document(prolog: prolog, text: Array("a".utf8)))
        let failure = try #require(result)
        #expect(failure.line == 3)
        #expect(failure.message.contains("%external;"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func readsADoctypeWhoseSubsetDeclaresNoEntities(kind: XMLReaderKind) throws {
        let prolog = Array("<!DOCTYPE root SYSTEM \"root.dtd\" [\n<!-- a ] in a comment -->\n<!ELEMENT root ANY>\n<!ATTLIST root a CDATA \"]>\">\n<?pi x?>\n]>\n".utf8)
        #expect(try kind.read(kind.document(prolog: prolog, text: Array("准盟友".utf8))).get() == ["准盟友"])
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesAnUndeclaredEntityInTextWithItsPlace(kind: XMLReaderKind) throws {
        let document = kind.document(declaration: Array("<?xml version=\"1.0\"?>\n\n".utf8), text: Array("准盟友&nbsp;".utf8))
        let result = kind.error(reading: document)
        let failure = try #require(result)
        #expect(failure.line == 3)
        let line = String(decoding: document, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[2]
        let column = try #require(Array(line.unicodeScalars).firstIndex(of: "&")) + 1
        #expect(failure.column == column)
        #expect(failure.message.contains("&nbsp;"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesAnUndeclaredEntityInAnAttribute(kind: XMLReaderKind) throws {
        var document = kind.document(text: Array("准盟友".utf8))
        let text = String(decoding: document, as: UTF8.self)
        let attributed: String
        switch kind {
        case .tbxData, .tbxFile: attributed = text.replacingOccurrences(of: "id=\"c1\"", with: "id=\"c&x;1\"")
        case .tmx: attributed = text.replacingOccurrences(of: "tuid=\"1\"", with: "tuid=\"&x;\"")
        case .xliff: attributed = text.replacingOccurrences(of: "id=\"1\"", with: "id=\"&x;\"")
        }
        document = Array(attributed.utf8)
        let result = kind.error(reading: document)
        let failure = try #require(result)
        #expect(failure.line == 2)
        #expect(failure.message.contains("&x;"), "\(failure.message)")
    }

    @Test(arguments: XMLReaderKind.allCases)
    func readsThePredefinedEntitiesAndCharacterReferences(kind: XMLReaderKind) throws {
        let text = Array("&lt;准&amp;盟&gt;友&quot;&apos;&#x51C6;&#20934;".utf8)
        #expect(try kind.read(kind.document(text: text)).get() == ["<准&盟>友\"'准准"])
    }

    @Test(arguments: XMLReaderKind.allCases)
    func refusesACharacterReferenceToACharacterXMLForbids(kind: XMLReaderKind) throws {
        for reference in ["&#0;", "&#x1;", "&#xFFFE;", "&#xD800;", "&#x110000;", "&#99999999999999999999;"] {
            let failure = kind.error(reading: kind.document(text: Array(("a" + reference).utf8)))
            #expect(failure?.line == 2, "\(reference)")
            #expect(failure?.message.contains("character reference") == true, "\(reference): \(failure?.message ?? "read")")
        }
    }
}
