/// Values of numbers, as canonical decimal strings: no thousands separators, no leading
/// zeros, no trailing fractional zeros (`2,000` → `2000`, `3.50` → `3.5`, `007` → `7`). Kept
/// as strings so that 2,000,000,000,000 and 0.1 compare exactly.
enum NumberReading {
    /// The canonical value of an ASCII number with `,` separators and an optional `.` fraction.
    static func canonical(_ digits: String) -> String? {
        var integer = "", fraction = ""
        var inFraction = false
        for character in digits {
            if character == "," { continue }
            if character == "." { if inFraction { return nil }; inFraction = true; continue }
            guard character.isASCII, character.isNumber else { return nil }
            if inFraction { fraction.append(character) } else { integer.append(character) }
        }
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if integer.isEmpty { integer = "0" }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }

    /// `value` × 10^`power`, canonical (`1.2` × 10⁴ → `12000`).
    static func scaled(_ value: String, byPowerOfTen power: Int) -> String {
        let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var fraction = parts.count > 1 ? parts[1] : ""
        for _ in 0..<power {
            if let first = fraction.first { integer.append(first); fraction.removeFirst() } else { integer.append("0") }
        }
        return canonical(fraction.isEmpty ? integer : integer + "." + fraction) ?? value
    }

    // MARK: Chinese numerals

    // Keyed by scalar: hashing a scalar is cheap, a `Character` (a grapheme cluster) is not.
    private static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let chineseUnits: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
    private static let chineseGroups: [Unicode.Scalar: Int] = ["万": 10_000, "亿": 100_000_000]

    /// Whether `scalar` can be part of a number written in Chinese numerals (the keys of the
    /// digit, unit and group tables; a switch, since it is asked of every character).
    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿": true
        default: false
        }
    }

    /// Whether the folded scalar value `value` can be part of a number in Chinese numerals.
    static func isChineseNumeral(_ value: UInt32) -> Bool {
        Unicode.Scalar(value).map(isChineseNumeral) ?? false
    }

    /// The value of a run of Chinese numerals: 两千 → 2000, 七十 → 70, 一百二十 → 120, 五十五亿 →
    /// 5500000000; a run of digit characters alone is read digit by digit (二〇二四 → 2024,
    /// as years are written). Nil when the run is not a number (亿 alone, overflow).
    static func chineseValue(_ run: some Collection<Unicode.Scalar>) -> String? {
        guard !run.isEmpty else { return nil }
        if run.count > 1, run.allSatisfy({ chineseDigits[$0] != nil }) {
            return canonical(run.map { String(chineseDigits[$0] ?? 0) }.joined())
        }
        var total = 0, group = 0, digit = -1
        var sawDigitOrUnit = false
        for character in run {
            if let d = chineseDigits[character] {
                digit = d
                sawDigitOrUnit = true
            } else if let unit = chineseUnits[character] {
                let (product, overflow) = max(digit, 1).multipliedReportingOverflow(by: unit)
                guard !overflow else { return nil }
                group += product
                digit = -1
                sawDigitOrUnit = true
            } else if let scale = chineseGroups[character] {
                guard sawDigitOrUnit else { return nil }
                let (product, overflow) = (group + max(digit, 0)).multipliedReportingOverflow(by: scale)
                guard !overflow else { return nil }
                total += product
                group = 0
                digit = -1
            }
        }
        return String(total + group + max(digit, 0))
    }

    // MARK: English number words

    /// Values of English number words, ordinals and month names (months satisfy the 5 of
    /// 2024年5月).
    static let englishWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "dozen": 12, "once": 1, "twice": 2, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
        "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 2, "percent": 100,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Powers of ten of the English scale words written after a number (2 million).
    static let englishScales: [String: Int] = ["thousand": 3, "million": 6, "billion": 9, "trillion": 12]
    /// Powers of ten of the Chinese scale characters written after a number (200万, 55.6亿).
    static let chineseScales: [Unicode.Scalar: Int] = ["十": 1, "百": 2, "千": 3, "万": 4, "亿": 8]
}
