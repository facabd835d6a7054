import Foundation

/// OmegaT's glossary files (`glossary.txt` in UTF-8, extension `.utf8`): one entry per line,
/// `source⇥target` or `source⇥target⇥comment`, no header, no quoting; lines starting with `#`
/// are comments and empty lines are skipped.
///
/// **Reading** gives one concept per entry (``HeaderlessList``: both terms preferred, the
/// comment as the concept's note, languages told by where Chinese characters are — noted).
///
/// **Writing** gives one entry per concept: the preferred English term, the preferred
/// Chinese term, and the concept's note as comment (OmegaT's project has English as source
/// and Chinese as target, Termbridge's direction); and one more entry for each admitted
/// English term, to the same Chinese term, so that OmegaT (which looks entries up by the
/// source terms it finds in a segment) offers the preferred translation wherever the source
/// uses a synonym. An OmegaT entry has no place for the rest, which is reported by name: other
/// Chinese terms (OmegaT shows every target of a source term alike, so an admitted Chinese term
/// written beside the preferred one would read as an equal choice), other statuses (OmegaT
/// would offer a forbidden term as a normal hit, so forbidden and deprecated terms are never
/// written), other languages, ids,
/// subjects, definitions, parts of speech, pinyin; and text OmegaT would read differently —
/// tabs and line breaks, surrounding white space (OmegaT trims), a source starting with `#`.
enum OmegaTGlossaryFormat {
    static func read(_ data: Data, file: String?) throws -> (Glossary, [GlossaryWarning]) {
        let text = ByteOrderMark.removing(from: try data.withUnsafeBytes { raw in
            try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: file)
        })
        var rows: [DelimitedText.Row] = []
        var line = 0
        text.enumerateLines { content, _ in
            line += 1
            if content.hasPrefix("#") || content.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            rows.append(DelimitedText.Row(fields: content.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: line))
        }
        guard !rows.isEmpty else { return (Glossary(), []) }
        return try HeaderlessList(kind: "OmegaT", cells: .plain).glossary(from: rows, file: file)
    }

    static func write(_ glossary: Glossary) -> (data: Data, warnings: [GlossaryWarning]) {
        var losses = LossReport()
        var out = "# OmegaT glossary written by Termbridge: source (en)⇥target (zh)⇥comment\n"
        for (index, concept) in glossary.concepts.enumerated() {
            let source = concept.terms(in: "en").first { $0.status == .preferred }
            let target = concept.terms(in: "zh").first { $0.status == .preferred }
            for section in concept.languages {
                let isPair = Concept.tag(section.language, matches: "en") || Concept.tag(section.language, matches: "zh")
                if !isPair { losses.note("languages other than en and zh", concept.id); continue }
                let isEnglish = Concept.tag(section.language, matches: "en")
                for term in section.terms where term != source && term != target && !(isEnglish && term.status == .admitted && target != nil) {
                    losses.note("\(term.status) terms besides the preferred ones", concept.id)
                }
                if section.language != "en" && section.language != "zh" { losses.note("language tags other than en and zh (\(section.language))", concept.id) }
            }
            if concept.id != "c\(index + 1)" { losses.note("concept ids", concept.id) }
            if concept.subject != nil { losses.note("subjects", concept.id) }
            if concept.definition != nil { losses.note("definitions", concept.id) }
            if !concept.extra.isEmpty || concept.languages.contains(where: { !$0.extra.isEmpty }) { losses.note("TBX data categories", concept.id) }
            for term in [source, target].compactMap({ $0 }) {
                if term.partOfSpeech != nil { losses.note("parts of speech", concept.id) }
                if term.note != nil || term.source != nil || !term.extra.isEmpty { losses.note("term notes and sources", concept.id) }
                if let pinyin = term.pinyin, pinyin != (try? Pinyin.of(term.text)) { losses.note("pinyin", concept.id) }
            }
            guard let source, let target else {
                losses.note("concepts without a preferred term in both en and zh", concept.id)
                continue
            }
            // The preferred pair, then each admitted English term to the preferred Chinese term.
            let admitted = concept.terms(in: "en").filter { $0.status == .admitted }
            for term in [source] + admitted {
                let fields = [term.text, target.text] + (concept.note.map { [$0] } ?? [])
                if fields.contains(where: { $0.contains { $0 == "\t" || $0.isNewline } }) {
                    losses.note("tabs and line breaks", concept.id)
                    continue
                }
                if fields.contains(where: { $0.first?.isWhitespace == true || $0.last?.isWhitespace == true || $0.isEmpty }) {
                    losses.note("surrounding white space or empty text", concept.id)
                    continue
                }
                if term.text.hasPrefix("#") { losses.note("source terms starting with #", concept.id); continue }
                out += fields.joined(separator: "\t") + "\n"
            }
        }
        return (Data(out.utf8), losses.warnings(format: "OmegaT"))
    }
}
