import Foundation

/// Glossaries as Markdown for people (write only): a title, then one table per subject field
/// in order of first appearance (one table when no concept has a subject; concepts without
/// one come last under their own heading when others have one).
///
/// Columns: **Chinese** and **English** — the preferred term in bold, then the other terms
/// each followed by its status in italics (`准同盟 *(deprecated)*`), with the language tag
/// when the term is in another section (`準盟友 *(zh-Hant)*`); **Pinyin** of the bold Chinese
/// term (computed with ``Pinyin/of(_:)`` when the glossary has none); **Notes** — part of
/// speech, the concept's definition and source, each Chinese and English section's own
/// definition (with its source) labelled with its tag (`*Definition (en-US):*`), the concept's
/// note, the sections' notes, and term notes. Several items in a cell are separated by
/// `<br>`. Cell text is escaped: `|`, `\`, `*`, `_` and `` ` `` by a backslash, `<` as
/// `&lt;`, line breaks as `<br>`, so every row has exactly four cells.
///
/// What a table cannot show — languages other than Chinese and English, TBX data
/// categories, term sources — is reported as warnings, one per kind. Output is
/// deterministic: the same glossary always gives the same bytes.
enum MarkdownGlossaryFormat {
    static func write(_ glossary: Glossary) throws -> (data: Data, warnings: [GlossaryWarning]) {
        var out = "# Glossary\n\n"
        let groups = subjectGroups(glossary.concepts)
        let subjectCount = groups.filter { $0.subject != nil }.count
        let conceptWord = glossary.concepts.count == 1 ? "concept" : "concepts"
        if subjectCount > 0 {
            out += "\(glossary.concepts.count) \(conceptWord) in \(subjectCount) subject field\(subjectCount == 1 ? "" : "s").\n"
        } else {
            out += "\(glossary.concepts.count) \(conceptWord).\n"
        }
        for group in groups {
            out += "\n"
            if subjectCount > 0 {
                out += "## \(group.subject.map(escape) ?? "Without subject field")\n\n"
            }
            out += "| Chinese | Pinyin | English | Notes |\n"
            out += "| --- | --- | --- | --- |\n"
            for concept in group.concepts {
                out += try row(concept)
            }
        }
        return (Data(out.utf8), warnings(glossary))
    }

    // MARK: Layout

    /// Concepts grouped by subject, groups in order of first appearance, the group without
    /// a subject last.
    static func subjectGroups(_ concepts: [Concept]) -> [(subject: String?, concepts: [Concept])] {
        var order: [String] = []
        var bySubject: [String: [Concept]] = [:]
        var without: [Concept] = []
        for concept in concepts {
            guard let subject = concept.subject, !subject.isEmpty else {
                without.append(concept)
                continue
            }
            if bySubject[subject] == nil { order.append(subject) }
            bySubject[subject, default: []].append(concept)
        }
        var groups: [(subject: String?, concepts: [Concept])] = order.map { ($0, bySubject[$0]!) }
        if !without.isEmpty || groups.isEmpty { groups.append((nil, without)) }
        return groups
    }

