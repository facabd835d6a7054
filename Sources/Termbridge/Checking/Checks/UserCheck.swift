import Foundation

/// A user check of a ``Checklist``: regular expressions on the source and the target,
/// with back-references from the target pattern to the source match (see ``Checklist``).
final class UserCheck: TranslationCheck {
    let definition: CheckDefinition
    private let compiled: Compiled?
    private let environment: CheckEnvironment

    /// An entry's patterns, compiled once. The target pattern is compiled here only when it
    /// has no back-reference; one with `$n` is compiled per source match.
    struct Compiled {
        var source: NSRegularExpression?
        var target: NSRegularExpression?
        var entry: Checklist.Entry

        init(_ entry: Checklist.Entry) throws {
            self.entry = entry
            source = try entry.source.map { try NSRegularExpression(pattern: $0) }
            target = Self.hasReference(entry.target) ? nil : try NSRegularExpression(pattern: entry.target)
            if target == nil {
                // Compiles with every reference blank, to report a bad pattern when the file is read.
                _ = try NSRegularExpression(pattern: Self.substitute(entry.target, groups: [:], escaping: true))
            }
        }

        static func hasReference(_ pattern: String) -> Bool {
            pattern.range(of: #"\$([0-9]|\{[A-Za-z][A-Za-z0-9]*\})"#, options: .regularExpression) != nil
        }

        /// `template` with `$0`…`$9` and `${name}` replaced by `groups` (escaped for a
        /// pattern when `escaping`), unknown references by nothing.
        static func substitute(_ template: String, groups: [String: String], escaping: Bool) -> String {
            var out = ""
            var scalars = Array(template.unicodeScalars)[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                guard scalar == "$", let next = scalars.first else { out.unicodeScalars.append(scalar); continue }
                var name: String?
                if ("0"..."9").contains(next) {
                    name = String(next)
                    scalars = scalars.dropFirst()
                } else if next == "{", let close = scalars.firstIndex(of: "}") {
                    name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                    scalars = scalars[scalars.index(after: close)...]
                }
                guard let name else { out.unicodeScalars.append(scalar); continue }
                let value = groups[name] ?? ""
                out += escaping ? NSRegularExpression.escapedPattern(for: value) : value
            }
            return out
        }
    }

    init(_ entry: Checklist.Entry, _ environment: CheckEnvironment) {
        definition = entry.definition
        // Entries come from ``Checklist/parse(_:file:)``, which compiled them already.
        compiled = try? Compiled(entry)
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let compiled, let target = segment.target else { return }
        let entry = compiled.entry
        var sourceMatches: [(range: Range<Int>, groups: [String: String])] = [(0..<0, [:])]
        if let pattern = compiled.source {
            guard let source = segment.source else { return }
            sourceMatches = Self.matches(pattern, in: source.text)
            guard !sourceMatches.isEmpty else { return }
        }
        switch entry.condition {
        case .targetMatches:
            guard let pattern = compiled.target else { return }
            let groups = sourceMatches[0].groups
            for match in Self.matches(pattern, in: target.text) {
                var values = groups
                values["0"] = match.groups["0"]
                report(segment, at: match.range, message: Compiled.substitute(entry.message, groups: values, escaping: false),
                       found: match.groups["0"], sourceRange: compiled.source == nil ? nil : sourceMatches[0].range, &findings)
            }
        case .targetMissing:
            var reported = Set<String>()
            for sourceMatch in sourceMatches {
                let pattern = compiled.target ?? (try? NSRegularExpression(pattern: Compiled.substitute(entry.target, groups: sourceMatch.groups, escaping: true)))
                guard let pattern else { continue }
                guard Self.matches(pattern, in: target.text).isEmpty, reported.insert(pattern.pattern).inserted else { continue }
                report(segment, at: nil, message: Compiled.substitute(entry.message, groups: sourceMatch.groups, escaping: false),
                       found: nil, sourceRange: sourceMatch.range, term: sourceMatch.groups["0"], &findings)
            }
        }
    }

    private func report(_ segment: SegmentAnalysis, at range: Range<Int>?, message: String, found: String?,
                        sourceRange: Range<Int>?, term: String? = nil, _ findings: inout [Finding]) {
        guard let target = segment.target else { return }
        findings.append(segment.finding(
            definition.id, at: range.map { target.location(ofScalar: $0.lowerBound) } ?? target.start, side: .target,
            term: term, found: found, message: message,
            related: sourceRange.flatMap { range in segment.source.map { $0.location(ofScalar: range.lowerBound) } },
            context: FindingContext(source: segment.source?.text, target: target.text, sourceRange: sourceRange, targetRange: range)))
    }

    /// Every match of `pattern` in `text`: its range in Unicode scalars and its groups by
    /// number and name (`"0"` the whole match).
    static func matches(_ pattern: NSRegularExpression, in text: String) -> [(range: Range<Int>, groups: [String: String])] {
        let utf16 = text.utf16
        let names = groupNames(pattern.pattern)
        return pattern.matches(in: text, range: NSRange(location: 0, length: utf16.count)).compactMap { match in
            guard let whole = Range(match.range, in: text) else { return nil }
            let start = text.unicodeScalars.distance(from: text.startIndex, to: whole.lowerBound)
            let length = text.unicodeScalars.distance(from: whole.lowerBound, to: whole.upperBound)
            var groups: [String: String] = [:]
            for k in 0..<match.numberOfRanges {
                if let range = Range(match.range(at: k), in: text) { groups[String(k)] = String(text[range]) }
            }
            for name in names {
                if let range = Range(match.range(withName: name), in: text) { groups[name] = String(text[range]) }
            }
            return (start..<(start + length), groups)
        }
    }

    /// The names of `(?<name>…)` groups in a pattern.
    private static func groupNames(_ pattern: String) -> [String] {
        guard let finder = try? NSRegularExpression(pattern: #"\(\?<([A-Za-z][A-Za-z0-9]*)>"#) else { return [] }
        return finder.matches(in: pattern, range: NSRange(location: 0, length: pattern.utf16.count)).compactMap { match in
            Range(match.range(at: 1), in: pattern).map { String(pattern[$0]) }
        }
    }
}
