/// A problem found in a glossary by ``Glossary/validate(languages:)``.
public struct GlossaryIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// The concept concerned, when there is one.
    public var conceptID: String?
    public var message: String

    public init(_ severity: Severity, conceptID: String?, _ message: String) {
        self.severity = severity
        self.conceptID = conceptID
        self.message = message
    }

    public var description: String {
        "\(severity): " + (conceptID.map { "concept \($0): " } ?? "") + message
    }
}

extension Glossary {
    /// Checks the glossary for what makes it unusable or ambiguous:
    /// - errors: duplicate concept ids; empty terms; the same term twice in one concept and
    ///   language; a term that is acceptable (preferred or admitted) somewhere and forbidden
    ///   elsewhere in the same language; a concept with no term in one of `languages`;
    /// - warnings: a language with no preferred term or with several; the same preferred
    ///   term in two concepts (homonyms a translator must tell apart).
    ///
    /// Terms are compared folded (NFKC, Simplified, case-insensitive). O(total terms).
    public func validate(languages: [String] = ["zh", "en"]) -> [GlossaryIssue] {
        var issues: [GlossaryIssue] = []
        var ids: [String: Int] = [:]
        // folded key → (concept id, status) for every term, per language
        var seen: [String: [(concept: String, status: TermStatus, text: String)]] = [:]
        for concept in concepts {
            ids[concept.id, default: 0] += 1
            if ids[concept.id] == 2 { issues.append(.init(.error, conceptID: concept.id, "the id is used by more than one concept")) }
            for language in languages where concept.terms(in: language).isEmpty {
                issues.append(.init(.error, conceptID: concept.id, "has no \(language) term"))
            }
            for section in concept.languages {
                var inConcept = Set<String>()
                for term in section.terms {
                    let text = term.text.trimmingWhitespace
                    if text.isEmpty {
                        issues.append(.init(.error, conceptID: concept.id, "has an empty \(section.language) term"))
                        continue
                    }
                    let key = Self.matchingKey(text, language: section.language)
                    if !inConcept.insert(key).inserted {
                        issues.append(.init(.error, conceptID: concept.id, "lists the \(section.language) term \(text) twice"))
                    }
                    seen[key, default: []].append((concept.id, term.status, text))
                }
                let preferred = section.terms.filter { $0.status == .preferred }
                if preferred.isEmpty && !section.terms.isEmpty {
                    issues.append(.init(.warning, conceptID: concept.id, "has no preferred \(section.language) term"))
                } else if preferred.count > 1 {
                    issues.append(.init(.warning, conceptID: concept.id,
                                        "has \(preferred.count) preferred \(section.language) terms: \(preferred.map(\.text).joined(separator: ", "))"))
                }
            }
        }
        // Key: the folded term in Unicode scalar order (not the dictionary's hash order).
        for (_, uses) in seen.sorted(by: { $0.key.precedesInScalarOrder($1.key) }) where uses.count > 1 {
            let acceptable = uses.filter { $0.status.isAcceptable }
            let forbidden = uses.filter { $0.status == .forbidden }
            if let good = acceptable.first, let bad = forbidden.first {
                issues.append(.init(.error, conceptID: bad.concept,
                                    "\(bad.text) is forbidden here but \(good.status) in concept \(good.concept)"))
            }
            let preferredConcepts = Set(uses.filter { $0.status == .preferred }.map(\.concept))
            if preferredConcepts.count > 1 {
                issues.append(.init(.warning, conceptID: nil,
                                    "\(uses[0].text) is the preferred term of several concepts: \(preferredConcepts.sorted { $0.precedesInScalarOrder($1) }.joined(separator: ", "))"))
            }
        }
        return issues
    }

    /// The key under which terms count as the same: folded (NFKC, Simplified), lower case,
    /// white space collapsed.
    static func matchingKey(_ text: String, language: String) -> String {
        let folded = TextNormalizer.shared.fold(text.trimmingWhitespace).lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
