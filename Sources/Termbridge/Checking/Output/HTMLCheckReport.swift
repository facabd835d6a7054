/// The HTML report: one self-contained page (inline CSS, no script, no external resource,
/// every text escaped) for a reviewer about to publish.
///
/// - A header names the inputs and the glossary and gives the verdict at `--fail-on`.
/// - A filter bar shows one check at a time (or errors only, or everything): radio buttons
///   and CSS sibling selectors, so it works without JavaScript, and from the keyboard (the
///   buttons are hidden visually but focusable: Tab reaches the filter, arrow keys choose,
///   the focused choice is outlined).
/// - Chinese text is marked `lang="zh"` (the Chinese column, excerpts, and the Chinese runs
///   inside messages), so that browsers and screen readers pick Chinese fonts and voices.
/// - A legend explains the unit labels (`[8]:[4]`: an aligned bead of Chinese sentence 8
///   and English sentence 4) and what the columns of `file:line:col` count.
/// - One table row per segment with findings, in document order: the segment number and
///   line, the English and the Chinese side by side with every offending term highlighted
///   (red for errors, orange for warnings; the tooltip gives the message), and the findings
///   of the segment, each with its check, severity and `file:line:col`.
///
/// Document-level findings (rendering-inconsistent, variant-drift) keep only a window of
/// their segment (see ``FindingContext/isExcerpt``); a row made only of those shows the
/// windows. The page holds every finding until ``finish(_:)``: memory O(findings).
public final class HTMLCheckReport: CheckReportWriter {
    private let output: (String) throws -> Void
    private var run = CheckRunDescription(inputs: [])
    private var findings: [Finding] = []

    public init(_ output: @escaping (String) throws -> Void) {
        self.output = output
    }

    public func begin(_ run: CheckRunDescription) throws {
        self.run = run
    }

    public func write(_ finding: Finding) throws {
        findings.append(finding)
    }

    public func finish(_ summary: CheckSummary) throws {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Translation check: \(Self.escape(run.inputs.joined(separator: " ↔ ")))</title>\n"
        out += "<style>\n\(Self.css)\(filterCSS(summary))</style>\n</head>\n<body>\n"
        out += header(summary)
        out += filters(summary)
        out += """
            <table>
            <colgroup><col class="n"><col><col><col class="findings"></colgroup>
            <thead><tr><th>#</th><th>English</th><th lang="zh">中文</th><th>Findings</th></tr></thead>
            <tbody>

            """
        try output(out)
        var groups: [Int: [Finding]] = [:]
        for finding in findings { groups[finding.segment, default: []].append(finding) }
        for segment in groups.keys.sorted() {
            try output(row(segment, groups[segment]!))
        }
        if findings.isEmpty {
            try output("<tr><td colspan=\"4\" class=\"clean\">No findings: the translation follows the glossary and itself.</td></tr>\n")
        }
        try output("</tbody>\n</table>\n</body>\n</html>\n")
    }

    // MARK: Parts

    private func header(_ summary: CheckSummary) -> String {
        var out = "<header>\n<h1>Translation check</h1>\n<dl>\n"
        out += "<dt>Checked</dt><dd>" + run.inputs.map { "<code>\(Self.escape($0))</code>" }.joined(separator: " ↔ ") + "</dd>\n"
        if !run.glossaries.isEmpty {
            out += "<dt>Glossary</dt><dd>" + run.glossaries.map { "<code>\(Self.escape($0))</code>" }.joined(separator: ", ")
                + ", \(run.conceptCount) concepts</dd>\n"
        }
        let failed = summary.fails(at: run.failOn)
        out += "<dt>Result</dt><dd><span class=\"\(failed ? "fail" : "pass")\">\(Self.escape(SummaryWording.headline(summary)))</span>"
            + " — \(failed ? "fails" : "passes") at <code>--fail-on \(run.failOn.rawValue)</code></dd>\n"
        let skipped = summary.checkOrder.compactMap { check in
            summary.skippedChecks[check].map { "<code>\(check.rawValue)</code> (\(Self.escape($0)))" }
        }
        if !skipped.isEmpty { out += "<dt>Not run</dt><dd>" + skipped.joined(separator: ", ") + "</dd>\n" }
        out += "<dt>Reading the table</dt><dd>" + legend() + "</dd>\n"
        out += "</dl>\n</header>\n"
        return out
    }

