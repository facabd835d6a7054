import Foundation
import Testing
@testable import Termbridge

private func corpusInput(withSource: Bool = true) throws -> ExtractionInput {
    ExtractionInput(
        chinese: ExtractionText(path: ExtractionFixtures.chinesePath,
                                text: try String(contentsOfFile: ExtractionFixtures.chinesePath, encoding: .utf8)),
        english: withSource ? ExtractionText(path: ExtractionFixtures.englishPath,
                                             text: try String(contentsOfFile: ExtractionFixtures.englishPath, encoding: .utf8)) : nil)
}

@Suite struct TermExtractorTests {
    @Test func listsEveryParentheticalPairOfTheCorpus() throws {
        let glossary = try Glossary.read(contentsOf: ExtractionFixtures.glossaryPath)
        let candidates = try TermExtractor(glossary: glossary).extract([corpusInput(withSource: false)])
        let pairs = candidates.filter { $0.kind == .paren }
        #expect(pairs.count == 16)
        let umbrella = try #require(pairs.first { $0.chinese == "核保护伞" })
        #expect(umbrella.english == "nuclear umbrella")
        #expect(umbrella.contexts.first?.description.hasPrefix("\(ExtractionFixtures.chinesePath):9: ") == true)
        #expect(pairs.allSatisfy { $0.score >= 0.6 })
    }

    @Test func marksGlossaryTermsWithTheirStatus() throws {
        let glossary = try Glossary.read(contentsOf: ExtractionFixtures.glossaryPath)
        let candidates = try TermExtractor(glossary: glossary).extract([corpusInput(withSource: false)])
        let quasiAlly = try #require(candidates.first { $0.chinese == "准盟友" })
        #expect(quasiAlly.known?.description == "preferred (qa-001)")
        #expect(candidates.first { $0.chinese == "卡尔德安全政策研究所" }?.known == nil)
    }

    @Test func tellsWhatToUseInsteadOfADeprecatedTerm() throws {
        let glossary = Glossary(concepts: [Concept(id: "qa-001", languages: [
            LanguageTerms(language: "zh", terms: [Term("准盟友"), Term("准同盟", status: .deprecated)]),
            LanguageTerms(language: "en", terms: [Term("quasi ally")]),
        ])])
        let text = "乌克兰是美国的准同盟。以色列也是美国的准同盟。\n"
        let candidates = try TermExtractor(glossary: glossary).extract([
            ExtractionInput(chinese: ExtractionText(path: "a.txt", text: text))])
        let row = try #require(candidates.first { $0.chinese == "准同盟" })
        #expect(row.known?.description == "deprecated → use 准盟友 (qa-001)")
        let newOnly = try TermExtractor(glossary: glossary, options: ExtractionOptions(excludesKnown: true))
            .extract([ExtractionInput(chinese: ExtractionText(path: "a.txt", text: text))])
        #expect(!newOnly.contains { $0.chinese == "准同盟" })
    }

    @Test func keepsToTheLimitBestFirst() throws {
        let candidates = try TermExtractor(options: ExtractionOptions(limit: 10)).extract([corpusInput()])
        #expect(candidates.count == 10)
        #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test(.enabled(if: ExtractionFixtures.hasLexicon, ExtractionFixtures.noLexicon))
    func pairsCorpusTermsWithTheirEnglishThroughTheAlignment() throws {
        let candidates = try TermExtractor(lexicon: ExtractionFixtures.lexicon()).extract([corpusInput()])
        let english = Dictionary(candidates.filter { $0.kind == .bilingual }.map { ($0.chinese, $0.english) }, uniquingKeysWith: { a, _ in a })
        #expect(english["普通伙伴"] == "ordinary partner")
        #expect(english["条约盟友"] == "treaty ally")
        #expect(english["拜登政府"] == "Biden administration")
    }

    @Test func rejectsATextWithoutSentences() throws {
        #expect(throws: FileError.self) {
            try TermExtractor().extract([ExtractionInput(chinese: ExtractionText(path: "empty.txt", text: "\n \n"))])
        }
    }

