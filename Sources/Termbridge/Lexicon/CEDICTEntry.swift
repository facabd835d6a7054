/// One line of CC-CEDICT: a word in Traditional and Simplified characters, its reading and
/// its English definitions. A word with several readings (了 `le5`, 了 `liao3`) has one
/// entry per reading.
public struct CEDICTEntry: Sendable, Hashable {
    /// The headword in Traditional characters, e.g. `盟約`.
    public var traditional: String
    /// The headword in Simplified characters, e.g. `盟约`.
    public var simplified: String
    /// The reading as the file writes it: numbered syllables separated by spaces
    /// (`meng2 yue1`, `Zhong1 guo2`, `lu:4`); see ``toneMarkedPinyin`` for display.
    public var pinyin: String
    /// The definitions as the file writes them, one per slash-separated field
    /// (`(Tw) to steal`, `CL:個|个[ge4]`).
    public var definitions: [String]
    /// The definitions cleaned into English glosses for matching (see ``CEDICTGlosses``).
    public var glosses: [String]
    /// The 1-based line of the entry in its file.
    public var line: Int

    public init(traditional: String, simplified: String, pinyin: String, definitions: [String], line: Int = 0) {
        self.traditional = traditional
        self.simplified = simplified
        self.pinyin = pinyin
        self.definitions = definitions
        self.glosses = CEDICTGlosses.clean(definitions)
        self.line = line
    }

    init(traditional: String, simplified: String, pinyin: String, definitions: [String], glosses: [String], line: Int) {
        self.traditional = traditional
        self.simplified = simplified
        self.pinyin = pinyin
        self.definitions = definitions
        self.glosses = glosses
        self.line = line
    }

    /// The reading with tone marks (`meng2 yue1` → `méng yuē`).
    public var toneMarkedPinyin: String { Pinyin.toneMarked(fromNumbered: pinyin) }
}
