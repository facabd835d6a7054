/// One line of a document with its markup taken out, and where each character that remains
/// was in the line, so that positions in the plain text still point into the file.
///
/// What is removed (Markdown as CommonMark writes it, simplified to one line at a time, and
/// the HTML that Markdown and web copies carry):
/// - **block markers** at the start of the line: an ATX heading's `#`s (and its closing
///   `#`s), blockquote `>`s, a bullet (`-`, `+`, `*`, `•` before a space); a thematic break
///   (`***`, `---`, `___`) leaves nothing;
/// - **emphasis**: `*`/`_` runs that open and close (`**bold**`, `_it_`, never inside a word
///   for `_`: `snake_case` stays), `~~strike~~`;
/// - **links and images**: `[text](url "title")`, `[text][ref]` and `![alt](url)` keep their
///   text; footnote references `[^1]` go; a bracket that is no link (`[sic]`) stays;
/// - **code spans**: the backticks around `` `code` `` (the code is kept as written);
/// - **HTML**: tags (`<b>`, `</span>`, `<br/>`), comments, autolinks' brackets
///   (`<https://…>` keeps the address); entities (`&amp;`, `&#8217;`) become their character;
/// - **backslash escapes**: `\*` is `*`;
/// - a leading **note marker** `*`/`＊` that closes nothing (`*文章原题目为…`).
///
/// Nothing else changes: the text is not trimmed (but for a heading's), so sentence
/// splitting sees the same spacing. Unmatched markers stay as text. O(n) in the line, but for a rare backtrack
/// over an unclosed link.
public struct MarkupLine: Sendable, Equatable {
    /// What the line is as a block.
    public enum Block: Sendable, Equatable {
        /// Ordinary text (a paragraph line, a list item, a quote).
        case text
        /// An ATX heading of level 1–6 (`# Title`, `## Section`).
        case heading(level: Int)
        /// Nothing but images (and white space): a picture, with its alt text as ``text``.
        case image
        /// A thematic break (`***`, `---`, `___`): no text.
        case rule
    }

    /// The text without markup, not trimmed.
    public var text: String
    /// For each scalar of ``text``, its 0-based scalar offset in the original line. Strictly
    /// increasing.
    public var columns: [Int]
    /// What the line is as a block.
    public var block: Block
    /// Whether a leading note marker (`*`, `＊`) was taken out.
    public var hadNoteMarker = false