    static func row(_ concept: Concept) throws -> String {
        let chinese = cell(concept, language: "zh")
        var pinyin = ""
        if let preferred = chinese.preferred {
            pinyin = try preferred.pinyin ?? Pinyin.of(preferred.text)
        }
        let english = cell(concept, language: "en")
        var notes: [String] = []
        let partsOfSpeech = orderedUnique((concept.terms(in: "zh") + concept.terms(in: "en")).compactMap(\.partOfSpeech))
        if !partsOfSpeech.isEmpty { notes.append("*\(escape(partsOfSpeech.joined(separator: ", "))).*") }
        if let definition = concept.definition, !definition.isEmpty { notes.append(escape(definition)) }
        if let source = concept.source, !source.isEmpty { notes.append("*Source:* " + escape(source)) }
        let shownSections = concept.languages.filter { Concept.tag($0.language, matches: "zh") || Concept.tag($0.language, matches: "en") }
        for section in shownSections {
            let language = escape(section.language)
            let source = section.source.flatMap { $0.isEmpty ? nil : " (source: \(escape($0)))" }
            if let definition = section.definition, !definition.isEmpty {
                notes.append("*Definition (\(language)):* " + escape(definition) + (source ?? ""))
            } else if let source = section.source, !source.isEmpty {
                notes.append("*Source (\(language)):* " + escape(source))
            }
        }
        if let note = concept.note, !note.isEmpty { notes.append("*Note:* " + escape(note)) }
        for section in shownSections {
            if let note = section.note, !note.isEmpty { notes.append("*Note (\(escape(section.language))):* " + escape(note)) }
        }
        for term in concept.terms(in: "zh") + concept.terms(in: "en") {
            if let note = term.note, !note.isEmpty, note != TermStatus.forbiddenNote {
                notes.append("\(escape(term.text)): \(escape(note))")
            }
        }
        let cells = [chinese.text, escape(pinyin), english.text, notes.joined(separator: "<br>")]
        return "| " + cells.map { $0.isEmpty ? "" : $0 + " " }.joined(separator: "| ") + "|\n"
    }

    /// The terms of one language as a cell: the preferred term in bold, then the others with
    /// their status (and language tag when it differs from the preferred term's).
    static func cell(_ concept: Concept, language: String) -> (text: String, preferred: Term?) {
        let sections = concept.languages.filter { Concept.tag($0.language, matches: language) }
        let preferred = concept.preferredTerm(in: language)
        // Terms in this section need no language tag: the preferred term's, else the first.
        let preferredTag = sections.first { $0.terms.contains { $0 == preferred } }?.language
            ?? sections.first?.language
        var items: [String] = []
        var shownPreferred = false
        for section in sections {
            for term in section.terms {
                if !shownPreferred, preferred != nil, term == preferred, section.language == preferredTag {
                    items.insert("**\(escape(term.text))**", at: 0)
                    shownPreferred = true
                    continue
                }
                var labels: [String] = []
                if section.language != preferredTag { labels.append(escape(section.language)) }
                if term.status != .preferred || section.language == preferredTag {
                    labels.append(term.status.rawValue)
                }
                items.append("\(escape(term.text)) *(\(labels.joined(separator: ", ")))*")
            }
        }
        return (items.joined(separator: "<br>"), preferred)
    }

    // MARK: Escaping

    /// `text` safe inside a table cell: Markdown-active characters escaped, line breaks
    /// as `<br>`, surrounding white space removed.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch character {
            case "|", "\\", "*", "_", "`": result += "\\" + String(character)
            case "<": result += "&lt;"
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: Warnings

    static func warnings(_ glossary: Glossary) -> [GlossaryWarning] {
        var otherLanguages: [String] = []
        var otherLanguageTerms = 0
        var dataCategories = 0
        var sources = 0
        for concept in glossary.concepts {
            dataCategories += concept.extra.count
            for section in concept.languages {
                dataCategories += section.extra.count
                let shown = Concept.tag(section.language, matches: "zh") || Concept.tag(section.language, matches: "en")
                if !shown {
                    otherLanguageTerms += section.terms.count
                    if !otherLanguages.contains(section.language) { otherLanguages.append(section.language) }
                }
                for term in section.terms {
                    dataCategories += term.extra.count
                    if shown, term.source != nil { sources += 1 }
                }
            }
        }
        var warnings: [GlossaryWarning] = []
        if otherLanguageTerms > 0 {
            warnings.append(GlossaryWarning("Markdown shows Chinese and English only: \(otherLanguageTerms) term\(otherLanguageTerms == 1 ? "" : "s") in \(otherLanguages.joined(separator: ", ")) left out"))
        }
        if dataCategories > 0 {
            warnings.append(GlossaryWarning("Markdown has no place for TBX data categories: \(dataCategories) left out"))
        }
        if sources > 0 {
            warnings.append(GlossaryWarning("Markdown has no place for term sources: \(sources) left out"))
        }
        return warnings
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen
    }
}
