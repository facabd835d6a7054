/// `negation-mismatch` (a warning): the English says "not" and the Chinese does not, or
/// the reverse — 不可能 turned into 可能, a 没有 that the source lacks.
///
/// Negations are counted by kind on each side:
/// - **English**, strict: not, n't, no, never, without, neither, nor, none, nothing,
///   nobody, nowhere, cannot, unable, impossible, unlikely, unwilling — but not in phrases
///   that carry no negation into Chinese ("not only", "no matter", "whether or not", "no
///   doubt", "nothing but", "not least", "if not", "no less/more/fewer than"); **soft**:
///   words negative by their prefix or meaning (un-, in-, im-, il-, ir-, dis-, non-, -less;
///   fail, refuse, lack, rather than, instead of, hardly, rarely, …), which a Chinese
///   negation may render but need not.
/// - **Chinese**, on the segmenter's words: strict: 不, 没, 没有, 未, 无, 非, 别, 勿, 莫 and
///   the words built on them that negate (不能, 不会, 不再, 并未, 尚未, 从未, 无法, 毫无,
///   并非, 不可能, …); soft: other words starting with a negating character (无条件,
///   不稳定, 非北约), which render prefixed English words; never: words whose negating
///   character negates nothing (不断, 不仅, 不同, 不过, 非常, 未来, 无论, 无疑, 除非, 否则,
///   是否, 不得不, 别的, 无人机, …).
///
/// Reported: a strict English negation with no Chinese negation at all (at the start of
/// the Chinese), and a strict Chinese negation with no English negation at all (at it).
final class NegationMismatchCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .negationMismatch, defaultSeverity: .warning,
        summary: "a negation of one side missing from the other (不可能 → 可能; a 没有 the source lacks)",
        needsSource: true,
        examples: [
            .triggering("A settlement is not possible before the election.", "↓在选举之前达成解决方案是可能的。"),
            .triggering("The policy has changed.", "政策↓没有改变。"),
            .nonTriggering("A settlement is impossible before the election.", "在选举之前不可能达成解决方案。"),
            .nonTriggering("The policy has not changed.", "政策没有改变。"),
            .nonTriggering("It offers unconditional support, not only weapons.", "它提供无条件支持,不仅仅是武器。"),
            .nonTriggering("Fighting continued in the future, whether or not talks resumed.", "无论谈判是否恢复,未来战斗都不断持续。"),
            .nonTriggering("Washington failed to deliver.", "华盛顿未能交付。", note: "“failed to” is a soft negation"),
        ])

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let source = segment.source, let target = segment.target, !segment.isClaimed(.wholeTarget) else { return }
        // A bead the aligner was unsure of may pair sentences that say different things.
        if let score = segment.segment.alignmentScore, score < segment.environment.configuration.lowAlignmentConfidence { return }
        let english = Self.englishNegations(segment.sourceWords)
        // Segment the Chinese only when it has a negating character or the English negates.
        let hasCharacter = segment.foldedTarget.contains(where: Self.isNegatingCharacter)
        guard hasCharacter || english.strict != nil else { return }
        let chinese = hasCharacter ? Self.chineseNegations(segment) : (strict: nil, soft: 0)
        if let negation = english.strict, chinese.strict == nil, chinese.soft == 0 {
            findings.append(segment.finding(
                .negationMismatch, at: target.start, side: .target, term: negation.text,
                message: "the English negates (“\(negation.text)”) but the Chinese has no negation" + segment.alignmentNote,
                related: source.location(ofScalar: negation.range.lowerBound),
                context: FindingContext(source: source.text, target: target.text, sourceRange: negation.range)))
        } else if let negation = chinese.strict, english.strict == nil, english.soft == 0 {
            let text = SegmentAnalysis.substring(target.text, negation)
            findings.append(segment.finding(
                .negationMismatch, at: target.location(ofScalar: negation.lowerBound), side: .target, found: text,
                message: "\(text) negates, but the English has no negation" + segment.alignmentNote,
                context: FindingContext(source: source.text, target: target.text, targetRange: negation)))
        }
    }

    // MARK: English

    static let englishStrict = WordSet(["not", "no", "never", "without", "neither", "nor", "none", "nothing", "nobody",
                                        "nowhere", "cannot", "unable", "impossible", "unlikely", "unwilling", "n't"])
    static let englishSoft = WordSet(["fail", "fails", "failed", "failing", "failure", "refuse", "refuses", "refused",
                                      "lack", "lacks", "lacked", "lacking", "absence", "absent", "hardly", "barely",
                                      "rarely", "seldom", "deny", "denies", "denied", "instead", "rather", "free",
                                      "halt", "halted", "stop", "stopped", "cease", "ceased", "avoid", "avoided", "few", "little",
                                      "less", "neglect", "ignore", "ignored", "withhold", "withheld", "withholding", "until"])
    /// Two-word phrases whose negation does not carry into Chinese: the first word → the second.
    static let englishExempt = WordMap<Set<String>>([
        "not": ["only", "least", "just", "merely", "simply"], "no": ["matter", "doubt", "less", "more", "fewer", "sooner"],
        "nothing": ["but", "less", "short"], "or": ["not"], "if": ["not"], "none": ["other"],
    ])
    static let negativePrefixes = ["un", "in", "im", "il", "ir", "dis", "non"]

    /// The first strict negation of a text whose words (``EnglishWords``) are `words` (its
    /// text and range), and how many soft ones it has.
    static func englishNegations(_ words: [EnglishWord]) -> (strict: (text: String, range: Range<Int>)?, soft: Int) {
        var strict: (String, Range<Int>)?
        var soft = 0
        for (k, word) in words.enumerated() {
            let w = word.folded
            var isStrict = englishStrict.contains(w) || Self.hasSuffix(w, "n't")
            if isStrict, let exempt = englishExempt[w], k + 1 < words.count, exempt.contains(words[k + 1].folded) { isStrict = false }
            if w == "not", k > 0, englishExempt[words[k - 1].folded]?.contains("not") == true { isStrict = false }
            if w == "no", k + 1 < words.count, words[k + 1].folded.first?.isNumber == true { isStrict = false }   // No. 5
            if isStrict {
                if strict == nil { strict = (word.text, word.range.scalars) }
            } else if englishSoft.contains(w) || Self.hasSuffix(w, "less") && w.count > 6
                        || w.utf8.count >= 6 && "uidn".utf8.contains(w.utf8.first ?? 0)   // a prefix and four letters; the prefixes' first letters
                            && negativePrefixes.contains(where: { w.hasPrefix($0) && w.count - $0.count >= 4 }) {
                soft += 1
            }
        }
        return (strict, soft)
    }

    /// Whether `word` ends with the ASCII `suffix` (compared byte by byte).
    static func hasSuffix(_ word: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard word.utf8.count >= count else { return false }
        return suffix.withUTF8Buffer { suffix in word.utf8.suffix(count).elementsEqual(suffix) }
    }

    // MARK: Chinese

    /// Whether a (folded) scalar is one of 不没未无非别勿莫毋.
    static func isNegatingCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E0D, 0x6CA1, 0x672A, 0x65E0, 0x975E, 0x522B, 0x52FF, 0x83AB, 0x6BCB: true
        default: false
        }
    }
    static let chineseStrict = ShortHanWords(("不 没 没有 未 无 非 别 勿 莫 毋 未能 并未 尚未 从未 未曾 不曾 从不 并不 决不 绝不 毫不 毫无 "
        + "无法 不能 不会 不是 不再 不要 不可能 不可 不应 不应该 不该 不得 不必 不用 不愿 不肯 并非 没法 绝非 决非 不敢 "
        + "未必 不致 不至于 不太 不大 不怎么 不足以 无力 无意 无须 无需 不需要 别再 莫要").split(separator: " ").map(String.init))
    static let chineseNever = ShortHanWords(("不断 不仅 不仅仅 不久 不少 不同 不过 不如 不管 不论 不但 不光 不单 不料 不免 不禁 "
        + "不妨 不时 不已 不住 不得不 不由得 不一定 不外乎 无论 无疑 无数 无比 无非 无不 无所不 无人机 无线 无限 毫无疑问 "
        + "非常 非凡 未来 除非 否则 是否 能否 可否 与否 别的 别人 别处 别国 莫过于 莫名 不言而喻 不可或缺 不遗余力 "
        + "无时无刻 没准 未尝不 没几 无遗 无几 无穷 无锡 莫斯科 非洲 南非 没收 没落 埋没 别墅 不丹 无偿 无辜 无奈").split(separator: " ").map(String.init))

    /// Adverbs the segmenter may fuse with a negation (也没有, 而不是, 从未, 既不是).
    static let fusedAdverbs = ShortHanWords(("也 而 既 并 从 尚 绝 决 毫 还 都 就 却 又 仍 亦 均 皆 再 更 可 才 便 且 虽 若 如 "
        + "当 是 总 甚至 根本 从来 始终 一直 完全 仍然 依然 并且 但 但是 则 也就").split(separator: " ").map(String.init))

    /// The first strict negation of the Chinese (its range), and how many soft ones it has.
    /// A negating character counts where it starts a word of the segmenter (strict when the
    /// word is a negation, soft otherwise: 无条件), or follows an adverb the segmenter fused
    /// with it (也没有); a character whose text from there starts a word that negates nothing
    /// (不断, 无论, 没几天) does not count, whatever the segmentation.
    static func chineseNegations(_ segment: SegmentAnalysis) -> (strict: Range<Int>?, soft: Int) {
        var strict: Range<Int>?
        var soft = 0
        let folded = segment.foldedTarget
        for word in segment.chineseWords where word.kind == .hanWord {
            guard let p = word.range.first(where: { isNegatingCharacter(folded[$0]) }) else { continue }
            let ahead = folded[p..<min(folded.count, p + 4)]
            if chineseNever.containsPrefix(of: ahead) { continue }
            if p > word.range.lowerBound {
                if chineseNever.contains(folded[(p - 1)..<min(folded.count, p + 1)]) || chineseNever.contains(folded[max(0, p - 2)...p]) { continue }
                guard fusedAdverbs.contains(folded[word.range.lowerBound..<p]) || fusedAdverbs.contains(folded[(p - 1)..<p]) else {
                    soft += 1
                    continue
                }
            }
            let rest = folded[p..<word.range.upperBound]
            if rest.count == 1 || chineseStrict.contains(rest) || chineseStrict.containsPrefix(of: rest, minimum: 2) {
                if strict == nil { strict = p..<word.range.upperBound }
            } else {
                soft += 1
            }
        }
        return (strict, soft)
    }
}

