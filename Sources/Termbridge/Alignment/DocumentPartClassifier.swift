import Foundation

/// What part of a document a line is: the text that translates (or is translated), or the
/// matter around it that a compilation adds and its source does not have.
public enum DocumentPart: String, Sendable, Hashable, Codable, CaseIterable {
    /// The document's title: a `# Title` heading, a `Title:` line, a title line on its own
    /// at the top.
    case title
    /// The author line: `By Margaret Holloway`, `Author: …`, `玛格丽特·霍洛韦(Margaret Holloway)`,
    /// `作者|…`.
    case byline
    /// A section heading: `## Why Quasi-Allies Are Different`, a short line on its own
    /// without sentence punctuation (`准盟友为何与众不同`).
    case heading
    /// The text itself.
    case body
    /// Matter before the text that only the compilation has: a publisher's introduction, a
    /// 导语/编者按/摘要/按语 block, the author's bio.
    case frontMatter = "front-matter"
    /// A picture caption (…图源:…, 图片来源, 图/…, ▲…; an image or a `Photo:` line in English).
    case caption
    /// Matter after the text: the attribution line (*文章原题目为…), credits (编译|…, 审校|…),
    /// notes, publicity and navigation lines (热门编译, 关于XX, 热门跟贴, 点击/扫码/关注…).
    case backMatter = "back-matter"

    /// Whether units of this part may be aligned with the other side at all. Front and
    /// back matter and captions never are: they come out as beads of their own (1:0 or 0:1).
    public var isAlignable: Bool {
        switch self {
        case .frontMatter, .caption, .backMatter: false
        case .title, .byline, .heading, .body: true
        }
    }

    /// Whether a line of this part is one unit as it stands (titles, bylines and headings
    /// are not split into sentences).
    var isSingleUnit: Bool {
        self == .title || self == .byline || self == .heading
    }
}

/// One line of a document as the classifier sees it.
struct DocumentLine {
    /// 1-based line number.
    var number: Int
    /// The line without markup (``MarkupLine``).
    var plain: MarkupLine
    /// The plain text without surrounding white space; empty for a blank line.
    var text: String

    init(number: Int, plain: MarkupLine) {
        self.number = number
        self.plain = plain
        self.text = plain.text.trimmingSpaces
    }

    var isBlank: Bool { text.isEmpty }
}

/// Tells the part (``DocumentPart``) of each line of a document, from cues in the text.
///
/// **Chinese** (a compilation as WeChat-style publishers lay it out):
/// - *header*, among the first ``headerWindow`` non-blank lines: a front-matter label
///   (导语, 编者按, 编按, 按语, 编者的话, 摘要, 内容摘要, 内容提要, 提要, 核心提示, 导读) opens a
///   block that runs to the end of its paragraph (the next paragraph too when the label
///   stands alone), or, in a file without blank lines, up to the author line; the author
///   line (``SourceAttribution``'s `中文名(English Name)`, `作者|…`) is the byline, and up to
///   two lines after it that read as a bio (no sentence-final punctuation, or a short line
///   with 现任, 曾任, 研究员, 教授 …) are front matter; so is every other line before the end
///   of these blocks (a publisher's introduction) except a title line;
/// - *title*: a first line of at most 40 characters without sentence punctuation, followed
///   by a blank line or by header cues (never in presplit input, which has no layout);
/// - *captions* anywhere: 图源, 图片来源, 图片来自, 摄影 with a colon, or a line starting 图/,
///   图|, 图：, 图为, ▲, △;
/// - *back matter*: the tail of the document from the first strong cue — an attribution
///   line (``SourceAttribution`` titles), a credit line, a note (`*…`, 注：, 编者注), a
///   publicity or navigation line (热门编译, 推荐阅读, 往期回顾, 关于XX, 点击, 扫码, 关注,
///   长按, 阅读原文, （完）, END …) — provided every line after it is end matter too: one of
///   those, a caption, a short line without a full stop (`IPP公共关系与传播中心`), a line of
///   links joined by bars (`…?|IPP编译`), or the prose of a 关于XX section (up to three
///   lines under its header);
/// - *headings*: a line on its own (its own paragraph, or any line in a file without blank
///   lines) of at most 24 characters with Han characters and no sentence punctuation.
///
/// **English**: a level-1 heading or `Title:` line in the header (or, with blank-line
/// paragraphs, a first line on its own without final punctuation) is the title; `By …`,
/// `Author: …`, `Written by …` with a name there is the byline; other Markdown headings,
/// and short lines on their own without final punctuation, are headings; image lines and
/// `Photo:`/`Image:`/`Caption:` lines are captions.
///
/// Markdown headings (`#`, setext) are headings in either language, and image-only lines
/// captions. The cues are conservative: a line that matches none is body, and body is what
/// presplit literary text (MAC) stays. O(n) in the text.
struct DocumentPartClassifier {
    let language: TextLanguage
    /// One sentence per line: there is no layout (no title or heading from layout alone).
    let presplit: Bool