    /// Takes the markup out of `line` (one line: no line break inside).
    public init(_ line: some StringProtocol) {
        let scalars = Array(line.unicodeScalars)
        var parser = InlineMarkup(scalars: scalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        var end = scalars.count
        var block = Block.text
        if Self.isRule(scalars[start...]) {
            self.init(text: "", columns: [], block: .rule)
            return
        }
        // Blockquote markers, then a heading or a bullet.
        while start < end, scalars[start] == ">" {
            start += 1
            while start < end, scalars[start] == " " { start += 1 }
        }
        var hashes = 0
        while start + hashes < end, scalars[start + hashes] == "#" { hashes += 1 }
        if (1...6).contains(hashes), start + hashes == end || scalars[start + hashes] == " " || scalars[start + hashes] == "\t" {
            block = .heading(level: hashes)
            start += hashes
            // A closing sequence of #s after a space.
            var tail = end
            while tail > start, scalars[tail - 1] == " " || scalars[tail - 1] == "\t" { tail -= 1 }
            var closing = tail
            while closing > start, scalars[closing - 1] == "#" { closing -= 1 }
            if closing < tail, closing == start || scalars[closing - 1] == " " || scalars[closing - 1] == "\t" { tail = closing }
            // The heading's text, without the spaces around it.
            while start < tail, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
            while tail > start, scalars[tail - 1] == " " || scalars[tail - 1] == "\t" { tail -= 1 }
            end = tail
        } else if start + 1 < end, ["-", "+", "*", "•"].contains(scalars[start]), scalars[start + 1] == " " {
            start += 2
        }
        let items = parser.inline(start..<end)
        var noteMarker = false
        var kept = InlineMarkup.resolveEmphasis(items)
        // A note marker: a leading * or ＊ that closed nothing, before text.
        if let first = kept.firstIndex(where: { !$0.scalar.properties.isWhitespace }),
           kept[first].scalar == "*" || kept[first].scalar == "＊",
           first + 1 < kept.count, !kept[first + 1].scalar.properties.isWhitespace, kept[first + 1].scalar != kept[first].scalar {
            kept.remove(at: first)
            noteMarker = true
        }
        if block == .text, parser.images > 0, kept.allSatisfy({ $0.fromImage || $0.scalar.properties.isWhitespace }) {
            block = .image
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept.map(\.scalar))
        self.init(text: String(view), columns: kept.map(\.column), block: block)
        hadNoteMarker = noteMarker
    }

    init(text: String, columns: [Int], block: Block) {
        self.text = text
        self.columns = columns
        self.block = block
    }

    /// A line with no text (a blank line, or one whose markup was all there was).
    static let empty = MarkupLine(text: "", columns: [], block: .text)

    /// A thematic break: three or more of one of `*`, `-`, `_`, with spaces between allowed,
    /// and nothing else.
    static func isRule(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let marks = scalars.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, ["*", "-", "_"].contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// The level of a setext heading underline (`===` 1, `---` 2), or nil. Whether the line
    /// above is a heading is the caller's to decide: it must be a single text line.
    public static func setextLevel(_ line: some StringProtocol) -> Int? {
        let trimmed = line.unicodeScalars.filter { $0 != " " && $0 != "\t" }
        guard let first = trimmed.first, first == "=" || first == "-", trimmed.allSatisfy({ $0 == first }) else { return nil }
        return first == "=" ? 1 : 2
    }
}

/// The inline pass of ``MarkupLine``: scalars with their columns, code spans, links, tags and
/// entities resolved; emphasis delimiters kept as candidates for ``resolveEmphasis(_:)``.
struct InlineMarkup {
    /// A scalar of the output, or an emphasis delimiter run (not yet known to be markup).
    struct Item {
        var scalar: Unicode.Scalar
        var column: Int
        /// Part of a delimiter run of `*`, `_` or `~` that may be emphasis.
        var isDelimiter = false
        /// Part of an image's alt text.
        var fromImage = false
    }

    let scalars: [Unicode.Scalar]
    /// Images found.
    var images = 0
    /// How far a construct is looked for past its opening mark (a closing backtick run,
    /// `]`, `)`, `>`), so that a long line full of unclosed marks stays linear.
    static let lookahead = 1024

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "middot": "·", "copy": "©",
    ]

    /// The items of `range`.
    mutating func inline(_ range: Range<Int>, inImage: Bool = false) -> [Item] {
        var out: [Item] = []
        var i = range.lowerBound
        let end = range.upperBound
        func emit(_ k: Int) { out.append(Item(scalar: scalars[k], column: k, fromImage: inImage)) }
        while i < end {
            let c = scalars[i]
            switch c {
            case "\\" where i + 1 < end && scalars[i + 1].isASCII && scalars[i + 1].properties.generalCategory.isPunctuationOrSymbol:
                emit(i + 1)
                i += 2
            case "`":
                var run = 0
                while i + run < end, scalars[i + run] == "`" { run += 1 }
                if let close = closingBackticks(run, from: i + run, end: end) {
                    var from = i + run, to = close
                    // One space on each side of the code is padding.
                    if to - from >= 2, scalars[from] == " ", scalars[to - 1] == " " { from += 1; to -= 1 }
                    for k in from..<to { emit(k) }
                    i = close + run
                } else {
                    for k in i..<(i + run) { emit(k) }
                    i += run
                }
            case "<":
                if let after = tagEnd(from: i, end: end) {
                    i = after
                } else if let (inside, after) = autolink(from: i, end: end) {
                    for k in inside { emit(k) }
                    i = after
                } else {
                    emit(i)
                    i += 1
                }
            case "&":
                if let (scalar, after) = entity(from: i, end: end) {
                    out.append(Item(scalar: scalar, column: i, fromImage: inImage))
                    i = after
                } else {
                    emit(i)
                    i += 1
                }
            case "!" where i + 1 < end && scalars[i + 1] == "[":
                if let link = link(from: i + 1, end: end) {
                    images += 1
                    out += inline(link.text, inImage: true)
                    i = link.after
                } else {
                    emit(i)
                    i += 1
                }
            case "[":
                if i + 1 < end, scalars[i + 1] == "^", let close = scalars[(i + 2)..<end].firstIndex(of: "]"),
                   close > i + 2, !scalars[(i + 2)..<close].contains(" ") {
                    i = close + 1   // a footnote reference
                } else if let link = link(from: i, end: end) {
                    out += inline(link.text, inImage: inImage)
                    i = link.after
                } else {
                    emit(i)
                    i += 1
                }
            case "*", "_", "~":
                out.append(Item(scalar: c, column: i, isDelimiter: true, fromImage: inImage))
                i += 1
            default:
                emit(i)
                i += 1
            }
        }
        return out
    }

    /// The start of a run of exactly `run` backticks at or after `from`.
    func closingBackticks(_ run: Int, from: Int, end: Int) -> Int? {
        let end = min(end, from + Self.lookahead)
        var k = from
        while k < end {
            guard scalars[k] == "`" else { k += 1; continue }
            var length = 0
            while k + length < end, scalars[k + length] == "`" { length += 1 }
            if length == run { return k }
            k += length
        }
        return nil
    }

    /// The index after an HTML tag or comment starting at `from` (`<b>`, `</a>`, `<br/>`,
    /// `<img src="x">`, `<!-- … -->`), or nil.
    func tagEnd(from: Int, end: Int) -> Int? {
        let end = min(end, from + Self.lookahead)
        var k = from + 1
        guard k < end else { return nil }
        if scalars[k] == "!", k + 2 < end, scalars[k + 1] == "-", scalars[k + 2] == "-" {
            var j = k + 3
            while j + 2 < end {
                if scalars[j] == "-", scalars[j + 1] == "-", scalars[j + 2] == ">" { return j + 3 }
                j += 1
            }
            return nil
        }
        if scalars[k] == "/" { k += 1 }
        guard k < end, scalars[k].isASCII, scalars[k].properties.isAlphabetic else { return nil }
        while k < end, scalars[k].isASCII, scalars[k].properties.isAlphabetic || ("0"..."9").contains(scalars[k]) || scalars[k] == "-" {
            k += 1
        }
        // The name ends the tag or is followed by white space and attributes, or by "/>".
        guard k < end else { return nil }
        if scalars[k] == ">" { return k + 1 }
        guard scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "/" else { return nil }
        var quote: Unicode.Scalar?
        while k < end {
            let c = scalars[k]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return k + 1
            } else if c == "<" {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// `<scheme:…>` or `<name@host>`: the address inside and the index after `>`.
    func autolink(from: Int, end: Int) -> (Range<Int>, Int)? {
        let end = min(end, from + Self.lookahead)
        guard from + 1 < end, let close = scalars[(from + 1)..<end].firstIndex(of: ">"), close > from + 1 else { return nil }
        let inside = scalars[(from + 1)..<close]
        guard !inside.contains(where: { $0 == " " || $0 == "<" }) else { return nil }
        let text = String(String.UnicodeScalarView(inside))
        let scheme = text.prefix { $0.isLetter }
        guard (scheme.count >= 2 && text.dropFirst(scheme.count).first == ":") || text.contains("@") else { return nil }
        return ((from + 1)..<close, close + 1)
    }

    /// A named or numeric entity at `from`: its character and the index after `;`.
    func entity(from: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var k = from + 1
        while k < end, k - from <= 10, scalars[k] != ";" { k += 1 }
        guard k < end, scalars[k] == ";", k > from + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(from + 1)..<k]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value > 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, k + 1)
        }
        return Self.entities[body].map { ($0, k + 1) }
    }

