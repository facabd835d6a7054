import Foundation

/// Writes an alignment as JSON Lines: one object per bead, in order, null beads included:
///
///     {"chinese":[0,1],"chineseText":"…","english":[0],"englishText":"…","kind":"2:1","score":0.93}
///
/// `chinese` and `english` are 0-based sentence indices; the texts are as
/// ``Alignment/texts(of:)`` joins them (an empty side is `[]` and `""`); keys are sorted;
/// `score` is `null` when it is not a finite number.
public struct JSONLAlignmentWriter: Sendable {
    public init() {}

    /// One bead as a JSON object.
    public struct Record: Codable, Sendable, Equatable {
        public var chinese: [Int]
        public var english: [Int]
        public var chineseText: String
        public var englishText: String
        public var kind: String
        public var score: Double?

        public init(chinese: [Int], english: [Int], chineseText: String, englishText: String, kind: String, score: Double?) {
            self.chinese = chinese
            self.english = english
            self.chineseText = chineseText
            self.englishText = englishText
            self.kind = kind
            self.score = score
        }

        private enum CodingKeys: String, CodingKey {
            case chinese, english, chineseText, englishText, kind, score
        }

        /// Writes every key, `score` as `null` when absent.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(chinese, forKey: .chinese)
            try c.encode(english, forKey: .english)
            try c.encode(chineseText, forKey: .chineseText)
            try c.encode(englishText, forKey: .englishText)
            try c.encode(kind, forKey: .kind)
            try c.encode(score, forKey: .score)
        }
    }

    /// The alignment as JSON Lines.
    public func encode(_ alignment: Alignment) throws -> EncodedAlignment {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for bead in alignment.beads {
            let (zh, en) = alignment.texts(of: bead)
            let record = Record(chinese: bead.chinese, english: bead.english, chineseText: zh, englishText: en,
                                kind: bead.kind, score: bead.score.isFinite ? bead.score : nil)
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return EncodedAlignment(data: data)
    }
}