    /// How many non-blank lines at the top may hold the header (title, 导语, author, bio).
    static let headerWindow = 10

    /// The part of each line (blank lines are `.body`).
    func parts(of lines: [DocumentLine]) -> [DocumentPart] {
        var parts = [DocumentPart](repeating: .body, count: lines.count)
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        guard !nonBlank.isEmpty else { return parts }
        let hasParagraphs = !presplit && zip(nonBlank, nonBlank.dropFirst()).contains { $1 > $0 + 1 }
        let layout = Layout(lines: lines, nonBlank: nonBlank, hasParagraphs: hasParagraphs, presplit: presplit)
        for i in nonBlank {
            switch lines[i].plain.block {
            case .heading: parts[i] = .heading
            case .image: parts[i] = .caption
            case .text, .rule: break
            }
        }
        // A level-1 Markdown heading at the top is the title.
        if let first = nonBlank.prefix(Self.headerWindow).first(where: { lines[$0].plain.block == .heading(level: 1) }) {
            parts[first] = .title
        }
        switch language {
        case .chinese: classifyChinese(lines, layout, &parts)
        case .english: classifyEnglish(lines, layout, &parts)
        }
        return parts
    }

    /// Where the lines are.
    struct Layout {
        let lines: [DocumentLine]
        let nonBlank: [Int]
        let hasParagraphs: Bool
        let presplit: Bool

        func isBlank(_ i: Int) -> Bool { i < 0 || i >= lines.count || lines[i].isBlank }

        /// The next non-blank line after `i`.
        func next(after i: Int) -> Int? { nonBlank.first { $0 > i } }

        /// Whether line `i` is a paragraph of its own (any line, in a file without blank lines).
        func standsAlone(_ i: Int) -> Bool {
            guard !presplit else { return false }
            return hasParagraphs ? isBlank(i - 1) && isBlank(i + 1) : true
        }
    }

    // MARK: Chinese

    private func classifyChinese(_ lines: [DocumentLine], _ layout: Layout, _ parts: inout [DocumentPart]) {
        let nonBlank = layout.nonBlank
        let window = Array(nonBlank.prefix(Self.headerWindow))
        for i in nonBlank where Self.isChineseCaption(lines[i].text) { parts[i] = .caption }

        // Header: a 导语-type block, the author line and its bio.
        let label = window.first { Self.frontLabel(in: lines[$0].text) != nil }
        var author = window.first { SourceAttribution.author(in: NumberedLine(number: lines[$0].number, text: Substring(lines[$0].text))) != nil }
        let first = nonBlank[0]
        var title: Int?
        if parts[first] == .title {
            title = first
        } else if !layout.presplit, parts[first] == .body, first != label, first != author,
                  Self.isTitleLike(lines[first].text),
                  layout.isBlank(first + 1) || [label, author].contains(where: { $0.map { $0 > first } == true }) {
            title = first
            parts[first] = .title
        }
        var headerEnd = 0   // lines before it are header
        if let label {
            let end = labelBlockEnd(label, author: author, lines, layout)
            for i in label..<end where !lines[i].isBlank { parts[i] = .frontMatter }
            headerEnd = end
        }
        // The author line must come right after the header's other lines: at most two
        // lines (a publisher's line, a subtitle) that are neither title nor label block.
        if let a = author {
            let others = nonBlank.filter { $0 < a && $0 != title && parts[$0] != .frontMatter }
            if others.count > 2 || (parts[a] != .body && parts[a] != .frontMatter) { author = nil }
        }
        if let a = author {
            parts[a] = .byline
            var end = a + 1, taken = 0
            while end < lines.count, taken < 2, !lines[end].isBlank, Self.isBio(lines[end].text) {
                parts[end] = .frontMatter
                end += 1
                taken += 1
            }
            headerEnd = max(headerEnd, end)
        }
        if label != nil || author != nil {
            for i in nonBlank where i < headerEnd && parts[i] == .body { parts[i] = .frontMatter }
        }

        // Back matter: the tail from the first strong cue, when all after it is end matter.
        if let tail = backMatterStart(lines, layout, after: max(headerEnd, title.map { $0 + 1 } ?? 0)) {
            for i in nonBlank where i >= tail { parts[i] = .backMatter }
        }

        // Headings in the body.
        for i in nonBlank where parts[i] == .body && i >= headerEnd && layout.standsAlone(i) && Self.isChineseHeading(lines[i].text) {
            parts[i] = .heading
        }
    }

