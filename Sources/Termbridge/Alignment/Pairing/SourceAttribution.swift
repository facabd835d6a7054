/// What a Chinese translation or compilation says about its English source: the original
/// title (文章原题目为“…”, 原文标题:…, 编译自《…》, Original title: …), the author written as
/// 中文名(English Name), the credit lines (编译|…, 审校|…) and whether it was cut
/// (内容有所删减, 有删节).
///
/// Parsing never fails: a document without any attribution has `title == nil`. The whole
/// document is searched, since the attribution is often at the end. O(n · k) for n
/// characters and k keywords.
public struct SourceAttribution: Sendable, Equatable {
    /// Every source title the document gives, best first: one with Latin letters (an English
    /// title can be matched) before one without, then by kind (``AttributionKind/originalTitle``
    /// first), then in document order.
    public var titles: [DetectedTitle]
    /// The author of the source, from a line of its own such as `玛格丽特·霍洛韦(Margaret Holloway)`
    /// or `作者|…`; the first such line.
    public var author: Author?
    /// The credit lines (编译|周若琳, 审校|陈思远), one per role, in document order.
    public var credits: [Credit]
    /// Whether the document says it was cut (内容有所删减, 有删节, 节选 …) in an editorial
    /// note: on an attribution line, on a line starting with a note marker (`*`, 注, 【,
    /// brackets), or with the text itself as subject (内容, 本文, 全文 …). A budget that 有删减
    /// in the body does not count.
    public var isAbridged: Bool

    /// The source title to pair on: the first of ``titles``.
    public var title: DetectedTitle? { titles.first }

    /// Parses a Chinese document.
    public init(text: String) {
        let lines = NumberedLine.lines(of: text)
        var found: [DetectedTitle] = []
        var attributionLines = Set<Int>()
        var nextNonEmpty: NumberedLine?
        var following: [NumberedLine?] = Array(repeating: nil, count: lines.count)
        for index in lines.indices.reversed() {
            following[index] = nextNonEmpty
            if !lines[index].text.trimmingSpaces.isEmpty { nextNonEmpty = lines[index] }
        }
        for (line, next) in zip(lines, following) {
            let titles = Self.titles(in: line, next: next)
            if !titles.isEmpty { attributionLines.insert(line.number) }
            found += titles
        }
        titles = found.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.text.containsLatinLetter != y.text.containsLatinLetter { return x.text.containsLatinLetter }
            if x.kind.rank != y.kind.rank { return x.kind.rank < y.kind.rank }
            return a.offset < b.offset
        }.map(\.element)
        author = lines.lazy.compactMap { Self.author(in: $0) }.first
        credits = Self.credits(in: lines)
        isAbridged = lines.contains { line in
            Self.saysItWasCut(line.text, isAttribution: attributionLines.contains(line.number))
        }
    }
}

/// A source title found in a Chinese document.
public struct DetectedTitle: Sendable, Equatable {
    /// The title as written, without its quotes.
    public var text: String
    /// The 1-based line it is on.
    public var line: Int
    /// The words that introduced it, as written, with the subject when there is one:
    /// `文章原题目为`, `原题`, `本文编译自`, `Original title`.
    public var keyword: String
    /// What the keyword says the title is.
    public var kind: AttributionKind

    public init(text: String, line: Int, keyword: String, kind: AttributionKind) {
        self.text = text
        self.line = line
        self.keyword = keyword
        self.kind = kind
    }
}

/// How an attribution names the source.
public enum AttributionKind: String, Sendable, Codable, CaseIterable {
    /// The original title: 文章原题目为, 原题目为, 原文标题, 原标题, 原题, Original title, Source title.
    case originalTitle = "original-title"
    /// Compiled or excerpted from: 编译自, 摘编自, 摘译自.
    case compiledFrom = "compiled-from"
    /// Translated from: 译自, 翻译自.
    case translatedFrom = "translated-from"
    /// A source line: 来源, 出处 (often a publication rather than a title, so ranked last).
    case source

    var rank: Int {
        switch self {
        case .originalTitle: 0
        case .compiledFrom, .translatedFrom: 1
        case .source: 2
        }
    }
}