    @Test func readsGeneralFrequenciesAndReportsBadLines() throws {
        let good = NSTemporaryDirectory() + "termbridge-general-\(UUID().uuidString).txt"
        try "美国 20000 ns\n盟友 253 n\n准 3000 d\n".write(toFile: good, atomically: true, encoding: .utf8)
        let general = try GeneralChineseFrequencies.load(contentsOf: good)
        #expect(general.frequency(of: "盟友") == 253)
        #expect(general.total == 23253)
        let bad = NSTemporaryDirectory() + "termbridge-general-\(UUID().uuidString).txt"
        try "美国 20000 ns\n盟友\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: FileError(path: bad, line: 2, message: "expected `word frequency [tag]`")) {
            try GeneralChineseFrequencies.load(contentsOf: bad)
        }
    }

    @Test func generalFrequenciesMakeCommonWordsLessSpecific() throws {
        let general = GeneralChineseFrequencies(["美国": 200_000, "盟友": 253, "准": 30_000, "的": 3_000_000, "提供": 90_000])
        let common = ChineseCandidates.generalProbability(["美国"], general)
        let compound = ChineseCandidates.generalProbability(["准", "盟友"], general)
        #expect(compound < common)
    }
}

@Suite struct CandidateGlossaryTests {
    private let candidates = [
        TermCandidate(chinese: "核保护伞", english: "nuclear umbrella", kind: .paren, frequency: 1, score: 0.6,
                      contexts: [CandidateContext(file: "zh.txt", line: 9, text: "处于美国核保护伞(nuclear umbrella)之下")]),
        TermCandidate(chinese: "准盟友", english: "quasi allies", kind: .paren, frequency: 9, score: 1,
                      known: KnownTerm(conceptID: "qa-001", status: .preferred)),
        TermCandidate(chinese: "", english: "fault lines", kind: .en, frequency: 2, score: 0.1),
    ]

    @Test(arguments: [GlossaryFormat.tsv, .csv, .json, .tbx])
    func readsBackInEveryFormat(_ format: GlossaryFormat) throws {
        let glossary = Glossary(candidates: candidates, termLevelDetails: format == .tbx || format == .json)
        let (data, warnings) = try glossary.encoded(as: format)
        #expect(warnings.isEmpty, "\(warnings)")
        let read = try Glossary.read(data, format: format)
        #expect(read.concepts.map(\.id) == ["cand-001", "cand-002", "cand-003"])
        #expect(read.concepts[0].terms(in: "zh").map(\.text) == ["核保护伞"])
        #expect(read.concepts[0].terms(in: "zh").map(\.status) == [.admitted])
        #expect(read.concepts[1].terms(in: "zh").map(\.status) == [.preferred])
        #expect(read.concepts[2].terms(in: "en").map(\.text) == ["fault lines"])
        #expect(read.concepts.allSatisfy { $0.note?.hasPrefix("candidate; kind: ") == true })
        #expect(read.concepts[1].note?.contains("known: preferred (qa-001)") == true)
        if format == .tbx || format == .json {
            #expect(read.concepts[0].terms(in: "zh")[0].note == "candidate")
            #expect(read.concepts[0].terms(in: "zh")[0].extra.first?.value == "zh.txt:9: 处于美国核保护伞(nuclear umbrella)之下")
        } else {
            #expect(read.concepts[0].note?.contains("contexts: zh.txt:9: 处于美国核保护伞") == true)
        }
    }

    @Test func mergesIntoAGlossaryAsNewConcepts() throws {
        let shipped = try Glossary.read(contentsOf: ExtractionFixtures.glossaryPath)
        let review = Glossary(candidates: [candidates[0], candidates[2]], termLevelDetails: false)
        let (merged, conflicts) = shipped.merging([review], preference: nil)
        #expect(conflicts.isEmpty)
        // 核保护伞 is already qa-012: the candidate joins it; fault lines is new.
        #expect(merged.concepts.count == shipped.concepts.count + 1)
        #expect(merged.concept(withID: "qa-012")?.terms(in: "en").map(\.text).contains("nuclear umbrella") == true)
    }
}

@Suite struct ExtractionLimitTests {
    /// `--top 4611686018427387903` trapped: the extractor kept `3 * limit` candidates. A limit
    /// near Int.max keeps everything, as no limit does; a negative one keeps nothing.
    @Test func aLimitNearIntMaxKeepsEverythingWithoutOverflow() throws {
        let text = "准盟友与准盟友关系。准盟友的准盟友关系。"
        let input = ExtractionInput(chinese: ExtractionText(path: "x.txt", text: text), english: nil)
        let unlimited = try TermExtractor(options: ExtractionOptions(minimumFrequency: 1)).extract([input])
        for limit in [Int.max / 2, Int.max / 3 + 1, Int.max] {
            let limited = try TermExtractor(options: ExtractionOptions(minimumFrequency: 1, limit: limit)).extract([input])
            #expect(limited.map(\.chinese) == unlimited.map(\.chinese))
        }
        #expect(!unlimited.isEmpty)
        #expect(try TermExtractor(options: ExtractionOptions(minimumFrequency: 1, limit: -1)).extract([input]).isEmpty)
    }
}
