import Foundation
import Testing
@testable import Termbridge

/// Text that walks through the sample dictionary's headwords, in both scripts.
private let sampleText = "美国的准盟友与北約盟约：核保护伞、戰術導彈和𠮷野家。"

/// Compiles the text file at `source` into a temporary folder and returns the compiled path.
private func compiled<T: CompilableData>(_ type: T.Type, _ source: String) throws -> String {
    let destination = try temporaryDataFolder() + "/" + T.dataFile.compiledName
    try DataFiles.compile(T.self, from: source, to: destination)
    return destination
}

/// Flips one byte of a file.
private func corrupt(_ path: String, at offset: Int) throws {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[offset] ^= 0x5A
    try bytes.write(to: URL(fileURLWithPath: path))
}

/// The problem of loading `path` as a compiled lexicon.
private func loadingProblem(_ path: String) -> CompiledDataError.Problem? {
    do {
        _ = try CEDICTLexicon.loadCompiled(contentsOf: path)
        return nil
    } catch {
        return error.problem
    }
}

@Suite struct CompiledDataTests {
    // MARK: Round trips

    @Test func compiledSampleAnswersEveryLookupAsTheText() throws {
        let text = try CEDICTLexicon.load(contentsOf: DataFixtures.cedict).withStemmedIndex()
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        #expect(CompiledDataFile.isCompiled(path))
        let loaded = try CEDICTLexicon.load(contentsOf: path)   // recognized by its magic
        #expect(loaded.count == 16)
        #expect(loaded.stemmedEnglish != nil)
        try expectSameLookups(text, loaded, text: sampleText)
        #expect(loaded.glosses(for: "準盟友") == ["quasi ally"])
        #expect(loaded.entries(for: "了").map(\.pinyin) == ["le5", "liao3"])
        #expect(loaded.chineseWords(forEnglishWord: "alliance") == text.chineseWords(forEnglishWord: "alliance"))
        #expect(loaded.headwordID(for: "𠮷野家") != nil)
        #expect(loaded.entries[15].line == 20)
    }

    @Test(.enabled(if: DataFixtures.hasRealCEDICT, "needs .cache/cedict_ts.u8 (scripts/fetch-data.sh)"))
    func compiledRealDictionaryAnswersEveryLookupAsTheText() throws {
        let text = try CEDICTLexicon.load(contentsOf: DataFixtures.realCEDICT).withStemmedIndex()
        let loaded = try CEDICTLexicon.loadCompiled(contentsOf: try compiled(CEDICTLexicon.self, DataFixtures.realCEDICT))
        #expect(loaded.count > 100_000)
        try expectSameLookups(text, loaded, text: "美国的准盟友与北约签订盟约，提供核保护伞和陆军战术导弹系统。")
    }

    @Test func compiledFrequenciesAnswerAsTheText() throws {
        let text = try GeneralChineseFrequencies.load(contentsOf: DataFixtures.frequencies)
        let loaded = try GeneralChineseFrequencies.load(contentsOf: try compiled(GeneralChineseFrequencies.self, DataFixtures.frequencies))
        #expect(loaded.count == text.count)
        #expect(loaded.total == text.total)
        for word in ["盟友", "准盟友", "美国", "的", "提供", "准", "準", "联盟"] {
            #expect(loaded.frequency(of: word) == text.frequency(of: word))
            #expect(loaded.tag(of: word) == text.tag(of: word))
        }
        #expect(loaded.frequency(of: "准") == 30_012)   // 準 folds onto 准
        #expect(loaded.tag(of: "准") == "a")            // the tag of the most frequent spelling with one
        #expect(loaded.tag(of: "提供") == "v")
    }

    // MARK: Damage

    @Test func aFlippedByteInASectionIsReportedAsDamage() throws {
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        let size = try Data(contentsOf: URL(fileURLWithPath: path)).count
        try corrupt(path, at: size - 3)
        guard case .damaged(let detail) = loadingProblem(path) else {
            Issue.record("expected damage, got \(String(describing: loadingProblem(path)))")
            return
        }
        #expect(detail.contains("checksum"))
    }

    @Test func aFlippedByteInTheHeaderIsReportedAsDamage() throws {
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        try corrupt(path, at: 35)   // inside the source size
        guard case .damaged(let detail) = loadingProblem(path) else {
            Issue.record("expected damage")
            return
        }
        #expect(detail.contains("header checksum"))
    }

