/// Which side of a segment a finding points into.
public enum SegmentSide: String, Sendable, Codable {
    /// The English source.
    case source
    /// The Chinese translation.
    case target
}

/// How often one form renders a term (or writes a concept) in the whole document, for the
/// document-level checks.
public struct RenderingCount: Sendable, Hashable, Codable {
    /// The Chinese form, as the glossary writes it (or as found, for forms outside it).
    public var form: String
    /// Occurrences in the document.
    public var count: Int
    /// The form's status in the concept; nil for a form outside the glossary.
    public var status: TermStatus?
    /// The first lines where it occurs (at most ``CheckConfiguration/placesPerForm``).
    public var lines: [Int]

    public init(form: String, count: Int, status: TermStatus?, lines: [Int]) {
        self.form = form
        self.count = count
        self.status = status
        self.lines = lines
    }
}

/// The text around a finding, for excerpts and side-by-side reports.
public struct FindingContext: Sendable, Hashable {
    /// The English text (the whole segment, or an excerpt when ``isExcerpt``).
    public var source: String?
    /// The Chinese text (the whole segment, or an excerpt when ``isExcerpt``).
    public var target: String?
    /// What the finding is about in ``source``, in Unicode scalars.
    public var sourceRange: Range<Int>?
    /// What the finding is about in ``target``, in Unicode scalars.
    public var targetRange: Range<Int>?
    /// True when the texts are windows around the place, not whole segments (document-level
    /// findings keep only a window, to keep memory bounded).
    public var isExcerpt: Bool

    public init(source: String? = nil, target: String? = nil, sourceRange: Range<Int>? = nil,
                targetRange: Range<Int>? = nil, isExcerpt: Bool = false) {
        self.source = source
        self.target = target
        self.sourceRange = sourceRange
        self.targetRange = targetRange
        self.isExcerpt = isExcerpt
    }
}

/// One place where a translation departs from the glossary or from itself.
///
/// The location points into the file the user edits: the Chinese file for plain-text
/// input (line and column of the term), the line and column of the term inside the TMX,
/// XLIFF or TSV file for bilingual input. A finding about something *missing* from the
/// translation points at the start of the Chinese segment, with ``related`` pointing at the
/// English term.
public struct Finding: Sendable, Hashable {
    /// The check that found it.
    public var check: CheckID
    /// How serious it is.
    public var severity: Severity
    /// Where it is.
    public var location: FileLocation
    /// Which side ``location`` is on.
    public var side: SegmentSide
    /// The 0-based index of the segment.
    public var segment: Int
    /// The segment's identifier in the input (`tuid`, XLIFF ids), if any.
    public var segmentID: String?
    /// What the finding is about: the English glossary term (term-mistranslated,
    /// rendering-inconsistent), the term used (term-forbidden, term-deprecated,
    /// variant-drift), the number or token of the source.
    public var term: String?
    /// What the translation has instead, when something was found.
    public var found: String?
    /// What the glossary or the source expects, best first.
    public var expected: [String]
    /// The glossary concept's identifier, when a concept is involved.
    public var conceptID: String?
    /// The message, one line, in the user's words.
    public var message: String
    /// A second place that explains the finding: the English term, the first of two
    /// identical segments.
    public var related: FileLocation?
    /// For rendering-inconsistent and variant-drift: every form with its count.
    public var renderings: [RenderingCount]
    /// The texts around the place.
    public var context: FindingContext
    /// The segment's content, folded and hashed (set by the checker; see
    /// ``FindingFingerprint``).
    var contentKey: UInt64 = 0

    public init(check: CheckID, severity: Severity, location: FileLocation, side: SegmentSide, segment: Int,
                segmentID: String? = nil, term: String? = nil, found: String? = nil, expected: [String] = [],
                conceptID: String? = nil, message: String, related: FileLocation? = nil,
                renderings: [RenderingCount] = [], context: FindingContext = FindingContext()) {
        self.check = check
        self.severity = severity
        self.location = location
        self.side = side
        self.segment = segment
        self.segmentID = segmentID
        self.term = term
        self.found = found
        self.expected = expected
        self.conceptID = conceptID
        self.message = message
        self.related = related
        self.renderings = renderings
        self.context = context
    }
}

