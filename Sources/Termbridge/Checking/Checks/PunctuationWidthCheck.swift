/// `punctuation-width`: punctuation of the wrong width. Always: full-width punctuation in
/// the English (，：；？！（）). With a convention (`--punctuation full|half`): every comma,
/// colon, semicolon, question or exclamation mark and bracket of the other width between
/// Chinese characters. Without a convention nothing in the Chinese is imposed; mixing
/// within the file is punctuation-mixed's.
final class PunctuationWidthCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .punctuationWidth, defaultSeverity: .warning,
        summary: "punctuation of the wrong width: full-width in the English, or against the chosen convention in the Chinese",
        examples: [
            .triggering("Biden paused↓，then resumed.", "拜登暂停,随后恢复。"),
            .triggering(nil, "拜登暂停↓,随后恢复。", typography: TypographyConvention(punctuation: .full)),
            .triggering(nil, "拜登暂停↓，随后恢复。", typography: TypographyConvention(punctuation: .half)),
            .nonTriggering(nil, "拜登暂停,随后恢复。", note: "without a convention the file's own style is not judged"),
            .nonTriggering(nil, "拜登暂停，随后恢复2,000磅炸弹（ATACMS）。", note: "2,000 is a number",
                           typography: TypographyConvention(punctuation: .full)),
        ])

    private let convention: TypographyConvention.PunctuationWidth?

    init(_ environment: CheckEnvironment) {
        convention = environment.configuration.typography.punctuation
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        if let source = segment.source {
            for (k, scalar) in source.text.unicodeScalars.enumerated() where scalar.value >= 0xFF01 && scalar.value <= 0xFF1F {
                let mark = ChineseTypography.MarkClass.of(scalar)
                guard mark?.1 == true || scalar == "）" else { continue }
                let ascii = mark?.0.forms.ascii ?? ")"
                findings.append(segment.finding(.punctuationWidth, at: source.location(ofScalar: k), side: .source, found: String(scalar),
                                                expected: [String(ascii)], message: "full-width \(scalar) in the English: use \(ascii)",
                                                context: segment.context(side: .source, range: k..<(k + 1))))
            }
        }
        guard let convention, let target = segment.target else { return }
        let wantFull = convention == .full
        for mark in ChineseTypography.marks(in: Array(target.text.unicodeScalars)) where mark.isFullWidth != wantFull {
            let forms = mark.kind.forms
            let (found, expected) = wantFull ? (forms.ascii, forms.full) : (forms.full, forms.ascii)
            findings.append(segment.finding(.punctuationWidth, at: target.location(ofScalar: mark.offset), side: .target,
                                            found: String(found), expected: [String(expected)],
                                            message: "\(found) in Chinese text: the convention is \(wantFull ? "full-width" : "ASCII") \(expected)",
                                            context: segment.context(side: .target, range: mark.offset..<(mark.offset + 1))))
        }
    }
}
