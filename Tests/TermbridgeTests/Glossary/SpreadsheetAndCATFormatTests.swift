import Foundation
import Testing
import ZIPFoundation
@testable import Termbridge

/// Issue 13 item 5: XLSX, OmegaT glossaries and headerless lists.
@Suite struct SpreadsheetAndCATFormatTests {
    private let sample = Glossary(concepts: [
        Concept(id: "qa-001", subject: "alliances", note: "the state, not the relationship", languages: [
            LanguageTerms(language: "zh", terms: [Term("准盟友", pinyin: "zhǔn méng yǒu"), Term("伪盟友", status: .forbidden)]),
            LanguageTerms(language: "en", terms: [Term("quasi ally"), Term("quasi-ally", status: .admitted)]),
        ]),
        Concept(id: "qa-002", languages: [
            LanguageTerms(language: "zh", terms: [Term("北约", pinyin: "běi yuē")]),
            LanguageTerms(language: "en", terms: [Term("NATO")]),
        ]),
    ])

    /// `value` as `width` little-endian bytes, for archives built byte by byte.
    private func le(_ value: UInt64, _ width: Int) -> [UInt8] { (0 ..< width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    @Test func xlsxRoundTripsAndIsTheSameBytesEveryTime() throws {
        let (data, warnings) = try sample.encoded(as: .xlsx)
        #expect(warnings.isEmpty)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))   // a ZIP archive
        #expect(try Glossary.read(data, format: .xlsx) == sample)
        #expect(try sample.encoded(as: .xlsx).data == data)
    }

    @Test func xlsxReadsInlineStringsNumbersAndSkippedCells() throws {
        // A sheet as other tools write it: inline strings, a number, a boolean, an empty cell
        // left out (C2), no shared strings.
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="\(XLSXGlossaryFormat.mainNamespace)"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>zh</t></is></c><c r="C1" t="inlineStr"><is><t>en</t></is></c><c r="D1" t="inlineStr"><is><t>note</t></is></c></row>
            <row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><r><t>准</t></r><r><t>盟友</t></r><rPh><t>zhun</t></rPh></is></c><c r="D2" t="b"><v>1</v></c></row>
            </sheetData></worksheet>
            """
        let data = try XLSXTestWorkbook.make(sheet: sheet)
        let glossary = try Glossary.read(data, format: .xlsx, file: "other.xlsx")
        #expect(glossary.concepts.count == 1)
        #expect(glossary.concepts[0].id == "7")
        #expect(glossary.concepts[0].terms(in: "zh").map(\.text) == ["准盟友"])
        #expect(glossary.concepts[0].terms(in: "en").isEmpty)
        #expect(glossary.concepts[0].note == "TRUE")
    }

    @Test func xlsxCarriesControlCharactersAsExcelEscapesThem() throws {
        let text = "bell\u{7}_x0041_ and _x005F_"
        let glossary = Glossary(concepts: [Concept(id: "c1", note: text, languages: [LanguageTerms(language: "en", terms: [Term("a")])])])
        let data = try glossary.encoded(as: .xlsx).data
        #expect(try Glossary.read(data, format: .xlsx).concepts[0].note == text)
        #expect(XLSXGlossaryFormat.escapingForXML(text) == "bell_x0007__x005F_x0041_ and _x005F_x005F_")
    }

    @Test func notAWorkbookIsAClearError() {
        #expect(throws: FileError(path: "g.xlsx", message: "not an XLSX workbook: not a ZIP archive (no end of central directory)")) {
            try Glossary.read(Data("id\tzh\n".utf8), format: .xlsx, file: "g.xlsx")
        }
    }

    /// Found by fuzzing: an archive whose offsets point past its end made ZIPFoundation's
    /// in-memory reader trap; it is an error naming the file, in memory and from a path.
    @Test func aWorkbookWhoseOffsetsPointPastItsEndIsAnError() throws {
        let path = "Tests/Fixtures/Fuzz/xlsx-offset-past-end.xlsx"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try Glossary.read(data, format: .xlsx, file: path)
            Issue.record("a damaged workbook was read")
        } catch let error as FileError {
            #expect(error.path == path)
        }
        #expect(throws: FileError.self) { try Glossary.read(contentsOf: path) }
    }

    /// Found by fuzzing: a deflate stream that does not end before the file does. ZIPFoundation
    /// (0.9.20) keeps asking for input after the end of the file, so its `Archive.extract`
    /// never returned; ``ZIPEntries`` hands the inflater the entry's own bytes once.
    @Test(.timeLimit(.minutes(1)))
    func aWorkbookWhoseDeflateStreamRunsPastTheFileIsAnError() throws {
        let path = "Tests/Fixtures/Fuzz/xlsx-inflate-past-end.xlsx"
        #expect(throws: FileError(path: path, message: "cannot unpack xl/worksheets/sheet1.xml from the workbook: xl/worksheets/sheet1.xml: CRC-32 mismatch (damaged)")) {
            try Glossary.read(contentsOf: path)
        }
    }

    /// A deflate stream cut short inside its entry (the next entry's bytes follow it) is
    /// damage; the inflater is never given bytes beyond the entry.
    @Test func aDeflateStreamCutShortInsideItsEntryIsDamage() throws {
        let contents = Data(String(repeating: "准盟友 quasi ally ", count: 200).utf8)
        var deflated = Data()
        _ = try Data.compress(size: Int64(contents.count), bufferSize: contents.count, provider: { position, size in
            contents.subdata(in: Int(position) ..< Int(position) + size)
        }, consumer: { deflated.append($0) })
        let cut = Array(deflated.prefix(deflated.count / 2)), name = Array("a.txt".utf8)
        let crc = UInt64(contents.crc32(checksum: 0)), size = UInt64(contents.count)
        // The whole stream follows the cut one, as if it were the next entry's data.
        var zip = le(0x0403_4b50, 4) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(crc, 4)
            + le(UInt64(cut.count), 4) + le(size, 4) + le(UInt64(name.count), 2) + le(0, 2) + name + cut + Array(deflated)
        let directory = zip.count
        zip += le(0x0201_4b50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(crc, 4)
            + le(UInt64(cut.count), 4) + le(size, 4) + le(UInt64(name.count), 2) + le(0, 2)
            + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        zip += le(0x0605_4b50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2)
            + le(UInt64(zip.count - directory), 4) + le(UInt64(directory), 4) + le(0, 2)
        let archive = try ZIPEntries(Data(zip))
        let entry = try #require(archive["a.txt"])
        do {
            _ = try archive.contents(of: entry, limit: 1 << 20)
            Issue.record("a cut deflate stream was read")
        } catch let damage as ZIPEntries.Damage {
            #expect(damage.description == "a.txt: the deflate stream does not end within the entry (damaged)")
        }
    }

    /// Damage in each place of the archive is an error naming the file, never a trap or a
    /// wrong read: truncations, a flipped byte in each region, a lying size and CRC-32.
    @Test func damagedArchivesAreErrorsNamingTheFile() throws {
        let good = try sample.encoded(as: .xlsx).data
        var inputs: [(String, Data)] = [("empty", Data()), ("22 zero bytes", Data(count: 22))]
        for length in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            inputs.append(("cut at \(length)", good.prefix(length)))
        }
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 60)) {
            var flipped = good
            flipped[offset] ^= 0x5A
            inputs.append(("byte \(offset) flipped", flipped))
        }
        var errors = 0
        for (name, data) in inputs {
            do {
                let glossary = try Glossary.read(data, format: .xlsx, file: "g.xlsx")
                // A flip in a part's unused bytes (a file comment, a timestamp) may leave it readable.
                #expect(glossary == sample, "\(name): read differently without an error")
            } catch let error as FileError {
                #expect(error.path == "g.xlsx", "\(name)")
                errors += 1
            }
        }
        #expect(errors > inputs.count / 2, "only \(errors) of \(inputs.count) damaged workbooks were refused")
    }

    @Test func aWorkbookOfStoredPartsReadsTheSame() throws {
        // A workbook whose parts are stored (method 0), as some tools write them, reads the same.
        let deflated = try ZIPEntries(try sample.encoded(as: .xlsx).data)
        var archive = try Archive(accessMode: .create)
        for entry in deflated.entries {
            let contents = try deflated.contents(of: entry, limit: 1 << 20)
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(contents.count),
                                 compressionMethod: .none) { position, size in
                contents.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        let stored = try #require(archive.data)
        #expect(try ZIPEntries(stored).entries.allSatisfy { $0.method == 0 })
        #expect(try Glossary.read(stored, format: .xlsx) == sample)
    }

    /// An archive in ZIP64 form (sizes and offsets in the ZIP64 extra field and record, the
    /// 32-bit fields 0xFFFFFFFF), built byte by byte: its entry reads back.
    @Test func zip64SizesAndOffsetsAreRead() throws {
        let name = Array("a.txt".utf8), contents = Array("hello, 准盟友".utf8)
        let crc = UInt64(Data(contents).crc32(checksum: 0))
        let size = UInt64(contents.count)
        var zip: [UInt8] = le(0x0403_4b50, 4) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4)
            + le(size, 4) + le(size, 4) + le(UInt64(name.count), 2) + le(0, 2) + name + contents
        let directory = zip.count
        let extra = le(1, 2) + le(24, 2) + le(size, 8) + le(size, 8) + le(0, 8)
        zip += le(0x0201_4b50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4)
            + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(name.count), 2) + le(UInt64(extra.count), 2)
            + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0xFFFF_FFFF, 4) + name + extra
        let directorySize = UInt64(zip.count - directory), record = UInt64(zip.count)
        zip += le(0x0606_4b50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(1, 8) + le(1, 8)
            + le(directorySize, 8) + le(UInt64(directory), 8)
        zip += le(0x0706_4b50, 4) + le(0, 4) + le(record, 8) + le(1, 4)
        zip += le(0x0605_4b50, 4) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF, 2)
            + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        let archive = try ZIPEntries(Data(zip))
        let entry = try #require(archive["a.txt"])
        #expect(entry.uncompressedSize == contents.count && entry.localHeaderOffset == 0)
        #expect(try archive.contents(of: entry, limit: 100) == Data(contents))
        #expect(throws: ZIPEntries.Damage.self) { try archive.contents(of: entry, limit: 3) }
    }

    @Test func omegaTGlossaryReadsCommentsAndGuessesLanguages() throws {
        let text = "# OmegaT glossary\nquasi ally\t准盟友\tthe state\n\nNATO\t北约\n"
        let (glossary, notes) = try Glossary.reading(Data(text.utf8), format: .omegat, file: "glossary.utf8")
        #expect(glossary.concepts.map(\.id) == ["c1", "c2"])
        #expect(glossary.concepts[0].preferredTerm(in: "en")?.text == "quasi ally")
        #expect(glossary.concepts[0].preferredTerm(in: "zh")?.text == "准盟友")
        #expect(glossary.concepts[0].note == "the state")
        #expect(notes.map(\.message) == ["OmegaT glossary: read as source⇥target⇥comment with source = en, target = zh (by where Chinese characters are), each row one concept with both terms preferred and the comment as its note"])
        #expect(throws: FileError(path: "g.utf8", line: 2, message: "expected source⇥target or source⇥target⇥comment (a list without a header row), found 1 fields")) {
            try Glossary.read(Data("a\tb\nlonely\n".utf8), format: .omegat, file: "g.utf8")
        }
    }

    @Test func omegaTWritingKeepsThePreferredPairAndNamesTheRest() throws {
        let (data, warnings) = try sample.encoded(as: .omegat)
        let text = String(decoding: data, as: UTF8.self)
        // The admitted English term is an entry of its own, to the preferred Chinese term.
        #expect(text == "# OmegaT glossary written by Termbridge: source (en)⇥target (zh)⇥comment\nquasi ally\t准盟友\tthe state, not the relationship\nquasi-ally\t准盟友\tthe state, not the relationship\nNATO\t北约\n")
        let messages = warnings.map(\.message).joined(separator: "\n")
        #expect(messages.contains("OmegaT has no place for forbidden terms besides the preferred ones: 1 not written"))
        #expect(!messages.contains("admitted"))
        // An admitted Chinese term would read as an equal choice beside the preferred one: reported, not written.
        var withChineseVariant = sample
        withChineseVariant.concepts[1].languages[0].terms.append(Term("北大西洋公约组织", status: .admitted))
        let (variantData, variantWarnings) = try withChineseVariant.encoded(as: .omegat)
        #expect(!String(decoding: variantData, as: UTF8.self).contains("北大西洋公约组织"))
        #expect(variantWarnings.map(\.message).contains { $0.contains("admitted terms besides the preferred ones: 1 not written") })
        #expect(messages.contains("OmegaT has no place for concept ids"))
        #expect(messages.contains("OmegaT has no place for subjects"))
        #expect(!text.contains("伪盟友"))   // a forbidden term must never reach OmegaT as a normal hit
    }

    @Test(arguments: [GlossaryFormat.tsv, .csv])
    func headerlessListsAreReadAndWhatWasAssumedIsSaid(format: GlossaryFormat) throws {
        let separator = format == .tsv ? "\t" : ","
        let two = ["准盟友", "quasi ally"].joined(separator: separator) + "\n" + ["北约", "NATO"].joined(separator: separator) + "\n"
        let (glossary, notes) = try Glossary.reading(Data(two.utf8), format: format, file: "deepl.\(format.rawValue)")
        #expect(glossary.concepts.count == 2)
        #expect(glossary.concepts[1].languages.map(\.language) == ["zh", "en"])
        #expect(glossary.concepts[1].preferredTerm(in: "en")?.text == "NATO")
        #expect(notes.count == 1)
        #expect(notes[0].message.hasPrefix("\(format.rawValue.uppercased()) without a header row: read as source⇥target with source = zh, target = en"))
        let three = ["quasi ally", "准盟友", "a comment"].joined(separator: separator) + "\n"
        let (withComment, _) = try Glossary.reading(Data(three.utf8), format: format)
        #expect(withComment.concepts[0].note == "a comment")
        #expect(withComment.concepts[0].languages.map(\.language) == ["en", "zh"])
    }
}

/// A minimal workbook around a given sheet, as another tool could write it: no shared strings,
/// no styles, stored (not deflated).
enum XLSXTestWorkbook {
    static func make(sheet: String) throws -> Data {
        let relationships = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="\(XLSXGlossaryFormat.packageRelationshipsNamespace)">\
            <Relationship Id="s1" Type="\(XLSXGlossaryFormat.relationshipsNamespace)/worksheet" Target="/xl/worksheets/data.xml"/>\
            </Relationships>
            """
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:workbook xmlns:x="\(XLSXGlossaryFormat.mainNamespace)" xmlns:rel="\(XLSXGlossaryFormat.relationshipsNamespace)">\
            <x:sheets><x:sheet name="Terms" sheetId="3" rel:id="s1"/></x:sheets></x:workbook>
            """
        let archive = try Archive(accessMode: .create)
        for (path, text) in [("[Content_Types].xml", XLSXGlossaryFormat.contentTypes), ("_rels/.rels", XLSXGlossaryFormat.packageRelationships),
                             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relationships), ("xl/worksheets/data.xml", sheet)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }
}
