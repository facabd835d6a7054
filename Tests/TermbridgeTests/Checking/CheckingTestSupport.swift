import Foundation
@testable import Termbridge

/// Small glossaries and files for the checking tests.
enum CheckingFixtures {
    /// A concept with Chinese and English terms: the first of each preferred, the rest with
    /// the given statuses (admitted when not given).
    static func concept(_ id: String, zh: [(String, TermStatus)], en: [(String, TermStatus)]) -> Concept {
        var concept = Concept(id: id)
        for (text, status) in zh { concept.add(Term(text, status: status), in: "zh") }
        for (text, status) in en { concept.add(Term(text, status: status), in: "en") }
        return concept
    }

    /// quasi ally (准盟友; 准同盟 deprecated), quasi alliance (准同盟关系; 准同盟 admitted),
    /// Donald Trump (特朗普, 唐纳德·特朗普; 川普 forbidden), Kyiv (基辅; Kiev deprecated),
    /// leverage (杠杆, 筹码), NATO (北约, 北大西洋公约组织), ATACMS, G7.
    static let glossary = Glossary(concepts: [
        concept("qa-001", zh: [("准盟友", .preferred), ("准同盟", .deprecated)], en: [("quasi ally", .preferred), ("quasi-ally", .admitted)]),
        concept("qa-002", zh: [("准同盟关系", .preferred), ("准同盟", .admitted)], en: [("quasi alliance", .preferred)]),
        concept("qa-076", zh: [("特朗普", .preferred), ("唐纳德·特朗普", .admitted), ("川普", .forbidden)], en: [("Donald Trump", .preferred), ("Trump", .admitted)]),
        concept("qa-079", zh: [("基辅", .preferred)], en: [("Kyiv", .preferred), ("Kiev", .deprecated)]),
        concept("qa-049", zh: [("杠杆", .preferred), ("筹码", .admitted)], en: [("leverage", .preferred)]),
        concept("qa-095", zh: [("北约", .preferred), ("北大西洋公约组织", .admitted)], en: [("NATO", .preferred)]),
        concept("qa-031", zh: [("陆军战术导弹系统", .preferred), ("ATACMS", .admitted)], en: [("Army Tactical Missile System", .preferred), ("ATACMS", .admitted)]),
        concept("qa-098", zh: [("七国集团", .preferred), ("G7", .admitted)], en: [("G7", .preferred)]),
    ])

    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "termbridge-check-\(UUID().uuidString)\(suffix)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func segments(_ format: BilingualFormat, _ text: String) throws -> [CheckSegment] {
        let path = try temporaryFile(text, suffix: "." + format.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var segments: [CheckSegment] = []
        try format.forEachSegment(inFileAt: path) { segments.append($0) }
        return segments
    }

    /// A bilingual pair as one segment, both texts on line 1 of files `en.txt`/`zh.txt`.
    static func pair(_ english: String, _ chinese: String, index: Int = 0) -> CheckSegment {
        CheckSegment(index: index, source: SegmentText(text: english, file: "en.txt", line: index + 1),
                     target: SegmentText(text: chinese, file: "zh.txt", line: index + 1))
    }

    static func chinese(_ chinese: String, index: Int = 0) -> CheckSegment {
        CheckSegment(index: index, source: nil, target: SegmentText(text: chinese, file: "zh.txt", line: index + 1))
    }
}
