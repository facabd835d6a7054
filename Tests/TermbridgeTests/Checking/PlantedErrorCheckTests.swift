import Foundation
import Testing
@testable import Termbridge

/// The sample corpus's translation with known errors planted in it
/// (`Tests/Fixtures/Checking/quasi-alliances.zh.planted.txt`) and its corrected version
/// (`quasi-alliances.zh.clean.txt`: the corpus file with its real slips fixed — 准盟友 for
/// "quasi alliances", 美国 for "Washington", 摒弃 for "abandon", …), checked against the shipped
/// glossary plus `quasi-alliances.supplement.tsv` (two concepts the glossary lacks: proxy
/// war, mutual defense treaty). Read by path: tests run from the package root.
enum PlantedCorpus {
    static let folder = "Tests/Fixtures/Checking"
    static let english = "Corpus/en/quasi-alliances.en.md"
    static let clean = "\(folder)/quasi-alliances.zh.clean.txt"
    static let planted = "\(folder)/quasi-alliances.zh.planted.txt"

    /// One planted error: the line it is on, the check(s) that must report it there, and the
    /// text at the finding's column (nil: not checked).
    struct Plant {
        var what: String
        var line: Int
        var checks: [CheckID]
        var at: String?
    }

    static let plants: [Plant] = [
        Plant(what: "variant switch 准盟友 → 准同盟 in the editor's summary (no English)", line: 2, checks: [.variantDrift], at: "准同盟”。"),
        Plant(what: "ATACMS misspelled ATCAMS in the summary (a glossary term)", line: 2, checks: [.latinTokenMisspelled], at: "ATCAMS"),
        Plant(what: "key term mistranslated: nuclear umbrella as 核威慑", line: 9, checks: [.termMistranslated], at: "日本、韩国以及"),
        Plant(what: "magnitude changed: 数十亿美元 → 数百亿美元 for billions of dollars", line: 9, checks: [.numberMismatch], at: "数百亿"),
        Plant(what: "negation dropped: 永远不会被完全兑现 → 永远会被完全兑现 (never fully made)", line: 13, checks: [.negationMismatch], at: "卡尔德安全政策研究所"),
        Plant(what: "deprecated term 赞助国 for patron", line: 15, checks: [.termDeprecated], at: "赞助国"),
        Plant(what: "ATACMS dropped (and the system's name with it)", line: 15, checks: [.latinTokenMissing, .termMistranslated], at: "2022年至2023年"),
        Plant(what: "deprecated English spelling Kiev in a gloss", line: 15, checks: [.termDeprecated], at: "Kiev"),
        Plant(what: "number changed: 2000磅 → 200磅", line: 17, checks: [.numberMismatch], at: "200磅"),
        Plant(what: "forbidden term 川普", line: 17, checks: [.termForbidden], at: "川普"),
        Plant(what: "a sentence left in English (the source's own)", line: 21, checks: [.targetSameAsSource], at: "The Gulf"),
        Plant(what: "a space between 2024 and 年 where the file writes none", line: 21, checks: [.cjkLatinSpacing], at: " 年,美沙"),
        Plant(what: "“ closed by an ASCII \"", line: 23, checks: [.punctuationUnpaired], at: "\"相比之下"),
        Plant(what: "a clause left out: war aims, before a conflict, shipment by shipment", line: 25, checks: [.lengthRatio], at: "首先,美国应与"),
        Plant(what: "a doubled word: 长期长期", line: 27, checks: [.repeatedWord], at: "长期特征"),
    ]

    /// Findings a plant causes besides its own: the changed number also breaks the glossary
    /// term 2000磅炸弹.
    static let collateral: [(CheckID, Int)] = [(.termMistranslated, 17)]

    static func glossary() throws -> Glossary {
        let shipped = try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv")
        let supplement = try Glossary.read(contentsOf: "\(folder)/quasi-alliances.supplement.tsv")
        return Glossary(concepts: shipped.concepts + supplement.concepts)
    }

    static func document(_ path: String, _ language: String) throws -> AlignmentDocument {
        try AlignmentDocument(text: String(contentsOfFile: path, encoding: .utf8), language: language, file: path)
    }

    /// The column of `text` in line `line` of `path`, in Unicode scalars, 1-based.
    static func column(of text: String, line: Int, in path: String) throws -> Int? {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        guard let range = lines[line - 1].range(of: text) else { return nil }
        return lines[line - 1].unicodeScalars.distance(from: lines[line - 1].unicodeScalars.startIndex, to: range.lowerBound) + 1
    }

    /// Checks `chinese` against the English with the gold sentence alignment (no aligner).
    static func checkWithGoldBeads(_ chinese: String) throws -> [Finding] {
        try Checker(glossary: glossary()).check(goldSegments(chinese))
    }