    /// A link or image body at `from` (which holds `[`): `[text](destination "title")`,
    /// `[text][label]` or `[text][]`. The text range and the index after the link.
    func link(from: Int, end: Int) -> (text: Range<Int>, after: Int)? {
        let end = min(end, from + Self.lookahead)
        var depth = 0
        var k = from
        var close: Int?
        while k < end {
            let c = scalars[k]
            if c == "\\" { k += 2; continue }
            if c == "[" { depth += 1 }
            if c == "]" {
                depth -= 1
                if depth == 0 { close = k; break }
            }
            k += 1
        }
        guard let close, close + 1 < end else { return nil }
        let text = (from + 1)..<close
        if scalars[close + 1] == "(" {
            var parentheses = 0
            var j = close + 1
            while j < end {
                if scalars[j] == "(" { parentheses += 1 }
                if scalars[j] == ")" {
                    parentheses -= 1
                    if parentheses == 0 { return (text, j + 1) }
                }
                j += 1
            }
            return nil
        }
        if scalars[close + 1] == "[", let labelEnd = scalars[(close + 2)..<end].firstIndex(of: "]") {
            return (text, labelEnd + 1)
        }
        return nil
    }

    /// Emphasis: delimiter runs that can open paired with later runs of the same character
    /// that can close (nearest opener first) are dropped; the rest stay as text. `_` may
    /// neither open nor close inside a word; `~` counts only as a run of two.
    static func resolveEmphasis(_ items: [Item]) -> [Item] {
        struct Run {
            var start: Int, length: Int
            var scalar: Unicode.Scalar
            var canOpen: Bool, canClose: Bool
            var removeFromStart = 0, removeFromEnd = 0
        }
        var runs: [Run] = []
        var k = 0
        while k < items.count {
            guard items[k].isDelimiter else { k += 1; continue }
            var length = 1
            while k + length < items.count, items[k + length].isDelimiter, items[k + length].scalar == items[k].scalar { length += 1 }
            let before = k > 0 ? items[k - 1].scalar : nil
            let after = k + length < items.count ? items[k + length].scalar : nil
            let left = flanks(toward: after, away: before), right = flanks(toward: before, away: after)
            var run = Run(start: k, length: length, scalar: items[k].scalar, canOpen: left, canClose: right)
            if run.scalar == "_" {
                run.canOpen = left && (!right || before.map(isPunctuation) == true)
                run.canClose = right && (!left || after.map(isPunctuation) == true)
            }
            if run.scalar == "~" && length != 2 { run.canOpen = false; run.canClose = false }
            runs.append(run)
            k += length
        }
        // Pair closers with the nearest open run of the same character.
        var openers: [Int] = []
        for r in runs.indices {
            if runs[r].canClose,
               let o = openers.lastIndex(where: { runs[$0].scalar == runs[r].scalar && runs[$0].length - runs[$0].removeFromEnd > 0 }) {
                let opener = openers[o]
                let used = min(runs[opener].length - runs[opener].removeFromEnd, runs[r].length)
                runs[opener].removeFromEnd += used
                runs[r].removeFromStart += used
                openers.removeSubrange((o + 1)...)   // openers inside the pair can no longer close outside it
                if runs[opener].removeFromEnd == runs[opener].length { openers.remove(at: o) }
                if runs[r].length - runs[r].removeFromStart > 0, runs[r].canOpen { openers.append(r) }
            } else if runs[r].canOpen {
                openers.append(r)
            }
        }
        var drop = [Bool](repeating: false, count: items.count)
        for run in runs {
            // An opener loses its innermost marks, a closer its first ones.
            for k in (run.start + run.length - run.removeFromEnd)..<(run.start + run.length) { drop[k] = true }
            for k in run.start..<(run.start + run.removeFromStart) { drop[k] = true }
        }
        return items.indices.filter { !drop[$0] }.map { items[$0] }
    }

    /// Whether a delimiter run flanks the text on the side of `toward` (CommonMark's left- or
    /// right-flanking): `toward` is no white space, and if it is punctuation, `away` is
    /// white space, punctuation or the line's edge. Text that is not Latin (Han, kana) counts
    /// as an edge here, so `**“准盟友”**的` closes.
    static func flanks(toward: Unicode.Scalar?, away: Unicode.Scalar?) -> Bool {
        guard let toward, !toward.properties.isWhitespace else { return false }
        guard isPunctuation(toward) else { return true }
        guard let away else { return true }
        return away.properties.isWhitespace || isPunctuation(away) || !away.isASCII
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory.isPunctuationOrSymbol
    }
}

extension Unicode.GeneralCategory {
    /// A punctuation or symbol category (CommonMark's "Unicode punctuation").
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
