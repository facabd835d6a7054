import Foundation

/// Writes an alignment as a self-contained HTML review page: inline CSS, no script, no
/// external resource, every text escaped.
///
/// - A header gives the two files, their sentence counts, the number of beads by kind, how
///   many beads are flagged, and the glossary's term counts.
/// - One table row per bead, in order: bead number (the `tuid` in TMX, the line in `beads`),
///   the Chinese sentences, the English sentences (each sentence with its 0-based index and
///   file line in a tooltip), the kind and the score.
/// - **Cuts and additions** are marked: a 0:1 bead (English left untranslated) is a *cut*, a
///   1:0 bead (Chinese with no English source) an *addition*; the empty side says so, or
///   names the matter the other side is when it is never aligned (front matter, a picture
///   caption, end matter, a title or byline without a counterpart; ``DocumentPart``).
/// - Beads scoring below ``AlignmentOutputOptions/lowConfidenceThreshold`` (or with no finite
///   score) are flagged ⚑ for review.
/// - With ``AlignmentOutputOptions/glossary``, glossary terms are highlighted on both sides
///   (``GlossaryMatcher``): preferred and admitted terms in green, superseded and deprecated
///   ones in orange, forbidden ones in red; a form shared by several concepts takes the worst
///   status. The tooltip names each concept and its preferred Chinese and English terms.
///
/// Columns follow the model's order, Chinese then English, as in the TSV and beads outputs.
/// O(total text length × longest term).
public struct HTMLAlignmentWriter: Sendable {
    public let options: AlignmentOutputOptions

    public init(options: AlignmentOutputOptions = .init()) {
        self.options = options
    }

    /// The review page.
    ///
    /// - Throws: when the glossary cannot be compiled into a ``GlossaryMatcher``.
    public func encode(_ alignment: Alignment) throws -> EncodedAlignment {
        var page = HTMLPage(matcher: try options.glossary.map { try GlossaryMatcher(glossary: $0) },
                            threshold: options.lowConfidenceThreshold,
                            chineseTag: alignment.chineseLanguageTag(default: options.chineseLanguageTag))
        return page.render(alignment)
    }
}

/// How a highlighted term may be used, from the statuses of the glossary terms it matches.
enum TermHighlight: String {
    /// Preferred or admitted.
    case acceptable = "term-ok"
    /// Superseded or deprecated.
    case deprecated = "term-deprecated"
    /// Forbidden.
    case forbidden = "term-forbidden"

    init(_ status: TermStatus) {
        switch status {
        case .preferred, .admitted, .proposed: self = .acceptable   // proposed: not flagged
        case .superseded, .deprecated: self = .deprecated
        case .forbidden: self = .forbidden
        }
    }
}

/// The state of one page being written.
private struct HTMLPage {
    let matcher: GlossaryMatcher?
    let threshold: Double
    /// The `lang` of Chinese cells.
    let chineseTag: String
    var replacedCharacters = 0
    var highlights: [TermHighlight: Int] = [:]

    init(matcher: GlossaryMatcher?, threshold: Double, chineseTag: String) {
        self.matcher = matcher
        self.threshold = threshold
        self.chineseTag = chineseTag
    }

    mutating func render(_ alignment: Alignment) -> EncodedAlignment {
        var rows = ""
        var flagged = 0
        for (index, bead) in alignment.beads.enumerated() {
            let low = !(bead.score >= threshold)
            if low { flagged += 1 }
            rows += row(number: index + 1, bead: bead, alignment: alignment, low: low)
        }
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Alignment review: \(escape(name(alignment.chinese, "Chinese"))) ↔ \(escape(name(alignment.english, "English")))</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        out += header(alignment, flagged: flagged)
        out += """
            <table>
            <colgroup><col class="n"><col><col><col class="kind"><col class="score"></colgroup>
            <thead><tr><th>#</th><th lang="\(escape(chineseTag))">中文</th><th>English</th><th>bead</th><th>score</th></tr></thead>
            <tbody>

            """
        out += rows
        out += "</tbody>\n</table>\n</body>\n</html>\n"
        var notes: [String] = []
        if replacedCharacters > 0 {
            notes.append("\(replacedCharacters) control character(s) were replaced by U+FFFD in the HTML")
        }
        return EncodedAlignment(data: Data(out.utf8), notes: notes)
    }

    private func name(_ document: AlignmentDocument, _ fallback: String) -> String {
        document.file ?? "(\(fallback))"
    }

    // MARK: Header

