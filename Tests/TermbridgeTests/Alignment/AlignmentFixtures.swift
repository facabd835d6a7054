@testable import Termbridge

/// Hand-built alignments for the writer tests (the aligner's quality is not under test).
enum AlignmentFixtures {
    static func document(_ language: String, _ texts: [String], file: String? = nil) -> AlignmentDocument {
        AlignmentDocument(language: language, file: file, sentences: texts.enumerated().map { index, text in
            AlignmentUnit(text: text, paragraph: index, line: index + 1, column: 1)
        })
    }

    /// A 1:1, a 1:2, an addition (1:0) and a cut (0:1), with markup characters in the cut.
    static let sample = Alignment(
        chinese: document("zh", ["美国的准盟友日益增多。", "准同盟代价高昂,风险也大。", "这是译者补充的说明。"],
                          file: "quasi.zh.txt"),
        english: document("en", ["America's quasi allies are multiplying.", "Such quasi alliances are costly",
                                 "and risky.", "Untranslated: <b>Tom & Jerry</b> said \"no\"."],
                          file: "quasi.en.md"),
        beads: [
            Bead(chinese: [0], english: [0], score: 0.93),
            Bead(chinese: [1], english: [1, 2], score: 0.41),
            Bead(chinese: [2], english: [], score: 0.2),
            Bead(chinese: [], english: [3], score: 0.1),
        ])

    /// qa-001 准盟友 / quasi ally, with 准同盟 deprecated for it; qa-002 伪盟友 forbidden.
    static let glossary: Glossary = {
        var quasiAlly = Concept(id: "qa-001")
        quasiAlly.add(Term("准盟友"), in: "zh")
        quasiAlly.add(Term("准同盟", status: .deprecated), in: "zh")
        quasiAlly.add(Term("quasi ally"), in: "en")
        var fakeAlly = Concept(id: "qa-002")
        fakeAlly.add(Term("假盟友"), in: "zh")
        fakeAlly.add(Term("风险", status: .forbidden), in: "zh")
        fakeAlly.add(Term("sham ally"), in: "en")
        return Glossary(concepts: [quasiAlly, fakeAlly])
    }()

    static func string(_ encoded: EncodedAlignment) -> String {
        String(decoding: encoded.data, as: UTF8.self)
    }
}
