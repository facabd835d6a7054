/// `cjk-latin-spacing`: the space between Chinese characters and Latin letters or digits
/// (`美国 ATACMS 导弹` or `美国ATACMS导弹`). With a convention (`--spacing space|none`) every
/// boundary that breaks it is reported; without one, the boundaries of the whole document
/// are counted and the minority style is reported where one style is the clear majority
/// (the rules of punctuation-mixed).
final class CJKLatinSpacingCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .cjkLatinSpacing, defaultSeverity: .warning,
        summary: "spacing between Chinese and Latin letters or digits against the convention, or mixed in one file",
        isDocumentLevel: true,
        examples: [
            .triggering(nil, "美国↓ ATACMS导弹", typography: TypographyConvention(spacing: .noSpace)),
            .triggering(nil, "美国↓ATACMS 导弹", typography: TypographyConvention(spacing: .space)),
            .document([(nil, "2022年2月,G7开会。"), (nil, "2024年,ATACMS抵达。"), (nil, "美国↓ F-16战机。")], triggers: true),
            .document([(nil, "2022年2月,G7开会。"), (nil, "2024年,ATACMS抵达。")], triggers: false),
        ])

    private let environment: CheckEnvironment
    private let convention: TypographyConvention.Spacing?
    private var counts: FormCounts<Int>

    init(_ environment: CheckEnvironment) {
        self.environment = environment
        convention = environment.configuration.typography.spacing
        counts = FormCounts(placesPerForm: environment.configuration.placesPerForm)
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target else { return }
        for boundary in ChineseTypography.boundaries(in: Array(target.text.unicodeScalars)) {
            let range = boundary.offset..<(boundary.offset + 1)
            if let convention {
                guard boundary.isSpaced != (convention == .space) else { continue }
                findings.append(segment.finding(.cjkLatinSpacing, at: target.location(ofScalar: boundary.offset), side: .target,
                                                message: boundary.isSpaced ? "a space between Chinese and Latin text: the convention is none"
                                                                           : "no space between Chinese and Latin text: the convention is a space",
                                                context: segment.context(side: .target, range: range)))
            } else {
                counts.record(boundary.isSpaced ? 1 : 0,
                              place: segment.place(target.location(ofScalar: boundary.offset), targetRange: range, sourceRange: nil))
            }
        }
    }

    func finish(_ findings: inout [Finding]) {
        guard convention == nil, let verdict = counts.minorityPlaces() else { return }
        func name(_ form: Int) -> String { form == 1 ? "with a space" : "without a space" }
        for (form, count, places) in verdict.minority {
            for (k, place) in places.enumerated() {
                var message = "Chinese meets Latin text \(name(form)) here, \(name(verdict.majority)) elsewhere (×\(verdict.majorityCount) against ×\(count))"
                if k == places.count - 1, count > places.count { message += " (\(count - places.count) more not listed)" }
                findings.append(place.finding(.cjkLatinSpacing, severity: environment.severity(of: .cjkLatinSpacing), term: nil,
                                              found: nil, expected: [], conceptID: nil, message: message, renderings: []))
            }
        }
    }
}