    private mutating func header(_ alignment: Alignment, flagged: Int) -> String {
        var kinds: [String: (count: Int, label: String)] = [:]
        for bead in alignment.beads {
            let label = bead.chinese.isEmpty ? (bead.english.isEmpty ? " (empty)" : " (cut)")
                : bead.english.isEmpty ? " (addition)" : ""
            kinds[bead.kind, default: (0, label)].count += 1
        }
        // Pairs first, most frequent first; then cuts and additions.
        let byKind = kinds.sorted { a, b in
            if a.value.label.isEmpty != b.value.label.isEmpty { return a.value.label.isEmpty }
            return a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }.map { kind, value in
            "<span\(value.label.isEmpty ? "" : " class=\"null\"")>\(kind) × \(value.count)\(value.label)</span>"
        }
        var out = "<header>\n<h1>Alignment review</h1>\n<dl>\n"
        out += "<dt>Chinese</dt><dd><code>\(escape(name(alignment.chinese, "Chinese")))</code>, \(alignment.chinese.sentences.count) sentences</dd>\n"
        out += "<dt>English</dt><dd><code>\(escape(name(alignment.english, "English")))</code>, \(alignment.english.sentences.count) sentences</dd>\n"
        out += "<dt>Beads</dt><dd>\(alignment.beads.count)" + (byKind.isEmpty ? "" : ": " + byKind.joined(separator: " · ")) + "</dd>\n"
        out += "<dt>Flagged</dt><dd>\(flagged) bead(s) scoring below \(String(format: "%.2f", threshold)) <span class=\"flag\">⚑</span></dd>\n"
        if let matcher {
            // Counted while the rows were written.
            let ok = highlights[.acceptable, default: 0], deprecated = highlights[.deprecated, default: 0]
            let forbidden = highlights[.forbidden, default: 0]
            out += "<dt>Glossary</dt><dd>\(matcher.glossary.concepts.count) concepts; "
                + "<mark class=\"term-ok\">\(ok) preferred or admitted</mark> · "
                + "<mark class=\"term-deprecated\">\(deprecated) deprecated or superseded</mark> · "
                + "<mark class=\"term-forbidden\">\(forbidden) forbidden</mark> term occurrences</dd>\n"
        }
        out += "</dl>\n</header>\n"
        return out
    }

    // MARK: Rows

    private mutating func row(number: Int, bead: Bead, alignment: Alignment, low: Bool) -> String {
        var classes: [String] = []
        if bead.chinese.isEmpty && !bead.english.isEmpty { classes.append("cut") }
        if bead.english.isEmpty && !bead.chinese.isEmpty { classes.append("addition") }
        if low { classes.append("low") }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        var out = "<tr id=\"b\(number)\"\(classAttribute)>"
        out += "<td class=\"n\"><a href=\"#b\(number)\">\(number)</a></td>"
        out += cell(bead.chinese, of: alignment.chinese, chinese: true,
                    missing: Self.missing(bead.english.first.map { alignment.english.sentences[$0].part }, cut: true))
        out += cell(bead.english, of: alignment.english, chinese: false,
                    missing: Self.missing(bead.chinese.first.map { alignment.chinese.sentences[$0].part }, cut: false))
        out += "<td class=\"kind\" title=\"\(escape(bead.notation))\">\(bead.kind)</td>"
        let score = bead.score.isFinite ? String(format: "%.2f", bead.score) : "–"
        out += "<td class=\"score\">" + (low ? "<span class=\"flag\" title=\"below \(String(format: "%.2f", threshold)): review\">⚑</span> " : "")
            + score + "</td>"
        out += "</tr>\n"
        return out
    }

    /// What the empty side of a null bead says: a cut or an addition, or, for matter that
    /// only one side has (``DocumentPart/isAlignable``), which matter it is.
    static func missing(_ part: DocumentPart?, cut: Bool) -> String {
        switch part {
        case .frontMatter?: "— front matter (never aligned)"
        case .caption?: "— picture caption (never aligned)"
        case .backMatter?: "— end matter: attribution, credits, publicity (never aligned)"
        case .title?: "— title: no title on this side"
        case .byline?: "— byline: no author line on this side"
        default: cut ? "— not translated (cut)" : "— no English source (addition)"
        }
    }

    private mutating func cell(_ indices: [Int], of document: AlignmentDocument, chinese: Bool, missing: String) -> String {
        let lang = chinese ? escape(chineseTag) : "en"
        guard !indices.isEmpty else {
            return "<td lang=\"en\" class=\"missing\">\(escape(missing))</td>"
        }
        var out = "<td lang=\"\(lang)\">"
        for (k, index) in indices.enumerated() {
            let sentence = document.sentences[index]
            if k > 0 { out += " " }
            out += "<span class=\"s\" title=\"sentence \(index), line \(sentence.line)\"><sup class=\"i\">\(index)</sup>"
            out += highlighted(sentence.text, chinese: chinese)
            out += "</span>"
        }
        out += "</td>"
        return out
    }

    /// `text` escaped, with the glossary terms in it wrapped in `<mark>`.
    private mutating func highlighted(_ text: String, chinese: Bool) -> String {
        guard let matcher else { return escape(text) }
        let matches = chinese ? matcher.chineseMatches(in: text) : matcher.englishMatches(in: text)
        guard !matches.isEmpty else { return escape(text) }
        let utf8 = Array(text.utf8)
        var out = ""
        var position = 0
        for match in matches {
            let range = match.range.utf8
            guard range.lowerBound >= position, range.upperBound <= utf8.count, !range.isEmpty else { continue }
            out += escape(String(decoding: utf8[position..<range.lowerBound], as: UTF8.self))
            let statuses = Self.statusByConcept(match, matcher: matcher)
            let highlight = TermHighlight(statuses.map(\.status).max() ?? .preferred)
            highlights[highlight, default: 0] += 1
            out += "<mark class=\"\(highlight.rawValue)\" title=\"\(escape(Self.tooltip(match.text, statuses, matcher: matcher)))\">"
            out += escape(String(decoding: utf8[range], as: UTF8.self)) + "</mark>"
            position = range.upperBound
        }
        out += escape(String(decoding: utf8[position...], as: UTF8.self))
        return out
    }

    /// The concepts a match names, in order, each with the status of the matched form there:
    /// the best status among the concept's terms with this form (variants such as "quasi
    /// ally" and "quasi-ally" fold to one form). A form shared by several concepts is
    /// highlighted by the worst of these.
    private static func statusByConcept(_ match: TermMatch, matcher: GlossaryMatcher) -> [(concept: Int, status: TermStatus)] {
        var result: [(concept: Int, status: TermStatus)] = []
        for reference in match.references {
            let status = matcher.term(reference).status
            if let index = result.firstIndex(where: { $0.concept == reference.concept }) {
                result[index].status = min(result[index].status, status)
            } else {
                result.append((reference.concept, status))
            }
        }
        return result
    }

    /// One line per concept: its id, preferred Chinese and English terms, and the status of
    /// the matched form when it is not preferred.
    private static func tooltip(_ form: String, _ statuses: [(concept: Int, status: TermStatus)],
                                matcher: GlossaryMatcher) -> String {
        statuses.map { concept, status in
            let concept = matcher.glossary.concepts[concept]
            let zh = concept.preferredTerm(in: "zh")?.text ?? "—"
            let en = concept.preferredTerm(in: "en")?.text ?? "—"
            return "\(concept.id): \(zh) = \(en)" + (status == .preferred ? "" : " (\(form) is \(status.rawValue))")
        }.joined(separator: "\n")
    }

    /// `text` escaped for HTML text and attributes; characters HTML cannot carry (C0
    /// controls other than tab and line feed, noncharacters) become U+FFFD.
    private mutating func escape(_ text: String) -> String {
        XMLEscaping.escape(text, with: XMLEscaping.htmlReferences, replacingDisallowed: true, replaced: &replacedCharacters)
    }

    static let css = XMLEscaping.reportStyle + """
        header span.null { color: #8a1c1c; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        col.n { width: 3.5rem; } col.kind { width: 3.5rem; } col.score { width: 5rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; line-height: 1.5; }
        thead th { position: sticky; top: 0; background: #f4f4f4; }
        td.n a { color: #666; text-decoration: none; }
        td.kind, td.score { font-variant-numeric: tabular-nums; color: #444; white-space: nowrap; }
        sup.i { color: #999; font-size: .7em; margin-right: .15em; }
        tr.cut td.n, tr.addition td.n { border-left: 4px solid #c62828; }
        td.missing { background: #fdecea; color: #8a1c1c; font-style: italic; }
        tr.low td.score { background: #fff3cd; font-weight: 600; }
        .flag { color: #b26a00; }
        mark { border-radius: 2px; padding: 0 .1em; color: inherit; }
        mark.term-ok { background: #d4f4dc; }
        mark.term-deprecated { background: #ffe3bf; text-decoration: underline wavy #e65100; }
        mark.term-forbidden { background: #ffcdd2; text-decoration: underline wavy #b71c1c; font-weight: 600; }
        :target { outline: 2px solid #1565c0; }

        """
}
