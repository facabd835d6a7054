/// The punctuation marks of a Chinese text that have an ASCII and a full-width form, and
/// the boundaries between Chinese and Latin letters or digits: what the typography checks
/// count and compare.
enum ChineseTypography {
    /// A kind of mark, with its two forms.
    enum MarkClass: String, CaseIterable, Sendable {
        case comma, colon, semicolon, question, exclamation, parenthesis

        /// The ASCII form and the full-width form.
        var forms: (ascii: Unicode.Scalar, full: Unicode.Scalar) {
            switch self {
            case .comma: (",", "，")
            case .colon: (":", "：")
            case .semicolon: (";", "；")
            case .question: ("?", "？")
            case .exclamation: ("!", "！")
            case .parenthesis: ("(", "（")
            }
        }

        /// The kind of `scalar` and whether it is the full-width form; nil for other scalars
        /// (`)` and `）` too: closing parentheses follow their openers). Read from ``forms``,
        /// after a range test that most scalars of both sides fail: no table, no hashing.
        static func of(_ scalar: Unicode.Scalar) -> (MarkClass, Bool)? {
            // Every form is in ! … ? or ！ … ？.
            guard (0x21...0x3F).contains(scalar.value) || (0xFF01...0xFF1F).contains(scalar.value) else { return nil }
            for kind in allCases {
                let forms = kind.forms
                if scalar == forms.ascii { return (kind, false) }
                if scalar == forms.full { return (kind, true) }
            }
            return nil
        }
    }

    /// One mark between Chinese characters.
    struct Mark {
        var kind: MarkClass
        var isFullWidth: Bool
        var offset: Int
    }

    /// One place where Chinese meets a Latin letter or a digit.
    struct Boundary {
        /// Whether one space separates them.
        var isSpaced: Bool
        /// The offset of the first character after the Chinese (or of the space).
        var offset: Int
    }

    /// Whether `scalar` is a Han character (Unicode's Ideographic property), from
    /// ``TextNormalizer``'s class table.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        TextNormalizer.shared.characterClass(of: scalar.value) == .han
    }
    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x303F).contains(scalar.value) || (0xFF01...0xFF0F).contains(scalar.value) || "“”‘’".unicodeScalars.contains(scalar)
    }
    static func isLatinOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let v = TextNormalizer.shared.fold(scalar.value)
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// The marks of `text` that sit in Chinese: the nearest character before (spaces
    /// skipped) is a Han character or Chinese punctuation — or, for an ASCII mark, the
    /// nearest after is a Han character and the nearest before is no Latin letter or digit
    /// (a comma in `2,000` or `U.S.,` is English).
    static func marks(in scalars: [Unicode.Scalar]) -> [Mark] {
        var result: [Mark] = []
        for (k, scalar) in scalars.enumerated() {
            guard let (kind, full) = MarkClass.of(scalar) else { continue }
            var before = k - 1
            while before >= 0, scalars[before] == " " { before -= 1 }
            var after = k + 1
            while after < scalars.count, scalars[after] == " " { after += 1 }
            let previous = before >= 0 ? scalars[before] : nil
            let next = after < scalars.count ? scalars[after] : nil
            let chineseBefore = previous.map { isHan($0) || isCJKPunctuation($0) } ?? false
            let chineseAfter = next.map(isHan) ?? false
            let latinBefore = previous.map { isLatinOrDigit($0) || $0 == "." } ?? false
            if full ? (chineseBefore || chineseAfter) : (chineseBefore || (chineseAfter && !latinBefore)) {
                result.append(Mark(kind: kind, isFullWidth: full, offset: k))
            }
        }
        return result
    }

    /// Where Han characters meet Latin letters or digits, with or without one space.
    static func boundaries(in scalars: [Unicode.Scalar]) -> [Boundary] {
        var result: [Boundary] = []
        for k in 1..<max(1, scalars.count) {
            let a = scalars[k - 1], b = scalars[k]
            // Latin or digit first: the cheaper test, and false for most pairs of Chinese text.
            if (isLatinOrDigit(b) && isHan(a)) || (isLatinOrDigit(a) && isHan(b)) {
                result.append(Boundary(isSpaced: false, offset: k))
            } else if b == " ", k + 1 < scalars.count {
                let c = scalars[k + 1]
                if (isLatinOrDigit(c) && isHan(a)) || (isLatinOrDigit(a) && isHan(c)) {
                    result.append(Boundary(isSpaced: true, offset: k))
                }
            }
        }
        return result
    }
}

/// Counts of the forms of one kind of thing across a document, with the first places of
/// each, to report the forms used less where one form is the document's clear majority
/// (``minorityPlaces(minimumMajority:maximumShare:)``). Memory: O(forms × places kept).
struct FormCounts<Form: Hashable & Comparable> {
    private(set) var counts: [Form: Int] = [:]
    private(set) var places: [Form: [RecordedPlace]] = [:]
    let placesPerForm: Int

    init(placesPerForm: Int) {
        self.placesPerForm = placesPerForm
    }

    mutating func record(_ form: Form, place: @autoclosure () -> RecordedPlace) {
        counts[form, default: 0] += 1
        if places[form, default: []].count < placesPerForm { places[form, default: []].append(place()) }
    }

    /// The majority form and the places of every other form, when the majority has at least
    /// `minimumMajority` occurrences and the others together at most `maximumShare` of all:
    /// a document that mostly writes one way and slips into the other. Forms in their
    /// `Comparable` order; nil when there is no such minority.
    func minorityPlaces(minimumMajority: Int = 4, maximumShare: Double = 0.25)
        -> (majority: Form, majorityCount: Int, minority: [(form: Form, count: Int, places: [RecordedPlace])])? {
        let forms = counts.keys.sorted()
        guard forms.count > 1, let majority = forms.max(by: { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }) else { return nil }
        let total = counts.values.reduce(0, +), top = counts[majority] ?? 0
        guard top >= minimumMajority, Double(total - top) <= maximumShare * Double(total) else { return nil }
        return (majority, top, forms.filter { $0 != majority }.map { ($0, counts[$0] ?? 0, places[$0] ?? []) })
    }
}
