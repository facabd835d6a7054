/// Checks a translation segment by segment against a glossary and against itself, and
/// reports each departure as a ``Finding`` (see ``CheckID`` for the checks).
///
/// Feed it segments in document order with ``check(_:_:)`` — findings about a segment come
/// back at once — then call ``finish(_:)`` for the document-level findings (renderings,
/// variants). Memory does not grow with the number of segments beyond compact tallies:
/// counts and a few places per rendering (checks 3 and 4) and two 64-bit hashes per segment
/// (check 6).
///
/// **One finding per problem.** Checks overlap, so each leaves to the others what they
/// report better:
/// - a deprecated or forbidden Chinese term (term-deprecated, term-forbidden) is not also a
///   missing translation of its English term (term-mistranslated), nor an inconsistent
///   rendering or a variant at the same place;
/// - a form used where the glossary expects another is reported once, by
///   term-mistranslated; rendering-inconsistent only counts it;
/// - variant-drift counts every occurrence but points only at Chinese without English (a
///   Chinese document, a translator's addition): where a segment has English, the English
///   says what is meant (筹码 for "bargaining chip" is no variant of 杠杆 for "leverage"), and
///   rendering-inconsistent is the judge.
///
/// A form shared by two concepts (准同盟: deprecated for *quasi ally*, admitted for *quasi
/// alliance*) is judged by the concept the English segment names; with no English, it is
/// acceptable if any of its concepts accepts it, and variant-drift attributes it to the
/// concept whose other forms the document uses most.
///
/// Not thread-safe: one checker per document.
public final class Checker {
    /// Which checks run, and their severities.
    public let configuration: CheckConfiguration
    /// The glossary checked against, if any.
    public let glossary: Glossary?
    private let matcher: GlossaryMatcher?
    private let lexicon: CEDICTLexicon?
    private let associations: (any RenderingAssociations)?
    private let concepts: [ConceptTerms]
    /// Folded Chinese form → the concepts that have it, for forms of several concepts.
    private let sharedForms: [String: [Int]]

    private var renderings: [String: RenderingTally] = [:]
    private var renderingSubjects: [String: RenderingSubject] = [:]
    private var renderingOrder: [String] = []
    private var variants: [Int: RenderingTally] = [:]
    private var consistency = SegmentConsistency()
    /// Counts so far; complete after ``finish(_:)``.
    public private(set) var summary = CheckSummary()
    private var sawSource = false

    /// A checker for one document.
    ///
    /// - Parameters:
    ///   - glossary: the terms to check against; without it only numbers, Latin tokens and
    ///     segment consistency are checked (and renderings, with `associations`).
    ///   - lexicon: CC-CEDICT, to name what a translation used instead of a glossary term
    ///     (the `found` of term-mistranslated) and to accept conventional renderings of
    ///     acronyms (NATO → 北约).
    ///   - associations: bilingual term associations for rendering-inconsistent beyond the
    ///     glossary (see ``RenderingAssociations``).
    /// - Throws: when the glossary cannot be compiled (the stemmer cannot start).
    public init(glossary: Glossary?, lexicon: CEDICTLexicon? = nil, associations: (any RenderingAssociations)? = nil,
                configuration: CheckConfiguration = CheckConfiguration()) throws {
        self.configuration = configuration
        self.glossary = glossary
        self.lexicon = lexicon
        self.associations = associations
        matcher = try glossary.map { try GlossaryMatcher(glossary: $0) }
        let concepts = glossary?.concepts.map(ConceptTerms.init) ?? []
        self.concepts = concepts
        var owners: [String: [Int]] = [:]
        for (index, concept) in concepts.enumerated() {
            for folded in Set(concept.chinese.map(\.folded)) { owners[folded, default: []].append(index) }
        }
        sharedForms = owners.filter { $0.value.count > 1 }
        for check in CheckID.allCases { summary.severities[check] = configuration.severity(of: check) }
        for check in CheckID.allCases where !configuration.isEnabled(check) {
            summary.skippedChecks[check] = "disabled"
        }
        if glossary == nil {
            for check in CheckID.allCases where check.needsGlossary && configuration.isEnabled(check) {
                if check == .renderingInconsistent && associations != nil { continue }
                summary.skippedChecks[check] = "needs a glossary"
            }
        }
    }

    // MARK: Segments

