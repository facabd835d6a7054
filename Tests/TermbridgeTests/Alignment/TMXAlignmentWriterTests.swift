import Foundation
import Testing
@testable import Termbridge

@Suite struct TMXAlignmentWriterTests {
    let sample = AlignmentFixtures.sample

    @Test func writesOneUnitPerBeadWithBothSidesEnglishFirst() throws {
        let tmx = AlignmentFixtures.string(try sample.encoded(as: .tmx))
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 2)
        #expect(tmx.contains("""
                <tu tuid="2">
                  <prop type="x-termbridge-bead">1:2</prop>
                  <prop type="x-termbridge-score">0.4100</prop>
                  <tuv xml:lang="en"><seg>Such quasi alliances are costly and risky.</seg></tuv>
                  <tuv xml:lang="zh-CN"><seg>准同盟代价高昂,风险也大。</seg></tuv>
                </tu>
            """))
    }

    @Test func headerCarriesTheAttributesTheDTDRequires() throws {
        let tmx = AlignmentFixtures.string(try sample.encoded(as: .tmx))
        #expect(tmx.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">"))
        for attribute in ["creationtool=\"Termbridge\"", "creationtoolversion=\"\(AlignmentOutputOptions.termbridgeVersion)\"",
                          "segtype=\"sentence\"", "o-tmf=\"Termbridge\"", "adminlang=\"en\"", "srclang=\"en\"",
                          "datatype=\"plaintext\""] {
            #expect(tmx.contains(attribute))
        }
    }

    @Test func nullBeadsAreLeftOutAndCountedInANote() throws {
        let encoded = try sample.encoded(as: .tmx)
        #expect(!AlignmentFixtures.string(encoded).contains("这是译者补充的说明"))
        #expect(!AlignmentFixtures.string(encoded).contains("Untranslated"))
        #expect(encoded.notes.count == 1)
        #expect(encoded.notes[0] == "left out of the TMX: 2 bead(s) with sentences on one side only (1:0, 0:1: no translation); 2 translation unit(s) written")
    }

    @Test func weakBeadsAreLeftOutOrKeptAndMarked() throws {
        var alignment = sample
        alignment.beads[1].score = 0.29   // the 1:2 bead, just below the default threshold
        let strict = try alignment.encoded(as: .tmx)
        let tmx = AlignmentFixtures.string(strict)
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 1)
        #expect(!tmx.contains("Such quasi alliances"))
        #expect(strict.notes == ["left out of the TMX: 2 bead(s) with sentences on one side only (1:0, 0:1: no translation) and 1 bead(s) scoring below 0.30 (weak: keep them, marked, with --keep-weak); 1 translation unit(s) written"])
        let kept = try alignment.encoded(as: .tmx, options: AlignmentOutputOptions(keepsWeakBeads: true))
        #expect(AlignmentFixtures.string(kept).contains("""
                  <prop type="x-termbridge-score">0.2900</prop>
                  <prop type="x-termbridge-review">score below 0.30</prop>
                  <tuv xml:lang="en"><seg>Such quasi alliances are costly and risky.</seg></tuv>
            """))
        #expect(kept.notes.last == "1 bead(s) scoring below 0.30 were written marked <prop type=\"x-termbridge-review\">: check them before use")
        let lower = try alignment.encoded(as: .tmx, options: AlignmentOutputOptions(minimumTMXScore: 0.2))
        #expect(AlignmentFixtures.string(lower).contains("Such quasi alliances"))
        #expect(!AlignmentFixtures.string(lower).contains("x-termbridge-review"))
    }

    @Test func escapesMarkupAndReplacesControlCharacters() throws {
        var alignment = sample
        alignment.beads = [Bead(chinese: [0], english: [3], score: 1)]
        alignment.chinese.sentences[0].text = "准盟友\u{1}"
        let encoded = try alignment.encoded(as: .tmx)
        let tmx = AlignmentFixtures.string(encoded)
        #expect(tmx.contains("<seg>Untranslated: &lt;b&gt;Tom &amp; Jerry&lt;/b&gt; said \"no\".</seg>"))
        #expect(tmx.contains("<seg>准盟友\u{FFFD}</seg>"))
        #expect(encoded.notes == ["1 character(s) that XML cannot hold were replaced by U+FFFD"])
    }

    @Test func keepsASpecificChineseTagAndOmitsANonFiniteScore() throws {
        var alignment = sample
        alignment.chinese.language = "zh-TW"
        alignment.beads = [Bead(chinese: [0], english: [0], score: .nan)]
        // A bead with no score is weak: left out, or kept and marked.
        #expect(!AlignmentFixtures.string(try alignment.encoded(as: .tmx)).contains("<tu "))
        let tmx = AlignmentFixtures.string(try alignment.encoded(as: .tmx, options: AlignmentOutputOptions(keepsWeakBeads: true)))
        #expect(tmx.contains("<tuv xml:lang=\"zh-TW\">"))
        #expect(!tmx.contains("x-termbridge-score"))
        #expect(tmx.contains("x-termbridge-review"))
    }

    @Test(.enabled(if: Self.executable("xmllint") != nil, "needs xmllint (Debian libxml2-utils; scripts/setup.sh installs it)"),
          arguments: [false, true])
    func validatesAgainstTheTMXDTD(empty: Bool) throws {
        let dtd = "Schemas/tmx/tmx14.dtd"   // the DTD the project ships (Schemas/README.md)
        let xmllint = try #require(Self.executable("xmllint"))
        var alignment = sample
        alignment.beads[1].score = 0.1   // kept and marked with a review prop
        if empty { alignment.beads = [Bead(chinese: [], english: [3], score: 0)] }
        let path = NSTemporaryDirectory() + "termbridge-tmx-\(UUID().uuidString).tmx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try alignment.write(to: path, options: AlignmentOutputOptions(keepsWeakBeads: true))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("x-termbridge-review") == !empty)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--dtdvalid", dtd, path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func aBeadOutsideTheDocumentsIsAnErrorNotACrash() {
        var alignment = sample
        alignment.beads.append(Bead(chinese: [7], english: [0], score: 1))
        #expect(throws: InvalidBeadError(beadIndex: 4, notation: "[7]:[0]", chineseCount: 3, englishCount: 4)) {
            try alignment.encoded(as: .tmx)
        }
    }

    static func executable(_ name: String) -> String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }
}
