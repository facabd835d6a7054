import Foundation

/// The formats of a check report.
public enum CheckReportFormat: String, Sendable, CaseIterable {
    /// One finding per line, `file:line:col: severity [check-id] message`, as compilers and
    /// linters print, each followed by an excerpt; then a summary by check (see
    /// ``TextCheckReport``).
    case text
    /// One JSON object: the findings, then the summary (see ``JSONCheckReport``).
    case json
    /// A self-contained page for a reviewer: segments side by side, the offending terms
    /// highlighted, filterable by check (see ``HTMLCheckReport``).
    case html

    /// The format a file name implies: `.txt`, `.json`, `.html`/`.htm`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html }
        else if lower.hasSuffix(".txt") || lower.hasSuffix(".log") { self = .text }
        else { return nil }
    }
}

/// What a report says about the run before its findings: the inputs and the glossary.
public struct CheckRunDescription: Sendable {
    /// The files checked (Chinese first for a pair).
    public var inputs: [String]
    /// The glossary files.
    public var glossaries: [String]
    /// The concepts of the glossaries together.
    public var conceptCount: Int
    /// The least severity that fails the run.
    public var failOn: FailureThreshold
    /// What the columns of the findings count (the library's are scalars; the command line
    /// converts them, see ``ColumnConvertingReport``).
    public var columnUnit: ColumnUnit

    public init(inputs: [String], glossaries: [String] = [], conceptCount: Int = 0, failOn: FailureThreshold = .error,
                columnUnit: ColumnUnit = .scalars) {
        self.inputs = inputs
        self.glossaries = glossaries
        self.conceptCount = conceptCount
        self.failOn = failOn
        self.columnUnit = columnUnit
    }
}

/// Writes a check report as findings arrive. Text and JSON stream (memory O(1) in the
/// number of findings); HTML keeps the findings until ``finish(_:)``, since its table and
/// its filters are laid out from all of them.
public protocol CheckReportWriter: AnyObject {
    /// Called once, before any finding.
    func begin(_ run: CheckRunDescription) throws
    /// Called for each finding, per-segment ones in segment order, then document-level ones.
    func write(_ finding: Finding) throws
    /// Called once, after the last finding.
    func finish(_ summary: CheckSummary) throws
}

extension CheckReportFormat {
    /// A writer for this format that passes its text to `output` piece by piece.
    public func writer(_ output: @escaping (String) throws -> Void) -> any CheckReportWriter {
        switch self {
        case .text: TextCheckReport(output)
        case .json: JSONCheckReport(output)
        case .html: HTMLCheckReport(output)
        }
    }
}

/// The summary lines shared by the text report and the HTML header.
enum SummaryWording {
    static func headline(_ summary: CheckSummary) -> String {
        let errors = summary.findingsBySeverity[.error] ?? 0, warnings = summary.findingsBySeverity[.warning] ?? 0
        var parts = ["\(summary.segments) segment\(summary.segments == 1 ? "" : "s")"]
        if summary.bilingualSegments > 0 || summary.chineseOnlySegments > 0 {
            var sides: [String] = []
            if summary.bilingualSegments > 0 { sides.append("\(summary.bilingualSegments) bilingual") }
            if summary.chineseOnlySegments > 0 { sides.append("\(summary.chineseOnlySegments) Chinese only") }
            if summary.englishOnlySegments > 0 { sides.append("\(summary.englishOnlySegments) English only") }
            parts[0] += " (" + sides.joined(separator: ", ") + ")"
        }
        let findings = summary.total == 0 ? "no findings"
            : "\(summary.total) finding\(summary.total == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        return "\(findings) in \(parts[0])"
    }
}