    /// The segments of `chinese` and the English under the gold beads.
    static func goldSegments(_ chinese: String) throws -> [CheckSegment] {
        let beads = try BeadFile.read(contentsOf: "\(folder)/quasi-alliances.beads")
        let alignment = Alignment(chinese: try document(chinese, "zh"), english: try document(english, "en"), beads: beads)
        try alignment.validateBeads()
        return PlainTextSegments.segments(of: alignment)
    }

    static let cedictPath = ProcessInfo.processInfo.environment["TERMBRIDGE_CEDICT"] ?? ".cache/cedict_ts.u8"
    static var hasCEDICT: Bool { FileManager.default.fileExists(atPath: cedictPath) }
}

@Suite struct PlantedErrorCheckTests {
    @Test func theCleanTranslationHasNoFinding() throws {
        let findings = try PlantedCorpus.checkWithGoldBeads(PlantedCorpus.clean)
        #expect(findings.isEmpty, "\(findings.map { "\($0.location.line):\($0.location.column) [\($0.check.rawValue)] \($0.message)" })")
    }

    @Test func everyPlantedErrorIsFoundOnItsLineAndColumn() throws {
        let findings = try PlantedCorpus.checkWithGoldBeads(PlantedCorpus.planted)
        for plant in PlantedCorpus.plants {
            for check in plant.checks {
                let here = findings.filter { $0.check == check && $0.location.line == plant.line }
                #expect(!here.isEmpty, "not found: \(plant.what) [\(check.rawValue)] on line \(plant.line)")
                if let text = plant.at, let column = try PlantedCorpus.column(of: text, line: plant.line, in: PlantedCorpus.planted) {
                    #expect(here.contains { $0.location.column == column }, "\(plant.what): columns \(here.map(\.location.column)), expected \(column)")
                }
                #expect(here.allSatisfy { $0.location.file == PlantedCorpus.planted })
            }
        }
        // Nothing else: every finding is a plant or a plant's known side effect.
        let expected = Set(PlantedCorpus.plants.flatMap { plant in plant.checks.map { "\($0.rawValue)@\(plant.line)" } })
            .union(PlantedCorpus.collateral.map { "\($0.0.rawValue)@\($0.1)" })
        let unexpected = findings.filter { !expected.contains("\($0.check.rawValue)@\($0.location.line)") }
        #expect(unexpected.isEmpty, "\(unexpected.map { "\($0.location.line):\($0.location.column) [\($0.check.rawValue)] \($0.message)" })")
    }