/// The author of the source as the Chinese document writes them.
public struct Author: Sendable, Equatable {
    /// The name in Chinese: 玛格丽特·霍洛韦.
    public var chineseName: String
    /// The name in the original language, when given in brackets: Margaret Holloway.
    public var englishName: String?
    /// The 1-based line it is on.
    public var line: Int

    public init(chineseName: String, englishName: String?, line: Int) {
        self.chineseName = chineseName
        self.englishName = englishName
        self.line = line
    }
}

/// One credit: a role (编译, 审校, 排版 …) and the people named for it.
public struct Credit: Sendable, Equatable {
    /// The role as written: 编译, 审校, 终审, 责任编辑 …
    public var role: String
    /// The names, in order. A name padded with spaces for alignment (`刘 深`) is joined.
    public var names: [String]

    public init(role: String, names: [String]) {
        self.role = role
        self.names = names
    }
}

extension SourceAttribution {
    /// The names credited for `role` (编译, 审校 …), empty when none.
    public func names(for role: String) -> [String] {
        credits.first { $0.role == role }?.names ?? []
    }
}

// MARK: - Title

extension SourceAttribution {
    /// A keyword that introduces a source title.
    private struct Keyword {
        var text: [Character]
        var kind: AttributionKind
        /// English keywords are matched ignoring case and must end at a word boundary.
        var isEnglish: Bool
        /// The keyword already ends in its verb (原题目为), so no 为/是/于 follows.
        var includesVerb: Bool

        init(_ text: String, _ kind: AttributionKind, english: Bool = false) {
            self.text = Array(text)
            self.kind = kind
            self.isEnglish = english
            self.includesVerb = text.hasSuffix("为")
        }
    }

    /// Longest first, so 原题目为 wins over 原题 and 编译自 over 译自.
    private static let keywords: [Keyword] = [
        Keyword("originally titled", .originalTitle, english: true),
        Keyword("original title", .originalTitle, english: true),
        Keyword("source title", .originalTitle, english: true),
        Keyword("原题目为", .originalTitle),
        Keyword("原文标题", .originalTitle),
        Keyword("原文题目", .originalTitle),
        Keyword("原题目", .originalTitle),
        Keyword("原标题", .originalTitle),
        Keyword("原题", .originalTitle),
        Keyword("编译自", .compiledFrom),
        Keyword("摘编自", .compiledFrom),
        Keyword("摘译自", .compiledFrom),
        Keyword("翻译自", .translatedFrom),
        Keyword("译自", .translatedFrom),
        Keyword("来源", .source),
        Keyword("出处", .source),
    ].sorted { $0.text.count > $1.text.count }

    /// What may stand between the start of a clause and a keyword: the text as subject
    /// (本文编译自, 文章原题目为) or a note label (注：原题…). Anything else (资金来源, 消息来源,
    /// 这个原题) means the keyword is part of an ordinary sentence.
    private static let subjects: Set<String> = [
        "", "本文", "文章", "该文", "此文", "原文", "全文", "注", "编者注", "译者注", "译注", "编者按",
        "本文系", "本文为", "本文是", "note", "editor'snote", "editor’snote",
    ]
    /// Marks that may decorate an attribution line: `*文章原题目为`, `【原题】`, `(注：…)`.
    private static let decorations: Set<Character> = [
        "*", "＊", "※", "·", "•", "-", "—", "–", "(", "（", "【", "[", "〔", ">", "#", ":", "：",
    ]
    /// Where a clause ends: an attribution may start right after one.
    private static let clauseEnds: Set<Character> = ["。", "，", ",", "；", ";", "！", "!", "？", "?", "、", ")", "）", "】", "]"]
    /// Between a keyword and its title: 原题：, 原题|, 【原题】, Original title —.
    private static let separators: Set<Character> = [":", "：", "|", "｜", "丨", "-", "—", "–", "/", "／", "】", "]"]
    /// Opening quotes and brackets with their closing partners. ‘’ is left out: its closing
    /// mark is also the apostrophe (America’s).
    private static let quotes: [Character: Character] = [
        "“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉", "\"": "\"", "＂": "＂", "«": "»",
    ]
    /// Where an unquoted Chinese title ends.
    private static let chineseTitleEnds: Set<Character> = ["，", ",", "。", "；", ";", "（", "(", "【"]

