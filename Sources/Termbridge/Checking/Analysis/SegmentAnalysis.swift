/// One segment as the checks see it: the segment, what is computed about it once and shared
/// (glossary matches, folded text, numbers and Latin tokens — each computed on first use),
/// and the places already claimed by a check that reported them.
///
/// **Claims** make "one finding per problem" explicit: checks run in registry order, and a
/// check that reports a place claims it; a later check that would report the same problem
/// asks ``isClaimed(_:)`` first. Who claims what is listed in `Docs/Checking.md`.
final class SegmentAnalysis {
    /// A place a check has reported.
    enum Claim: Hashable {
        /// A Chinese glossary match (its index in ``chineseMatches``).
        case chineseTerm(Int)
        /// A range of the Chinese text, in Unicode scalars.
        case targetRange(Range<Int>)
        /// A Latin token of the source, by its comparison key (``CarriedTokens/key(_:)``).
        case sourceToken(String)
        /// The whole translation (empty, a copy of the source, left in English): the checks
        /// that compare the two sides have nothing to compare.
        case wholeTarget
    }

    let segment: CheckSegment
    let environment: CheckEnvironment
    private(set) var claims: [Claim: CheckID] = [:]

    init(segment: CheckSegment, environment: CheckEnvironment) {
        self.segment = segment
        self.environment = environment
    }

    var source: SegmentText? { segment.source }
    var target: SegmentText? { segment.target }

    // MARK: Claims

    /// Records that `check` reported `claim`.
    func claim(_ claim: Claim, by check: CheckID) {
        if claims[claim] == nil { claims[claim] = check }
    }

    /// Whether a check has reported `claim` (a target range: any overlapping range).
    func isClaimed(_ claim: Claim) -> Bool {
        if claims[claim] != nil { return true }
        if case .targetRange(let range) = claim {
            // Any overlap: a yes or no, whatever order the claims are visited in.
            return claims.keys.contains { if case .targetRange(let other) = $0 { other.overlaps(range) } else { false } }
        }
        return false
    }

    // MARK: Shared analysis

    /// The glossary's Chinese terms in the Chinese text, leftmost-longest, that do not break
    /// the words around them (停战 is no term in 暂停|战争: see ``ChineseTermBoundaries``)
    /// and whose part of speech, when the glossary and the segmenter both give one, agrees.
    lazy var chineseMatches: [TermMatch] = {
        guard let matcher = environment.matcher, let target else { return [] }
        let matches = matcher.chineseMatches(in: target.text)
        guard !matches.isEmpty else { return matches }
        return ChineseTermBoundaries.filter(matches, words: chineseWords, folded: foldedTarget, glossary: matcher.glossary)
    }()

