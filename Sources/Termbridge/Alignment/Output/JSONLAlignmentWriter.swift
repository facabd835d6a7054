import Foundation

/// Writes an alignment as JSON Lines: one object per bead, in order, null beads included:
///
///     {"chinese":[0,1],"chinesePart":"body","chineseText":"…","english":[0],"englishPart":"body","englishText":"…","kind":"2:1","score":0.93}
///
/// `chinese` and `english` are 0-based sentence indices; the texts are as
/// ``Alignment/texts(of:)`` joins them (an empty side is `[]` and `""`); the parts are the
/// ``DocumentPart`` of each side's first sentence (`title`, `byline`, `heading`, `body`,
/// `front-matter`, `caption`, `back-matter`; `null` for an empty side); keys are sorted;
/// `score` is `null` when it is not a finite number.
public struct JSONLAlignmentWriter: Sendable {
    public init() {}

    /// One bead as a JSON object.
    public struct Record: Codable, Sendable, Equatable {
        public var chinese: [Int]
        public var english: [Int]
        public var chineseText: String
        public var englishText: String
        public var chinesePart: DocumentPart?
        public var englishPart: DocumentPart?
        public var kind: String
        public var score: Double?

        public init(chinese: [Int], english: [Int], chineseText: String, englishText: String,
                    chinesePart: DocumentPart? = nil, englishPart: DocumentPart? = nil, kind: String, score: Double?) {
            self.chinese = chinese
            self.english = english
            self.chineseText = chineseText
            self.englishText = englishText
            self.chinesePart = chinesePart
            self.englishPart = englishPart
            self.kind = kind
            self.score = score
        }

        private enum CodingKeys: String, CodingKey {
            case chinese, english, chineseText, englishText, chinesePart, englishPart, kind, score
        }

        /// Writes every key, `score` as `null` when absent.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(chinese, forKey: .chinese)
            try c.encode(english, forKey: .english)
            try c.encode(chineseText, forKey: .chineseText)
            try c.encode(englishText, forKey: .englishText)
            try c.encode(chinesePart, forKey: .chinesePart)
            try c.encode(englishPart, forKey: .englishPart)
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
                                chinesePart: bead.chinese.first.map { alignment.chinese.sentences[$0].part },
                                englishPart: bead.english.first.map { alignment.english.sentences[$0].part },
                                kind: bead.kind, score: bead.score.isFinite ? bead.score : nil)
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return EncodedAlignment(data: data)
    }
}
