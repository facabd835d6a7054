/// A number as a value: exact (1,000,000 = 一百万 = one million), or approximate — a range
/// of magnitude (billions, 数十亿: from 10⁹ up to 10¹⁰) — found in English or Chinese
/// written in words: the part of number reading that digits alone miss (``CarriedTokens``
/// reads digits, with their scales: 3.5万 = 35,000).
struct Quantity: Sendable {
    /// As written (`a million`, `数十亿`, `两千`).
    var text: String
    /// Where it is, in Unicode scalars.
    var range: Range<Int>
    /// The exact value, canonical (see ``NumberReading``); nil for a range.
    var value: String?
    /// The range of an approximate quantity: `low ≤ x < high`.
    var low: Double
    var high: Double

    /// An exact quantity.
    init(text: String, range: Range<Int>, value: String) {
        self.text = text
        self.range = range
        self.value = value
        low = Double(value) ?? 0
        high = low
    }

    /// An approximate quantity.
    init(text: String, range: Range<Int>, low: Double, high: Double) {
        self.text = text
        self.range = range
        value = nil
        self.low = low
        self.high = high
    }

    /// Whether this and `other` can be the same number: equal exact values; an exact value
    /// within a range; overlapping ranges.
    func agrees(with other: Quantity) -> Bool {
        switch (value, other.value) {
        case let (a?, b?): return a == b
        case (_?, nil): return other.low <= low && low < other.high
        case (nil, _?): return low <= other.low && other.low < high
        case (nil, nil): return low < other.high && other.low < high
        }
    }

    /// Whether a written number (its possible values) can be this quantity.
    func agrees(with number: WrittenNumber) -> Bool {
        number.values.contains { agrees(with: Quantity(text: "", range: 0..<0, value: $0)) }
    }

    /// How it reads in a message: the text, and for a range its span (`10–100 billion`).
    var description: String {
        guard value == nil else { return text }
        return "\(text) (\(Self.magnitudeName(low))–\(Self.magnitudeName(high)))"
    }

    /// 10 to the `power`.
    static func pow10(_ power: Int) -> Double { (0..<max(0, power)).reduce(1.0) { value, _ in value * 10 } }

    static func magnitudeName(_ x: Double) -> String {
        for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")] where x >= scale {
            let n = x / scale
            return "\(n == n.rounded() ? String(Int(n)) : String(n)) \(name)"
        }
        return x == x.rounded() ? String(Int(x)) : String(x)
    }
}

/// Reads the quantities written in words that a translation must keep: English number words
/// with a scale (a million, two thousand, several billion), plural magnitudes (billions,
/// tens of billions, hundreds of thousands), months in dates (April 2024: 4), and Chinese numerals of a thousand or more or
/// with a leading digit (两千, 一百万, 二百), approximate magnitudes (数十亿, 几百万, 上万,
/// 成千上万) and 多 (三十多万). Small spelled numbers (two, 四) are not read here: they may
/// satisfy a number but are never required (see `Docs/Checking.md`).
enum QuantityReading {
    // MARK: English