    /// The end (exclusive line index) of the front-matter block opened by the label on line
    /// `label`.
    private func labelBlockEnd(_ label: Int, author: Int?, _ lines: [DocumentLine], _ layout: Layout) -> Int {
        let bare = Self.frontLabel(in: lines[label].text).map { $0.rest.isEmpty } ?? false
        var end = label + 1
        if layout.hasParagraphs {
            while end < lines.count, !lines[end].isBlank, end != author { end += 1 }
            if bare, end == label + 1, let next = layout.next(after: label), next != author {
                end = next
                while end < lines.count, !lines[end].isBlank, end != author { end += 1 }
            }
        } else if let author, author > label {
            end = author
        } else if bare, let next = layout.next(after: label) {
            end = next + 1
        }
        return end
    }

    /// The first line of the back matter, or nil. Walks back from the end while lines are
    /// end matter, so only the tail is examined closely.
    private func backMatterStart(_ lines: [DocumentLine], _ layout: Layout, after bodyStart: Int) -> Int? {
        let nonBlank = layout.nonBlank
        func isStrong(_ position: Int) -> Bool {
            let i = nonBlank[position], text = lines[i].text
            if SourceAttribution.isCreditLine(text) || Self.isNote(lines[i]) || Self.isPublicity(text) || Self.isAboutHeader(text) {
                return true
            }
            // An attribution is a line of its own, not a paragraph of prose.
            guard text.unicodeScalars.count <= Self.longestAttribution else { return false }
            let next = position + 1 < nonBlank.count ? nonBlank[position + 1] : nil
            return !SourceAttribution.titles(
                in: NumberedLine(number: lines[i].number, text: Substring(text)),
                next: next.map { NumberedLine(number: lines[$0].number, text: Substring(lines[$0].text)) }).isEmpty
        }
        func isEndMatter(_ position: Int) -> Bool {
            let text = lines[nonBlank[position]].text
            return Self.isChineseCaption(text) || Self.containsBar(text)
                || (text.count <= 30 && !Self.endsWithSentencePunctuation(text)) || isStrong(position)
        }
        var strong: [Int] = []   // strong lines of the tail, last first
        var position = nonBlank.count - 1
        walk: while position >= 0, nonBlank[position] >= bodyStart {
            if isEndMatter(position) {
                if isStrong(position) { strong.append(position) }
                position -= 1
                continue
            }
            // Prose belongs to the tail only as the text of a 关于XX section: its header a
            // few lines above, with only prose between.
            for above in stride(from: position - 1, through: max(0, position - 3), by: -1) {
                let text = lines[nonBlank[above]].text
                if Self.isAboutHeader(text) {
                    position = above
                    continue walk
                }
                if isEndMatter(above) { break }
            }
            break
        }
        return strong.last.map { nonBlank[$0] }
    }

    /// The longest line (in scalars) read as an attribution line in the back matter.
    static let longestAttribution = 400

    /// Labels that open a front-matter block.
    static let frontLabels = ["内容摘要", "内容提要", "核心提示", "编者的话", "编者按", "导语", "导读", "编按", "按语", "摘要", "提要"]

