/// `rendering-inconsistent`: one English term translated in different ways across the
/// document. For each English glossary term (a concept and its English term), the Chinese
/// forms rendering it are counted, one per segment — the concept's Chinese terms found in
/// the segment or, with CC-CEDICT, the form it names — and at the end every form other
/// than the dominant one is reported where it occurs, with every form's count (see
/// ``RenderingTally`` for the dominant form, the exempt first mention and gloss pairs).
/// Without a glossary, ``RenderingAssociations`` supply the renderings.
///
/// Memory: counts and a few places per form. Counts every form but points only at places
/// no earlier check claimed (a forbidden term, the headword term-mistranslated names).
final class RenderingInconsistentCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .renderingInconsistent, defaultSeverity: .warning,
        summary: "one English term translated in different ways across the document, with counts",
        needsGlossary: true, needsSource: true, acceptsAssociations: true, isDocumentLevel: true,
        examples: [
            CheckExample.document([("The Gulf states hedge.", "海湾国家进行对冲。"), ("They hedge again.", "它们再次对冲。"),
                                   ("Others hedge too.", "其他国家也↓两面下注。")], triggers: true,
                                  note: "without a glossary: renderings learned from the document pair").withAssociations(),
            .document([("Military aid matters.", "军事援助很重要。"), ("Military aid arrived.", "军事援助到了。"),
                       ("More military aid for Kyiv.", "对乌军援增加。")], triggers: false,
                      note: "军援 is admitted in the glossary: never a rendering problem"),
            .document([("Members of NATO.", "北大西洋公约组织成员国。"),
                       ("Through the G7 and NATO.", "通过G7(七国集团)和北约。"),
                       ("NATO again.", "又是北约。")], triggers: false,
                      note: "a full form at the first mention, and a gloss pair, are no inconsistency"),
        ])

    private let environment: CheckEnvironment
    /// What renderings are tallied for: a glossary term of a concept, or an English
    /// expression the associations found.
    private enum SubjectKey: Hashable {
        case glossary(concept: Int, term: Int)
        case association(String)
    }

    private var renderings: [SubjectKey: RenderingTally] = [:]
    private var subjects: [SubjectKey: RenderingSubject] = [:]
    /// Tally keys in order of first appearance: the order findings are made in.
    private var order: [SubjectKey] = []

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target, segment.source != nil, !segment.isClaimed(.wholeTarget) else { return }
        if environment.matcher != nil { recordGlossaryRenderings(segment, target) }
        if let associations = environment.associations, let source = segment.source {
            recordAssociations(associations.renderings(source: source.text, target: target.text), segment, target)
        }
    }

    private func recordGlossaryRenderings(_ segment: SegmentAnalysis, _ target: SegmentText) {
        guard let matcher = environment.matcher else { return }
        let concepts = environment.concepts
        let placesPerForm = environment.configuration.placesPerForm
        var recordedKeys = Set<SubjectKey>()
        for rendering in segment.termRenderings {
            let match = rendering.match
            let ambiguous = rendering.named.count > 1
            for concept in rendering.named {
                let forms = rendering.rendered.filter { $0.concept == concept }
                if ambiguous && forms.isEmpty { continue }
                guard let reference = match.references.first(where: { $0.concept == concept }) else { continue }
                let key = SubjectKey.glossary(concept: concept, term: reference.term)
                guard recordedKeys.insert(key).inserted else { continue }
                if subjects[key] == nil {
                    subjects[key] = RenderingSubject(term: matcher.term(reference).text, conceptID: concepts[concept].id)
                    order.append(key)
                }
                var seenForms = Set<Int>()
                for form in forms where !segment.glosses.contains(form.chineseIndex) && seenForms.insert(form.term).inserted {
                    let chinese = segment.chineseMatches[form.chineseIndex]
                    let term = concepts[concept].chinese[form.term]
                    let location = target.location(ofScalar: chinese.range.scalars.lowerBound)
                    renderings[key, default: RenderingTally()].record(
                        key: term.folded, form: term.text, status: term.status, line: location.line,
                        mayPoint: !segment.isClaimed(.chineseTerm(form.chineseIndex)),
                        place: segment.place(location, targetRange: chinese.range.scalars, sourceRange: match.range.scalars),
                        placesPerForm: placesPerForm)
                }
                if forms.isEmpty, let outside = rendering.outside {
                    let location = target.location(ofScalar: outside.range.lowerBound)
                    renderings[key, default: RenderingTally()].record(
                        key: "outside:" + outside.text, form: outside.text, status: nil, line: location.line,
                        mayPoint: !segment.isClaimed(.targetRange(outside.range)),
                        place: segment.place(location, targetRange: outside.range, sourceRange: match.range.scalars),
                        placesPerForm: placesPerForm)
                }
            }
        }
    }

    /// Renderings beyond the glossary; associations overlapping a glossary term are left to
    /// the glossary.
    private func recordAssociations(_ found: [AssociatedRendering], _ segment: SegmentAnalysis, _ target: SegmentText) {
        let glossaryRanges = segment.englishMatches.map(\.range.scalars)
        for association in found {
            guard let chinese = association.chinese, let range = association.chineseRange else { continue }
            if glossaryRanges.contains(where: { $0.overlaps(association.englishRange) }) { continue }
            let key = SubjectKey.association(association.englishKey)
            if subjects[key] == nil {
                subjects[key] = RenderingSubject(term: association.english, conceptID: nil)
                order.append(key)
            }
            let location = target.location(ofScalar: range.lowerBound)
            renderings[key, default: RenderingTally()].record(
                key: TextNormalizer.shared.fold(chinese), form: chinese, status: nil, line: location.line,
                mayPoint: !segment.isClaimed(.targetRange(range)),
                place: segment.place(location, targetRange: range, sourceRange: association.englishRange),
                placesPerForm: environment.configuration.placesPerForm)
        }
    }

    func finish(_ findings: inout [Finding]) {
        for key in order {
            guard let tally = renderings[key], let subject = subjects[key], let verdict = tally.verdict() else { continue }
            let dominant = tally.forms[verdict.dominant].form
            let counts = verdict.counts.map { "\($0.form) ×\($0.count)" }.joined(separator: ", ")
            for (form, place, more) in tally.placesToReport(dominant: verdict.dominant, exemptFirst: verdict.exemptFirst) {
                var message = "“\(subject.term)”\(subject.conceptID.map { " (\($0))" } ?? "") is rendered \(verdict.counts.count) ways in this document: \(counts); here \(form.form), elsewhere mostly \(dominant)"
                if more > 0 { message += " (\(more) more occurrence\(more == 1 ? "" : "s") of \(form.form) not listed)" }
                findings.append(place.finding(.renderingInconsistent, severity: environment.severity(of: .renderingInconsistent),
                                              term: subject.term, found: form.form, expected: [dominant], conceptID: subject.conceptID,
                                              message: message, renderings: verdict.counts))
            }
        }
    }
}

/// The English term a rendering tally is about.
struct RenderingSubject: Sendable {
    var term: String
    var conceptID: String?
}