    /// What the row labels and the places mean.
    private func legend() -> String {
        var parts = ["<strong>#</strong> is the unit's number in the input (1 for the first)"]
        if findings.contains(where: { $0.segmentID.map(Self.isBeadLabel) ?? false }) {
            parts.append("a label such as <code>[8]:[4]</code> is an aligned pair of sentences: Chinese sentence 8 with English sentence 4, each counted from 0 in its file; <code>[19,20]:[15]</code> is two Chinese sentences for one English sentence, <code>[3]:[]</code> Chinese with no English (an addition)")
        } else if findings.contains(where: { $0.segmentID != nil }) {
            parts.append("the small label under it is the unit's id in the file (TMX <code>tuid</code>, XLIFF <code>unit/segment</code> ids)")
        }
        parts.append("places are <code>file:line:column</code>, the column counting \(TextCheckReport.unitName(run.columnUnit))")
        return parts.joined(separator: "; ") + "."
    }

    /// "Chinese sentences 19, 20 with English sentence 15 (counted from 0)" for `[19,20]:[15]`.
    static func beadDescription(_ id: String) -> String {
        let sides = id.split(separator: ":", maxSplits: 1).map { side in
            side.filter { $0 != "[" && $0 != "]" && $0 != " " }.split(separator: ",").map(String.init)
        }
        func name(_ language: String, _ items: [String]) -> String {
            items.isEmpty ? "no \(language) sentence" : "\(language) sentence\(items.count > 1 ? "s" : "") \(items.joined(separator: ", "))"
        }
        guard sides.count == 2 else { return id }
        return "\(name("Chinese", sides[0])) with \(name("English", sides[1])) (counted from 0)"
    }

    /// Whether `id` is the bead notation of a plain-text pair (`[8]:[4]`, `[19,20]:[]`).
    static func isBeadLabel(_ id: String) -> Bool {
        id.hasPrefix("[") && id.hasSuffix("]") && id.contains("]:[")
            && id.allSatisfy { $0.isASCII && ($0.isNumber || "[],: ".contains($0)) }
    }

    private func presentChecks(_ summary: CheckSummary) -> [CheckID] {
        summary.checkOrder.filter { (summary.findingsByCheck[$0] ?? 0) > 0 }
    }

    private func filters(_ summary: CheckSummary) -> String {
        let checks = presentChecks(summary)
        var out = "<input type=\"radio\" name=\"show\" id=\"show-all\" class=\"show\" checked>\n"
        out += "<input type=\"radio\" name=\"show\" id=\"show-errors\" class=\"show\">\n"
        for check in checks { out += "<input type=\"radio\" name=\"show\" id=\"show-\(check.rawValue)\" class=\"show\">\n" }
        out += "<nav class=\"filters\" aria-label=\"Filter the findings\"><span>Show:</span> <label for=\"show-all\">all (\(summary.total))</label> "
        out += "<label for=\"show-errors\" class=\"s-error\">errors (\(summary.findingsBySeverity[.error] ?? 0))</label>"
        for check in checks {
            out += " <label for=\"show-\(check.rawValue)\" title=\"\(Self.escape(check.summary))\"><code>\(check.rawValue)</code> (\(summary.findingsByCheck[check] ?? 0))</label>"
        }
        out += " <small class=\"hint\">(keyboard: Tab to the filter, then ← →)</small></nav>\n"
        return out
    }