    /// Checks one segment and passes its findings to `report`, sorted by place.
    public func check(_ segment: CheckSegment, _ report: (Finding) throws -> Void) rethrows {
        summary.segments += 1
        switch (segment.source, segment.target) {
        case (.some, .some): summary.bilingualSegments += 1; sawSource = true
        case (.none, .some): summary.chineseOnlySegments += 1
        case (.some, .none): summary.englishOnlySegments += 1; sawSource = true
        case (.none, .none): return
        }
        var work = SegmentWork(segment: segment)
        if let matcher {
            if let target = segment.target {
                work.chinese = matcher.chineseMatches(in: target.text)
                if target.text.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) {
                    work.englishInTarget = matcher.englishMatches(in: target.text)
                }
                work.foldedTarget = target.text.unicodeScalars.map { TextNormalizer.shared.fold($0.value) }
                work.glosses = glossMatches(work.chinese, in: work.foldedTarget)
            }
            if let source = segment.source {
                work.english = matcher.englishMatches(in: source.text)
                for match in work.english { for reference in match.references { work.sourceConcepts.insert(reference.concept) } }
            }
            checkTermStatuses(&work)
            if segment.source != nil && segment.target != nil { checkTermTranslations(&work) }
            recordVariants(work)
        }
        if let associations, let source = segment.source, let target = segment.target,
           configuration.isEnabled(.renderingInconsistent) {
            recordAssociations(associations.renderings(source: source.text, target: target.text), &work)
        }
        if let source = segment.source, let target = segment.target {
            checkNumbersAndTokens(source, target, &work)
            checkSegmentConsistency(source, target, &work)
        }
        work.findings.sort { a, b in
            if a.side != b.side { return a.side == .target }
            return (a.location.line, a.location.column) < (b.location.line, b.location.column)
        }
        for finding in work.findings {
            summary.count(finding)
            try report(finding)
        }
    }

    /// Reports the document-level findings (rendering-inconsistent, variant-drift), sorted
    /// by place, and returns the summary of the run.
    @discardableResult
    public func finish(_ report: (Finding) throws -> Void) rethrows -> CheckSummary {
        var findings: [Finding] = []
        if configuration.isEnabled(.renderingInconsistent) {
            for key in renderingOrder {
                guard let tally = renderings[key], let subject = renderingSubjects[key] else { continue }
                findings += renderingFindings(tally, subject)
            }
        }
        if configuration.isEnabled(.variantDrift) {
            attributeSharedForms()
            for concept in variants.keys.sorted() {
                findings += variantFindings(variants[concept]!, concept: concept)
            }
        }
        findings.sort { a, b in
            (a.location.file ?? "", a.location.line, a.location.column, a.check.rawValue)
                < (b.location.file ?? "", b.location.line, b.location.column, b.check.rawValue)
        }
        for finding in findings {
            summary.count(finding)
            try report(finding)
        }
        if !sawSource {
            for check in CheckID.allCases where check.needsSource && summary.skippedChecks[check] == nil {
                summary.skippedChecks[check] = "needs an English side"
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

    // MARK: Check 2 — forbidden and deprecated terms

    private func checkTermStatuses(_ work: inout SegmentWork) {
        let forbidden = configuration.isEnabled(.termForbidden), deprecated = configuration.isEnabled(.termDeprecated)
        guard forbidden || deprecated else { return }
        if let target = work.segment.target {
            for (index, match) in work.chinese.enumerated() {
                guard let flag = statusFlag(match, language: "zh", disambiguatedBy: work.sourceConcepts) else { continue }
                guard flag.status == .forbidden ? forbidden : deprecated else { continue }
                work.reportedChinese.insert(index)
                work.findings.append(statusFinding(flag, match: match, text: target, side: .target, work: work))
            }
            for match in work.englishInTarget {
                guard let flag = statusFlag(match, language: "en", disambiguatedBy: work.sourceConcepts) else { continue }
                guard flag.status == .forbidden ? forbidden : deprecated else { continue }
                work.findings.append(statusFinding(flag, match: match, text: target, side: .target, work: work))
            }
        }
        if let source = work.segment.source {
            for match in work.english {
                guard let flag = statusFlag(match, language: "en", disambiguatedBy: []) else { continue }
                guard flag.status == .forbidden ? forbidden : deprecated else { continue }
                work.findings.append(statusFinding(flag, match: match, text: source, side: .source, work: work))
            }
        }
    }

    /// The status that makes `match` a finding, with the concepts it applies to; nil when
    /// some concept the match may name accepts it (preferred or admitted) or merely proposes it.
    private func statusFlag(_ match: TermMatch, language: String, disambiguatedBy named: Set<Int>)
        -> (status: TermStatus, concepts: [Int])? {
        guard let matcher else { return nil }
        var best: [Int: TermStatus] = [:]
        for reference in match.references {
            let concept = reference.concept
            guard Concept.tag(matcher.glossary.concepts[concept].languages[reference.language].language, matches: language) else { continue }
            let status = matcher.term(reference).status
            best[concept] = min(best[concept] ?? status, status)
        }
        guard !best.isEmpty else { return nil }
        var candidates = best.keys.filter { named.contains($0) }
        if candidates.isEmpty { candidates = Array(best.keys) }
        candidates.sort()
        let statuses = candidates.map { best[$0]! }
        // Proposed (unreviewed) terms are neither enforced nor flagged.
        guard !statuses.contains(where: { $0.isAcceptable || $0 == .proposed }) else { return nil }
        // The mildest status among the candidates: the benefit of the doubt.
        return (statuses.min()!, candidates.filter { best[$0]! == statuses.min()! })
    }

    private func statusFinding(_ flag: (status: TermStatus, concepts: [Int]), match: TermMatch, text: SegmentText,
                               side: SegmentSide, work: SegmentWork) -> Finding {
        let check: CheckID = flag.status == .forbidden ? .termForbidden : .termDeprecated
        let language = Self.isLatin(match.text) && side == .target ? "en" : (side == .source ? "en" : "zh")
        let concept = concepts[flag.concepts[0]]
        let suggestions = flag.concepts.flatMap { language == "en" ? concepts[$0].acceptableEnglish : concepts[$0].acceptableChinese }
        let preferred = unique(suggestions)
        let statusName = flag.status == .superseded ? "superseded" : flag.status.rawValue
        var message = "\(match.text) is \(statusName) for \(concept.displayName)"
        if let first = preferred.first {
            message += ": use \(first)"
            if preferred.count > 1 { message += " (or \(preferred.dropFirst().prefix(3).joined(separator: ", ")))" }
        }
        let range = match.range.scalars
        return Finding(check: check, severity: configuration.severity(of: check), location: text.location(ofScalar: range.lowerBound),
                       side: side, segment: work.segment.index, segmentID: work.segment.id, term: match.text,
                       found: match.text, expected: preferred, conceptID: concept.id, message: message,
                       context: work.context(side: side, range: range))
    }

    // MARK: Check 1 (and 3) — how English glossary terms are translated

    private func checkTermTranslations(_ work: inout SegmentWork) {
        guard let source = work.segment.source, let target = work.segment.target else { return }
        var handledConcepts = Set<Int>()
        var recordedKeys = Set<String>()
        for match in work.english {
            let named = unique(match.references.map(\.concept)).filter { !concepts[$0].acceptableChinese.isEmpty }
            guard !named.isEmpty else { continue }
            // Which of the named concepts the translation renders, and how.
            var rendered: [(concept: Int, chineseIndex: Int, term: Int, status: TermStatus)] = []
            for (index, chinese) in work.chinese.enumerated() {
                for reference in chinese.references where named.contains(reference.concept) {
                    guard let term = concepts[reference.concept].chineseIndex(of: reference) else { continue }
                    rendered.append((reference.concept, index, term, concepts[reference.concept].chinese[term].status))
                }
            }
            let acceptable = rendered.contains { $0.status.isAcceptable }
                || named.contains { concept in concepts[concept].acceptableFolded.contains { work.foldedTarget.contains(subsequence: $0) } }
            var outside: (text: String, range: Range<Int>)?
            let firstTime = handledConcepts.isDisjoint(with: named)
            named.forEach { handledConcepts.insert($0) }
            if !acceptable, firstTime {
                let reportedByStatus = rendered.contains { work.reportedChinese.contains($0.chineseIndex) }
                outside = outsideRendering(of: match.text, in: work)
                if configuration.isEnabled(.termMistranslated) && !reportedByStatus {
                    work.findings.append(mistranslationFinding(match, named: named, outside: outside, source: source, target: target, work: work))
                }
            }
            // Check 3: one rendering per English term (per concept) per segment.
            guard configuration.isEnabled(.renderingInconsistent) else { continue }
            let ambiguous = named.count > 1
            for concept in named {
                let forms = rendered.filter { $0.concept == concept }
                if ambiguous && forms.isEmpty { continue }
                let englishTerm = match.references.first { $0.concept == concept }!.term
                let key = "c:\(concept):\(englishTerm)"
                guard recordedKeys.insert(key).inserted else { continue }
                if renderingSubjects[key] == nil {
                    let term = matcher!.glossary.concepts[concept].languages[match.references.first { $0.concept == concept }!.language].terms[englishTerm].text
                    renderingSubjects[key] = RenderingSubject(term: term, conceptID: concepts[concept].id)
                    renderingOrder.append(key)
                }
                var seenForms = Set<Int>()
                for form in forms where !work.glosses.contains(form.chineseIndex) && seenForms.insert(form.term).inserted {
                    let chinese = work.chinese[form.chineseIndex]
                    work.explainedChinese.insert(form.chineseIndex)
                    let term = concepts[concept].chinese[form.term]
                    let reported = work.reportedChinese.contains(form.chineseIndex)
                    let location = target.location(ofScalar: chinese.range.scalars.lowerBound)
                    renderings[key, default: RenderingTally()].record(
                        key: term.folded, form: term.text, status: term.status, line: location.line,
                        mayPoint: !reported, place: self.place(location, work, targetRange: chinese.range.scalars, sourceRange: match.range.scalars),
                        placesPerForm: configuration.placesPerForm)
                }
                if forms.isEmpty, let outside {
                    let location = target.location(ofScalar: outside.range.lowerBound)
                    let reported = configuration.isEnabled(.termMistranslated)
                    renderings[key, default: RenderingTally()].record(
                        key: "outside:" + outside.text, form: outside.text, status: nil, line: location.line,
                        mayPoint: !reported, place: self.place(location, work, targetRange: outside.range, sourceRange: match.range.scalars),
                        placesPerForm: configuration.placesPerForm)
                }
            }
        }
    }

    private func mistranslationFinding(_ match: TermMatch, named: [Int], outside: (text: String, range: Range<Int>)?,
                                       source: SegmentText, target: SegmentText, work: SegmentWork) -> Finding {
        let expected = unique(named.flatMap { concepts[$0].acceptableChinese })
        let concept = concepts[named[0]]
        var message = "“\(match.text)” is not translated as the glossary says (\(concept.id))"
        if let first = expected.first {
            message += ": expected \(first)"
            if expected.count > 1 { message += " (or \(expected.dropFirst().prefix(3).joined(separator: ", ")))" }
        }
        if let outside { message += "; found \(outside.text)" }
        message += work.alignmentNote(below: configuration.lowAlignmentConfidence)
        let location = outside.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start
        return Finding(check: .termMistranslated, severity: configuration.severity(of: .termMistranslated), location: location,
                       side: .target, segment: work.segment.index, segmentID: work.segment.id, term: match.text,
                       found: outside?.text, expected: expected, conceptID: concept.id, message: message,
                       related: source.location(ofScalar: match.range.scalars.lowerBound),
                       context: FindingContext(source: source.text, target: target.text, sourceRange: match.range.scalars,
                                               targetRange: outside?.range))
    }

    /// What the translation seems to use for `english` instead of the glossary's terms: the
    /// longest CC-CEDICT headword (two characters or more) of the Chinese segment whose
    /// glosses contain all the content words of the term (or its last one, the head noun).
    /// Among headwords of equal length, the one found first in the segment wins.
    private func outsideRendering(of english: String, in work: SegmentWork) -> (text: String, range: Range<Int>)? {
        guard let lexicon, !work.foldedTarget.isEmpty else { return nil }
        let words = EnglishWords.of(english).map(\.folded).filter { !CEDICTEnglishIndex.stopWords.contains($0) }
        guard !words.isEmpty else { return nil }
        func headwords(_ word: String) -> Set<Int32> {
            var ids = Set<Int32>()
            var forms = [word]
            if word.hasSuffix("ies") { forms.append(String(word.dropLast(3)) + "y") }
            else if word.hasSuffix("es") { forms.append(String(word.dropLast(2))); forms.append(String(word.dropLast())) }
            else if word.hasSuffix("s") { forms.append(String(word.dropLast())) }
            for form in forms { if let key = lexicon.english.keyID(for: form) { ids.formUnion(lexicon.english.headwordIDs(forKeyID: key)) } }
            return ids
        }
        let perWord = words.map(headwords)
        var candidates = perWord.dropFirst().reduce(perWord[0]) { $0.intersection($1) }
        if candidates.isEmpty { candidates = perWord.last! }
        // The segment's own headwords, scanned left to right: the longest wins, the first
        // found among equally long ones (not the order of the candidate set).
        var best: Range<Int>?
        work.foldedTarget.withUnsafeBufferPointer { text in
            for start in text.indices {
                lexicon.forEachHeadword(in: text, startingAt: start) { end, id in
                    guard end - start >= 2, end - start > (best?.count ?? 0), candidates.contains(Int32(id)) else { return }
                    best = start..<end
                }
            }
        }
        guard let best else { return nil }
        let original = String(String.UnicodeScalarView(work.segment.target!.text.unicodeScalars.dropFirst(best.lowerBound).prefix(best.count)))
        return (original, best)
    }

    // MARK: Check 3 without a glossary — associations

    private func recordAssociations(_ found: [AssociatedRendering], _ work: inout SegmentWork) {
        guard let target = work.segment.target else { return }
        let glossaryRanges = work.english.map(\.range.scalars)
        for association in found {
            guard let chinese = association.chinese, let range = association.chineseRange else { continue }
            if glossaryRanges.contains(where: { $0.overlaps(association.englishRange) }) { continue }
            let key = "a:" + association.englishKey
            if renderingSubjects[key] == nil {
                renderingSubjects[key] = RenderingSubject(term: association.english, conceptID: nil)
                renderingOrder.append(key)
            }
            let location = target.location(ofScalar: range.lowerBound)
            renderings[key, default: RenderingTally()].record(
                key: TextNormalizer.shared.fold(chinese), form: chinese, status: nil, line: location.line,
                mayPoint: true, place: place(location, work, targetRange: range, sourceRange: association.englishRange),
                placesPerForm: configuration.placesPerForm)
        }
    }

    private func renderingFindings(_ tally: RenderingTally, _ subject: RenderingSubject) -> [Finding] {
        guard let verdict = tally.verdict() else { return [] }
        let dominant = tally.forms[verdict.dominant].form
        let counts = verdict.counts.map { "\($0.form) ×\($0.count)" }.joined(separator: ", ")
        return tally.placesToReport(dominant: verdict.dominant, exemptFirst: verdict.exemptFirst).map { form, place, more in
            var message = "“\(subject.term)”\(subject.conceptID.map { " (\($0))" } ?? "") is rendered \(verdict.counts.count) ways in this document: \(counts); here \(form.form), elsewhere mostly \(dominant)"
            if more > 0 { message += " (\(more) more occurrence\(more == 1 ? "" : "s") of \(form.form) not listed)" }
            return Finding(check: .renderingInconsistent, severity: configuration.severity(of: .renderingInconsistent),
                           location: place.location, side: .target, segment: place.segment, segmentID: place.segmentID,
                           term: subject.term, found: form.form, expected: [dominant], conceptID: subject.conceptID,
                           message: message, renderings: verdict.counts, context: place.context)
        }
    }

    // MARK: Check 4 — variants of a concept in the Chinese text

    private func recordVariants(_ work: SegmentWork) {
        guard configuration.isEnabled(.variantDrift), let target = work.segment.target else { return }
        for (index, match) in work.chinese.enumerated() where !work.glosses.contains(index) {
            var seen = Set<Int>()
            for reference in match.references {
                guard let termIndex = concepts[reference.concept].chineseIndex(of: reference),
                      seen.insert(reference.concept).inserted else { continue }
                let term = concepts[reference.concept].chinese[termIndex]
                let location = target.location(ofScalar: match.range.scalars.lowerBound)
                // Where the segment has English, the English says what is meant and
                // rendering-inconsistent judges; variant-drift points only at Chinese alone.
                let mayPoint = work.segment.source == nil && !work.reportedChinese.contains(index)
                variants[reference.concept, default: RenderingTally()].record(
                    key: term.folded, form: term.text, status: term.status, line: location.line,
                    mayPoint: mayPoint, place: place(location, work, targetRange: match.range.scalars, sourceRange: nil),
                    placesPerForm: configuration.placesPerForm)
            }
        }
    }

    /// A form shared by several concepts stays only with the concept whose other forms the
    /// document uses most (准同盟 goes to *quasi ally* when 准盟友 is common and 准同盟关系 rare).
    private func attributeSharedForms() {
        // Key: the folded form in Unicode scalar order, not the dictionary's hash order.
        for (form, owners) in sharedForms.sorted(by: { $0.key.precedesInScalarOrder($1.key) }) {
            let present = owners.filter { (variants[$0]?.count(of: form) ?? 0) > 0 }
            guard present.count > 1 else { continue }
            func otherForms(_ concept: Int) -> Int {
                guard let tally = variants[concept] else { return 0 }
                return tally.keys.filter { sharedForms[$0] == nil }.reduce(0) { $0 + tally.count(of: $1) }
            }
            let best = present.map(otherForms).max()!
            for concept in present where otherForms(concept) < best { variants[concept]?.remove(key: form) }
        }
    }

    private func variantFindings(_ tally: RenderingTally, concept index: Int) -> [Finding] {
        guard let verdict = tally.verdict() else { return [] }
        let concept = concepts[index]
        let dominant = tally.forms[verdict.dominant].form
        let counts = verdict.counts.map { "\($0.form) ×\($0.count)" }.joined(separator: ", ")
        return tally.placesToReport(dominant: verdict.dominant, exemptFirst: verdict.exemptFirst).map { form, place, more in
            var message = "\(concept.displayName) is written \(verdict.counts.count) ways in this document: \(counts); here \(form.form), elsewhere mostly \(dominant)"
            if let status = form.status, !status.isAcceptable { message += " (\(form.form) is \(status.rawValue))" }
            if let owners = sharedForms[TextNormalizer.shared.fold(form.form)] {
                let others = owners.filter { $0 != index }.map { concepts[$0].id }
                if !others.isEmpty { message += "; \(form.form) is also a term of \(others.joined(separator: ", "))" }
            }
            if more > 0 { message += " (\(more) more occurrence\(more == 1 ? "" : "s") of \(form.form) not listed)" }
            return Finding(check: .variantDrift, severity: configuration.severity(of: .variantDrift), location: place.location,
                           side: .target, segment: place.segment, segmentID: place.segmentID, term: form.form,
                           found: form.form, expected: [dominant], conceptID: concept.id, message: message,
                           renderings: verdict.counts, context: place.context)
        }
    }

    // MARK: Check 5 — numbers and Latin tokens

    private func checkNumbersAndTokens(_ source: SegmentText, _ target: SegmentText, _ work: inout SegmentWork) {
        let numbers = configuration.isEnabled(.numberMismatch), tokens = configuration.isEnabled(.latinTokenMissing)
        guard numbers || tokens else { return }
        let english = CarriedTokens(source.text, allWords: false), chinese = CarriedTokens(target.text, allWords: true)
        let note = work.alignmentNote(below: configuration.lowAlignmentConfidence)
        if numbers && !(english.numbers.isEmpty && chinese.numbers.isEmpty) {
            // Digits against digits first; spelled numbers are read only when that leaves some.
            func matchedByDigits(_ number: WrittenNumber, _ other: [WrittenNumber]) -> Bool {
                other.contains { !$0.values.allSatisfy { !number.values.contains($0) } }
            }
            var missing = english.numbers.filter { !matchedByDigits($0, chinese.numbers) }
            var extra = chinese.numbers.filter { !matchedByDigits($0, english.numbers) }
            if !missing.isEmpty {
                let spelled = CarriedTokens.spelledValues(of: target.text)
                missing.removeAll { $0.values.contains(where: spelled.contains) }
            }
            if !extra.isEmpty {
                let spelled = CarriedTokens.spelledValues(of: source.text)
                extra.removeAll { $0.values.contains(where: spelled.contains) }
            }
            var seen = Set<String>()
            missing = missing.filter { seen.insert($0.values[0]).inserted }
            seen = []
            extra = extra.filter { seen.insert($0.values[0]).inserted }
            for k in 0..<max(missing.count, extra.count) {
                let inSource = k < missing.count ? missing[k] : nil
                let inTarget = k < extra.count ? extra[k] : nil
                let message: String
                switch (inSource, inTarget) {
                case let (s?, t?): message = "number \(s.text) of the source is \(t.text) in the translation"
                case let (s?, nil): message = "number \(s.text) of the source is missing from the translation"
                case let (nil, t?): message = "number \(t.text) is not in the source"
                default: continue
                }
                let location = inTarget.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start
                work.findings.append(Finding(
                    check: .numberMismatch, severity: configuration.severity(of: .numberMismatch), location: location,
                    side: .target, segment: work.segment.index, segmentID: work.segment.id, term: inSource?.text,
                    found: inTarget?.text, expected: inSource.map { [$0.text] } ?? [], message: message + note,
                    related: inSource.map { source.location(ofScalar: $0.range.lowerBound) },
                    context: FindingContext(source: source.text, target: target.text, sourceRange: inSource?.range,
                                            targetRange: inTarget?.range)))
            }
        }
        if tokens {
            let targetKeys = Set(chinese.latinWords.map(\.key))
            var seen = Set<String>()
            var shouting: Bool?
            for token in english.latinWords where token.isCarriedOver && !targetKeys.contains(token.key) {
                guard seen.insert(token.key).inserted, !isRendered(token.text, in: work) else { continue }
                if shouting == nil { shouting = CarriedTokens.isShouting(source.text) }
                if shouting == true { break }
                let sourceKeys = Set(CarriedTokens(source.text, allWords: true).latinWords.map(\.key))
                let strays = chinese.latinWords.filter { $0.isCarriedOver && !sourceKeys.contains($0.key) }
                var message = "\(token.text) of the source is missing from the translation"
                if !strays.isEmpty { message += " (the translation has \(strays.map(\.text).joined(separator: ", ")))" }
                work.findings.append(Finding(
                    check: .latinTokenMissing, severity: configuration.severity(of: .latinTokenMissing),
                    location: strays.first.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start,
                    side: .target, segment: work.segment.index, segmentID: work.segment.id, term: token.text,
                    found: strays.first?.text, expected: [token.text], message: message + note,
                    related: source.location(ofScalar: token.range.lowerBound),
                    context: FindingContext(source: source.text, target: target.text, sourceRange: token.range,
                                            targetRange: strays.first?.range)))
            }
        }
    }

    /// Whether the translation renders an acronym the conventional way: an acceptable
    /// Chinese term of a glossary concept whose English term it is (ATACMS → 陆军战术导弹系统),
    /// or a CC-CEDICT headword glossed by it (NATO → 北约).
    private func isRendered(_ token: String, in work: SegmentWork) -> Bool {
        guard !work.foldedTarget.isEmpty || work.segment.target != nil else { return false }
        let folded = work.foldedTarget.isEmpty
            ? work.segment.target!.text.unicodeScalars.map { TextNormalizer.shared.fold($0.value) } : work.foldedTarget
        if let matcher {
            let whole = token.unicodeScalars.count
            for match in matcher.englishMatches(in: token) where match.range.scalars == 0..<whole {
                for reference in match.references where concepts[reference.concept].acceptableFolded.contains(where: { folded.contains(subsequence: $0) }) {
                    return true
                }
            }
        }
        if let lexicon {
            for word in lexicon.chineseWords(forEnglishWord: token) where word.unicodeScalars.count >= 2 {
                if folded.contains(subsequence: word.unicodeScalars.map { TextNormalizer.shared.fold($0.value) }) { return true }
            }
        }
        return false
    }

    // MARK: Check 6 — identical segments

    private func checkSegmentConsistency(_ source: SegmentText, _ target: SegmentText, _ work: inout SegmentWork) {
        let sameSource = configuration.isEnabled(.segmentInconsistentTarget)
        let sameTarget = configuration.isEnabled(.segmentInconsistentSource)
        guard sameSource || sameTarget, let sourceKey = SegmentConsistency.key(source.text),
              let targetKey = SegmentConsistency.key(target.text) else { return }
        let start = target.start
        let here = SegmentConsistency.FirstSeen(otherSide: targetKey, segment: Int32(truncatingIfNeeded: work.segment.index),
                                                line: Int32(truncatingIfNeeded: start.line), column: Int32(truncatingIfNeeded: start.column))
        func finding(_ check: CheckID, _ first: SegmentConsistency.FirstSeen, _ message: String) -> Finding {
            let related = FileLocation(file: start.file, line: Int(first.line), column: Int(first.column))
            return Finding(check: check, severity: configuration.severity(of: check), location: start, side: .target,
                           segment: work.segment.index, segmentID: work.segment.id,
                           message: "\(message) segment \(first.segment + 1) (line \(first.line))",
                           related: related, context: FindingContext(source: source.text, target: target.text))
        }
        if sameSource {
            if let first = consistency.bySource[sourceKey] {
                if first.otherSide != targetKey {
                    work.findings.append(finding(.segmentInconsistentTarget, first, "same source as, but a different translation from,"))
                }
            } else {
                consistency.bySource[sourceKey] = here
            }
        }
        if sameTarget {
            var reversed = here
            reversed.otherSide = sourceKey
            if let first = consistency.byTarget[targetKey] {
                if first.otherSide != sourceKey {
                    work.findings.append(finding(.segmentInconsistentSource, first, "same translation as, but a different source from,"))
                }
            } else {
                consistency.byTarget[targetKey] = reversed
            }
        }
    }

    // MARK: Helpers

    /// Chinese matches in a gloss pair — a term followed by another term of the same concept
    /// in brackets: 华南理工大学公共政策研究院(IPP), G7(七国集团), ATACMS(陆军战术导弹系统). The
    /// pair introduces both forms on purpose, so neither counts as a rendering or a variant
    /// (both still satisfy term-mistranslated).
    private func glossMatches(_ matches: [TermMatch], in folded: [UInt32]) -> Set<Int> {
        var result = Set<Int>()
        guard matches.count > 1 else { return result }
        let open: Set<UInt32> = [0x28, 0xFF08], close: Set<UInt32> = [0x29, 0xFF09]
        for k in 1..<matches.count {
            let previous = matches[k - 1].range.scalars, current = matches[k].range.scalars
            guard current.lowerBound == previous.upperBound + 1, open.contains(folded[previous.upperBound]),
                  current.upperBound < folded.count, close.contains(folded[current.upperBound]) else { continue }
            let a = Set(matches[k - 1].references.map(\.concept)), b = Set(matches[k].references.map(\.concept))
            if !a.isDisjoint(with: b) { result.insert(k - 1); result.insert(k) }
        }
        return result
    }

    private func place(_ location: FileLocation, _ work: SegmentWork, targetRange: Range<Int>?, sourceRange: Range<Int>?) -> RecordedPlace {
        var context = FindingContext(isExcerpt: true)
        if let targetRange, let target = work.segment.target {
            (context.target, context.targetRange) = Self.excerpt(target.text, around: targetRange)
        }
        if let sourceRange, let source = work.segment.source {
            (context.source, context.sourceRange) = Self.excerpt(source.text, around: sourceRange)
        }
        return RecordedPlace(location: location, segment: work.segment.index, segmentID: work.segment.id, context: context)
    }

    /// A window of `text` around `range` (about 24 scalars each side), with `range` within it.
    static func excerpt(_ text: String, around range: Range<Int>, radius: Int = 24) -> (String, Range<Int>) {
        let scalars = Array(text.unicodeScalars)
        let start = max(0, range.lowerBound - radius), end = min(scalars.count, range.upperBound + radius)
        var view = String.UnicodeScalarView()
        if start > 0 { view.append("…") }
        view.append(contentsOf: scalars[start..<end])
        if end < scalars.count { view.append("…") }
        let shift = start > 0 ? 1 : 0
        return (String(view), (range.lowerBound - start + shift)..<(range.upperBound - start + shift))
    }

    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            && !text.unicodeScalars.contains { $0.properties.isIdeographic }
    }

    private func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// What the checker knows about one glossary concept, computed once.
struct ConceptTerms: Sendable {
    struct ChineseTerm: Sendable {
        var text: String
        var folded: String
        var status: TermStatus
    }

    var id: String
    /// `qa-001 (quasi ally)`.
    var displayName: String
    /// Every Chinese term, indexed like the concept's Chinese terms in ``TermReference``.
    var chinese: [ChineseTerm]
    /// Language-section index → position of its first term in ``chinese``.
    var chineseSectionOffsets: [Int: Int] = [:]
    /// Acceptable Chinese terms, preferred first.
    var acceptableChinese: [String]
    var acceptableFolded: [[UInt32]]
    /// Acceptable English terms, preferred first.
    var acceptableEnglish: [String]

    init(_ concept: Concept) {
        id = concept.id
        let normalizer = TextNormalizer.shared
        // A TermReference indexes one language section's terms; Chinese terms of all zh
        // sections (zh, zh-Hant) are kept in one list, with each section's offset.
        var chinese: [ChineseTerm] = []
        for (index, section) in concept.languages.enumerated() where Concept.tag(section.language, matches: "zh") {
            chineseSectionOffsets[index] = chinese.count
            for term in section.terms {
                chinese.append(ChineseTerm(text: term.text, folded: normalizer.fold(term.text.trimmingWhitespace), status: term.status))
            }
        }
        self.chinese = chinese
        func ordered(_ terms: [Term]) -> [String] {
            let acceptable = terms.filter(\.status.isAcceptable)
            return (acceptable.filter { $0.status == .preferred } + acceptable.filter { $0.status != .preferred }).map(\.text)
        }
        acceptableChinese = ordered(concept.terms(in: "zh"))
        acceptableFolded = acceptableChinese.map { $0.unicodeScalars.map { normalizer.fold($0.value) } }
        acceptableEnglish = ordered(concept.terms(in: "en"))
        let english = concept.preferredTerm(in: "en")?.text ?? concept.preferredTerm(in: "zh")?.text
        displayName = english.map { "\(concept.id) (\($0))" } ?? concept.id
    }
}

extension ConceptTerms {
    /// The position in ``chinese`` of the term `reference` names; nil when it is not Chinese.
    func chineseIndex(of reference: TermReference) -> Int? {
        chineseSectionOffsets[reference.language].map { $0 + reference.term }
    }
}

/// The English term a rendering tally is about.
struct RenderingSubject: Sendable {
    var term: String
    var conceptID: String?
}

/// The state of one segment while it is checked.
private struct SegmentWork {
    let segment: CheckSegment
    var chinese: [TermMatch] = []
    var englishInTarget: [TermMatch] = []
    var english: [TermMatch] = []
    var foldedTarget: [UInt32] = []
    var sourceConcepts = Set<Int>()
    /// Indices into ``chinese`` reported by term-forbidden or term-deprecated.
    var reportedChinese = Set<Int>()
    /// Indices into ``chinese`` counted as renderings of an English term of the segment.
    var explainedChinese = Set<Int>()
    /// Indices into ``chinese`` of gloss pairs (see `glossMatches`).
    var glosses = Set<Int>()
    var findings: [Finding] = []

    init(segment: CheckSegment) {
        self.segment = segment
    }

    /// The whole segment as context, with `range` on `side`.
    func context(side: SegmentSide, range: Range<Int>) -> FindingContext {
        FindingContext(source: segment.source?.text, target: segment.target?.text,
                       sourceRange: side == .source ? range : nil, targetRange: side == .target ? range : nil)
    }

    /// " (aligned with low confidence 0.20)" for beads the aligner was unsure of.
    func alignmentNote(below threshold: Double) -> String {
        guard let score = segment.alignmentScore, score < threshold else { return "" }
        return " (segments aligned with low confidence \(String(Int((score * 100).rounded())))%)"
    }
}

extension Array where Element == UInt32 {
    /// Whether `needle` occurs in the array. O(n·m), for short texts.
    func contains(subsequence needle: [UInt32]) -> Bool {
        firstIndex(ofSubsequence: needle) != nil
    }

    /// The first index where `needle` occurs.
    func firstIndex(ofSubsequence needle: [UInt32]) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        let first = needle[0]
        var i = 0
        while i + needle.count <= count {
            if self[i] == first {
                var k = 1
                while k < needle.count && self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
