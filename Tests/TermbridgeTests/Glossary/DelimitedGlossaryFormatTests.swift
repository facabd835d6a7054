import Foundation
import Testing
@testable import Termbridge

@Suite struct DelimitedGlossaryFormatTests {
    private func read(_ text: String, _ format: GlossaryFormat = .tsv) throws -> Glossary {
        try Glossary.read(Data(text.utf8), format: format, file: "g.\(format.rawValue)")
    }

    @Test func readsColumnsByHeaderWithSeveralTermsPerCell() throws {
        let glossary = try read("""
            en\tzh\tid\tzh_admitted\tzh_forbidden\ten_admitted\tpos\tnote
            quasi ally\t准盟友\tqa-1\t准同盟 | 类盟友\t伪盟友\tquasi-ally\tnoun\tthe state, not the relationship

            """)
        let concept = try #require(glossary.concepts.first)
        #expect(concept.id == "qa-1")
        #expect(concept.note == "the state, not the relationship")
        #expect(concept.terms(in: "zh").map(\.text) == ["准盟友", "准同盟", "类盟友", "伪盟友"])
        #expect(concept.terms(in: "zh").map(\.status) == [.preferred, .admitted, .admitted, .forbidden])
        #expect(concept.preferredTerm(in: "en")?.text == "quasi ally")
        #expect(concept.terms(in: "en").allSatisfy { $0.partOfSpeech == "noun" })
    }

    @Test func acceptsBOMAndCRLFAndQuotedCells() throws {
        let glossary = try read("\u{FEFF}id,zh,en,note\r\nc1,核保护伞,nuclear umbrella,\"extended deterrence, \"\"umbrella\"\"\r\nsecond line\"\r\nc2,北约,NATO,\r\n", .csv)
        #expect(glossary.concepts.count == 2)
        #expect(glossary.concepts[0].note == "extended deterrence, \"umbrella\"\r\nsecond line")
        #expect(glossary.concepts[1].preferredTerm(in: "en")?.text == "NATO")
    }

    @Test func wrongFieldCountNamesTheLine() throws {
        let text = "id\tzh\ten\nc1\t准盟友\tquasi ally\nc2\t北约\n"
        #expect(throws: FileError(path: "g.tsv", line: 3, message: "expected 3 fields as in the header, found 2")) {
            try read(text)
        }
    }

    @Test func lineNumbersCountLineBreaksInsideQuotedCells() throws {
        let text = "id,zh,en,note\nc1,准盟友,quasi ally,\"two\nlines\"\nc2,北约\n"
        #expect(throws: FileError(path: "g.csv", line: 4, message: "expected 4 fields as in the header, found 2")) {
            try read(text, .csv)
        }
    }

    @Test func unknownColumnIsAnErrorNotSilentLoss() throws {
        #expect(throws: FileError.self) { try read("id\tzh\ten\tcomment\nc1\t盟友\tally\tx\n") }
        do { _ = try read("id\tzh\ten\tcomment\nc1\t盟友\tally\tx\n") } catch let error as FileError {
            #expect(error.line == 1)
            #expect(error.column == 4)
        }
    }

    @Test func duplicateIdsAreRejected() {
        #expect(throws: FileError.self) { try read("id\tzh\ten\nc1\t盟友\tally\nc1\t北约\tNATO\n") }
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        var data = Data("id\tzh\ten\nc1\t".utf8)
        data.append(0xFF)
        #expect(throws: InvalidUTF8Error(file: "g.tsv", byteOffset: 12)) {
            try Glossary.read(data, format: .tsv, file: "g.tsv")
        }
    }

    @Test func formulaCellsAreDefusedForSpreadsheetsAndRestoredOnReading() throws {
        var concept = Concept(id: "c1", note: "=HYPERLINK(\"http://x\")")
        concept.add(Term("+1 ally"), in: "en")
        concept.add(Term("-盟友"), in: "zh")
        concept.add(Term("@x", status: .admitted), in: "en")
        let glossary = Glossary(concepts: [concept])
        let (data, _) = try glossary.encoded(as: .csv)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(text.contains(",'+1 ally,"))
        #expect(text.contains(",'-盟友,"))
        #expect(!text.contains(",=") && !text.contains(",+") && !text.contains(",-") && !text.contains(",@"))
        let back = try Glossary.read(data, format: .csv)
        #expect(back.concepts[0].note == concept.note)
        #expect(back.concepts[0].terms(in: "en").map(\.text) == ["+1 ally", "@x"])
        #expect(back.concepts[0].terms(in: "zh").map(\.text) == ["-盟友"])
    }

    @Test func writtenTSVReadsBackToTheSameModelWithPinyinStored() throws {
        let original = try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv")
        let (data, warnings) = try original.encoded(as: .tsv)
        #expect(warnings.isEmpty)
        let once = try Glossary.read(data, format: .tsv)
        #expect(once.concepts[0].preferredTerm(in: "zh")?.pinyin == "zhǔn méng yǒu")
        let twice = try Glossary.read(try once.encoded(as: .tsv).data, format: .tsv)
        #expect(once == twice)
        #expect(once.concepts.count == original.concepts.count)
    }

    @Test func reportsWhatTSVCannotHold() throws {
        var concept = Concept(id: "c1", extra: [DataCategory(element: "descrip", type: "context", value: "…")])
        concept.add(Term("准盟友", note: "term-level note"), in: "zh")
        concept.add(Term("quasi ally"), in: "en")
        let (_, warnings) = try Glossary(concepts: [concept]).encoded(as: .tsv)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.message.contains("term notes") })
        #expect(warnings.contains { $0.message.contains("descrip context") })
    }
}