    /// The label at the start of `text` (bare, `导语:`, `【导语】`, `导语|`) and what follows it.
    static func frontLabel(in text: String) -> (label: String, rest: Substring)? {
        var rest = Substring(text)
        let bracketed = rest.first == "【" || rest.first == "["
        if bracketed { rest = rest.dropFirst() }
        guard let label = frontLabels.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(label.count)
        if bracketed {
            guard let close = rest.first, close == "】" || close == "]" else { return nil }
            rest = rest.dropFirst()
        } else if let separator = rest.first {
            guard [":", "：", "|", "｜", "丨", " ", "　"].contains(separator) else { return nil }
        }
        return (label, Substring(rest.drop { [":", "：", "|", "｜", "丨", " ", "　"].contains($0) }))
    }

    /// A picture caption: 图源/图片来源/图片来自 anywhere, 摄影 with a colon, or a line
    /// starting 图/, 图|, 图：, 图为, ▲, △.
    static func isChineseCaption(_ text: String) -> Bool {
        guard text.contains(where: { $0 == "图" || $0 == "摄" || $0 == "▲" || $0 == "△" }) else { return false }
        for cue in ["图源", "图片来源", "图片来自", "图片由", "摄影:", "摄影：", "摄影|"] where text.contains(cue) { return true }
        for start in ["图/", "图|", "图丨", "图｜", "图:", "图：", "图为", "▲", "△", "（图", "(图"] where text.hasPrefix(start) { return true }
        return false
    }

    /// A short line that names a section about an organization: 关于IPP, 关于我们, 机构简介.
    static func isAboutHeader(_ text: String) -> Bool {
        guard text.count <= 12, !text.contains(where: { $0.isPunctuation }) else { return false }
        return text.hasPrefix("关于") || text.hasSuffix("简介")
    }

    /// Publicity and navigation: links to other articles, calls to follow or scan, 阅读原文,
    /// the end mark (完), END.
    static func isPublicity(_ text: String) -> Bool {
        let starts = ["热门编译", "热门文章", "热门推荐", "热门跟贴", "热门评论", "推荐阅读", "往期回顾", "往期推荐", "往期精选",
                      "延伸阅读", "相关阅读", "精彩推荐", "点击", "扫码", "扫描二维码", "长按", "识别二维码", "欢迎关注", "关注我们",
                      "关注", "阅读原文", "原文链接", "版权声明", "免责声明", "声明：", "声明:", "投稿", "转载", "本文来源",
                      "责任编辑", "END", "-END-", "— END —"]
        if starts.contains(where: { text.hasPrefix($0) }) { return true }
        let bare = text.filter { !"()（）-—– ".contains($0) }
        return bare == "完" || bare == "全文完" || bare == "END"
    }

    /// A note line: a leading `*`, `＊` or `※` (before markup was taken out), or 注：,
    /// 编者注, 译者注.
    static func isNote(_ line: DocumentLine) -> Bool {
        if line.plain.hadNoteMarker { return true }
        return ["※", "注:", "注：", "编者注", "译者注", "（注", "(注"].contains { line.text.hasPrefix($0) }
    }

    static func containsBar(_ text: String) -> Bool {
        text.contains { $0 == "|" || $0 == "｜" || $0 == "丨" }
    }

    /// Cues of an author's bio.
    static let bioCues = ["现任", "曾任", "研究员", "教授", "学者", "主任", "博士", "院长", "所长", "顾问", "专栏作家", "记者", "分析师", "作者"]

    /// A bio line after the author line: without sentence-final punctuation (up to 160
    /// characters), or short (up to 80) with a cue.
    static func isBio(_ text: String) -> Bool {
        if frontLabel(in: text) != nil { return false }
        if text.count <= 160 && !endsWithSentencePunctuation(text) { return true }
        return text.count <= 80 && bioCues.contains { text.contains($0) }
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", ".", "…", "”", "」", "』", "\"", "’"]
    static let clauseMarks: Set<Character> = ["，", ",", "；", ";", "、", "。"]

    static func endsWithSentencePunctuation(_ text: String) -> Bool {
        text.last.map { sentenceEnds.contains($0) } ?? false
    }

