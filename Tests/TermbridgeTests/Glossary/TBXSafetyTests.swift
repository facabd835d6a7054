import Foundation
import Testing
@testable import Termbridge

/// Bad input: malformed XML, entity attacks, structurally wrong TBX. Each is a `FileError`
/// with the place.
@Suite struct TBXSafetyTests {
    private func error(reading xml: String) -> FileError? {
        do {
            _ = try TBXTestSupport.read(xml, file: "bad.tbx")
            return nil
        } catch let error as FileError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func reportsMalformedXMLWithItsLineAndColumn() throws {
        let failure = try #require(error(reading: """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>ally</term></termSec></langSec>
              </body></text>
            </tbx>
            """))
        #expect(failure.path == "bad.tbx")
        #expect(failure.line == 5)
        #expect(failure.column != nil)
        #expect(failure.message.hasPrefix("malformed XML: the end tag does not match the start tag"))
        #expect(failure.description.hasPrefix("bad.tbx:5:"))
    }

    @Test func reportsAnUnescapedAmpersand() throws {
        let failure = try #require(error(reading: TBXTestSupport.v3("""
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>R&D</term></termSec></langSec></conceptEntry>
            """)))
        #expect(failure.line == 6)
        #expect(failure.message.contains("malformed XML"))
    }

    @Test func reportsAnEmptyFile() throws {
        let failure = try #require(error(reading: ""))
        #expect(failure.message.contains("no root element"))
    }

    @Test func refusesAnXXEFileAndNeverReadsTheReferencedFile() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let secret = String(passwd.prefix { $0 != "\n" })
        let xxe = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tbx [
              <!ELEMENT tbx ANY>
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body><conceptEntry id="c1"><langSec xml:lang="en">
                <termSec><term>&xxe;</term></termSec>
              </langSec></conceptEntry></body></text>
            </tbx>
            """
        let failure = try #require(error(reading: xxe))
        #expect(failure.line == 4)
        #expect(failure.message.contains("declares entities"))
        #expect(!failure.description.contains(secret))
        // Through the file API too, and with the entity in an attribute.
        let path = try TBXTestSupport.temporaryFile(Data(xxe.replacingOccurrences(of: "id=\"c1\"", with: "id=\"&xxe;\"").utf8), name: "xxe.tbx")
        #expect(throws: FileError.self) { try Glossary.read(contentsOf: path) }
    }

    @Test func refusesABillionLaughsBombQuickly() throws {
        var declarations = #"<!ENTITY lol0 "lol">"#
        for level in 1 ... 9 {
            declarations += "\n  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [
              \(declarations)
            ]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let clock = ContinuousClock()
        var failure: FileError?
        let elapsed = clock.measure { failure = error(reading: bomb) }
        #expect(failure?.line == 3)
        #expect(failure?.message.contains("billion laughs") == true)
        #expect(elapsed < .seconds(10))   // refused at the declarations: milliseconds; expanding would take minutes and gigabytes
    }

    @Test func acceptsThePlainTBX2008DoctypeWithoutFetchingTheDTD() throws {
        let martif = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "%@">
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
              <text><body><termEntry id="c1"><langSet xml:lang="en"><tig><term>ally</term></tig></langSet></termEntry></body></text>
            </martif>
            """
        let glossary = try TBXTestSupport.read(martif.replacingOccurrences(of: "%@", with: "TBXcoreStructV02.dtd"))
        #expect(glossary.concepts[0].preferredTerm(in: "en")?.text == "ally")
        // A DTD that is not a DTD at all is not an error: it is never loaded.
        let notADTD = try TBXTestSupport.read(martif.replacingOccurrences(of: "%@", with: "file:///etc/passwd"))
        #expect(notADTD.concepts.count == 1)
    }

    @Test func refusesAnUndeclaredEntity() throws {
        let failure = try #require(error(reading: """
            <?xml version="1.0"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX-Basic" xml:lang="en"><text><body>
            <termEntry id="c1"><langSet xml:lang="en"><tig><term>&nbsp;ally</term></tig></langSet></termEntry>
            </body></text></martif>
            """))
        #expect(failure.line == 4)
        #expect(failure.message.contains("&nbsp;"))
    }

    @Test func refusesUTF16ThatDeclaresUTF8() throws {
        let data = try #require(TBXTestSupport.v3("").data(using: .utf16))   // with a byte order mark
        let failure = try #require(throws: FileError.self) { try TBXGlossaryFormat.read(data, file: nil) }
        #expect(failure.message.contains("declares encoding \"UTF-8\""))
    }

    @Test func reportsAnUnknownRootElement() throws {
        let failure = try #require(error(reading: "<?xml version=\"1.0\"?>\n<glossary>\n</glossary>\n"))
        #expect(failure.line == 2 && failure.column == 1)
        #expect(failure.message.contains("expected <tbx> (TBX v3), <martif> (TBX 2008) or <mtf> (MultiTerm XML)"))
    }

    @Test func reportsAConceptEntryWithoutID() throws {
        let failure = try #require(error(reading: TBXTestSupport.v3("""
            <conceptEntry>
              <langSec xml:lang="en"><termSec><term>ally</term></termSec></langSec>
            </conceptEntry>
            """)))
        #expect(failure.line == 6 && failure.column == 1)
        #expect(failure.message == "<conceptEntry> has no id attribute")
    }

    @Test func reportsATermSecWithoutTermAtItsLine() throws {
        let failure = try #require(error(reading: TBXTestSupport.v3("""
            <conceptEntry id="c1">
              <langSec xml:lang="en">
                <termSec>
                  <termNote type="partOfSpeech">noun</termNote>
                </termSec>
              </langSec>
            </conceptEntry>
            """)))
        #expect(failure.line == 8 && failure.column == 5)
        #expect(failure.message == "<termSec> has no <term>")
    }

    @Test func reportsOtherStructuralMistakes() throws {
        let cases: [(String, Int, String)] = [
            (#"<conceptEntry id="a"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>"#, 6, "<langSec> has no xml:lang attribute"),
            (#"<conceptEntry id="a"><langSec xml:lang="en"><termSec><term> </term></termSec></langSec></conceptEntry>"#, 6, "empty <term>"),
            (#"<conceptEntry id="a"><termSec><term>x</term></termSec></conceptEntry>"#, 6, "unexpected <termSec> in <conceptEntry>"),
            (#"<termEntry id="a"/>"#, 6, "unexpected <termEntry> in <body>: expected <conceptEntry>"),
            ("<conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry>\n<conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>y</term></termSec></langSec></conceptEntry>",
             7, #"duplicate conceptEntry id "a" (first on line 6)"#),
        ]
        for (body, line, message) in cases {
            let failure = try #require(error(reading: TBXTestSupport.v3(body)))
            #expect(failure.line == line, "\(message)")
            #expect(failure.message.hasPrefix(message), "\(failure.message)")
        }
    }

    @Test func pointsAtTheStartOfATagThatSpansLines() throws {
        let failure = try #require(error(reading: TBXTestSupport.v3("""
            <conceptEntry id="c1"><langSec xml:lang="en">  <termSec
                id="t1"
              ></termSec></langSec></conceptEntry>
            """)))
        #expect(failure.line == 6)
        #expect(failure.column == 48)
    }
}