    @Test func aTruncatedFileIsReportedAsDamage() throws {
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        for length in [0, 10, 70, 400] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let cut = path + ".cut\(length)"
            try bytes.prefix(length).write(to: URL(fileURLWithPath: cut))
            if length < 8 {
                #expect(loadingProblem(cut) == .damaged("shorter than its header (\(length) bytes)"))
            } else if case .damaged = loadingProblem(cut) {
            } else {
                Issue.record("a file cut to \(length) bytes was not reported as damaged")
            }
        }
    }

    @Test func otherKindsVersionsAndTextAreRefusedByName() throws {
        let frequencies = try compiled(GeneralChineseFrequencies.self, DataFixtures.frequencies)
        #expect(loadingProblem(frequencies) == .wrongKind(found: .frequencies, expected: .cedict))
        #expect(loadingProblem(DataFixtures.cedict) == .notCompiled)
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[8] = 99   // the container version
        try bytes.write(to: URL(fileURLWithPath: path))
        guard case .otherVersion(let detail) = loadingProblem(path) else {
            Issue.record("expected another version")
            return
        }
        #expect(detail.contains("format 99"))
        let error = CompiledDataError(path: path, problem: .otherVersion(detail))
        #expect(error.description.contains("recompile with `termbridge data compile`"))
    }

    // MARK: Loading through the locator

    /// A data folder with the sample CC-CEDICT (text) and, optionally, its compiled form.
    private func dataFolder(compiled: Bool) throws -> (locator: DataLocator, folder: String) {
        let folder = try temporaryDataFolder()
        try FileManager.default.copyItem(atPath: DataFixtures.cedict, toPath: folder + "/cedict_ts.u8")
        if compiled {
            try DataFiles.compile(CEDICTLexicon.self, from: folder + "/cedict_ts.u8", to: folder + "/cedict.tbdata")
        }
        let environment = DataEnvironment(variables: ["TERMBRIDGE_DATA_DIR": folder], executablePath: nil, packageRoot: nil)
        return (DataLocator(environment: environment), folder)
    }

    @Test func anUpToDateCompiledFileIsReadInsteadOfTheText() throws {
        let (locator, folder) = try dataFolder(compiled: true)
        let loaded = try DataFiles.load(CEDICTLexicon.self, locator: locator)
        #expect(loaded.compiled)
        #expect(loaded.path == folder + "/cedict.tbdata")
        #expect(loaded.problems.isEmpty)
        #expect(loaded.value?.count == 16)
    }

    @Test func aStaleCompiledFileIsReportedAndTheTextRead() throws {
        let (locator, folder) = try dataFolder(compiled: true)
        // The text changes after compiling (one more entry, so its size differs).
        let text = try String(contentsOfFile: folder + "/cedict_ts.u8", encoding: .utf8)
        try writeFile(text + "北約 北约 [Bei3 Yue1] /NATO/\n", at: folder + "/cedict_ts.u8")
        let loaded = try DataFiles.load(CEDICTLexicon.self, locator: locator)
        #expect(!loaded.compiled)
        #expect(loaded.path == folder + "/cedict_ts.u8")
        #expect(loaded.value?.count == 17)
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.contains("out of date (\(folder)/cedict_ts.u8 changed since it was compiled)") == true)
        #expect(loaded.problems.first?.contains("reading the text file instead") == true)
        #expect(!DataFiles.isUpToDate(CEDICTLexicon.self, compiled: folder + "/cedict.tbdata", source: folder + "/cedict_ts.u8"))
    }

    @Test func aTouchedTextMakesTheCompiledFileStale() throws {
        let (locator, folder) = try dataFolder(compiled: true)
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder + "/cedict_ts.u8", &times, 0) == 0)
        let loaded = try DataFiles.load(CEDICTLexicon.self, locator: locator)
        #expect(!loaded.compiled)
        #expect(loaded.problems.first?.contains("out of date") == true)
    }

    @Test func aDamagedCompiledFileFallsBackToTheTextOrToNothing() throws {
        let (locator, folder) = try dataFolder(compiled: true)
        let size = try Data(contentsOf: URL(fileURLWithPath: folder + "/cedict.tbdata")).count
        try corrupt(folder + "/cedict.tbdata", at: size - 3)
        let withText = try DataFiles.load(CEDICTLexicon.self, locator: locator)
        #expect(withText.value?.count == 16)
        #expect(!withText.compiled)
        #expect(withText.problems.first?.contains("damaged") == true)

        try FileManager.default.removeItem(atPath: folder + "/cedict_ts.u8")
        let alone = try DataFiles.load(CEDICTLexicon.self, locator: locator)
        #expect(alone.value == nil)
        #expect(alone.location.isFound)
        #expect(alone.problems.count == 1)
        #expect(alone.problems.first?.contains("damaged") == true)
    }

    @Test func aDamagedFileNamedByTheOptionIsAnError() throws {
        let path = try compiled(CEDICTLexicon.self, DataFixtures.cedict)
        try corrupt(path, at: 200)
        #expect(throws: CompiledDataError.self) {
            _ = try DataFiles.load(CEDICTLexicon.self, option: path)
        }
    }
}