    /// The source titles on one line (`next`: the following non-empty line, for a keyword
    /// that ends its line: `原文标题：` then the title below).
    static func titles(in line: NumberedLine, next: NumberedLine?) -> [DetectedTitle] {
        let characters = Array(line.text)
        let lowered = characters.map(\.asciiLowercased)
        var found: [DetectedTitle] = []
        var position = 0
        while position < characters.count {
            guard let keyword = keywords.first(where: { keyword in
                let source = keyword.isEnglish ? lowered : characters
                return source[position...].starts(with: keyword.text)
            }), let subject = subject(before: position, in: characters),
                let value = value(after: position + keyword.text.count, in: characters, keyword: keyword)
                    ?? valueOnNextLine(after: position + keyword.text.count, in: characters, keyword: keyword, next: next)
            else {
                position += 1
                continue
            }
            let written = String(characters[position..<(position + keyword.text.count)])
            found.append(DetectedTitle(text: value.text, line: value.onNextLine ? (next?.number ?? line.number) : line.number,
                                       keyword: subject + written, kind: keyword.kind))
            position = max(value.end, position + 1)
        }
        return found
    }

    /// The subject or label before a keyword at `position` as written (`文章`, `注：`, or
    /// empty), or `nil` when the keyword does not start a clause.
    private static func subject(before position: Int, in characters: [Character]) -> String? {
        var start = position
        while start > 0, !clauseEnds.contains(characters[start - 1]) { start -= 1 }
        let prefix = characters[start..<position]
        let words = String(prefix.filter { !$0.isWhitespace && !decorations.contains($0) })
        guard subjects.contains(words.lowercased()) else { return nil }
        let written = prefix.drop { $0.isWhitespace || decorations.contains($0) }
        return String(written)
    }

    private struct Value {
        var text: String
        /// Index just after the value on its line.
        var end: Int
        var onNextLine = false
    }

    /// The title after a keyword ending at `start`, or `nil` when there is none (or the
    /// keyword turns out to be part of a longer word: 原题材, 来源地, original titles).
    private static func value(after start: Int, in characters: [Character], keyword: Keyword) -> Value? {
        guard let (valueStart, separated) = skipSeparators(from: start, in: characters, keyword: keyword),
              valueStart < characters.count else { return nil }
        let first = characters[valueStart]
        if let close = quotes[first] {
            let end = characters[(valueStart + 1)...].firstIndex(of: close) ?? characters.count
            var value = Value(text: String(characters[(valueStart + 1)..<end]).trimmingSpaces,
                              end: min(end + 1, characters.count))
            // 编译自《外交事务》网站文章“America’s …”: the English title is the later quote.
            if !value.text.containsLatinLetter, let later = quotedLatinText(from: value.end, in: characters) {
                value = later
            }
            return value.text.isEmpty ? nil : value
        }
        // 原题材, 来源地: a keyword run into another word, not a label.
        if !separated && (keyword.kind == .originalTitle || keyword.kind == .source) { return nil }
        if keyword.kind != .originalTitle, let quoted = quotedLatinText(from: valueStart, in: characters) {
            return quoted  // 编译自外交事务网站文章“…”
        }
        return unquotedValue(from: valueStart, in: characters)
    }

    /// The following non-empty line as the title, when the keyword and its separator end
    /// their line (`原文标题：` / title).
    private static func valueOnNextLine(after start: Int, in characters: [Character], keyword: Keyword,
                                        next: NumberedLine?) -> Value? {
        guard let next, let (valueStart, separated) = skipSeparators(from: start, in: characters, keyword: keyword),
              separated, valueStart == characters.count else { return nil }
        let nextCharacters = Array(next.text.trimmingSpaces)
        guard let first = nextCharacters.first else { return nil }
        var value: Value?
        if let close = quotes[first] {
            let end = nextCharacters.dropFirst().firstIndex(of: close) ?? nextCharacters.count
            value = Value(text: String(nextCharacters[1..<end]).trimmingSpaces, end: characters.count)
        } else {
            value = unquotedValue(from: 0, in: nextCharacters).map { Value(text: $0.text, end: characters.count) }
        }
        guard var value, !value.text.isEmpty else { return nil }
        value.onNextLine = true
        return value
    }

