import Foundation
import Testing
@testable import Termbridge

@Suite struct TBXRoundTripTests {
    @Test(arguments: [TBXGlossaryFormat.Version.v3, .v2008])
    func readsBackWhatItWroteAndWritesTheSameAgain(version: TBXGlossaryFormat.Version) throws {
        let original = try TBXTestSupport.realisticGlossary().fillingPinyin()
        let first = try TBXGlossaryFormat.write(original, version: version)
        #expect(first.warnings.isEmpty, "\(first.warnings)")
        let model = try TBXGlossaryFormat.read(first.data, file: nil)
        #expect(model == original)
        let second = try TBXGlossaryFormat.write(model, version: version)
        #expect(second.data == first.data)
        #expect(try TBXGlossaryFormat.read(second.data, file: nil) == model)
    }

    @Test func keepsEveryStatusPinyinAndProperNoun() throws {
        let model = try TBXGlossaryFormat.read(TBXGlossaryFormat.write(TBXTestSupport.realisticGlossary(), version: .v3).data, file: nil)
        let quasiAlly = try #require(model.concept(withID: "qa-001"))
        #expect(quasiAlly.terms(in: "zh").map(\.status) == [.preferred, .admitted, .superseded, .deprecated, .forbidden])
        #expect(quasiAlly.terms(in: "en").map(\.status) == [.preferred, .admitted, .superseded, .deprecated, .forbidden])
        // Given pinyin is kept; missing pinyin is computed when written.
        #expect(quasiAlly.terms(in: "zh").map(\.pinyin) == ["zhǔn méng yǒu", "zhǔn lián méng guó", "lèi méng yǒu", "zhǔn tóng méng", "zhǔn méng guó"])
        #expect(quasiAlly.terms(in: "en").allSatisfy { $0.pinyin == nil })
        #expect(model.concept(withID: "qa-031")?.terms(in: "en").map(\.partOfSpeech) == ["properNoun", "properNoun"])
    }

    /// TSV → model A → TBX → model B → TSV → model C: A == C.
    @Test(arguments: [GlossaryFormat.tbx, .tbx2008])
    func carriesTheShippedTSVGlossaryThroughTBXUnchanged(format: GlossaryFormat) throws {
        let path = TBXTestSupport.packageRoot.appendingPathComponent("Glossary/quasi-alliance.tsv").path
        let shipped = try Glossary.read(contentsOf: path)
        let a = try Glossary.read(shipped.encoded(as: .tsv).data, format: .tsv)
        let tbx = try a.encoded(as: format)
        #expect(tbx.warnings.isEmpty, "\(tbx.warnings)")
        let b = try Glossary.read(tbx.data, format: format)
        #expect(b.concepts.count == shipped.concepts.count)
        let c = try Glossary.read(b.encoded(as: .tsv).data, format: .tsv)
        #expect(c == a)
    }

    /// The shipped .tbx is the shipped .tsv: reading the TBX and keeping what TSV holds gives
    /// the TSV's model.
    @Test func shippedTBXAndTSVHoldTheSameGlossary() throws {
        let root = TBXTestSupport.packageRoot
        let tsv = try Glossary.read(contentsOf: root.appendingPathComponent("Glossary/quasi-alliance.tsv").path)
        let tbx = try Glossary.read(contentsOf: root.appendingPathComponent("Glossary/quasi-alliance.tbx").path)
        #expect(try Glossary.read(tbx.encoded(as: .tsv).data, format: .tsv) == tsv)
    }

    @Test func writesTheOfficialSampleBackWithItsCategories() throws {
        let path = TBXTestSupport.fixture("Example_Astronomy_DCA_VALID.tbx").path
        let sample = try Glossary.read(contentsOf: path)
        let (data, warnings) = try sample.encoded(as: .tbx)
        // The only loss: transacNote targets point into the back matter, which has no place
        // in the model.
        #expect(warnings.map(\.message) == [
            #"TBX: target "pe324as3-9615-4d41-a9c8-30c36bffe0e6" on <transacNote> refers to no id in this file (Termbridge does not keep TBX back matter): attribute removed (316 times; first in concept "c1")"#,
        ])
        let back = try Glossary.read(data, format: .tbx)
        #expect(back.concepts.count == sample.concepts.count)
        let extras = { (g: Glossary) in g.concepts.flatMap { $0.extra + $0.languages.flatMap { $0.extra + $0.terms.flatMap(\.extra) } } }
        #expect(extras(back).count == extras(sample).count)
        #expect(extras(back).map { $0.value.replacingOccurrences(of: #" target="pe324as3-9615-4d41-a9c8-30c36bffe0e6""#, with: "") }
                == extras(sample).map { $0.value.replacingOccurrences(of: #" target="pe324as3-9615-4d41-a9c8-30c36bffe0e6""#, with: "") })
    }
}
