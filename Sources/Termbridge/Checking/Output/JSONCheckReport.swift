import Foundation

/// The JSON report, written as findings arrive:
///
///     {"findings":[
///     {"check":"term-forbidden","column":12,"expected":["特朗普"],"file":"zh.txt","found":"川普",…},
///     …
///     ],
///     "summary":{"byCheck":{"term-forbidden":1},"errors":1,"failed":true,…}}
///
/// One finding per line, keys sorted (see ``Finding``'s `encode(to:)` for the fields). The
/// summary gives the totals, counts by check and severity, the segment counts, the checks
/// that did not run and why, whether the run fails at `--fail-on`, what columns count
/// (`columnUnit`, see ``ColumnUnit``), and how many findings waivers and the baseline left
/// out.
public final class JSONCheckReport: CheckReportWriter {
    private let output: (String) throws -> Void
    private let encoder: JSONEncoder
    private var count = 0
    private var failOn = FailureThreshold.error
    private var run: CheckRunDescription?

    public init(_ output: @escaping (String) throws -> Void) {
        self.output = output
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func begin(_ run: CheckRunDescription) throws {
        self.run = run
        failOn = run.failOn
        try output("{\"findings\":[\n")
    }

    public func write(_ finding: Finding) throws {
        let line = String(decoding: try encoder.encode(finding), as: UTF8.self)
        try output((count == 0 ? "" : ",\n") + line)
        count += 1
    }

    /// The summary object.
    struct Summary: Encodable {
        var total: Int
        var errors: Int
        var warnings: Int
        var byCheck: [String: Int]
        var segments: Int
        var bilingualSegments: Int
        var chineseOnlySegments: Int
        var englishOnlySegments: Int
        var skipped: [String: String]
        var inputs: [String]
        var glossaries: [String]
        var concepts: Int
        var failOn: String
        var failed: Bool
        var columnUnit: String
        var waived: Int
        var baselined: Int
    }

    public func finish(_ summary: CheckSummary) throws {
        let object = Summary(
            total: summary.total, errors: summary.findingsBySeverity[.error] ?? 0,
            warnings: summary.findingsBySeverity[.warning] ?? 0,
            byCheck: Dictionary(uniqueKeysWithValues: summary.findingsByCheck.map { ($0.key.rawValue, $0.value) }),
            segments: summary.segments, bilingualSegments: summary.bilingualSegments,
            chineseOnlySegments: summary.chineseOnlySegments, englishOnlySegments: summary.englishOnlySegments,
            skipped: Dictionary(uniqueKeysWithValues: summary.skippedChecks.map { ($0.key.rawValue, $0.value) }),
            inputs: run?.inputs ?? [], glossaries: run?.glossaries ?? [], concepts: run?.conceptCount ?? 0,
            failOn: failOn.rawValue, failed: summary.fails(at: failOn), columnUnit: (run?.columnUnit ?? .scalars).rawValue,
            waived: summary.waived, baselined: summary.baselined)
        try output((count == 0 ? "" : "\n") + "],\n\"summary\":" + String(decoding: try encoder.encode(object), as: UTF8.self) + "}\n")
    }
}
