/// Checks a translation segment by segment against a glossary and against itself, and
/// reports each departure as a ``Finding``.
///
/// The checker is a driver: the checks are the types registered in ``CheckRegistry`` (one
/// file each under `Checking/Checks/`), then the user checks of a ``Checklist``. Feed it
/// segments in document order with ``check(_:_:)``: each segment is analysed once
/// (``SegmentAnalysis``), passed through every enabled check in registry order, and its
/// findings come back at once, sorted by place. Then ``finish(_:)`` gives the
/// document-level findings (renderings, variants, mixed typography, length outliers).
/// Memory does not grow with the number of segments beyond the checks' compact state.
///
/// **One finding per problem.** Checks overlap, so a check that reports a place *claims*
/// it, and the checks after it leave it alone (see ``SegmentAnalysis/Claim`` and
/// `Docs/Checking.md`): a forbidden or deprecated term is not also a missing translation or
/// an inconsistent rendering; a form term-mistranslated names is only counted by
/// rendering-inconsistent.
///
/// The driver then applies, in this order: the unit's waivers (``CheckSegment/waivers``),
/// the severity configured for the check, and the ``Baseline``.
///
/// Not thread-safe: one checker per document.
public final class Checker {
    /// Which checks run, and their severities.
    public let configuration: CheckConfiguration
    /// The glossary checked against, if any.
    public let glossary: Glossary?
    /// Known findings left out of the report.
    public let baseline: Baseline
    private let environment: CheckEnvironment
    /// The checks that run, in running order.
    private let checks: [any TranslationCheck]
    /// Segments that waive some check: index → the segment, for document-level findings.
    private var waivingSegments: [Int: CheckSegment] = [:]
    /// Counts so far; complete after ``finish(_:)``.
    public private(set) var summary = CheckSummary()
    private var sawSource = false

    /// A checker for one document.
    ///
    /// - Parameters:
    ///   - glossary: the terms to check against; without it the checks that need one do not
    ///     run (rendering-inconsistent runs with `associations`).
    ///   - lexicon: CC-CEDICT, to name what a translation used instead of a glossary term
    ///     (the `found` of term-mistranslated) and to accept conventional renderings of
    ///     acronyms (NATO → 北约).
    ///   - associations: bilingual term associations for rendering-inconsistent beyond the
    ///     glossary (see ``RenderingAssociations``).
    ///   - checklist: user checks (regular expressions on source and target), run after the
    ///     built-in checks.
    ///   - baseline: known findings to leave out.
    /// - Throws: when the glossary cannot be compiled (the stemmer cannot start).
    public init(glossary: Glossary?, lexicon: CEDICTLexicon? = nil, associations: (any RenderingAssociations)? = nil,
                configuration: CheckConfiguration = CheckConfiguration(), checklist: Checklist? = nil,
                baseline: Baseline = Baseline()) throws {
        // A user check's severity is its entry's, unless the configuration overrides it.
        var configuration = configuration
        for entry in checklist?.entries ?? [] where configuration.severities[entry.id] == nil {
            configuration.severities[entry.id] = entry.severity
        }
        self.configuration = configuration
        self.glossary = glossary
        self.baseline = baseline
        let environment = try CheckEnvironment(configuration: configuration, glossary: glossary, lexicon: lexicon,
                                               associations: associations)
        self.environment = environment
        var checks: [any TranslationCheck] = []
        var summary = CheckSummary()
        let userChecks: [any TranslationCheck] = checklist?.entries.map { UserCheck($0, environment) } ?? []
        for definition in CheckRegistry.definitions + userChecks.map(\.definition) {
            summary.checks.append(definition.id)
            summary.severities[definition.id] = configuration.severity(of: definition.id)
        }
        for type in CheckRegistry.builtIn {
            let definition = type.definition
            if !configuration.isEnabled(definition.id) {
                summary.skippedChecks[definition.id] = "disabled"
            } else if definition.needsGlossary && glossary == nil && !(definition.acceptsAssociations && associations != nil) {
                summary.skippedChecks[definition.id] = "needs a glossary"
            } else {
                checks.append(type.init(environment))
            }
        }
        self.checks = checks + userChecks
        self.summary = summary
    }

    // MARK: Segments

    /// Checks one segment and passes its findings to `report`, sorted by place: the Chinese
    /// side first, by line and column (ties keep the order in which the checks ran).
    public func check(_ segment: CheckSegment, _ report: (Finding) throws -> Void) rethrows {
        summary.segments += 1
        switch (segment.source, segment.target) {
        case (.some, .some): summary.bilingualSegments += 1; sawSource = true
        case (.none, .some): summary.chineseOnlySegments += 1
        case (.some, .none): summary.englishOnlySegments += 1; sawSource = true
        case (.none, .none): return
        }
        if !segment.waivers.isEmpty { waivingSegments[segment.index] = segment }
        let analysis = SegmentAnalysis(segment: segment, environment: environment)
        var findings: [Finding] = []
        for check in checks { check.check(analysis, &findings) }
        guard !findings.isEmpty else { return }
        // Stable sort: ties keep the order in which the checks ran.
        let ordered = findings.enumerated().sorted { a, b in
            if a.element.side != b.element.side { return a.element.side == .target }
            let x = (a.element.location.line, a.element.location.column), y = (b.element.location.line, b.element.location.column)
            return x != y ? x < y : a.offset < b.offset
        }
        for (_, finding) in ordered {
            var finding = finding
            finding.contentKey = analysis.contentKey
            try pass(finding, waivedBy: segment, report)
        }
    }

    /// Reports the document-level findings, sorted by file, line, column and check id, and
    /// returns the summary of the run.
    @discardableResult
    public func finish(_ report: (Finding) throws -> Void) rethrows -> CheckSummary {
        var findings: [Finding] = []
        for check in checks { check.finish(&findings) }
        // Stable sort by the stated keys: file, line, column, check id (scalar order).
        let ordered = findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if (x.location.file ?? "") != (y.location.file ?? "") { return (x.location.file ?? "").precedesInScalarOrder(y.location.file ?? "") }
            if (x.location.line, x.location.column) != (y.location.line, y.location.column) {
                return (x.location.line, x.location.column) < (y.location.line, y.location.column)
            }
            if x.check != y.check { return x.check < y.check }
            return a.offset < b.offset
        }
        for (_, finding) in ordered {
            try pass(finding, waivedBy: waivingSegments[finding.segment], report)
        }
        if !sawSource {
            for check in checks where check.definition.needsSource && summary.skippedChecks[check.definition.id] == nil {
                summary.skippedChecks[check.definition.id] = "needs an English side"
            }
        }
        return summary
    }

    /// Checks `segments` and returns every finding: the per-segment ones in order, then the
    /// document-level ones.
    public func check(_ segments: some Sequence<CheckSegment>) -> [Finding] {
        var findings: [Finding] = []
        for segment in segments { check(segment) { findings.append($0) } }
        finish { findings.append($0) }
        return findings
    }

    /// Called with every finding that no waiver leaves out, before the baseline is applied
    /// (`--write-baseline` records them).
    public var recordFinding: ((Finding) -> Void)?

    /// Reports `finding` unless its unit waives its check or the baseline records it.
    private func pass(_ finding: Finding, waivedBy segment: CheckSegment?, _ report: (Finding) throws -> Void) rethrows {
        if let segment, segment.waives(finding.check) {
            summary.waived += 1
            return
        }
        recordFinding?(finding)
        if baseline.contains(finding) {
            summary.baselined += 1
            return
        }
        summary.count(finding)
        try report(finding)
    }
}