    static let units = WordMap<Int>([
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ])
    static let scales = WordMap<Double>(["hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12])
    static let pluralScales = WordMap<Double>(["hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                                                 "trillions": 1e12, "dozens": 10, "tens": 10])
    static let vague = WordSet(["several", "few", "some", "many"])
    static let months = WordMap<Int>([
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ])

    /// The English quantities in words of `text`, whose words (``EnglishWords``) are `words`.
    static func english(_ text: String, words: [EnglishWord]) -> [Quantity] {
        var result: [Quantity] = []
        var k = 0
        func span(_ a: Int, _ b: Int) -> (String, Range<Int>) {
            let range = words[a].range.scalars.lowerBound..<words[b].range.scalars.upperBound
            return (SegmentAnalysis.substring(text, range), range)
        }
        while k < words.count {
            let w = words[k].folded
            // Plural magnitudes: billions, tens of billions, hundreds of thousands.
            if let base = pluralScales[w] {
                var magnitude = base
                var end = k
                if (w == "tens" || w == "hundreds" || w == "dozens"), k + 2 < words.count, words[k + 1].folded == "of",
                   let outer = pluralScales[words[k + 2].folded], outer >= 1e3 {
                    magnitude = base * outer
                    end = k + 2
                }
                let followedByNumberWord = k + 1 < words.count && (scales[words[k + 1].folded] != nil)
                if !followedByNumberWord, !(k > 0 && words[k - 1].folded.first?.isNumber == true) {
                    let (t, r) = span(k, end)
                    result.append(Quantity(text: t, range: r, low: magnitude, high: magnitude * 10))
                    k = end + 1
                    continue
                }
            }
            // Several / a few + scale: several billion.
            if vague.contains(w) || (w == "a" && k + 1 < words.count && words[k + 1].folded == "few") {
                let next = w == "a" ? k + 2 : k + 1
                if next < words.count, let scale = scales[words[next].folded], scale >= 1e3 {
                    let (t, r) = span(k, next)
                    result.append(Quantity(text: t, range: r, low: 2 * scale, high: 10 * scale))
                    k = next + 1
                    continue
                }
            }
            // A month in a date (April 2024, 12 April, April 12): its number.
            if let month = months[w], w.count >= 3 {
                let neighbours = [k - 1, k + 1].filter { $0 >= 0 && $0 < words.count }.map { words[$0].folded }
                if neighbours.contains(where: { word in
                    guard let n = Int(word) else { return false }
                    return (1...31).contains(n) || (1000...2999).contains(n)
                }) {
                    let (t, r) = span(k, k)
                    result.append(Quantity(text: t, range: r, value: String(month)))
                    k += 1
                    continue
                }
            }
            // Number words with a scale: a million, two thousand five hundred.
            if units[w] != nil || ((w == "a" || w == "an") && k + 1 < words.count && scales[words[k + 1].folded] != nil) {
                var total = 0.0, current = 0.0, end = k - 1, sawScale = false
                var j = k
                while j < words.count {
                    let x = words[j].folded
                    if let unit = units[x] { current += Double(unit) }
                    else if x == "a" || x == "an", j == k { current = 1 }
                    else if let scale = scales[x] {
                        sawScale = true
                        if scale == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * scale; current = 0 }
                    } else if x == "and", j + 1 < words.count, units[words[j + 1].folded] != nil, sawScale { j += 1; continue }
                    else { break }
                    end = j
                    j += 1
                }
                let value = total + current
                if sawScale, value >= 100, end >= k, let canonical = NumberReading.canonical(String(Int(value))) {
                    let (t, r) = span(k, end)
                    result.append(Quantity(text: t, range: r, value: canonical))
                    k = end + 1
                    continue
                }
            }
            k += 1
        }
        return result
    }

    // MARK: Chinese

    /// Characters that make a numeral run approximate when written before it.
    static let approximators: Set<Unicode.Scalar> = ["数", "几", "上"]
    /// Characters after 千万/万万 that make them an adverb (千万不要: by all means don't).
    static let adverbialFollowers: Set<Unicode.Scalar> = ["不", "别", "要", "莫", "记", "小", "注", "勿", "可", "得", "务"]
    private static let digitCharacters: Set<Unicode.Scalar> = Set("一二两三四五六七八九".unicodeScalars)

    /// The Chinese quantities in numerals of a text folded scalar by scalar (``TextNormalizer``).
    static func chinese(folded: [UInt32]) -> [Quantity] {
        guard folded.contains(where: NumberReading.isChineseNumeral) else { return [] }
        let characters = folded.map { Unicode.Scalar($0) ?? " " }
        var result: [Quantity] = []
        var i = 0
        while i < characters.count {
            guard NumberReading.isChineseNumeral(characters[i]) else { i += 1; continue }
            var j = i
            while j < characters.count, NumberReading.isChineseNumeral(characters[j]) { j += 1 }
            defer { i = j }
            // Digits glued before (3.5万) are read with the digits.
            if i > 0, ("0"..."9").contains(characters[i - 1]) || characters[i - 1] == "." { continue }
            let run = characters[i..<j]
            let start = i
            func written(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(characters[range])) }
            // 成千上万: thousands to tens of thousands.
            if i > 0, characters[i - 1] == "成", run.first == "千", j + 1 < characters.count, characters[j] == "上" {
                result.append(Quantity(text: "成千上万", range: (i - 1)..<min(characters.count, j + 2), low: 1e3, high: 1e5))
                j = min(characters.count, j + 2)
                continue
            }
            if run.count >= 2, run[i + 1] == "万", run[i] == "千" || run[i] == "万", j < characters.count,
               adverbialFollowers.contains(characters[j]) { continue }
            let approximate = i > 0 && approximators.contains(characters[i - 1])
            // 三十多万: the run, 多, then its scale: from 30万 up to 40万.
            var moreThan: (base: Double, step: Double, power: Int)?
            if j + 1 < characters.count, characters[j] == "多", let power = NumberReading.chineseScales[characters[j + 1]], power >= 4,
               let base = NumberReading.chineseValue(run).flatMap(Double.init) {
                let last = characters[j - 1]
                let step: Double = last == "十" ? 10 : last == "百" ? 100 : last == "千" ? 1000 : 1
                moreThan = (base, step, power)
                j += 2
            }
            let hasDigit = run.contains(where: digitCharacters.contains)
            let range = (approximate ? start - 1 : start)..<j
            if let moreThan {
                let scale = Quantity.pow10(moreThan.power)
                result.append(Quantity(text: written(range), range: range, low: moreThan.base * scale, high: (moreThan.base + moreThan.step) * scale))
                continue
            }
            if approximate {
                // 数十亿: the unit after 数 sets the low end, ten times it the high end.
                let bare: [String: Double] = ["万": 1e4, "亿": 1e8, "万亿": 1e12]
                if let value = bare[written(start..<j)] ?? NumberReading.chineseValue(run).flatMap(Double.init), value >= 10 {
                    result.append(Quantity(text: written(range), range: range, low: value, high: value * 10))
                }
                continue
            }
            guard let canonical = NumberReading.chineseValue(run), let value = Double(canonical) else { continue }
            guard value >= 1000 || (value >= 100 && hasDigit) else { continue }
            result.append(Quantity(text: written(range), range: range, value: canonical))
        }
        return result
    }
}