    @Test(.enabled(if: PlantedCorpus.hasCEDICT, "needs .cache/cedict_ts.u8 (scripts/fetch-cedict.sh)"))
    func theAlignerFindsTheSamePlantsAndNothingOnTheCleanCopy() throws {
        let lexicon = try CEDICTLexicon.load(contentsOf: PlantedCorpus.cedictPath)
        let glossary = try PlantedCorpus.glossary()
        let aligner = try Aligner(glossary: glossary, lexicon: lexicon)
        func check(_ chinese: String) throws -> [Finding] {
            let alignment = try aligner.align(try PlantedCorpus.document(chinese, "zh"), try PlantedCorpus.document(PlantedCorpus.english, "en"))
            return try Checker(glossary: glossary, lexicon: lexicon).check(PlainTextSegments.segments(of: alignment))
        }
        // The summary (导语, lines 1–2) is front matter, aligned 1:0: the clean copy has no
        // finding anywhere.
        let clean = try check(PlantedCorpus.clean)
        #expect(clean.isEmpty, "\(clean.map(\.message))")
        let planted = try check(PlantedCorpus.planted)
        for plant in PlantedCorpus.plants {
            // A sentence left in English makes the aligner pair it with more than its own
            // English: no longer a copy of its source, still untranslated.
            var accepted = plant.checks
            if plant.checks == [.targetSameAsSource] { accepted.append(.targetUntranslated) }
            #expect(planted.contains { accepted.contains($0.check) && $0.location.line == plant.line }, "not found: \(plant.what)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "../shared/seed/000_fc94195cf814659a.txt"), "needs the seed (../shared/seed)"))
    func theSeedsSwitchToTheDeprecatedVariantIsDrift() throws {
        // Third-party text, read by path for evaluation only.
        let path = "../shared/seed/000_fc94195cf814659a.txt"
        let checker = try Checker(glossary: Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv"))
        var findings: [Finding] = []
        try PlainTextSegments.forEachChineseSentence(inFileAt: path) { segment in checker.check(segment) { findings.append($0) } }
        checker.finish { findings.append($0) }
        let drift = findings.filter { $0.check == .variantDrift && $0.conceptID == "qa-001" }
        #expect(drift.count >= 5)
        #expect(drift.allSatisfy { $0.found == "准同盟" && $0.expected == ["准盟友"] })
        // 弃权 for abandonment is forbidden; 赞助国 for patron deprecated.
        #expect(findings.contains { $0.check == .termForbidden && $0.found == "弃权" })
        #expect(findings.contains { $0.check == .termDeprecated && $0.found == "赞助国" })
    }
}

/// The clean translation's sentence pairs (gold beads) as the units of one bilingual file,
/// for the checks a plain-text pair cannot show: an empty target, repeated units, mixed
/// punctuation widths across units, and a user check.
@Suite struct PlantedUnitCheckTests {
    static let file = "units.tmx"

    /// The bilingual pairs of the clean copy, in order.
    static func cleanPairs() throws -> [(english: String, chinese: String)] {
        try PlantedCorpus.goldSegments(PlantedCorpus.clean).compactMap { segment in
            guard let english = segment.source?.text, let chinese = segment.target?.text else { return nil }
            return (english, chinese)
        }
    }

    static func units(_ pairs: [(english: String, chinese: String?)]) -> [CheckSegment] {
        pairs.enumerated().map { k, pair in
            CheckSegment(index: k, id: "\(k + 1)", source: SegmentText(text: pair.english, file: file, line: k + 1),
                         target: pair.chinese.map { SegmentText(text: $0, file: file, line: k + 1) })
        }
    }

    /// Washington is 华盛顿 in this translation (a house rule, as a user check).
    static let checklist = "id\tseverity\tsource\ttarget\twhen\tmessage\nwashington\terror\t\\bWashington\\b\t华盛顿\ttarget-missing\tWashington is 华盛顿 here\n"

    static func check(_ units: [CheckSegment]) throws -> [Finding] {
        let checklist = try Checklist.parse(checklist, file: "house.tsv")
        return try Checker(glossary: PlantedCorpus.glossary(), checklist: checklist).check(units)
    }

    @Test func eachPlantIsFoundAtItsUnitAndTheCleanUnitsGiveNothing() throws {
        let clean: [(english: String, chinese: String?)] = try Self.cleanPairs().map { ($0.english, $0.chinese) }
        #expect(clean.count >= 20)
        let cleanFindings = try Self.check(Self.units(clean))
        #expect(cleanFindings.isEmpty, "\(cleanFindings.map { "\($0.location.line) [\($0.check)] \($0.message)" })")

        var planted = clean
        // Units (1-based) and what is planted there; each pair is chosen for the text it has.
        let empty = try #require(planted.firstIndex { $0.english.count > 60 })
        planted[empty].chinese = nil
        let comma = try #require(planted.indices.first { $0 > empty && $0 != empty && planted[$0].chinese?.contains(where: { $0 == "," }) == true
                                                           && planted[$0].chinese?.range(of: "\\p{Han},\\p{Han}", options: .regularExpression) != nil })
        let commaRange = try #require(planted[comma].chinese?.range(of: "\\p{Han},\\p{Han}", options: .regularExpression))
        planted[comma].chinese = planted[comma].chinese?.replacingCharacters(in: commaRange, with: String(planted[comma].chinese![commaRange]).replacingOccurrences(of: ",", with: "，"))
        let washington = try #require(planted.indices.first { planted[$0].english.contains("Washington") && planted[$0].chinese?.contains("华盛顿") == true && $0 != comma })
        planted[washington].chinese = planted[washington].chinese?.replacingOccurrences(of: "华盛顿", with: "美方")
        // A repeated source translated differently (its first clause only), and a
        // translation reused for another source (the English with "this" for "the").
        let repeated = try #require(planted.indices.first { ![empty, comma, washington].contains($0) && planted[$0].chinese?.contains(",") == true })
        let shortened = String(planted[repeated].chinese!.prefix { $0 != "," }) + "。"
        planted.append((planted[repeated].english, shortened))
        let reused = try #require(planted.indices.first { ![empty, comma, washington, repeated].contains($0) && planted[$0].english.contains(" the ") })
        planted.append((planted[reused].english.replacingOccurrences(of: " the ", with: " this "), planted[reused].chinese))

        let findings = try Self.check(Self.units(planted))
        let expected: [(CheckID, Int)] = [(.targetEmpty, empty + 1), (.punctuationMixed, comma + 1), (CheckID("washington"), washington + 1),
                                          (.segmentInconsistentTarget, planted.count - 1), (.segmentInconsistentSource, planted.count)]
        for (check, unit) in expected {
            #expect(findings.contains { $0.check == check && $0.location.line == unit }, "not found: \(check) at unit \(unit)")
        }
        // Nothing else, but what the shortened repeat also is (a much shorter translation), and
        // the glossary's own view of 美方 for Washington (qa-092: 华盛顿).
        let allowed = Set(expected.map { "\($0.0)@\($0.1)" }
                          + ["\(CheckID.lengthRatio)@\(planted.count - 1)", "\(CheckID.termMistranslated)@\(washington + 1)"])
        let unexpected = findings.filter { !allowed.contains("\($0.check)@\($0.location.line)") }
        #expect(unexpected.isEmpty, "\(unexpected.map { "\($0.location.line) [\($0.check)] \($0.message)" })")
    }
}
