import Foundation
import Testing
@testable import Termbridge

/// Our TBX 2008 and TMX as translate-toolkit reads them (the reader Weblate, Pootle and
/// `tbx2po` use). translate-toolkit comes from PyPI into `.cache/pylib` (scripts/setup.sh);
/// where it or Python is absent, the tests are skipped with that reason.
@Suite(.enabled(if: TranslateToolkit.python != nil, "translate-toolkit is not installed in .cache/pylib (scripts/setup.sh installs it)"))
struct TranslateToolkitTests {
    /// 准盟友 / quasi ally with a term of every status in both languages, and a candidate.
    private static let glossary: Glossary = {
        let quasiAlly = Concept(id: "qa-001", definition: "A state with US military support but no treaty.", languages: [
            LanguageTerms(language: "zh", terms: [
                Term("准盟友"), Term("准联盟国", status: .admitted), Term("类盟友", status: .superseded),
                Term("准同盟", status: .deprecated), Term("准盟國", status: .forbidden),
            ]),
            LanguageTerms(language: "en", terms: [Term("quasi ally"), Term("quasi allie", status: .forbidden)]),
        ])
        let candidate = Concept(id: "cand-001", languages: [
            LanguageTerms(language: "zh", terms: [Term("联盟体系", status: .proposed)]),
            LanguageTerms(language: "en", terms: [Term("alliance system", status: .proposed)]),
        ])
        return Glossary(concepts: [quasiAlly, candidate])
    }()

    @Test func readsEnglishAsTheSourceAndChineseAsTheTargetWithoutLanguageOptions() throws {
        let units = try TranslateToolkit.tbxUnits(TBXGlossaryFormat.write(Self.glossary, version: .v2008).data)
        #expect(units.map(\.source) == ["quasi ally", "alliance system"])
        #expect(units.map(\.target) == ["准盟友", "联盟体系"])
    }

    @Test func readsForbiddenAndDeprecatedTermsAsDeprecatedWithANoteSayingDoNotUse() throws {
        let unit = try TranslateToolkit.tbxUnits(TBXGlossaryFormat.write(Self.glossary, version: .v2008).data)[0]
        let chinese = Dictionary(uniqueKeysWithValues: unit.targetTerms.map { ($0.text, $0) })
        #expect(chinese["准盟友"]?.deprecated == false)
        #expect(chinese["准联盟国"]?.deprecated == false)
        for text in ["准同盟", "准盟國"] {
            #expect(chinese[text]?.deprecated == true, "\(text)")
        }
        #expect(chinese["准盟國"]?.notes.contains(TermStatus.forbiddenNote) == true)
        #expect(chinese["准同盟"]?.notes.contains(TermStatus.deprecatedNote) == true)
        #expect(chinese["类盟友"]?.status == "supersededTerm-admn-sts")
        #expect(chinese["类盟友"]?.notes.contains(TermStatus.supersededNote) == true)
        let english = Dictionary(uniqueKeysWithValues: unit.sourceTerms.map { ($0.text, $0) })
        #expect(english["quasi allie"]?.deprecated == true)
        #expect(english["quasi ally"]?.status == "preferredTerm-admn-sts")
        #expect(!unit.obsolete)   // the concept's usable terms keep it in the glossary
    }

    @Test func readsACandidateAsUnapprovedNeverAsAdmittedOrPreferred() throws {
        let unit = try TranslateToolkit.tbxUnits(TBXGlossaryFormat.write(Self.glossary, version: .v2008).data)[1]
        for term in unit.sourceTerms + unit.targetTerms {
            #expect(term.status == nil, "\(term.text) carries \(term.status ?? "")")
            #expect(term.notes.contains(TermStatus.proposedNote))
        }
    }

