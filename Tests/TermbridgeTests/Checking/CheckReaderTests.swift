import Foundation
import Testing
@testable import Termbridge

@Suite struct CheckReaderTMXTests {
    @Test func readsTMXUnitsWithExactPositionsOfEachCharacter() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
              <body>
                <tu tuid="7">
                  <tuv xml:lang="en"><seg>Trump &amp; Kiev</seg></tuv>
                  <tuv xml:lang="zh-CN"><seg>特朗普&amp;<bpt i="1">&lt;b&gt;</bpt>川普<ept i="1">&lt;/b&gt;</ept>
            在基辅</seg></tuv>
                </tu>
              </body>
            </tmx>
            """
        let segments = try CheckingFixtures.segments(.tmx, tmx)
        #expect(segments.count == 1)
        let segment = try #require(segments.first)
        #expect(segment.id == "7")
        #expect(segment.source?.text == "Trump & Kiev")
        #expect(segment.target?.text == "特朗普&川普\n在基辅")
        let source = try #require(segment.source)
        #expect(source.location(ofScalar: 0).line == 7)
        #expect(source.location(ofScalar: 0).column == 31)
        #expect(source.location(ofScalar: 8).column == 43)   // K of Kiev, after &amp;
        let target = try #require(segment.target)
        #expect(target.location(ofScalar: 0).line == 8)
        #expect(target.location(ofScalar: 0).column == 34)
        #expect(target.location(ofScalar: 4).column == 68)   // 川, after &amp; and the <bpt>
        #expect(target.location(ofScalar: 7).line == 9)      // 在 on the next line
        #expect(target.location(ofScalar: 7).column == 1)
    }
}

@Suite struct CheckReaderXLIFFAndTSVTests {
    @Test func readsXLIFF12TransUnitsSkippingUntranslatableOnes() throws {
        let xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="essay.txt" source-language="en-US" target-language="zh-CN" datatype="plaintext">
                <body>
                  <trans-unit id="p1">
                    <source>Donald <g id="1">Trump</g> paused <x id="2"/>bombs.</source>
                    <target>唐纳德·<g id="1">川普</g>暂停<x id="2"/>炸弹。</target>
                  </trans-unit>
                  <trans-unit id="p2" translate="no"><source>ATACMS</source><target>ATACMS</target></trans-unit>
                  <trans-unit id="p3"><source>Untranslated.</source></trans-unit>
                </body>
              </file>
            </xliff>
            """
        let segments = try CheckingFixtures.segments(.xliff, xliff)
        #expect(segments.map(\.id) == ["p1", "p3"])
        #expect(segments[0].source?.text == "Donald Trump paused bombs.")
        #expect(segments[0].target?.text == "唐纳德·川普暂停炸弹。")
        let target = try #require(segments[0].target)
        #expect(target.location(ofScalar: 4) == FileLocation(file: target.file, line: 7, column: 31))  // 川
        #expect(segments[1].target == nil)
    }

    @Test func readsXLIFF2SegmentsWithCodePointsAndAReversedLanguagePair() throws {
        let forward = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh">
             <file id="f1">
              <unit id="u1">
               <segment id="s1"><source>Kiev<ph id="1"/> in 2024</source><target>基辅<ph id="1"/>2024年</target></segment>
               <ignorable><source> </source></ignorable>
               <segment id="s2"><source>A<cp hex="0009"/>B</source><target>甲<pc id="2">乙</pc></target></segment>
              </unit>
             </file>
            </xliff>
            """
        let segments = try CheckingFixtures.segments(.xliff, forward)
        #expect(segments.map(\.id) == ["u1/s1", "u1/s2"])
        #expect(segments[1].source?.text == "A\tB")
        #expect(segments[1].target?.text == "甲乙")
        #expect(segments[0].target?.location(ofScalar: 2).column == 84)   // 2 of 2024, after <ph/>
        let reversed = forward.replacingOccurrences(of: "srcLang=\"en\" trgLang=\"zh\"", with: "srcLang=\"zh\" trgLang=\"en\"")
            .replacingOccurrences(of: "<source>Kiev", with: "<target>Kiev").replacingOccurrences(of: "in 2024</source><target>基辅", with: "in 2024</target><source>基辅")
            .replacingOccurrences(of: "2024年</target>", with: "2024年</source>")
        let swapped = try CheckingFixtures.segments(.xliff, reversed)
        #expect(swapped.first?.source?.text == "Kiev in 2024")
        #expect(swapped.first?.target?.text == "基辅2024年")
    }

    @Test func refusesXLIFFInOtherLanguagesWithTheLine() throws {
        let french = """
            <xliff version="1.2"><file source-language="en" target-language="fr" original="x" datatype="plaintext">
            <body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>
            """
        #expect(throws: FileError.self) { try CheckingFixtures.segments(.xliff, french) }
        do { _ = try CheckingFixtures.segments(.xliff, french) } catch let error as FileError {
            #expect(error.line == 1)
            #expect(error.message.contains("en into fr"))
        }
    }

    @Test func readsTSVWithOrWithoutAHeaderAndPointsIntoTheChineseField() throws {
        let plain = try CheckingFixtures.segments(.tsv, "Kiev\t基辅\nTrump, again\t又是川普\n\n")
        #expect(plain.count == 2)
        #expect(plain[1].target?.location(ofScalar: 2) == FileLocation(file: plain[1].target?.file, line: 2, column: 16))
        let aligned = try CheckingFixtures.segments(.tsv, "zh\ten\tscore\n准盟友\tquasi ally\t0.93\n")
        #expect(aligned.count == 1)
        #expect(aligned[0].source?.text == "quasi ally")
        #expect(aligned[0].target?.text == "准盟友")
        #expect(aligned[0].target?.start.column == 1)
    }

    @Test func badInputFailsWithItsLineAndColumn() throws {
        func failure(_ format: BilingualFormat, _ text: String) -> FileError? {
            do { _ = try CheckingFixtures.segments(format, text); return nil } catch { return error as? FileError }
        }
        let short = failure(.tsv, "a\tb\nonly one field\n")
        #expect(short?.line == 2)
        #expect(short?.message.contains("found 1") == true)

        let unclosed = failure(.tmx, "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>\n<tuv xml:lang=\"zh\"><seg>甲</tuv></tu>\n</body></tmx>\n")
        #expect(unclosed?.line == 3)
        #expect(unclosed?.message.hasPrefix("malformed XML") == true)

        let bomb = failure(.tmx, "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n]>\n<tmx><body/></tmx>\n")
        #expect(bomb?.line == 3)
        #expect(bomb?.message.contains("entity declarations") == true)

        let notTMX = failure(.tmx, "<html><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></html>")
        #expect(notTMX?.message.contains("not a TMX file") == true)

        let undeclared = failure(.tmx, "<tmx><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>")
        #expect(undeclared?.line == 1)
    }

    @Test func invalidUTF8InTSVNamesTheByteOffset() throws {
        let path = try CheckingFixtures.temporaryFile("", suffix: ".tsv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x61, 0x09, 0xE5, 0x87, 0x0A, 0x62, 0x09, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: InvalidUTF8Error.self) { try BilingualTSVReader(path: path).forEachSegment { _ in } }
        do { try BilingualTSVReader(path: path).forEachSegment { _ in } } catch let error as InvalidUTF8Error {
            #expect(error.byteOffset == 2)
            #expect(error.file == path)
        }
    }
}

@Suite struct CheckReaderChineseDocumentTests {
    @Test func sentencesOfAChineseDocumentKeepTheirLinesAndColumns() throws {
        let path = try CheckingFixtures.temporaryFile("\u{FEFF}导语:\r\n\r\n准盟友很多。川普来了。\n", suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var segments: [CheckSegment] = []
        try PlainTextSegments.forEachChineseSentence(inFileAt: path) { segments.append($0) }
        #expect(segments.map { $0.target?.text } == ["导语:", "准盟友很多。", "川普来了。"])
        #expect(segments.map { $0.target?.start.line } == [1, 3, 3])
        #expect(segments.map { $0.target?.start.column } == [1, 1, 7])
        #expect(segments.allSatisfy { $0.source == nil })
    }
}

@Suite struct CheckReaderRoundTripTests {
    @Test func readsTheTMXThatTermbridgeAlignWrites() throws {
        let encoded = try AlignmentFixtures.sample.encoded(as: .tmx)
        let segments = try CheckingFixtures.segments(.tmx, String(decoding: encoded.data, as: UTF8.self))
        #expect(segments.count == 2)   // pairs only: the addition and the cut are not units
        #expect(segments[0].source?.text == "America's quasi allies are multiplying.")
        #expect(segments[0].target?.text == "美国的准盟友日益增多。")
        #expect(segments[1].source?.text == "Such quasi alliances are costly and risky.")
        let findings = try Checker(glossary: AlignmentFixtures.glossary).check(segments)
        // 准同盟 for "quasi alliances": deprecated in the fixture glossary's only concept.
        #expect(findings.contains { $0.check == .termDeprecated && $0.found == "准同盟" })
    }
}
