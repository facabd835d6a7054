/// A number written with digits: `2,000`, `2024年`'s 2024, `70%`'s 70, `55.6亿`.
struct WrittenNumber: Sendable, Hashable {
    /// As written (digits and separators only: `2,000`).
    var text: String
    /// Where it is in the scanned text, in Unicode scalars.
    var range: Range<Int>
    /// The values it may stand for, canonical (see ``NumberReading``): the number itself and,
    /// when a scale word follows (2 million, 200万), the scaled value.
    var values: [String]
}

/// A Latin-script word of a text, folded for comparison: upper case, hyphens removed
/// (ATACMS, G7, F16 for F-16).
struct LatinWord: Sendable, Hashable {
    var text: String
    var key: String
    var range: Range<Int>
    /// Whether a translation would carry it over unchanged: an acronym of two or more
    /// capitals (ATACMS, NATO) or a code mixing letters and digits (G7, F-16, GBU-57), not a
    /// dotted initialism (U.S.), not a Roman numeral (II), not a word in capitals for
    /// emphasis (NOT).
    var isCarriedOver: Bool
}

/// The numbers and Latin words of one text (check 5's raw material), found by one scan over
/// folded scalars (NFKC: full-width ２０２４ and ＡＴＡＣＭＳ read as ASCII), with the same
/// rules for English and Chinese. O(n); strings are built only for the tokens kept.
///
/// - Digits: `2,000` (a comma followed by exactly three digits), `3.5`, the short end of a
///   range of years (the 23 of `2022–23` is also 2023), then a unit or
///   suffix is left out (`2000磅`, `2024年`, `70%`, `1990s`, `21st`); a scale after it is
///   read (`2 million`, `200万`, `55.6亿`). A digit run glued to letters (`5G`, `G7`) is a
///   Latin code, not a number.
/// - Spelled numbers — English words (two, twenty, May, third) and Chinese numerals (两千,
///   二〇二四) — are read only on demand by ``spelledValues(of:)``: they can *match* a number
///   written in digits on the other side but never need a match themselves (一 and "a",
///   "one" are too often articles).
struct CarriedTokens: Sendable {
    var numbers: [WrittenNumber] = []
    var latinWords: [LatinWord] = []

    /// Scans `text`; `allWords` keeps every Latin word (the translation, to look tokens up),
    /// else only those carried over (the source).
    init(_ text: String, allWords: Bool) {
        self.init(folded: TextNormalizer.shared.foldedScalars(text), allWords: allWords)
    }

