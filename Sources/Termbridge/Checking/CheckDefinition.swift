/// What a check is, for the registry, `--list-checks`, the documentation and the tests: its
/// identifier, default severity, one line on what it finds, what it needs to run, and
/// examples that must trigger it and examples that must not (as SwiftLint's rules carry
/// theirs). The same examples are run by the test suite, so a check cannot drift from its
/// documentation.
public struct CheckDefinition: Sendable {
    /// The stable identifier.
    public var id: CheckID
    /// The severity of its findings unless configured otherwise.
    public var defaultSeverity: Severity
    /// One line on what it finds.
    public var summary: String
    /// Whether it needs a glossary (``acceptsAssociations``: or bilingual associations).
    public var needsGlossary: Bool
    /// Whether it compares the two sides (and so does nothing on a Chinese document alone).
    public var needsSource: Bool
    /// Whether ``RenderingAssociations`` can stand in for the glossary.
    public var acceptsAssociations: Bool
    /// Whether it reports at the end of the document (from compact state kept while the
    /// segments stream by) rather than segment by segment.
    public var isDocumentLevel: Bool
    /// Examples that must trigger it (at the marked places) and examples that must not.
    public var examples: [CheckExample]

    public init(id: CheckID, defaultSeverity: Severity, summary: String, needsGlossary: Bool = false,
                needsSource: Bool = false, acceptsAssociations: Bool = false, isDocumentLevel: Bool = false,
                examples: [CheckExample] = []) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.needsGlossary = needsGlossary
        self.needsSource = needsSource
        self.acceptsAssociations = acceptsAssociations
        self.isDocumentLevel = isDocumentLevel
        self.examples = examples
    }

    /// "glossary, English", "English", "—": what the check needs, for listings.
    public var needsDescription: String {
        var parts: [String] = []
        if needsGlossary { parts.append(acceptsAssociations ? "glossary (or associations)" : "glossary") }
        if needsSource { parts.append("English") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}

/// One check: its definition, a pass over each segment, and a last word at the end of the
/// document. The ``Checker`` streams segments through every check in registry order (see
/// ``CheckRegistry``), handing each the segment's shared ``SegmentAnalysis``; a check that
/// reports a place *claims* it there, and the checks after it leave claimed places alone
/// (Docs/Checking.md, "One finding per problem"). A document-level check keeps compact
/// state and reports in ``finish(_:)``.
///
/// Not thread-safe: one instance per document.
protocol TranslationCheck: AnyObject {
    /// What the check is.
    var definition: CheckDefinition { get }
    /// Checks one segment, appending findings (in any order: the checker sorts them).
    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding])
    /// Appends the document-level findings, after the last segment.
    func finish(_ findings: inout [Finding])
}

extension TranslationCheck {
    func finish(_ findings: inout [Finding]) {}
}

/// A check that ships with Termbridge: one type in its own file under `Checking/Checks/`,
/// listed in ``CheckRegistry/builtIn``.
protocol BuiltInCheck: TranslationCheck {
    /// What the check is.
    static var definition: CheckDefinition { get }
    /// The check for one document.
    init(_ environment: CheckEnvironment)
}

extension BuiltInCheck {
    var definition: CheckDefinition { Self.definition }
}
