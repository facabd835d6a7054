/// Two glossaries disagree about a term: it has different preferred translations, or
/// different statuses.
public struct MergeConflict: Sendable, Hashable, CustomStringConvertible {
    /// The shared term that joined the two concepts.
    public var term: String
    /// The concept ids in the first and the later glossary.
    public var conceptIDs: (first: String, later: String)
    /// The language in which they disagree.
    public var language: String
    /// What each side says.
    public var first: String
    public var later: String

    public var description: String {
        "\(term): concept \(conceptIDs.first) has \(language) \(first), concept \(conceptIDs.later) has \(later)"
    }

    public static func == (a: MergeConflict, b: MergeConflict) -> Bool {
        a.term == b.term && a.conceptIDs == b.conceptIDs && a.language == b.language && a.first == b.first && a.later == b.later
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(term); hasher.combine(conceptIDs.first); hasher.combine(conceptIDs.later)
        hasher.combine(language); hasher.combine(first); hasher.combine(later)
    }
}

/// Which side wins a merge conflict.
public enum MergePreference: String, Sendable, CaseIterable {
    /// The glossary named first keeps its preferred terms; the later one's become admitted.
    case first
    /// The later glossary's preferred terms win; the earlier ones become admitted.
    case last
}

extension Glossary {
    /// Unions `others` into this glossary. A concept that shares an acceptable (preferred or
    /// admitted) term in some language with a concept already present is merged into it —
    /// terms unioned, fields filled where empty — otherwise it is added (its id made unique
    /// when taken). Where the two disagree on a preferred term or on a term's status, a
    /// ``MergeConflict`` is reported and, with a `preference`, resolved: the losing preferred
    /// term is kept as admitted, and the winning status applies.
    ///
    /// O(total terms).
    public func merging(_ others: [Glossary], preference: MergePreference?) -> (glossary: Glossary, conflicts: [MergeConflict]) {
        var result = self
        var conflicts: [MergeConflict] = []
        var index: [String: Int] = [:]          // "language|key" of acceptable terms → concept
        func register(_ c: Int) {
            for section in result.concepts[c].languages {
                for term in section.terms where term.status.isAcceptable {
                    let key = Self.primary(section.language) + "|" + Self.matchingKey(term.text, language: section.language)
                    if index[key] == nil { index[key] = c }
                }
            }
        }
        for c in result.concepts.indices { register(c) }
        var ids = Set(result.concepts.map(\.id))

        for other in others {
            for incoming in other.concepts {
                var target: Int?
                var sharedTerm = ""
                search: for section in incoming.languages {
                    // A proposed term (a candidate under review) also finds its concept.
                    for term in section.terms where term.status.isAcceptable || term.status == .proposed {
                        let key = Self.primary(section.language) + "|" + Self.matchingKey(term.text, language: section.language)
                        if let c = index[key] { target = c; sharedTerm = term.text; break search }
                    }
                }
                guard let c = target else {
                    var added = incoming
                    var id = added.id, n = 2
                    while ids.contains(id) { id = "\(added.id)-\(n)"; n += 1 }
                    added.id = id
                    ids.insert(id)
                    result.concepts.append(added)
                    register(result.concepts.count - 1)
                    continue
                }
                var merged = result.concepts[c]
                conflicts += Self.merge(incoming, into: &merged, sharedTerm: sharedTerm, preference: preference)
                result.concepts[c] = merged
                register(c)
            }
        }
        return (result, conflicts)
    }

    private static func primary(_ language: String) -> String {
        String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// Merges `incoming` into `concept`; returns the disagreements found.
    private static func merge(_ incoming: Concept, into concept: inout Concept, sharedTerm: String,
                              preference: MergePreference?) -> [MergeConflict] {
        var conflicts: [MergeConflict] = []
        if concept.subject == nil { concept.subject = incoming.subject }
        if concept.definition == nil { concept.definition = incoming.definition }
        if concept.source == nil { concept.source = incoming.source }
        if concept.note == nil { concept.note = incoming.note }
        else if let note = incoming.note, note != concept.note { concept.note! += " / " + note }
        concept.extra += incoming.extra.filter { !concept.extra.contains($0) }

        for section in incoming.languages {
            let language = section.language
            let l = concept.languages.firstIndex { $0.language.lowercased() == language.lowercased() }
            guard let l else {
                concept.languages.append(section)
                continue
            }
            concept.languages[l].definition = concept.languages[l].definition ?? section.definition
            concept.languages[l].source = concept.languages[l].source ?? section.source
            concept.languages[l].note = concept.languages[l].note ?? section.note
            let existingPreferred = concept.languages[l].terms.filter { $0.status == .preferred }.map(\.text)
            let incomingPreferred = section.terms.filter { $0.status == .preferred }.map(\.text)
            let key = { (t: String) in matchingKey(t, language: language) }
            if !existingPreferred.isEmpty, !incomingPreferred.isEmpty,
               Set(existingPreferred.map(key)) != Set(incomingPreferred.map(key)) {
                conflicts.append(MergeConflict(term: sharedTerm, conceptIDs: (concept.id, incoming.id), language: language,
                                               first: "preferred " + existingPreferred.joined(separator: ", "),
                                               later: "preferred " + incomingPreferred.joined(separator: ", ")))
                if preference == .last {
                    for t in concept.languages[l].terms.indices where concept.languages[l].terms[t].status == .preferred {
                        concept.languages[l].terms[t].status = .admitted
                    }
                }
            }
            for var term in section.terms {
                if let t = concept.languages[l].terms.firstIndex(where: { key($0.text) == key(term.text) }) {
                    let existing = concept.languages[l].terms[t]
                    // A proposal never overrides a reviewed status (nor is it a conflict).
                    if existing.status != term.status && !(existing.status.isAcceptable && term.status.isAcceptable)
                        && term.status != .proposed && existing.status != .proposed {
                        conflicts.append(MergeConflict(term: term.text, conceptIDs: (concept.id, incoming.id), language: language,
                                                       first: existing.status.rawValue, later: term.status.rawValue))
                        if preference == .last { concept.languages[l].terms[t].status = term.status }
                    }
                    var kept = concept.languages[l].terms[t]
                    kept.partOfSpeech = kept.partOfSpeech ?? term.partOfSpeech
                    kept.note = kept.note ?? term.note
                    kept.source = kept.source ?? term.source
                    kept.pinyin = kept.pinyin ?? term.pinyin
                    concept.languages[l].terms[t].partOfSpeech = kept.partOfSpeech
                    concept.languages[l].terms[t].note = kept.note
                    concept.languages[l].terms[t].source = kept.source
                    concept.languages[l].terms[t].pinyin = kept.pinyin
                    continue
                }
                if term.status == .preferred && !existingPreferred.isEmpty && preference != .last {
                    term.status = .admitted
                }
                concept.languages[l].terms.append(term)
            }
        }
        return conflicts
    }
}