extension Finding: Encodable {
    private enum CodingKeys: String, CodingKey {
        case check, severity, file, line, column, side, segment, segmentID = "segmentId", term, found, expected
        case concept, message, related, renderings, source, target, sourceRange, targetRange, excerpt
    }

    /// JSON: `check`, `severity`, `file`, `line`, `column`, `segment`, `term`, `found` and
    /// `expected` always (null when absent); `side`, `segmentId`, `concept`, `message`,
    /// `related`, `renderings`, `source`, `target` and the ranges (`[start, end]` in Unicode
    /// scalars of `source`/`target`) when present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(check.rawValue, forKey: .check)
        try c.encode(severity.rawValue, forKey: .severity)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(side.rawValue, forKey: .side)
        try c.encode(segment, forKey: .segment)
        try c.encodeIfPresent(segmentID, forKey: .segmentID)
        try c.encode(term, forKey: .term)
        try c.encode(found, forKey: .found)
        try c.encode(expected, forKey: .expected)
        try c.encodeIfPresent(conceptID, forKey: .concept)
        try c.encode(message, forKey: .message)
        if let related { try c.encode(related, forKey: .related) }
        if !renderings.isEmpty { try c.encode(renderings, forKey: .renderings) }
        try c.encodeIfPresent(context.source, forKey: .source)
        try c.encodeIfPresent(context.target, forKey: .target)
        if let range = context.sourceRange { try c.encode([range.lowerBound, range.upperBound], forKey: .sourceRange) }
        if let range = context.targetRange { try c.encode([range.lowerBound, range.upperBound], forKey: .targetRange) }
        if context.isExcerpt { try c.encode(true, forKey: .excerpt) }
    }
}

/// Counts of a finished run, for the summary and the exit status.
public struct CheckSummary: Sendable, Hashable {
    /// Findings per check (checks with none are absent).
    public var findingsByCheck: [CheckID: Int] = [:]
    /// Findings per severity.
    public var findingsBySeverity: [Severity: Int] = [:]
    /// Segments checked.
    public var segments = 0
    /// Segments with both an English and a Chinese side.
    public var bilingualSegments = 0
    /// Segments with only Chinese (a Chinese document, additions).
    public var chineseOnlySegments = 0
    /// English segments with no Chinese (cuts, empty targets): only their English is checked.
    public var englishOnlySegments = 0
    /// Checks that could not run and why (no glossary, no English side, disabled).
    public var skippedChecks: [CheckID: String] = [:]
    /// Every check of the run, run or not, in running order (built-in checks, then user
    /// checks): the order of summaries.
    public var checks: [CheckID] = []
    /// Findings left out because the segment waives their check (see ``CheckSegment/waivers``).
    public var waived = 0
    /// Findings left out because the baseline records them (see ``Baseline``).
    public var baselined = 0
    /// The severity each check's findings had in this run.
    public var severities: [CheckID: Severity] = [:]

    public init() {}

    /// The checks in the order summaries list them: ``checks``, then any other check with
    /// findings or a reason it did not run, by id.
    public var checkOrder: [CheckID] {
        let base = checks.isEmpty ? CheckID.builtIn : checks
        let known = Set(base)
        let others = Set(findingsByCheck.keys).union(skippedChecks.keys).subtracting(known).sorted()
        return base + others
    }

    /// All findings.
    public var total: Int { findingsBySeverity.values.reduce(0, +) }

    /// The most severe finding, if any.
    public var worstSeverity: Severity? {
        Severity.allCases.sorted(by: >).first { (findingsBySeverity[$0] ?? 0) > 0 }
    }

    /// Whether the run fails at `threshold`.
    public func fails(at threshold: FailureThreshold) -> Bool {
        guard let worst = worstSeverity else { return false }
        return threshold.fails(on: worst)
    }

    mutating func count(_ finding: Finding) {
        findingsByCheck[finding.check, default: 0] += 1
        findingsBySeverity[finding.severity, default: 0] += 1
    }
}
