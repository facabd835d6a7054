extension Glossary {
    /// The note that marks a term as an extraction candidate, still to be reviewed.
    public static let candidateNote = "candidate"

    /// A glossary of extraction candidates for review, one concept per candidate (`cand-001`,
    /// `cand-002`, … in rank order), that every glossary format writes and `termbridge
    /// glossary` reads back.
    ///
    /// New terms get the status `proposed` (unreviewed: no format writes them as approved); a
    /// term the glossary knows keeps its status there. English is the source language.
    /// The concept note starts with `candidate` and records the evidence: kind, frequency,
    /// score, what the glossary says, and — unless `termLevelDetails` — the contexts as
    /// `file:line: text`, separated by ` | `.
    ///
    /// - Parameter termLevelDetails: also give each new term the note `candidate` and its
    ///   contexts as TBX `descrip type="context"` categories. Formats with term-level fields
    ///   (TBX, JSON) carry these; TSV, CSV and Markdown would drop them with a warning, so
    ///   for them pass `false` and the contexts go into the concept note.
    public init(candidates: [TermCandidate], termLevelDetails: Bool) {
        let width = max(3, String(candidates.count).count)
        var concepts: [Concept] = []
        for (index, candidate) in candidates.enumerated() {
            let number = String(index + 1)
            let id = "cand-" + String(repeating: "0", count: width - number.count) + number
            var details = [Self.candidateNote, "kind: \(candidate.kind.rawValue)", "frequency: \(candidate.frequency)",
                           "score: \(Self.formatScore(candidate.score))"]
            if let known = candidate.known { details.append("known: \(known)") }
            if !termLevelDetails, !candidate.contexts.isEmpty {
                details.append("contexts: " + candidate.contexts.map(\.description).joined(separator: " | "))
            }
            var concept = Concept(id: id, note: details.joined(separator: "; "))
            let contextsBelongToEnglish = candidate.chinese.isEmpty
            for (language, text) in [("zh", candidate.chinese), ("en", candidate.english)] where !text.isEmpty {
                let isNew = candidate.known == nil || (language == "en" && !contextsBelongToEnglish)
                var term = Term(text, status: isNew ? .proposed : candidate.known!.status)
                if termLevelDetails {
                    if isNew { term.note = Self.candidateNote }
                    if (language == "zh") != contextsBelongToEnglish {
                        term.extra = candidate.contexts.map { DataCategory(element: "descrip", type: "context", value: $0.description) }
                    }
                }
                concept.add(term, in: language)
            }
            concepts.append(concept)
        }
        self.init(concepts: concepts)
    }

    static func formatScore(_ score: Double) -> String {
        let thousandths = Int((score * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