    /// A title line: up to 40 characters, no sentence-final punctuation, not a label,
    /// caption, credit or attribution.
    static func isTitleLike(_ text: String) -> Bool {
        text.count <= 40 && !endsWithSentencePunctuation(text) && !text.hasSuffix(":") && !text.hasSuffix("：")
            && frontLabel(in: text) == nil && !isChineseCaption(text) && !SourceAttribution.isCreditLine(text)
    }

    /// A section heading: up to 24 characters, some Han, no clause or sentence punctuation.
    static func isChineseHeading(_ text: String) -> Bool {
        guard text.count <= 24, text.contains(where: \.isHan), !text.contains(where: clauseMarks.contains) else { return false }
        guard let last = text.last, !sentenceEnds.contains(last), ![":", "：", ")", "）"].contains(last) else { return false }
        return !isPublicity(text) && !isAboutHeader(text)
    }

    // MARK: English

    private func classifyEnglish(_ lines: [DocumentLine], _ layout: Layout, _ parts: inout [DocumentPart]) {
        let window = Array(layout.nonBlank.prefix(6))
        for i in layout.nonBlank where parts[i] == .body && Self.isEnglishCaption(lines[i].text) { parts[i] = .caption }
        if !parts.contains(.title) {
            if let line = window.first(where: { Self.labelValue(lines[$0].text, labels: ["title"]) != nil }) {
                parts[line] = .title
            } else if let first = layout.nonBlank.first, layout.hasParagraphs, layout.isBlank(first + 1),
                      Self.isEnglishHeadingLike(lines[first].text, words: 20) {
                parts[first] = .title
            }
        }
        if let byline = window.first(where: { parts[$0] == .body && Self.isEnglishByline(lines[$0].text) }) {
            parts[byline] = .byline
        }
        for i in layout.nonBlank where parts[i] == .body && layout.standsAlone(i) && i != layout.nonBlank.first
            && Self.isEnglishHeadingLike(lines[i].text, words: 12) {
            parts[i] = .heading
        }
    }

    /// The value of a `Label: value` line for one of `labels` (any case; ``EnglishTitle``'s
    /// reading of such lines).
    static func labelValue(_ text: String, labels: [String]) -> String? {
        labels.lazy.compactMap { EnglishTitle.value(of: Substring(text), key: $0) }.first
    }

    /// `By Margaret Holloway`, `By A and B`, `Written by …`, `Author: …`: names (as
    /// ``SourceAttribution`` knows them) after the label, up to a comma, bar or dash.
    static func isEnglishByline(_ text: String) -> Bool {
        var value: Substring
        if let labelled = labelValue(text, labels: ["authors", "author", "by"]) {
            value = Substring(labelled)
        } else if let range = text.range(of: "by ", options: [.caseInsensitive, .anchored])
                    ?? text.range(of: "written by ", options: [.caseInsensitive, .anchored]) {
            value = text[range.upperBound...]
        } else {
            return false
        }
        if let cut = value.firstIndex(where: { [",", "|", "—", "–", "(", ";"].contains($0) }) { value = value[..<cut] }
        let names = value.replacingOccurrences(of: " & ", with: " and ").components(separatedBy: " and ")
            .map { $0.trimmingSpaces }
        return !names.isEmpty && names.allSatisfy { SourceAttribution.isEnglishName($0) }
    }

    /// A picture line: `Photo:`, `Photograph:`, `Image:`, `Picture:`, `Caption:`,
    /// `Illustration:`, `Credit:`, `Photo by …`.
    static func isEnglishCaption(_ text: String) -> Bool {
        labelValue(text, labels: ["photograph", "photo", "image", "picture", "caption", "illustration", "credit"]) != nil
            || text.range(of: "photo by ", options: [.caseInsensitive, .anchored]) != nil
    }

    /// A heading or title line: a capital first, up to `words` words, no final punctuation.
    static func isEnglishHeadingLike(_ text: String, words: Int) -> Bool {
        guard let first = text.first, first.isUppercase, let last = text.last,
              !".!?:;,\"”’)".contains(last) else { return false }
        return text.split(separator: " ").count <= words && !text.contains(where: \.isHan)
    }
}