    /// Scans a text already folded scalar by scalar (``TextNormalizer``).
    init(folded: [UInt32], allWords: Bool) {
        let n = folded.count
        func isLetter(_ k: Int) -> Bool {
            k >= 0 && k < n && (0x41...0x5A ~= folded[k] || 0x61...0x7A ~= folded[k])
        }
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && 0x30...0x39 ~= folded[k] }
        func isAlphanumeric(_ k: Int) -> Bool { isLetter(k) || isDigit(k) }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            for k in range { view.append(Unicode.Scalar(folded[k]) ?? "\u{FFFD}") }
            return String(view)
        }
        /// The power of ten of a scale written after the number ending at `end`: Chinese
        /// scale characters straight after it (百万 is 10⁶), or an English scale word after a
        /// space.
        func scale(after end: Int) -> Int? {
            var k = end
            var power = 0
            while k < n, let scalar = Unicode.Scalar(folded[k]), let p = NumberReading.chineseScales[scalar] {
                power += p
                k += 1
            }
            if power > 0 { return power }
            while k < n, folded[k] == 0x20 { k += 1 }
            var e = k
            while isLetter(e) { e += 1 }
            return e > k && e - k <= 8 ? NumberReading.englishScales[string(k..<e).lowercased()] : nil
        }

        var i = 0
        while i < n {
            if isLetter(i) {
                // A Latin word with inner hyphens, dots and apostrophes (non-NATO, U.S., F-16).
                let start = i
                var capitals = 0, digits = 0, dots = false
                while i < n {
                    if isLetter(i) { if folded[i] <= 0x5A { capitals += 1 }; i += 1; continue }
                    if isDigit(i) { digits += 1; i += 1; continue }
                    let mark = folded[i]
                    if mark == 0x2D || mark == 0x2E || mark == 0x27 || mark == 0x2019 || mark == 0x2011, isAlphanumeric(i + 1) {
                        if mark == 0x2E { dots = true }
                        i += 1
                        continue
                    }
                    break
                }
                if allWords || (!dots && (capitals >= 2 || digits > 0)) {
                    addLatin(string(start..<i), at: start, allWords: allWords)
                }
                continue
            }
            if isDigit(i) {
                let start = i
                var sawDecimalPoint = false
                while i < n {
                    if isDigit(i) { i += 1; continue }
                    if folded[i] == 0x2C, isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) { i += 1; continue }
                    if folded[i] == 0x2E, !sawDecimalPoint, isDigit(i + 1) { sawDecimalPoint = true; i += 1; continue }
                    break
                }
                // Digits glued to letters: a code such as 5G or 3D, unless the letters are an
                // ordinal or plural suffix (21st, 1990s).
                if isLetter(i) {
                    var end = i
                    while isAlphanumeric(end) { end += 1 }
                    let suffix = string(i..<end).lowercased()
                    if !["st", "nd", "rd", "th", "s"].contains(suffix) {
                        addLatin(string(start..<end), at: start, allWords: allWords)
                        i = end
                        continue
                    }
                }
                let written = string(start..<i)
                if let value = NumberReading.canonical(written) {
                    var values = [value]
                    // The end of a range of years written short: the 23 of 2022–23 is 2023.
                    if i - start == 2, start >= 5, [0x2D, 0x2013, 0x2014, 0x2F].contains(folded[start - 1]),
                       (2...5).allSatisfy({ isDigit(start - $0) }), !isDigit(start - 6) {
                        values.append(string((start - 5)..<(start - 3)) + written)
                    }
                    if let power = scale(after: i) { values.append(NumberReading.scaled(value, byPowerOfTen: power)) }
                    numbers.append(WrittenNumber(text: written, range: start..<i, values: values))
                }
                continue
            }
            i += 1
        }
    }

    /// Adds the parts of a Latin word; a code mixing letters and digits stays whole (F-16).
    private mutating func addLatin(_ word: String, at start: Int, allWords: Bool) {
        // Most words: letters only, some in lower case — one part, never carried over.
        let utf8 = word.utf8
        if utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }), utf8.contains(where: { $0 >= 0x61 }) {
            if allWords {
                let key = String(decoding: utf8.map { $0 & 0xDF }, as: UTF8.self)
                latinWords.append(LatinWord(text: word, key: key, range: start..<(start + utf8.count), isCarriedOver: false))
            }
            return
        }
        let scalars = Array(word.unicodeScalars)
        let hasDigit = scalars.contains { 0x30...0x39 ~= $0.value }
        // The word's scalars are folded ASCII letters, digits and inner marks.
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { 0x41...0x5A ~= scalar.value || 0x61...0x7A ~= scalar.value }
        let hasLetter = scalars.contains(where: isLetter)
        if hasDigit && hasLetter && !scalars.contains(".") {
            latinWords.append(LatinWord(text: word, key: Self.key(word), range: start..<(start + scalars.count), isCarriedOver: true))
            return
        }
        var offset = start
        for part in scalars.split(separator: "-", omittingEmptySubsequences: false) {
            defer { offset += part.count + 1 }
            guard !part.isEmpty else { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: part)
            let text = String(view)
            let letters = part.filter(isLetter)
            let carried = !part.contains(".") && letters.count >= 2 && letters.allSatisfy { 0x41...0x5A ~= $0.value }
                && !Self.isRomanNumeral(text) && !Self.notCarried.contains(text)
                && !CEDICTEnglishIndex.stopWords.contains(text.lowercased()) && !Self.emphasis.contains(text.lowercased())
            if carried || allWords {
                latinWords.append(LatinWord(text: text, key: Self.key(text), range: offset..<(offset + part.count), isCarriedOver: carried))
            }
        }
    }

    /// The values of the numbers `text` spells out: English number words, ordinals and
    /// month names (two, twenty-four, third, May) and Chinese numerals (两千, 二〇二四).
    static func spelledValues(of text: String) -> Set<String> {
        var values = Set<String>()
        let normalizer = TextNormalizer.shared
        var run: [Int] = []            // consecutive English number words: "two thousand"
        var word = ""
        var numerals = ""
        func endWord() {
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if let value = NumberReading.englishWords[lower] {
                values.insert(String(value))
                run.append(value)
                if run.count > 1 { values.insert(String(combine(run))) }
            } else if lower != "and" {
                run = []
            }
            word = ""
        }
        func endNumerals() {
            guard !numerals.isEmpty else { return }
            if let value = NumberReading.chineseValue(numerals.unicodeScalars) { values.insert(value) }
            numerals = ""
        }
        for scalar in text.unicodeScalars {
            let value = normalizer.fold(scalar.value)
            guard let folded = Unicode.Scalar(value) else { continue }
            if 0x41...0x5A ~= value || 0x61...0x7A ~= value {
                endNumerals()
                word.unicodeScalars.append(folded)
            } else if normalizer.characterClass(of: value) == .han, NumberReading.isChineseNumeral(folded) {
                endWord()
                numerals.unicodeScalars.append(folded)
            } else {
                endWord()
                endNumerals()
                if normalizer.characterClass(of: value) != .whitespace && value != 0x2D { run = [] }
            }
        }
        endWord()
        endNumerals()
        return values
    }

    /// The comparison key of a Latin word: upper case, without hyphens and apostrophes.
    static func key(_ word: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in word.unicodeScalars where scalar != "-" && scalar != "'" && scalar != "\u{2019}" && scalar != "\u{2011}" {
            view.append(0x61...0x7A ~= scalar.value ? Unicode.Scalar(scalar.value - 0x20)! : scalar)
        }
        return String(view)
    }

    /// "two thousand" → 2000, "twenty four" → 24, "one hundred twenty" → 120.
    static func combine(_ values: [Int]) -> Int {
        var total = 0, current = 0
        for value in values {
            if value >= 1000 {
                total += max(current, 1) * value
                current = 0
            } else if value == 100 {
                current = max(current, 1) * 100
            } else {
                current += value
            }
        }
        return total + current
    }

    static func isRomanNumeral(_ word: String) -> Bool {
        word.unicodeScalars.count <= 4 && word.unicodeScalars.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
    }

    /// Capitals that translations do not carry over: country and bloc initials translated by
    /// convention (US → 美国, EU → 欧盟), times and eras.
    static let notCarried: Set<String> = ["AM", "PM", "OK", "US", "USA", "UK", "EU", "UN", "AD", "BC"]

    /// Common words written in capitals for emphasis (NOT, NEVER), which are not acronyms.
    static let emphasis: Set<String> = ["not", "no", "yes", "never", "all", "any", "only", "now", "very", "must",
                                        "will", "can", "new", "why", "how", "what", "who", "more", "most"]

    /// Whether most letters are capitals in a text of three words or more: a heading in
    /// capitals, whose words are not acronyms.
    static func isShouting(_ text: String) -> Bool {
        var upper = 0, letters = 0, words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { upper += 1 }
                if !inWord { words += 1; inWord = true }
            } else {
                inWord = false
            }
        }
        return words >= 3 && letters > 0 && Double(upper) / Double(letters) > 0.6
    }
}