    /// Skips 为/是/于, white space, colons, bars and dashes after a keyword; returns where the
    /// value starts and whether anything was skipped. `nil` when an English keyword runs on
    /// into a longer word.
    private static func skipSeparators(from start: Int, in characters: [Character], keyword: Keyword) -> (Int, Bool)? {
        var index = start
        if keyword.isEnglish {
            if index < characters.count, characters[index].isLetter { return nil }
            while index < characters.count, characters[index].isSpace { index += 1 }
            for verb in ["is", "was"] where characters[index...].map(\.asciiLowercased).starts(with: Array(verb)) {
                let after = index + verb.count
                if after == characters.count || !characters[after].isLetter { index = after }
            }
        } else if !keyword.includesVerb, index < characters.count, ["为", "是", "于"].contains(characters[index]) {
            index += 1
        }
        while index < characters.count, characters[index].isSpace || separators.contains(characters[index]) {
            index += 1
        }
        return (index, index > start)
    }

    /// The first quoted span at or after `start` that has Latin letters.
    private static func quotedLatinText(from start: Int, in characters: [Character]) -> Value? {
        var index = start
        while index < characters.count {
            if let close = quotes[characters[index]],
               let end = characters[(index + 1)...].firstIndex(of: close) {
                let text = String(characters[(index + 1)..<end]).trimmingSpaces
                if text.containsLatinLetter { return Value(text: text, end: end + 1) }
                index = end + 1
            } else {
                index += 1
            }
        }
        return nil
    }

    /// An unquoted title: an English one runs until the first Han character (原题:Partners on
    /// the Fault Line,标题为编者所加); a Chinese one until a comma, full stop or bracket.
    private static func unquotedValue(from start: Int, in characters: [Character]) -> Value? {
        var end = start
        if characters[start].isLatinLetter || characters[start].isNumber {
            while end < characters.count, !characters[end].isHan,
                  !["，", "。", "；", "（", "）", "【", "】", "《", "“", "「"].contains(characters[end]) { end += 1 }
        } else {
            while end < characters.count, !chineseTitleEnds.contains(characters[end]) { end += 1 }
        }
        var text = Substring(String(characters[start..<end]))
        while let last = text.last, last.isWhitespace || [",", ";", ":", "(", "[", "-", "—", "–", "|"].contains(last) {
            text = text.dropLast()
        }
        // A closing bracket without its opening one closes a note around the title: (原题:…).
        while text.last == ")", text.filter({ $0 == ")" }).count > text.filter({ $0 == "(" }).count {
            text = text.dropLast()
            while let last = text.last, last.isWhitespace { text = text.dropLast() }
        }
        // A final full stop closes the sentence, not the title (but keep U.S.).
        if text.hasSuffix("."), let beforeStop = text.dropLast().last, beforeStop.isLowercase || beforeStop.isNumber {
            text = text.dropLast()
        }
        let value = text.trimmingSpaces
        return value.isEmpty ? nil : Value(text: value, end: end)
    }
}

// MARK: - Author

extension SourceAttribution {
    /// Labels before an author line: 作者|…, 文/…, By ….
    private static let authorLabels = ["作者", "撰文", "文", "by"]
    private static let nameDots: Set<Character> = ["·", "・", "•", "‧", "･", "●"]
    /// Lower-case words allowed inside an English name (Ursula von der Leyen).
    private static let nameParticles: Set<String> = ["von", "van", "der", "de", "del", "da", "di", "du", "la", "le", "bin", "al"]