@Suite struct JSONGlossaryFormatTests {
    @Test func roundTripsEveryField() throws {
        var concept = Concept(id: "qa-001", subject: "alliances", definition: "def", note: "note",
                              extra: [DataCategory(element: "admin", type: "customerSubset", value: "IPP")])
        concept.add(Term("准盟友", partOfSpeech: "noun", note: "n", source: "seed", pinyin: "zhǔn méng yǒu"), in: "zh")
        concept.add(Term("准同盟", status: .deprecated), in: "zh")
        concept.add(Term("quasi ally"), in: "en")
        let glossary = Glossary(concepts: [concept])
        let (data, _) = try glossary.encoded(as: .json)
        let back = try Glossary.read(data, format: .json)
        #expect(back == (try glossary.fillingPinyin()))
        // Stable key order: the same glossary always gives the same bytes.
        #expect(try back.encoded(as: .json).data == data)
    }

    @Test func malformedJSONIsAClearError() {
        #expect(throws: FileError.self) { try Glossary.read(Data("{\"concepts\": [".utf8), format: .json, file: "g.json") }
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesTheFileWhole() throws {
        let path = NSTemporaryDirectory() + "atomic-\(UUID().uuidString).tsv"
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func failedWriteLeavesTheExistingFileUntouched() throws {
        let folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/glossary.tsv"
        try AtomicFile.write(Data("precious".utf8), to: path)
        // A glossary that cannot be encoded fails before anything is written…
        #expect(throws: FileError.self) { try Glossary().write(to: path, format: .cedict) }
        // …and a target whose folder is gone fails without leaving a temporary file.
        #expect(throws: FileError.self) { try AtomicFile.write(Data("x".utf8), to: folder + "/missing/g.tsv") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["glossary.tsv"])
    }
}

@Suite struct JSONGlossaryUTF8Tests {
    /// Issue 10 item 13: invalid UTF-8 in a JSON glossary named only "corrupted data".
    @Test func invalidUTF8InJSONNamesTheFileAndByteOffset() throws {
        var bytes = Array("\u{FEFF}{\"concepts\": [{\"id\": \"a".utf8)
        let offset = bytes.count
        bytes += [0xFF] + Array("\"}]}".utf8)
        #expect(throws: InvalidUTF8Error(file: "g.json", byteOffset: offset)) {
            try Glossary.read(Data(bytes), format: .json, file: "g.json")
        }
    }
}
