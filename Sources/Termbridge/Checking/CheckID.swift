/// How serious a finding is. Ordered: `warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a reviewer's look; publishing may go on (variants, inconsistencies).
    case warning
    /// Must be fixed before publishing (a wrong or forbidden term, a changed number).
    case error

    private var rank: Int { self == .warning ? 0 : 1 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A check's stable identifier, which reports, `--disable`, baselines, waivers and scripts
/// use: lower-case words joined by hyphens (`term-forbidden`). The identifiers of the
/// built-in checks never change meaning; new checks get new ones. User checks (a checklist
/// file, see ``Checklist``) bring their own.
///
/// The built-in checks, their severities and what they find are listed by
/// ``CheckRegistry/builtIn`` (each check's ``CheckDefinition``) and in `Docs/Checking.md`.
public struct CheckID: RawRepresentable, Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// Identifiers sort in Unicode scalar order of their text.
    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue.precedesInScalarOrder(b.rawValue) }

    /// Whether `text` is a well-formed identifier: ASCII letters, digits, `-`, `_`, `.` and
    /// `:`, starting with a letter.
    public static func isWellFormed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // The built-in checks (each one's type is in `Checking/Checks/`).
    public static let termMistranslated = CheckID("term-mistranslated")
    public static let termForbidden = CheckID("term-forbidden")
    public static let termDeprecated = CheckID("term-deprecated")
    public static let renderingInconsistent = CheckID("rendering-inconsistent")
    public static let variantDrift = CheckID("variant-drift")
    public static let numberMismatch = CheckID("number-mismatch")
    public static let latinTokenMissing = CheckID("latin-token-missing")
    public static let segmentInconsistentTarget = CheckID("segment-inconsistent-target")
    public static let segmentInconsistentSource = CheckID("segment-inconsistent-source")
    public static let targetEmpty = CheckID("target-empty")
    public static let targetSameAsSource = CheckID("target-same-as-source")
    public static let targetUntranslated = CheckID("target-untranslated")
    public static let latinTokenMisspelled = CheckID("latin-token-misspelled")
    public static let lengthRatio = CheckID("length-ratio")
    public static let repeatedWord = CheckID("repeated-word")
    public static let punctuationUnpaired = CheckID("punctuation-unpaired")
    public static let punctuationWidth = CheckID("punctuation-width")
    public static let punctuationMixed = CheckID("punctuation-mixed")
    public static let cjkLatinSpacing = CheckID("cjk-latin-spacing")
    public static let negationMismatch = CheckID("negation-mismatch")

    /// The built-in checks in the order they run (``CheckRegistry/builtIn``).
    public static var builtIn: [CheckID] { CheckRegistry.definitions.map { $0.id } }

    /// The definition of a built-in check; nil for a user check.
    public var definition: CheckDefinition? { CheckRegistry.definition(of: self) }

    /// The severity a finding of this check has unless configured otherwise (warning for an
    /// unknown check).
    public var defaultSeverity: Severity { definition?.defaultSeverity ?? .warning }

    /// One line on what the check finds.
    public var summary: String { definition?.summary ?? rawValue }
}

/// Which checks run, how severe their findings are, and the conventions some checks follow.
public struct CheckConfiguration: Sendable, Equatable {
    /// The built-in checks that run (all by default). User checks run whenever they are
    /// given (leave one out of the checklist, or of the `Checker`'s `userChecks`, to turn it
    /// off).
    public var enabled: Set<CheckID>
    /// Severity overrides; a check not listed has its default severity.
    public var severities: [CheckID: Severity]
    /// How many places a document-level finding (renderings, variants) lists per form, and
    /// how many findings it gives per form; further occurrences are counted in one closing
    /// finding. Keeps memory bounded on long documents.
    public var placesPerForm: Int
    /// Beads aligned with less confidence than this get a note in bilingual findings
    /// (plain-text pairs only: bilingual files are aligned already).
    public var lowAlignmentConfidence: Double
    /// The typographic conventions the Chinese should follow (punctuation width, spacing
    /// between Chinese and Latin letters or digits); by default none is imposed and only
    /// mixing within the file is reported.
    public var typography: TypographyConvention

    public init(enabled: Set<CheckID> = Set(CheckID.builtIn), severities: [CheckID: Severity] = [:],
                placesPerForm: Int = 8, lowAlignmentConfidence: Double = 0.3,
                typography: TypographyConvention = TypographyConvention()) {
        self.enabled = enabled
        self.severities = severities
        self.placesPerForm = max(1, placesPerForm)
        self.lowAlignmentConfidence = lowAlignmentConfidence
        self.typography = typography
    }

    /// The severity of `check`'s findings.
    public func severity(of check: CheckID) -> Severity {
        severities[check] ?? check.defaultSeverity
    }

    /// Whether `check` runs: a built-in check when it is in ``enabled``; a user check always.
    public func isEnabled(_ check: CheckID) -> Bool {
        CheckRegistry.definition(of: check) == nil || enabled.contains(check)
    }
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