    /// The author on a line of its own: `玛格丽特·霍洛韦(Margaret Holloway)`, with ASCII or
    /// full-width brackets, optionally after a label (`作者|`, `文/`), which also admits a
    /// Chinese name alone. A name with brackets inside a sentence is not taken: the 导语 of a
    /// compilation often names the author mid-sentence, and so does the body for others.
    static func author(in line: NumberedLine) -> Author? {
        var text = Substring(line.text.trimmingSpaces)
        while let first = text.first, first == "*" || first == "＊" { text = text.dropFirst() }
        var labelled = false
        for label in authorLabels where text.lowercased().hasPrefix(label) {
            // The label must be followed by a bar, colon, slash or space: 文章… is not 文/….
            let rest = text.dropFirst(label.count).drop { $0.isSpace || separators.contains($0) }
            if rest.count < text.count - label.count {
                text = rest
                labelled = true
                break
            }
        }
        let characters = Array(text)
        guard let open = characters.firstIndex(where: { $0 == "(" || $0 == "（" }) else {
            guard labelled, isChineseName(characters[...]) else { return nil }
            return Author(chineseName: String(characters), englishName: nil, line: line.number)
        }
        guard let close = characters[open...].firstIndex(where: { $0 == ")" || $0 == "）" }),
              isChineseName(characters[..<open]) else { return nil }
        let english = String(characters[(open + 1)..<close]).trimmingSpaces
        // Nothing may follow the brackets, except a bio after a space or comma on a labelled line.
        let following = characters[(close + 1)...].first
        guard isEnglishName(english),
              following == nil || (labelled && following.map { $0.isSpace || clauseEnds.contains($0) } == true) else {
            return nil
        }
        return Author(chineseName: String(characters[..<open]).trimmingSpaces, englishName: english, line: line.number)
    }

    /// A transliterated name with name dots, up to 16 characters (玛格丽特·霍洛韦), or a
    /// Chinese name of 2–4 Han characters (王缉思). Longer runs without a dot are names of
    /// organizations (卡尔德安全政策研究所, 北大西洋公约组织).
    private static func isChineseName(_ characters: ArraySlice<Character>) -> Bool {
        let name = characters.filter { !$0.isSpace }
        guard name.first?.isHan == true, name.last?.isHan == true,
              name.allSatisfy({ $0.isHan || nameDots.contains($0) }) else { return false }
        return name.contains(where: nameDots.contains) ? name.count <= 16 : (2...4).contains(name.count)
    }

    /// Words that name organizations, not people.
    private static let organizationWords: Set<String> = [
        "institute", "university", "center", "centre", "council", "foundation", "organization", "association",
        "agency", "department", "ministry", "committee", "forum", "journal", "review", "affairs", "policy",
        "studies", "treaty", "union", "company", "corporation", "society", "college", "academy", "office",
    ]

    /// Two to five words of letters, each capitalised except particles: Margaret Holloway,
    /// Wang Jisi, Ursula von der Leyen. Excludes abbreviations such as NATO and organizations.
    static func isEnglishName(_ text: String) -> Bool {
        let words = text.split { $0.isSpace }
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard word.allSatisfy({ $0.isLatinLetter || [".", "-", "'", "’"].contains($0) }),
                  let first = word.first, !organizationWords.contains(word.lowercased()) else { return false }
            return first.isUppercase || nameParticles.contains(word.lowercased())
        }
    }
}

// MARK: - Credits

extension SourceAttribution {
    /// The roles of credit lines, longest first so 责任编辑 wins over 编辑.
    static let creditRoles: [String] = [
        "责任编辑", "编译", "审校", "排版", "终审", "译者", "校对", "责编", "翻译", "编辑", "初审", "复审",
        "审核", "校译", "美编", "统筹", "策划", "监制",
    ].sorted { $0.count > $1.count }
    private static let creditSeparators: Set<Character> = ["|", "｜", "丨", ":", "：", "/", "／"]
    private static let nameSeparators: Set<Character> = ["、", ",", "，", ";", "；", "/", "／"]

    /// Credit lines: a role at the start of a line, a bar or colon, then names
    /// (`编译|周若琳`, `审校：刘 深`). Several on one line (`编译|A 审校|B`) are split. A line
    /// that only ends with a role (`…战力?|IPP编译`, a link to another article) is not one.
    private static func credits(in lines: [NumberedLine]) -> [Credit] {
        var credits: [Credit] = []
        for line in lines {
            var text = Substring(line.text.trimmingSpaces)
            while let first = text.first, first == "*" || first == "＊" || first == "【" { text = text.dropFirst() }
            while let (role, afterSeparator) = creditLabel(at: text) {
                var end = afterSeparator
                while end < text.endIndex, nextCreditLabel(at: end, in: text) == nil { end = text.index(after: end) }
                let names = splitNames(text[afterSeparator..<end])
                if !names.isEmpty {
                    if let index = credits.firstIndex(where: { $0.role == role }) {
                        credits[index].names += names.filter { !credits[index].names.contains($0) }
                    } else {
                        credits.append(Credit(role: role, names: names))
                    }
                }
                text = text[end...].drop { $0.isSpace }
            }
        }
        return credits
    }