/// A fixed set of short Chinese words (four characters or fewer, all in the Basic
/// Multilingual Plane), asked about slices of folded text: each word is packed into one
/// integer (16 bits a character) and looked up by binary search — no strings are built.
struct ShortHanWords: Sendable {
    private let keys: [UInt64]
    /// The longest word, in characters.
    private let longest: Int

    init(_ words: [String]) {
        let packed = words.map { Array($0.unicodeScalars.map(\.value)) }
        precondition(packed.allSatisfy { $0.count <= 4 && $0.allSatisfy { $0 > 0 && $0 < 0x10000 } },
                     "short Han words only")
        keys = packed.compactMap { Self.key($0[...]) }.sorted()
        longest = packed.map(\.count).max() ?? 0
    }

    /// The characters packed, or nil when they cannot be a member (more than four, or one
    /// outside the BMP).
    private static func key(_ scalars: ArraySlice<UInt32>) -> UInt64? {
        guard !scalars.isEmpty, scalars.count <= 4 else { return nil }
        var key: UInt64 = 0
        for value in scalars {
            guard value > 0, value < 0x10000 else { return nil }
            key = key << 16 | UInt64(value)
        }
        return key
    }

    /// Whether the characters are a member.
    func contains(_ scalars: ArraySlice<UInt32>) -> Bool {
        guard let key = Self.key(scalars) else { return false }
        return keys.binarySearch(key) != nil
    }

    /// Whether a member of `minimum` characters or more begins `scalars`.
    func containsPrefix(of scalars: ArraySlice<UInt32>, minimum: Int = 1) -> Bool {
        guard minimum <= longest else { return false }
        for length in minimum...longest where length <= scalars.count {
            if contains(scalars.prefix(length)) { return true }
        }
        return false
    }
}
