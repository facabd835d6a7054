/// How serious a finding is. Ordered: `warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a reviewer's look; publishing may go on (variants, inconsistencies).
    case warning
    /// Must be fixed before publishing (a wrong or forbidden term, a changed number).
    case error

    private var rank: Int { self == .warning ? 0 : 1 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A consistency check, named by a stable identifier that reports, `--disable` and
/// `--fail-on` use. The identifiers never change meaning; new checks get new ones.
///
/// | id | what | default severity |
/// | --- | --- | --- |
/// | `term-mistranslated` | an English glossary term whose Chinese segment has none of its preferred or admitted translations | error |
/// | `term-forbidden` | a forbidden term in the Chinese (or English) text | error |
/// | `term-deprecated` | a deprecated or superseded term in the Chinese (or English) text | warning |
/// | `rendering-inconsistent` | one English term translated in different ways in different segments | warning |
/// | `variant-drift` | one concept written with several of its Chinese terms (no English needed) | warning |
/// | `number-mismatch` | a number of the source missing from the translation, or one the source does not have | error |
/// | `latin-token-missing` | an acronym or code of the source (ATACMS, G7) missing from the translation | warning |
/// | `segment-inconsistent-target` | identical source segments translated differently | warning |
/// | `segment-inconsistent-source` | one translation used for different source segments | warning |
public enum CheckID: String, Sendable, Codable, CaseIterable, Hashable {
    case termMistranslated = "term-mistranslated"
    case termForbidden = "term-forbidden"
    case termDeprecated = "term-deprecated"
    case renderingInconsistent = "rendering-inconsistent"
    case variantDrift = "variant-drift"
    case numberMismatch = "number-mismatch"
    case latinTokenMissing = "latin-token-missing"
    case segmentInconsistentTarget = "segment-inconsistent-target"
    case segmentInconsistentSource = "segment-inconsistent-source"

    /// The severity a finding of this check has unless configured otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .termMistranslated, .termForbidden, .numberMismatch: .error
        case .termDeprecated, .renderingInconsistent, .variantDrift, .latinTokenMissing,
             .segmentInconsistentTarget, .segmentInconsistentSource: .warning
        }
    }

    /// One line on what the check finds, for help texts and report legends.
    public var summary: String {
        switch self {
        case .termMistranslated: "English glossary term without any of its preferred or admitted Chinese translations"
        case .termForbidden: "forbidden term used"
        case .termDeprecated: "deprecated or superseded term used"
        case .renderingInconsistent: "one English term translated in different ways across the document"
        case .variantDrift: "one concept written with several of its Chinese terms"
        case .numberMismatch: "numbers differ between source and translation"
        case .latinTokenMissing: "acronym or code of the source missing from the translation"
        case .segmentInconsistentTarget: "identical source segments with different translations"
        case .segmentInconsistentSource: "identical translations of different source segments"
        }
    }

    /// What the check needs: a glossary, an English side, or nothing.
    public var needsGlossary: Bool {
        switch self {
        case .termMistranslated, .termForbidden, .termDeprecated, .variantDrift: true
        // Works with the glossary, or with ``RenderingAssociations`` instead.
        case .renderingInconsistent: true
        case .numberMismatch, .latinTokenMissing, .segmentInconsistentTarget, .segmentInconsistentSource: false
        }
    }

    /// Whether the check compares the two sides (and so does nothing on a Chinese document alone).
    public var needsSource: Bool {
        switch self {
        case .termMistranslated, .renderingInconsistent, .numberMismatch, .latinTokenMissing,
             .segmentInconsistentTarget, .segmentInconsistentSource: true
        case .termForbidden, .termDeprecated, .variantDrift: false
        }
    }
}

/// Which checks run, how severe their findings are, and when a run fails.
public struct CheckConfiguration: Sendable, Equatable {
    /// The checks that run (all by default).
    public var enabled: Set<CheckID>
    /// Severity overrides; a check not listed has its ``CheckID/defaultSeverity``.
    public var severities: [CheckID: Severity]
    /// How many places a document-level finding (renderings, variants) lists per form, and
    /// how many findings it gives per form; further occurrences are counted in one closing
    /// finding. Keeps memory bounded on long documents.
    public var placesPerForm: Int
    /// Beads aligned with less confidence than this get a note in bilingual findings
    /// (plain-text pairs only: bilingual files are aligned already).
    public var lowAlignmentConfidence: Double

    public init(enabled: Set<CheckID> = Set(CheckID.allCases), severities: [CheckID: Severity] = [:],
                placesPerForm: Int = 8, lowAlignmentConfidence: Double = 0.3) {
        self.enabled = enabled
        self.severities = severities
        self.placesPerForm = max(1, placesPerForm)
        self.lowAlignmentConfidence = lowAlignmentConfidence
    }

    /// The severity of `check`'s findings.
    public func severity(of check: CheckID) -> Severity {
        severities[check] ?? check.defaultSeverity
    }

    /// Whether `check` runs.
    public func isEnabled(_ check: CheckID) -> Bool { enabled.contains(check) }
}

/// The least severity that makes a run fail (`--fail-on`): `error`, `warning`, or `never`.
public enum FailureThreshold: String, Sendable, CaseIterable {
    case error, warning, never

    /// Whether a finding of `severity` fails the run.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .error: severity >= .error
        case .warning: true
        case .never: false
        }
    }
}
