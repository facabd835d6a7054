/// `repeated-word`: a word written twice in a row — 建立建立, 的的, "the the" — in the Chinese
/// (and English words in either side).
///
/// Chinese reduplicates on purpose, so a doubled span is reported only when:
/// - it is whole words of the segmenter on both halves (看看 and 常常 are one word; 的的确确
///   is not cut after the second 的);
/// - it is not a reduplicable form: a character that doubles (看看, 常常, 人人, 天天: the
///   built-in list, or a CC-CEDICT headword AA when CC-CEDICT is loaded), a verb that doubles as
///   ABAB (研究研究, 讨论讨论: the built-in list), AABB (高高兴兴), or 一AA (一步步, 一次次);
/// - a character never doubled on purpose (的, 了, 是, 在, …) is reported even when the
///   dictionary lists the pair (了了).
///
/// English: two identical words with only white space between, except "had had" and
/// "that that".
final class RepeatedWordCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .repeatedWord, defaultSeverity: .warning,
        summary: "a word written twice in a row (建立建立, 的的, “the the”)",
        examples: [
            .triggering("We must build a mechanism.", "我们必须建立↓建立机制。"),
            .triggering(nil, "这是美国的↓的准盟友。"),
            .triggering("The cost of the ↓the alliance.", "同盟的代价。"),
            .nonTriggering(nil, "他看看书,常常来,我们研究研究。"),
            .nonTriggering(nil, "的的确确,大家高高兴兴,一步步来。"),
            .nonTriggering("He said that that policy had had its day.", "他说那项政策已经过时了。"),
        ])

    private let lexicon: CEDICTLexicon?

    init(_ environment: CheckEnvironment) {
        lexicon = environment.lexicon
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        if let target = segment.target {
            checkChinese(segment, target, &findings)
            checkEnglish(segment, target, words: segment.targetEnglishWords, side: .target, &findings)
        }
        if let source = segment.source { checkEnglish(segment, source, words: segment.sourceWords, side: .source, &findings) }
    }

    private func checkChinese(_ segment: SegmentAnalysis, _ target: SegmentText, _ findings: inout [Finding]) {
        let folded = segment.foldedTarget
        let normalizer = TextNormalizer.shared
        func isHan(_ k: Int) -> Bool { normalizer.characterClass(of: folded[k]) == .han }
        // A cheap scan first: doubled runs of 1 to 4 Han characters. Segmenting only when one is found.
        var candidates: [(start: Int, length: Int)] = []
        var i = 0
        while i < folded.count {
            for length in 1...4 where i + 2 * length <= folded.count {
                if (0..<length).allSatisfy({ folded[i + $0] == folded[i + length + $0] && isHan(i + $0) }) {
                    candidates.append((i, length))
                    break
                }
            }
            i += 1
        }
        guard !candidates.isEmpty else { return }
        let boundaries = Set(segment.chineseWords.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        var reportedUntil = -1
        for (start, length) in candidates where start >= reportedUntil {
            guard boundaries.contains(start), boundaries.contains(start + length), boundaries.contains(start + 2 * length) else { continue }
            let unit = String(String.UnicodeScalarView(folded[start..<(start + length)].compactMap(Unicode.Scalar.init)))
            guard !isReduplication(unit, at: start, in: folded) else { continue }
            reportedUntil = start + 2 * length
            let range = (start + length)..<(start + 2 * length)
            let written = SegmentAnalysis.substring(target.text, start..<(start + 2 * length))
            findings.append(segment.finding(.repeatedWord, at: target.location(ofScalar: range.lowerBound), side: .target,
                                            term: SegmentAnalysis.substring(target.text, range), found: written,
                                            message: "\(SegmentAnalysis.substring(target.text, range)) is written twice (\(written))",
                                            context: segment.context(side: .target, range: range)))
        }
    }

    /// Whether the doubled `unit` at `start` is a reduplication Chinese makes on purpose.
    private func isReduplication(_ unit: String, at start: Int, in folded: [UInt32]) -> Bool {
        let scalars = Array(unit.unicodeScalars)
        if scalars.count == 1 {
            if Self.neverDoubled.contains(unit) { return false }
            if Self.doublingCharacters.contains(unit) { return true }
            if let lexicon, lexicon.contains(unit + unit) { return true }
            // 一AA (一步步) and AABB (高高兴兴).
            if start > 0, folded[start - 1] == 0x4E00 { return true }
            let next = start + 2
            if next + 1 < folded.count, folded[next] == folded[next + 1], folded[next] != folded[start] { return true }
            if start >= 2, folded[start - 2] == folded[start - 1], folded[start - 1] != folded[start] { return true }
            return false
        }
        if scalars.count == 2, Self.doublingVerbs.contains(unit) { return true }
        if let lexicon, lexicon.contains(unit + unit) { return true }
        return false
    }

    private func checkEnglish(_ segment: SegmentAnalysis, _ text: SegmentText, words: [EnglishWord], side: SegmentSide,
                              _ findings: inout [Finding]) {
        guard words.count > 1 else { return }
        var decoded: [Unicode.Scalar]?   // the text's scalars, decoded at the first doubled word
        for k in 1..<words.count where words[k].folded == words[k - 1].folded && !Self.englishDoubles.contains(words[k].folded) {
            let scalars = decoded ?? Array(text.text.unicodeScalars)
            decoded = scalars
            let gap = words[k - 1].range.scalars.upperBound..<words[k].range.scalars.lowerBound
            guard !gap.isEmpty, scalars[gap].allSatisfy({ $0.properties.isWhitespace }),
                  words[k].folded.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            let range = words[k].range.scalars
            findings.append(segment.finding(.repeatedWord, at: text.location(ofScalar: range.lowerBound), side: side,
                                            term: words[k].text, found: "\(words[k - 1].text) \(words[k].text)",
                                            message: "“\(words[k].text)” is written twice",
                                            context: segment.context(side: side, range: range)))
        }
    }

    /// English words that may follow themselves.
    static let englishDoubles: Set<String> = ["had", "that", "is", "do", "bye", "very", "no", "so", "ha", "well"]

    /// Characters that are doubled on purpose: adverbs (常常, 刚刚, 渐渐), "every" (人人, 天天,
    /// 个个), verbs tried out (看看, 想想), kinship and sound words.
    static let doublingCharacters: Set<String> = Set(("常 刚 渐 往 偏 仅 稍 悄 慢 好 多 早 足 统 时 处 步 层 重 纷 频 屡 默 深 紧 静 轻 微 久 明 白 "
        + "人 天 年 月 日 个 家 户 事 条 件 次 句 声 样 片 点 滴 位 "
        + "看 想 说 走 等 试 听 问 找 谈 聊 写 读 学 做 玩 笑 哭 跑 跳 坐 尝 查 比 算 数 "
        + "妈 爸 哥 姐 弟 妹 爷 奶 叔 婶 舅 姑 宝 星 谢 哈 呵 嘻 一").split(separator: " ").map(String.init))

    /// Characters never doubled on purpose in running text.
    static let neverDoubled: Set<String> = ["的", "了", "是", "在", "和", "与", "对", "把", "被", "将", "也", "都", "就", "而",
                                            "及", "或", "从", "向", "为", "以", "于", "其", "之", "这", "那", "我", "他", "她",
                                            "它", "不", "没", "有", "要", "会", "能", "让", "使", "但", "却", "并", "更", "最"]

    /// Two-character verbs doubled on purpose (ABAB: try, briefly).
    static let doublingVerbs: Set<String> = Set(("研究 讨论 考虑 学习 商量 休息 认识 了解 打听 活动 锻炼 收拾 整理 介绍 准备 检查 "
        + "调查 比较 练习 交流 沟通 琢磨 思考 体验 尝试 打扫 清理 放松 散步 参观 观察 分析 总结 反思 表扬 批评 帮助 关心 "
        + "照顾 安慰 鼓励 提醒 解释 说明 试验 试试 看看 想想 合计 盘算 掂量 斟酌 打量 溜达 高兴 热闹 暖和 凉快").split(separator: " ").map(String.init))
}
