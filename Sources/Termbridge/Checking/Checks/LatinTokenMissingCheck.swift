/// `latin-token-missing`: an acronym or code the source carries over (ATACMS, G7, GBU-57)
/// missing from the translation, unless the translation renders it the conventional way
/// (a glossary term of a concept whose English term it is, or a CC-CEDICT headword glossed
/// by it). Which tokens are carried over: ``CarriedTokens``. When the translation has a
/// stray code instead, the finding names it.
///
/// Leaves alone the tokens a check before it claimed (a misspelled token).
final class LatinTokenMissingCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .latinTokenMissing, defaultSeverity: .warning,
        summary: "an acronym or code of the source (ATACMS, G7, GBU-57) missing from the translation",
        needsSource: true,
        examples: [
            .triggering("above all ATACMS, which could strike deep", "↓其中最重要的是远程导弹"),
            .nonTriggering("through the G7 and NATO", "通过G7和NATO"),
            .nonTriggering("through the G7 and NATO", "通过七国集团和北约", note: "the glossary's renderings"),
            .nonTriggering("U.S. troops in World War II, said Holloway.", "美军在第二次世界大战中,霍洛韦说。",
                           note: "dotted initialisms, Roman numerals and names are not carried over"),
            .nonTriggering("GBU-57 bombs", "GBU-75炸弹", note: "latin-token-misspelled reports it"),
        ])

    private let environment: CheckEnvironment

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        let english = segment.sourceTokens, chinese = segment.targetTokens
        let targetKeys = Set(chinese.latinWords.map(\.key))
        var seen = Set<String>()
        var shouting: Bool?
        for token in english.latinWords where token.isCarriedOver && !targetKeys.contains(token.key) {
            guard seen.insert(token.key).inserted, !segment.isClaimed(.sourceToken(token.key)),
                  !isRendered(token.text, in: segment) else { continue }
            if shouting == nil { shouting = CarriedTokens.isShouting(source.text) }
            if shouting == true { break }
            let sourceKeys = Set(segment.allSourceTokens.latinWords.map(\.key))
            let strays = chinese.latinWords.filter { $0.isCarriedOver && !sourceKeys.contains($0.key) }
            var message = "\(token.text) of the source is missing from the translation"
            if !strays.isEmpty { message += " (the translation has \(strays.map(\.text).joined(separator: ", ")))" }
            findings.append(segment.finding(
                .latinTokenMissing, at: strays.first.map { target.location(ofScalar: $0.range.lowerBound) } ?? target.start,
                side: .target, term: token.text, found: strays.first?.text, expected: [token.text],
                message: message + segment.alignmentNote, related: source.location(ofScalar: token.range.lowerBound),
                context: FindingContext(source: source.text, target: target.text, sourceRange: token.range,
                                        targetRange: strays.first?.range)))
        }
    }

    /// Whether the translation renders an acronym the conventional way: an acceptable
    /// Chinese term of a glossary concept whose English term it is (ATACMS → 陆军战术导弹系统),
    /// or a CC-CEDICT headword glossed by it (NATO → 北约).
    private func isRendered(_ token: String, in segment: SegmentAnalysis) -> Bool {
        let folded = segment.foldedTarget
        guard !folded.isEmpty else { return false }
        if let matcher = environment.matcher {
            let whole = token.unicodeScalars.count
            for match in matcher.englishMatches(in: token) where match.range.scalars == 0..<whole {
                for reference in match.references
                where environment.concepts[reference.concept].acceptableFolded.contains(where: { folded.contains(subsequence: $0) }) {
                    return true
                }
            }
        }
        if let lexicon = environment.lexicon {
            for word in lexicon.chineseWords(forEnglishWord: token) where word.unicodeScalars.count >= 2 {
                if folded.contains(subsequence: TextNormalizer.shared.foldedScalars(word)) { return true }
            }
        }
        return false
    }
}
