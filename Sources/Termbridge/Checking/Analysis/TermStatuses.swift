/// A glossary term in a segment whose status makes it a finding (forbidden, deprecated or
/// superseded), with the concepts that status applies to.
struct FlaggedTerm {
    var match: TermMatch
    /// Where it is.
    var side: SegmentSide
    /// Its index in ``SegmentAnalysis/chineseMatches`` for a Chinese term.
    var chineseIndex: Int?
    /// The status that makes it a finding.
    var status: TermStatus
    /// The concepts it may name with that status, ascending.
    var concepts: [Int]
}

extension SegmentAnalysis {
    /// Every flagged term of the segment: Chinese terms and English glosses in the Chinese
    /// (in that order), then English terms of the source; each side in text order.
    ///
    /// **A form of several concepts** (准同盟: deprecated for *quasi ally*, admitted for
    /// *quasi alliance*) is judged by the concept the English segment names. With no English,
    /// it is acceptable when any of its concepts accepts it. Of several candidate statuses
    /// the mildest wins: the benefit of the doubt.
    func computeFlaggedTerms() -> [FlaggedTerm] {
        var result: [FlaggedTerm] = []
        if target != nil {
            for (index, match) in chineseMatches.enumerated() {
                if let flag = statusFlag(match, language: "zh", disambiguatedBy: sourceConcepts) {
                    result.append(FlaggedTerm(match: match, side: .target, chineseIndex: index, status: flag.status, concepts: flag.concepts))
                }
            }
            for match in englishInTarget {
                if let flag = statusFlag(match, language: "en", disambiguatedBy: sourceConcepts) {
                    result.append(FlaggedTerm(match: match, side: .target, status: flag.status, concepts: flag.concepts))
                }
            }
        }
        if source != nil {
            for match in englishMatches {
                if let flag = statusFlag(match, language: "en", disambiguatedBy: []) {
                    result.append(FlaggedTerm(match: match, side: .source, status: flag.status, concepts: flag.concepts))
                }
            }
        }
        return result
    }

    /// The status that makes `match` a finding, with the concepts it applies to; nil when
    /// some concept the match may name accepts it (preferred or admitted) or merely proposes it.
    private func statusFlag(_ match: TermMatch, language: String, disambiguatedBy named: Set<Int>)
        -> (status: TermStatus, concepts: [Int])? {
        guard let matcher = environment.matcher else { return nil }
        // Each concept's best status, concepts ascending: the references sorted by concept,
        // then each concept's run collapsed (no hashing; a match names one or a few).
        var statuses: [(concept: Int, status: TermStatus)] = []
        for reference in match.references {
            let concept = reference.concept
            guard Concept.tag(matcher.glossary.concepts[concept].languages[reference.language].language, matches: language) else { continue }
            statuses.append((concept, matcher.term(reference).status))
        }
        statuses.sort { $0.concept < $1.concept }
        var best: [(concept: Int, status: TermStatus)] = []
        for entry in statuses {
            if let last = best.last, last.concept == entry.concept { best[best.count - 1].status = min(last.status, entry.status) }
            else { best.append(entry) }
        }
        guard !best.isEmpty else { return nil }
        var candidates = best.filter { named.contains($0.concept) }
        if candidates.isEmpty { candidates = best }
        // Proposed (unreviewed) terms are neither enforced nor flagged.
        guard !candidates.contains(where: { $0.status.isAcceptable || $0.status == .proposed }),
              let mildest = candidates.map(\.status).min() else { return nil }
        return (mildest, candidates.filter { $0.status == mildest }.map(\.concept))
    }

    /// The finding of `check` for a flagged term: "川普 is forbidden for qa-076 (Donald
    /// Trump): use 特朗普 (or 唐纳德·特朗普)", at the term.
    func statusFinding(_ flagged: FlaggedTerm, check: CheckID) -> Finding {
        let concepts = environment.concepts
        let text = flagged.side == .source ? source! : target!
        let language = flagged.side == .source || Self.isLatin(flagged.match.text) ? "en" : "zh"
        let concept = concepts[flagged.concepts[0]]
        let preferred = uniqued(flagged.concepts.flatMap { language == "en" ? concepts[$0].acceptableEnglish : concepts[$0].acceptableChinese })
        let statusName = flagged.status == .superseded ? "superseded" : flagged.status.rawValue
        var message = "\(flagged.match.text) is \(statusName) for \(concept.displayName)"
        if let first = preferred.first {
            message += ": use \(first)"
            if preferred.count > 1 { message += " (or \(preferred.dropFirst().prefix(3).joined(separator: ", ")))" }
        }
        let range = flagged.match.range.scalars
        return finding(check, at: text.location(ofScalar: range.lowerBound), side: flagged.side, term: flagged.match.text,
                       found: flagged.match.text, expected: preferred, conceptID: concept.id, message: message,
                       context: context(side: flagged.side, range: range))
    }
}
