/// `variant-drift`: one concept written with several of its Chinese terms. Every occurrence
/// of each Chinese term of a concept is counted, with the dominant-form, first-mention and
/// gloss-pair rules of ``RenderingTally``. A form of several concepts goes to the concept
/// whose other forms the document uses most (every concept tied for most keeps it).
///
/// Counts every occurrence but points only at Chinese without English (a Chinese document,
/// an addition): where a segment has English, the English says what is meant and
/// rendering-inconsistent judges. Leaves claimed terms (forbidden, deprecated) alone.
final class VariantDriftCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .variantDrift, defaultSeverity: .warning,
        summary: "one concept written with several of its Chinese terms, with counts and places",
        needsGlossary: true, isDocumentLevel: true,
        examples: [
            .document([(nil, "美国的准盟友越来越多。"), (nil, "准盟友得到军事援助。"),
                       (nil, "支持“↓准同盟”国家。"), (nil, "准盟友有自己的选择。")], triggers: true,
                      note: "准同盟 is also admitted for quasi alliance, but the document writes quasi ally as 准盟友"),
            .document([(nil, "军事援助很重要。"), (nil, "军事援助到了。"), (nil, "美欧军援增加。")], triggers: false,
                      note: "军援 is admitted: never a variant problem"),
            .document([("Leverage matters.", "杠杆很重要。"), ("Our leverage is limited.", "我们的杠杆有限。"),
                       ("A guarantee can become a bargaining chip.", "安全保障可能沦为筹码。")], triggers: false,
                      note: "筹码 renders “bargaining chip” here: the English says so"),
        ])

    private let environment: CheckEnvironment
    private var variants: [Int: RenderingTally] = [:]

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target else { return }
        let concepts = environment.concepts
        for (index, match) in segment.chineseMatches.enumerated() where !segment.glosses.contains(index) {
            var seen = Set<Int>()
            for reference in match.references {
                guard let termIndex = concepts[reference.concept].chineseIndex(of: reference),
                      seen.insert(reference.concept).inserted else { continue }
                let term = concepts[reference.concept].chinese[termIndex]
                let location = target.location(ofScalar: match.range.scalars.lowerBound)
                let mayPoint = segment.source == nil && !segment.isClaimed(.chineseTerm(index))
                variants[reference.concept, default: RenderingTally()].record(
                    key: term.folded, form: term.text, status: term.status, line: location.line, mayPoint: mayPoint,
                    place: segment.place(location, targetRange: match.range.scalars, sourceRange: nil),
                    placesPerForm: environment.configuration.placesPerForm)
            }
        }
    }

    func finish(_ findings: inout [Finding]) {
        attributeSharedForms()
        let concepts = environment.concepts
        // Concept index order (the glossary's), not the dictionary's.
        for index in variants.keys.sorted() {
            guard let tally = variants[index], let verdict = tally.verdict() else { continue }
            let concept = concepts[index]
            let dominant = tally.forms[verdict.dominant].form
            let counts = verdict.counts.map { "\($0.form) ×\($0.count)" }.joined(separator: ", ")
            for (form, place, more) in tally.placesToReport(dominant: verdict.dominant, exemptFirst: verdict.exemptFirst) {
                var message = "\(concept.displayName) is written \(verdict.counts.count) ways in this document: \(counts); here \(form.form), elsewhere mostly \(dominant)"
                if let status = form.status, !status.isAcceptable { message += " (\(form.form) is \(status.rawValue))" }
                if let owners = environment.sharedForms[TextNormalizer.shared.fold(form.form)] {
                    let others = owners.filter { $0 != index }.map { concepts[$0].id }
                    if !others.isEmpty { message += "; \(form.form) is also a term of \(others.joined(separator: ", "))" }
                }
                if more > 0 { message += " (\(more) more occurrence\(more == 1 ? "" : "s") of \(form.form) not listed)" }
                findings.append(place.finding(.variantDrift, severity: environment.severity(of: .variantDrift), term: form.form,
                                              found: form.form, expected: [dominant], conceptID: concept.id, message: message,
                                              renderings: verdict.counts))
            }
        }
    }

    /// A form shared by several concepts stays only with the concept whose other forms the
    /// document uses most (准同盟 goes to *quasi ally* when 准盟友 is common and 准同盟关系 rare).
    private func attributeSharedForms() {
        // Key: the folded form in Unicode scalar order, not the dictionary's hash order.
        for (form, owners) in environment.sharedForms.sorted(by: { $0.key.precedesInScalarOrder($1.key) }) {
            let present = owners.filter { (variants[$0]?.count(of: form) ?? 0) > 0 }
            guard present.count > 1 else { continue }
            func otherForms(_ concept: Int) -> Int {
                guard let tally = variants[concept] else { return 0 }
                return tally.keys.filter { environment.sharedForms[$0] == nil }.reduce(0) { $0 + tally.count(of: $1) }
            }
            let best = present.map(otherForms).max() ?? 0
            for concept in present where otherForms(concept) < best { variants[concept]?.remove(key: form) }
        }
    }
}
