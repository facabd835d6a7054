/// `latin-token-misspelled`: an acronym or code in the Chinese that is one edit away from
/// one of the source's (ATCAMS for ATACMS, GBU-75 for GBU-57: a letter changed, added,
/// dropped, or two swapped), or — in Chinese without English — from a Latin term of the
/// glossary. Tokens are compared as ``CarriedTokens`` keys them: case, full-width forms
/// (ＡＴＡＣＭＳ) and hyphens aside, so those are no misspelling. Keys of three characters or
/// fewer are left alone (too many real acronyms are one letter apart); a glossary term
/// needs five.
///
/// Claims the source token it reports: latin-token-missing leaves it alone.
final class LatinTokenMisspelledCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .latinTokenMisspelled, defaultSeverity: .error,
        summary: "an acronym or code misspelled in the translation (ATCAMS for ATACMS, GBU-75 for GBU-57)",
        examples: [
            .triggering("Kyiv finally received ATACMS.", "基辅终于得到了↓ATCAMS。"),
            .triggering("GBU-57 bombs", "↓GBU-75炸弹"),
            .triggering(nil, "基辅终于得到了↓ATCAMS导弹。", note: "a Latin term of the glossary, without English"),
            .nonTriggering("Kyiv finally received ATACMS.", "基辅终于得到了ＡＴＡＣＭＳ。", note: "full-width forms are the same token"),
            .nonTriggering("through the G7 and NATO", "通过G8和北约", note: "keys of three characters or fewer are left alone"),
        ])

    private let glossaryTokens: [(key: [Unicode.Scalar], text: String)]

    init(_ environment: CheckEnvironment) {
        var tokens: [String: String] = [:]
        for concept in environment.glossary?.concepts ?? [] {
            for section in concept.languages {
                for term in section.terms where term.status.isAcceptable {
                    for word in CarriedTokens(term.text, allWords: false).latinWords where word.isCarriedOver && word.key.unicodeScalars.count >= 5 {
                        tokens[word.key] = tokens[word.key] ?? word.text
                    }
                }
            }
        }
        // Keys in scalar order: the first match found is the same on every run.
        glossaryTokens = tokens.keys.sorted { $0.precedesInScalarOrder($1) }.map { (Array($0.unicodeScalars), tokens[$0] ?? $0) }
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        let candidates = segment.targetTokens.latinWords.filter { $0.isCarriedOver && $0.key.unicodeScalars.count >= 4 }
        guard !candidates.isEmpty else { return }
        var sourceKeys = Set<String>()
        var missing: [LatinWord] = []
        if segment.source != nil {
            sourceKeys = Set(segment.allSourceTokens.latinWords.map(\.key))
            let targetKeys = Set(segment.targetTokens.latinWords.map(\.key))
            missing = segment.sourceTokens.latinWords.filter { $0.isCarriedOver && !targetKeys.contains($0.key) }
        }
        var reported = Set<String>()
        for token in candidates where !sourceKeys.contains(token.key) && reported.insert(token.key).inserted {
            let key = Array(token.key.unicodeScalars)
            if let original = missing.first(where: { Self.isOneEdit(key, Array($0.key.unicodeScalars)) }) {
                segment.claim(.sourceToken(original.key), by: .latinTokenMisspelled)
                findings.append(segment.finding(
                    .latinTokenMisspelled, at: target.location(ofScalar: token.range.lowerBound), side: .target, term: original.text,
                    found: token.text, expected: [original.text],
                    message: "\(token.text) looks like a misspelling of \(original.text) (the source's)" + segment.alignmentNote,
                    related: segment.source?.location(ofScalar: original.range.lowerBound),
                    context: FindingContext(source: segment.source?.text, target: target.text, sourceRange: original.range,
                                            targetRange: token.range)))
            } else if key.count >= 5, !glossaryTokens.contains(where: { $0.key == key }),
                      let term = glossaryTokens.first(where: { Self.isOneEdit(key, $0.key) }) {
                findings.append(segment.finding(
                    .latinTokenMisspelled, at: target.location(ofScalar: token.range.lowerBound), side: .target, term: term.text,
                    found: token.text, expected: [term.text],
                    message: "\(token.text) looks like a misspelling of \(term.text) (a glossary term)",
                    context: segment.context(side: .target, range: token.range)))
            }
        }
    }

    /// Whether `a` and `b` differ by exactly one edit: a substitution, an insertion, a
    /// deletion, or two adjacent characters swapped.
    static func isOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1, min(a.count, b.count) >= 3 else { return false }
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }   // one substitution
            // Two adjacent characters swapped.
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return long[(i + 1)...] == short[i...]
    }
}
