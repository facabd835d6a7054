/// The text report: one finding per line, as compilers and linters print them,
///
///     zh.txt:15:42: error [term-mistranslated] “ATACMS” is not translated as the glossary says (qa-031): expected 陆军战术导弹系统 (or ATACMS)
///        15 | 其中最重要的是远程导弹,这种导弹能够打击俄军防线后方纵深的目标。
///           |                 ^^^^^^^^
///        en | above all the Army Tactical Missile System, or ATACMS, which could strike
///           |                                                ^^^^^^
///
/// so that `grep ': error '` and editors' "jump to error" work on the first line (the column
/// counts what ``CheckRunDescription/columnUnit`` says: UTF-8 bytes from the command line,
/// as vim reads them), and the
/// indented excerpt (a window of the segment, carets under the term, wide characters counted
/// as two columns) shows it in place. A summary by check follows the findings.
public final class TextCheckReport: CheckReportWriter {
    private let output: (String) throws -> Void
    /// Scalars shown on each side of the term in an excerpt.
    public var excerptRadius = 30

    public init(_ output: @escaping (String) throws -> Void) {
        self.output = output
    }

    private var columnUnit = ColumnUnit.scalars

    public func begin(_ run: CheckRunDescription) throws {
        columnUnit = run.columnUnit
    }

    public func write(_ finding: Finding) throws {
        var out = "\(finding.location.description): \(finding.severity.rawValue) [\(finding.check.rawValue)] \(finding.message)\n"
        let gutter = String(finding.location.line)
        let width = max(5, gutter.count)
        func excerptLines(_ label: String, _ text: String?, _ range: Range<Int>?) {
            guard let text, !text.isEmpty else { return }
            let (line, caret) = Self.excerpt(text, range, radius: excerptRadius)
            out += String(repeating: " ", count: width - label.count) + label + " | " + line + "\n"
            if let caret { out += String(repeating: " ", count: width) + " | " + caret + "\n" }
        }
        switch finding.side {
        case .target:
            excerptLines(gutter, finding.context.target, finding.context.targetRange)
            if finding.context.sourceRange != nil { excerptLines("en", finding.context.source, finding.context.sourceRange) }
        case .source:
            excerptLines(gutter, finding.context.source, finding.context.sourceRange)
        }
        try output(out)
    }

    public func finish(_ summary: CheckSummary) throws {
        var out = "\n" + SummaryWording.headline(summary) + "\n"
        let rows = summary.checkOrder.compactMap { check -> String? in
            guard let count = summary.findingsByCheck[check], count > 0 else { return nil }
            let severity = (summary.severities[check] ?? check.defaultSeverity).rawValue
            return "  " + check.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
                + severity.padding(toLength: 9, withPad: " ", startingAt: 0) + String(count)
        }
        out += rows.map { $0 + "\n" }.joined()
        for check in summary.checkOrder {
            if let reason = summary.skippedChecks[check], reason != "disabled" {
                out += "  \(check.rawValue): not run (\(reason))\n"
            }
        }
        if summary.waived > 0 { out += "  \(summary.waived) finding\(summary.waived == 1 ? "" : "s") waived by the units\n" }
        if summary.baselined > 0 { out += "  \(summary.baselined) finding\(summary.baselined == 1 ? "" : "s") left out: in the baseline\n" }
        if summary.total > 0 { out += "  (columns count \(Self.unitName(columnUnit)))\n" }
        try output(out)
    }

    static func unitName(_ unit: ColumnUnit) -> String {
        switch unit {
        case .bytes: "UTF-8 bytes"
        case .scalars: "characters"
        case .utf16: "UTF-16 code units"
        case .display: "terminal cells"
        }
    }

    /// A one-line window of `text` around `range`, and a caret line under it (nil without a
    /// range). Line breaks and tabs show as spaces; East Asian wide characters count as two
    /// columns so that the carets line up in a terminal.
    static func excerpt(_ text: String, _ range: Range<Int>?, radius: Int) -> (String, String?) {
        let scalars = Array(text.unicodeScalars)
        let focus = range.map { max(0, min($0.lowerBound, scalars.count))..<max(0, min($0.upperBound, scalars.count)) }
        let start = focus.map { max(0, $0.lowerBound - radius) } ?? 0
        let end = focus.map { min(scalars.count, $0.upperBound + radius) } ?? min(scalars.count, 2 * radius)
        var line = start > 0 ? "…" : ""
        var caret = start > 0 ? " " : ""
        line.reserveCapacity(4 * (end - start) + 6)
        caret.reserveCapacity(2 * (end - start) + 1)
        for k in start..<end {
            var scalar = scalars[k]
            if Self.isWhitespace(scalar) { scalar = " " }
            line.unicodeScalars.append(scalar)
            let cells = displayWidth(scalar)
            let inside = focus.map { $0.contains(k) } ?? false
            let mark: Character = inside ? "^" : " "
            for _ in 0..<cells { caret.append(mark) }
        }
        if end < scalars.count { line += "…" }
        guard let focus, !focus.isEmpty else { return (line, nil) }
        while caret.hasSuffix(" ") { caret.removeLast() }
        return (line, caret)
    }

    /// Unicode's White_Space, without a property lookup for ASCII and for scalars past
    /// U+3000 (the last white space of the BMP).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        return v <= 0x3000 && scalar.properties.isWhitespace
    }

    /// Terminal columns of a scalar: 2 for East Asian wide and full-width characters, 0 for
    /// combining marks, else 1.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        // Unified ideographs (no combining marks among them): the common case, without a property lookup.
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) { return 2 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