    private func filterCSS(_ summary: CheckSummary) -> String {
        var css = """
            #show-errors:checked ~ table tr.seg:not(.s-error), #show-errors:checked ~ table li.f:not(.s-error) { display: none; }
            #show-all:checked ~ nav label[for="show-all"], #show-errors:checked ~ nav label[for="show-errors"] { background: #1565c0; color: #fff; }
            #show-all:focus-visible ~ nav label[for="show-all"], #show-errors:focus-visible ~ nav label[for="show-errors"] { outline: 2px solid #0d47a1; outline-offset: 2px; }

            """
        for check in presentChecks(summary) {
            let id = check.rawValue
            css += "#show-\(id):checked ~ table tr.seg:not(.c-\(id)), #show-\(id):checked ~ table li.f:not(.c-\(id)) { display: none; }\n"
            css += "#show-\(id):checked ~ nav label[for=\"show-\(id)\"] { background: #1565c0; color: #fff; }\n"
            css += "#show-\(id):focus-visible ~ nav label[for=\"show-\(id)\"] { outline: 2px solid #0d47a1; outline-offset: 2px; }\n"
        }
        return css
    }

    private func row(_ segment: Int, _ findings: [Finding]) -> String {
        let checks = Set(findings.map(\.check.rawValue)).sorted().map { "c-\($0)" }
        let worst = findings.map(\.severity).max() ?? .warning
        // The texts shown: the whole segment when a finding has it, else the first window.
        let full = findings.first { !$0.context.isExcerpt && ($0.context.source != nil || $0.context.target != nil) }
        let shown = full?.context ?? findings[0].context
        func sameText(_ finding: Finding) -> Bool {
            finding.context.source == shown.source && finding.context.target == shown.target
        }
        let onRow = findings.filter(sameText)
        let sourceMarks = onRow.compactMap { f in f.context.sourceRange.map { ($0, f) } }
        let targetMarks = onRow.compactMap { f in f.context.targetRange.map { ($0, f) } }
        let first = findings.min { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }!
        var out = "<tr class=\"seg s-\(worst.rawValue) \(checks.joined(separator: " "))\" id=\"s\(segment + 1)\">"
        out += "<td class=\"n\"><a href=\"#s\(segment + 1)\">\(segment + 1)</a>"
        if let id = findings[0].segmentID {
            let title = Self.isBeadLabel(id) ? " title=\"\(Self.escape(Self.beadDescription(id)))\"" : ""
            out += "<br><small\(title)>\(Self.escape(id))</small>"
        }
        out += "<br><small>line \(first.location.line)</small></td>"
        out += cell(shown.source, marks: sourceMarks, language: "en", excerpt: shown.isExcerpt)
        out += cell(shown.target, marks: targetMarks, language: "zh", excerpt: shown.isExcerpt)
        out += "<td><ul>"
        for finding in findings.sorted(by: { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }) {
            out += "<li class=\"f c-\(finding.check.rawValue) s-\(finding.severity.rawValue)\">"
            out += "<span class=\"sev\">\(finding.severity.rawValue)</span> <code>\(finding.check.rawValue)</code> "
            out += "<span class=\"loc\">\(Self.escape(finding.location.description))</span><br>\(Self.markingChinese(finding.message))"
            if !sameText(finding) {
                if let target = finding.context.target {
                    out += "<div class=\"ex\" lang=\"zh\">" + Self.highlighted(target, [(finding.context.targetRange, finding)].compactMap { r, f in r.map { ($0, f) } }) + "</div>"
                }
            }
            out += "</li>"
        }
        out += "</ul></td></tr>\n"
        return out
    }