    /// Whether `line` starts with a credit (`编译|周若琳`, `*审校：刘 深`, `【责编】…`): a
    /// role, a bar or colon, then names.
    static func isCreditLine(_ line: some StringProtocol) -> Bool {
        var text = Substring(line.trimmingSpaces)
        while let first = text.first, first == "*" || first == "＊" || first == "【" { text = text.dropFirst() }
        guard let (_, namesStart) = creditLabel(at: text) else { return false }
        return !splitNames(text[namesStart...]).isEmpty
    }

    /// The role at the start of `text` when a separator follows it, and where the names start.
    private static func creditLabel(at text: Substring) -> (String, String.Index)? {
        guard let role = creditRoles.first(where: { text.hasPrefix($0) }) else { return nil }
        var index = text.index(text.startIndex, offsetBy: role.count)
        while index < text.endIndex, text[index].isSpace { index = text.index(after: index) }
        guard index < text.endIndex, creditSeparators.contains(text[index]) else { return nil }
        index = text.index(after: index)
        while index < text.endIndex, text[index].isSpace { index = text.index(after: index) }
        return (role, index)
    }

    /// A further credit label at `index`: white space, a role, a separator.
    private static func nextCreditLabel(at index: String.Index, in text: Substring) -> String.Index? {
        guard text[index].isSpace else { return nil }
        let rest = text[index...].drop { $0.isSpace }
        return creditLabel(at: rest) == nil ? nil : index
    }

    /// Names separated by 、，; or slashes. Within one part, Han names separated by spaces are
    /// several names (周若琳 陈思远) unless a piece is a single character: `刘 深` is one
    /// two-character name padded to the width of three. Latin names keep their spaces.
    private static func splitNames(_ text: Substring) -> [String] {
        text.split { nameSeparators.contains($0) }.flatMap { part -> [String] in
            let pieces = part.split { $0.isSpace }.map(String.init)
            guard !pieces.isEmpty else { return [] }
            let allHan = pieces.allSatisfy { $0.allSatisfy { $0.isHan || nameDots.contains($0) } }
            if allHan { return pieces.contains { $0.count == 1 } ? [pieces.joined()] : pieces }
            return [pieces.joined(separator: " ")]
        }
    }
}

// MARK: - Cuts

extension SourceAttribution {
    private static let cutPhrases = [
        "有所删减", "有所删节", "有所删改", "有删减", "有删节", "有删改", "已删节", "经删节", "删节版",
        "节选", "节译", "摘译", "abridged", "excerpted", "edited for length",
    ]
    /// Words for the text itself as the subject of a cut: 内容有所删减, 本文有删节.
    private static let cutSubjects = ["内容", "本文", "文章", "全文", "译文", "原文", "正文", "文字"]
    private static let noteMarkers = ["*", "＊", "※", "注:", "注：", "（", "(", "【", "[", "编者", "译者"]

    private static func saysItWasCut(_ line: Substring, isAttribution: Bool) -> Bool {
        let lowered = line.lowercased()
        let trimmed = lowered.trimmingSpaces
        for phrase in cutPhrases {
            var searchStart = lowered.startIndex
            while let range = lowered[searchStart...].firstRange(of: phrase) {
                if isAttribution || noteMarkers.contains(where: trimmed.hasPrefix) { return true }
                var before = lowered[..<range.lowerBound]
                while let last = before.last, ["略", "均", "已", "经", "稍", "并", "有", "所"].contains(last) {
                    before = before.dropLast()
                }
                if cutSubjects.contains(where: { before.hasSuffix($0) }) { return true }
                searchStart = range.upperBound
            }
        }
        return false
    }
}