    @Test func readsAnExtractedCandidateGlossaryTheSameWay() throws {
        let candidate = TermCandidate(chinese: "准盟友", english: "quasi ally", kind: .bilingual, frequency: 3, score: 0.8)
        let data = try Glossary(candidates: [candidate], termLevelDetails: true).encoded(as: .tbx2008).data
        let unit = try #require(TranslateToolkit.tbxUnits(data).first)
        #expect(unit.source == "quasi ally" && unit.target == "准盟友")
        #expect((unit.sourceTerms + unit.targetTerms).allSatisfy { $0.status == nil && $0.notes.contains(TermStatus.proposedNote) })
    }

    @Test func readsChineseAsTheSourceWhenTheGlossaryDeclaresIt() throws {
        var glossary = Self.glossary
        glossary.sourceLanguage = "zh"
        let units = try TranslateToolkit.tbxUnits(TBXGlossaryFormat.write(glossary, version: .v2008).data)
        #expect(units.map(\.source) == ["准盟友", "联盟体系"])
        #expect(units.map(\.target) == ["quasi ally", "alliance system"])
    }

    @Test func readsOurTMXWithEnglishSourcesAndChineseTargets() throws {
        let tmx = try AlignmentFixtures.sample.encoded(as: .tmx).data
        let units = try TranslateToolkit.tmxUnits(tmx)
        #expect(units.map(\.source) == ["America's quasi allies are multiplying.", "Such quasi alliances are costly and risky."])
        #expect(units.map(\.target) == ["美国的准盟友日益增多。", "准同盟代价高昂,风险也大。"])
    }
}

/// Runs translate-toolkit's readers on our files through Python.
enum TranslateToolkit {
    /// `.cache/pylib`, where scripts/setup.sh installs translate-toolkit.
    static let library = TBXTestSupport.packageRoot.appendingPathComponent(".cache/pylib").path

    /// A `python3` that imports translate-toolkit from ``library``; nil when there is none.
    static let python: String? = {
        guard FileManager.default.fileExists(atPath: library + "/translate/storage/tbx.py"),
              let python = TBXTestSupport.which("python3"),
              let result = try? TBXTestSupport.run(python, ["-c", "import translate.storage.tbx"], environment: ["PYTHONPATH": library]),
              result.status == 0 else { return nil }
        return python
    }()

    /// One term as `TBXTerm` gives it.
    struct TermRecord: Decodable {
        var text: String
        var status: String?
        var deprecated: Bool
        var notes: [String]
    }

    /// One unit (concept entry or translation unit) as translate-toolkit reads it.
    struct Unit: Decodable {
        var source: String
        var target: String
        var obsolete: Bool
        var sourceTerms: [TermRecord]
        var targetTerms: [TermRecord]
    }

    private static let tbxScript = """
        import json, sys
        from translate.storage import tbx
        store = tbx.tbxfile.parsestring(open(sys.argv[1], "rb").read())
        def terms(ts):
            return [{"text": t.text, "status": t.administrative_status, "deprecated": t.deprecated,
                     "notes": [n.text for n in t.notes if n.scope == "term"]} for t in ts]
        print(json.dumps([{"source": u.source, "target": u.target, "obsolete": u.isobsolete(),
                           "sourceTerms": terms(u.get_source_terms()), "targetTerms": terms(u.get_target_terms())}
                          for u in store.units]))
        """

    private static let tmxScript = """
        import json, sys
        from translate.storage import tmx
        store = tmx.tmxfile.parsestring(open(sys.argv[1], "rb").read())
        print(json.dumps([{"source": u.source, "target": u.target, "obsolete": u.isobsolete(),
                           "sourceTerms": [], "targetTerms": []} for u in store.units]))
        """

    static func tbxUnits(_ data: Data) throws -> [Unit] { try run(tbxScript, on: data, name: "glossary.tbx") }
    static func tmxUnits(_ data: Data) throws -> [Unit] { try run(tmxScript, on: data, name: "memory.tmx") }

    private static func run(_ script: String, on data: Data, name: String) throws -> [Unit] {
        let python = try #require(python)
        let file = try TBXTestSupport.temporaryFile(data, name: name)
        let result = try TBXTestSupport.run(python, ["-c", script, file], environment: ["PYTHONPATH": library])
        try #require(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode([Unit].self, from: Data(result.output.utf8))
    }
}