    private func cell(_ text: String?, marks: [(Range<Int>, Finding)], language: String, excerpt: Bool) -> String {
        guard let text else { return "<td lang=\"en\" class=\"missing\">(none)</td>" }
        return "<td lang=\"\(language)\"\(excerpt ? " class=\"excerpt\"" : "")>" + Self.highlighted(text, marks) + "</td>"
    }

    /// `text` escaped, with each range wrapped in `<mark>` (overlapping ranges merged; the
    /// worst severity colours the mark, every message goes in its tooltip).
    static func highlighted(_ text: String, _ marks: [(Range<Int>, Finding)]) -> String {
        let scalars = Array(text.unicodeScalars)
        var spans: [(range: Range<Int>, findings: [Finding])] = []
        for (range, finding) in marks.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            let clamped = max(0, min(range.lowerBound, scalars.count))..<max(0, min(range.upperBound, scalars.count))
            guard !clamped.isEmpty else { continue }
            if let last = spans.last, clamped.lowerBound < last.range.upperBound {
                spans[spans.count - 1] = (last.range.lowerBound..<max(last.range.upperBound, clamped.upperBound), last.findings + [finding])
            } else {
                spans.append((clamped, [finding]))
            }
        }
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return escape(String(view))
        }
        var out = ""
        var position = 0
        for span in spans {
            out += piece(position..<span.range.lowerBound)
            let worst = span.findings.map(\.severity).max() ?? .warning
            let title = span.findings.map { "[\($0.check.rawValue)] \($0.message)" }.joined(separator: "\n")
            out += "<mark class=\"\(worst.rawValue)\" title=\"\(escape(title))\">" + piece(span.range) + "</mark>"
            position = span.range.upperBound
        }
        out += piece(position..<scalars.count)
        return out
    }

    /// `text` escaped for HTML text, each run of Chinese (Han characters and the
    /// punctuation between them) in a `<span lang="zh">`.
    static func markingChinese(_ text: String) -> String {
        var out = "", run = "", chinese = false
        func flush() {
            guard !run.isEmpty else { return }
            out += chinese ? "<span lang=\"zh\">\(escape(run))</span>" : escape(run)
            run = ""
        }
        for scalar in text.unicodeScalars {
            let isChinese = scalar.properties.isIdeographic || (0x3000...0x303F).contains(scalar.value)
                || (0xFF01...0xFF60).contains(scalar.value) || scalar.value == 0x00B7 && chinese
            if isChinese != chinese { flush(); chinese = isChinese }
            run.unicodeScalars.append(scalar)
        }
        flush()
        return out
    }

    /// `text` escaped for HTML text and attributes.
    static func escape(_ text: String) -> String { XMLEscaping.html(text) }

    static let css = XMLEscaping.reportStyle + """
        .fail { color: #b71c1c; font-weight: 600; }
        .pass { color: #1b5e20; font-weight: 600; }
        input.show { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
        small.hint { color: #777; }
        nav.filters { margin: 0 0 .8rem; font-size: .9rem; display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
        nav.filters label { border: 1px solid #bbb; border-radius: 3px; padding: .1rem .45rem; cursor: pointer; }
        nav.filters label code { font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        col.n { width: 5rem; } col.findings { width: 34%; }
        th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; line-height: 1.5; }
        thead th { position: sticky; top: 0; background: #f4f4f4; }
        td.n a { color: #666; text-decoration: none; }
        td.n small { color: #888; }
        td.excerpt { color: #555; }
        td.missing { background: #f7f7f7; color: #777; font-style: italic; }
        td.clean { color: #1b5e20; font-weight: 600; }
        ul { margin: 0; padding-left: 1rem; }
        li.f { margin: 0 0 .35rem; font-size: .9rem; }
        .sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; }
        li.s-error .sev, label.s-error { color: #b71c1c; }
        li.s-warning .sev { color: #b26a00; }
        .loc { color: #666; font-size: .8rem; }
        div.ex { color: #555; font-size: .85rem; }
        mark { border-radius: 2px; padding: 0 .1em; color: inherit; }
        mark.error { background: #ffcdd2; text-decoration: underline wavy #b71c1c; }
        mark.warning { background: #ffe3bf; text-decoration: underline wavy #e65100; }
        :target { outline: 2px solid #1565c0; }

        """
}