    /// English glossary terms written in the Chinese text (a gloss such as 基辅(Kiev)), in
    /// their sense (see ``TermSenses``).
    lazy var englishInTarget: [TermMatch] = {
        guard let matcher = environment.matcher, let target,
              target.text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return [] }
        let matches = matcher.englishMatches(in: target.text, words: targetEnglishWords)
        return environment.senses?.filter(matches, words: targetEnglishWords) ?? matches
    }()

    /// The words of the English text.
    lazy var sourceWords: [EnglishWord] = source.map { EnglishWords.of($0.text) } ?? []
    /// The English words (Latin words and numbers) of the Chinese text.
    lazy var targetEnglishWords: [EnglishWord] = target.map { EnglishWords.of($0.text) } ?? []

    /// The glossary's English terms in the English text, in their sense (part of speech,
    /// inflections, a verb's object: see ``TermSenses``).
    lazy var englishMatches: [TermMatch] = {
        guard let matcher = environment.matcher, let source else { return [] }
        let matches = matcher.englishMatches(in: source.text, words: sourceWords)
        return environment.senses?.filter(matches, words: sourceWords) ?? matches
    }()

    /// The concepts the English text names.
    lazy var sourceConcepts: Set<Int> = Set(englishMatches.flatMap { $0.references.map(\.concept) })

    /// The Chinese text folded scalar by scalar (``TextNormalizer``), offsets unchanged.
    lazy var foldedTarget: [UInt32] = target.map { TextNormalizer.shared.foldedScalars($0.text) } ?? []
    /// The English text folded scalar by scalar.
    lazy var foldedSource: [UInt32] = source.map { TextNormalizer.shared.foldedScalars($0.text) } ?? []

    /// Chinese matches in a gloss pair — a term followed by another term of the same concept
    /// in brackets: 华南理工大学公共政策研究院(IPP), G7(七国集团), ATACMS(陆军战术导弹系统). The
    /// pair introduces both forms on purpose, so neither counts as a rendering or a variant
    /// (both still satisfy term-mistranslated).
    lazy var glosses: Set<Int> = {
        var result = Set<Int>()
        let matches = chineseMatches, folded = foldedTarget
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
    }()

    /// The words of the Chinese text (segmenter), computed on first use.
    lazy var chineseWords: [ChineseWord] = target.map { environment.chineseWords.words(in: $0.text) } ?? []

    /// Glossary terms whose status makes them findings (see ``computeFlaggedTerms()``).
    lazy var flaggedTerms: [FlaggedTerm] = computeFlaggedTerms()

    /// How each English glossary term of the source is rendered (see
    /// ``computeTermRenderings()``).
    lazy var termRenderings: [TermRendering] = computeTermRenderings()

    /// The numbers and carried-over Latin tokens of the English.
    lazy var sourceTokens: CarriedTokens = CarriedTokens(folded: foldedSource, allWords: false)
    /// The numbers and every Latin word of the English.
    lazy var allSourceTokens: CarriedTokens = CarriedTokens(folded: foldedSource, allWords: true)
    /// The numbers and every Latin word of the Chinese.
    lazy var targetTokens: CarriedTokens = CarriedTokens(folded: foldedTarget, allWords: true)

    /// The English folded and hashed for comparison (``FoldedTextKey``); nil without a
    /// letter or Han character.
    lazy var sourceKey: UInt64? = source == nil ? nil : FoldedTextKey.key(folded: foldedSource)
    /// The Chinese folded and hashed for comparison.
    lazy var targetKey: UInt64? = target == nil ? nil : FoldedTextKey.key(folded: foldedTarget)

    // MARK: Findings

    /// A finding about this segment (severity as configured).
    func finding(_ check: CheckID, at location: FileLocation, side: SegmentSide, term: String? = nil, found: String? = nil,
                 expected: [String] = [], conceptID: String? = nil, message: String, related: FileLocation? = nil,
                 context: FindingContext) -> Finding {
        Finding(check: check, severity: environment.severity(of: check), location: location, side: side,
                segment: segment.index, segmentID: segment.id, term: term, found: found, expected: expected,
                conceptID: conceptID, message: message, related: related, context: context)
    }

    /// The whole segment as context, with `range` on `side`.
    func context(side: SegmentSide, range: Range<Int>?) -> FindingContext {
        FindingContext(source: source?.text, target: target?.text,
                       sourceRange: side == .source ? range : nil, targetRange: side == .target ? range : nil)
    }

    /// " (segments aligned with low confidence 20%)" for beads the aligner was unsure of.
    var alignmentNote: String {
        guard let score = segment.alignmentScore, score < environment.configuration.lowAlignmentConfidence else { return "" }
        return " (segments aligned with low confidence \(String(Int((score * 100).rounded())))%)"
    }

    /// A place for a document-level finding: the location and a window of each side.
    func place(_ location: FileLocation, targetRange: Range<Int>?, sourceRange: Range<Int>?) -> RecordedPlace {
        var context = FindingContext(isExcerpt: true)
        if let targetRange, let target {
            (context.target, context.targetRange) = Self.excerpt(target.text, around: targetRange)
        }
        if let sourceRange, let source {
            (context.source, context.sourceRange) = Self.excerpt(source.text, around: sourceRange)
        }
        return RecordedPlace(location: location, segment: segment.index, segmentID: segment.id, context: context,
                             contentKey: contentKey)
    }

    /// The segment's content fingerprint (both sides folded and hashed), for baselines.
    lazy var contentKey: UInt64 = FindingFingerprint.contentKey(foldedSource: foldedSource, foldedTarget: foldedTarget)

    /// A window of `text` around `range` (about 24 scalars each side), with `range` within it.
    static func excerpt(_ text: String, around range: Range<Int>, radius: Int = 24) -> (String, Range<Int>) {
        // Walked, not decoded whole: only the window's scalars are read.
        let scalars = text.unicodeScalars
        let start = max(0, range.lowerBound - radius)
        var view = String.UnicodeScalarView()
        if start > 0 { view.append("…") }
        var index = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var k = start
        while k < range.upperBound + radius, index < scalars.endIndex {
            view.append(scalars[index])
            scalars.formIndex(after: &index)
            k += 1
        }
        if index < scalars.endIndex { view.append("…") }
        let shift = start > 0 ? 1 : 0
        return (String(view), (range.lowerBound - start + shift)..<(range.upperBound - start + shift))
    }

    /// The text of scalars `range` of `text`.
    static func substring(_ text: String, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(range.lowerBound).prefix(range.count)))
    }

    /// Whether `text` has a Latin letter and no Han character.
    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            && !text.unicodeScalars.contains { $0.properties.isIdeographic }
    }
}

/// `values` without repeats, in first-seen order.
func uniqued<T: Hashable>(_ values: [T]) -> [T] {
    var seen = Set<T>()
    return values.filter { seen.insert($0).inserted }
}
