import Foundation
import Testing
@testable import Termbridge

/// CC-CEDICT as `make test` fetches it, when present.
private let lexiconPath = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"

/// Compilations aligned end to end: front matter, captions and back matter are beads of
/// their own, the byline pairs with the author line, the body aligns around them.
@Suite struct CompilationAlignmentTests {
    static func align(_ chinese: String, _ english: String, lexicon: CEDICTLexicon? = nil) throws -> Alignment {
        let zh = try AlignmentDocument(text: String(contentsOfFile: chinese, encoding: .utf8), language: "zh", file: chinese)
        let en = try AlignmentDocument(text: String(contentsOfFile: english, encoding: .utf8), language: "en", file: english)
        let glossary = try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv")
        return try Aligner(glossary: glossary, lexicon: lexicon).align(zh, en)
    }

    /// The bead holding the Chinese (or English) sentence on `line`.
    static func beads(on line: Int, chinese: Bool, in alignment: Alignment) -> [Bead] {
        let document = chinese ? alignment.chinese : alignment.english
        let indices = document.sentences.indices.filter { document.sentences[$0].line == line }
        return alignment.beads.filter { bead in (chinese ? bead.chinese : bead.english).contains { indices.contains($0) } }
    }

    static func checkCorpus(_ alignment: Alignment) {
        // 导语 + summary, bio, attribution, credits: every sentence alone.
        for line in [1, 2, 5, 29, 30, 31] {
            let beads = Self.beads(on: line, chinese: true, in: alignment)
            #expect(!beads.isEmpty, "line \(line)")
            for bead in beads { #expect(bead.english.isEmpty && bead.chinese.count == 1, "line \(line): \(bead.notation)") }
        }
        // The author line pairs with the byline, one to one.
        let author = Self.beads(on: 4, chinese: true, in: alignment)
        #expect(author.count == 1)
        #expect(author.first?.english.map { alignment.english.sentences[$0].text } == ["By Margaret Holloway"])
        // No Chinese title: the English title stands alone.
        #expect(Self.beads(on: 1, chinese: false, in: alignment).map(\.chinese) == [[]])
        // Every pair is body with body (or heading), never matter.
        for bead in alignment.beads where bead.isPair {
            #expect(bead.chinese.allSatisfy { alignment.chinese.sentences[$0].part.isAlignable })
        }
    }

    @Test func corpusPairWithoutTheLexicon() throws {
        Self.checkCorpus(try Self.align("Corpus/zh/quasi-alliances.zh.txt", "Corpus/en/quasi-alliances.en.md"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: lexiconPath), "CC-CEDICT is fetched by `make test` (scripts/setup.sh)"))
    func corpusPairWithTheLexicon() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: lexiconPath)
        let alignment = try Self.align("Corpus/zh/quasi-alliances.zh.txt", "Corpus/en/quasi-alliances.en.md", lexicon: lexicon)
        Self.checkCorpus(alignment)
        // The last English sentence is no longer merged with the attribution block.
        let last = try #require(alignment.beads.last { !$0.english.isEmpty })
        #expect(last.chinese.count == 1)
        #expect(alignment.chinese.sentences[last.chinese[0]].part == .body)
    }

    @Test func fixtureCompilationInTheSeedsShape() throws {
        let alignment = try Self.align("Tests/Fixtures/Compilation/arctic-lanes.zh.txt", "Tests/Fixtures/Compilation/arctic-lanes.en.md")
        let zh = alignment.chinese.sentences, en = alignment.english.sentences
        // Front matter, captions and everything from the attribution on: alone.
        for line in [1, 2, 3, 5, 7, 12] + Array(14...24) {
            let beads = Self.beads(on: line, chinese: true, in: alignment)
            #expect(!beads.isEmpty, "line \(line)")
            for bead in beads { #expect(bead.english.isEmpty, "line \(line): \(bead.notation)") }
        }
        #expect(Self.beads(on: 4, chinese: true, in: alignment).map { $0.english.map { en[$0].text } } == [["By Elena Marsh"]])
        #expect(Self.beads(on: 1, chinese: false, in: alignment).map(\.chinese) == [[]])
        // The body (and the heading) aligns one to one, in order.
        let pairs = alignment.beads.filter(\.isPair).filter { zh[$0.chinese[0]].part != .byline }
        #expect(pairs.count == 15)
        #expect(pairs.allSatisfy { $0.kind == "1:1" })
        let zhBody = zh.indices.filter { [.body, .heading].contains(zh[$0].part) }
        let enBody = en.indices.filter { [.body, .heading].contains(en[$0].part) }
        #expect(pairs.map { $0.chinese[0] } == zhBody)
        #expect(pairs.map { $0.english[0] } == enBody)
    }
}
