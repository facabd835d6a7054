/// `punctuation-mixed`: one kind of mark written in both widths in the Chinese of one file
/// — a full-width ， among ASCII commas, ( among （ — with no convention chosen. For each
/// kind (comma, colon, semicolon, question mark, exclamation mark, opening bracket) the
/// forms between Chinese characters are counted over the whole document; when one form has
/// at least four occurrences and the other at most a quarter of all, the other's places
/// are reported (the first eight, then a count). A file that consistently writes ASCII
/// `,` `:` `;` — as the sample corpus and the seed compilation do — gives nothing; so does
/// a file that mixes evenly (no majority to follow).
final class PunctuationMixedCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .punctuationMixed, defaultSeverity: .warning,
        summary: "a mark written in both widths in one file's Chinese (a full-width ， among ASCII commas)",
        isDocumentLevel: true,
        examples: [
            .document([(nil, "美国的准盟友越来越多,成本也在上升。"), (nil, "华盛顿提供武器,却不提供保障。"),
                       (nil, "乌克兰和以色列的经验表明,预期落差将暴露无遗。"), (nil, "拜登暂停交付,特朗普随后恢复↓，内塔尼亚胡抗议。")],
                      triggers: true),
            .document([(nil, "美国的准盟友越来越多,成本也在上升。"), (nil, "华盛顿提供武器,却不提供保障。")], triggers: false),
        ])

    private let environment: CheckEnvironment
    private var counts: [ChineseTypography.MarkClass: FormCounts<Int>] = [:]

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard environment.configuration.typography.punctuation == nil, let target = segment.target else { return }
        for mark in ChineseTypography.marks(in: Array(target.text.unicodeScalars)) {
            counts[mark.kind, default: FormCounts(placesPerForm: environment.configuration.placesPerForm)].record(
                mark.isFullWidth ? 1 : 0,
                place: segment.place(target.location(ofScalar: mark.offset), targetRange: mark.offset..<(mark.offset + 1), sourceRange: nil))
        }
    }

    func finish(_ findings: inout [Finding]) {
        for kind in ChineseTypography.MarkClass.allCases {
            guard let verdict = counts[kind]?.minorityPlaces() else { continue }
            let forms = kind.forms
            func name(_ form: Int) -> String { form == 1 ? "full-width \(forms.full)" : "ASCII \(forms.ascii)" }
            for (form, count, places) in verdict.minority {
                for (k, place) in places.enumerated() {
                    var message = "\(name(form)) among \(name(verdict.majority)): this file writes \(name(verdict.majority)) ×\(verdict.majorityCount), \(name(form)) ×\(count)"
                    if k == places.count - 1, count > places.count { message += " (\(count - places.count) more not listed)" }
                    let found = String(form == 1 ? forms.full : forms.ascii), expected = String(verdict.majority == 1 ? forms.full : forms.ascii)
                    findings.append(place.finding(.punctuationMixed, severity: environment.severity(of: .punctuationMixed), term: nil,
                                                  found: found, expected: [expected], conceptID: nil, message: message, renderings: []))
                }
            }
        }
    }
}
