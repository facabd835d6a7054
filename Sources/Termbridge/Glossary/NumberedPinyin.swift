extension Pinyin {
    /// Pinyin with tone marks from numbered syllables, as CC-CEDICT writes readings:
    /// `zhun3 meng2 you3` → `zhǔn méng yǒu`.
    ///
    /// - `u:` and `v` are ü (`lu:4` → `lǜ`, `nv3` → `nǚ`); tone 5 is the neutral tone, left
    ///   unmarked (`le5` → `le`); capitals stay (`Zhong1 guo2` → `Zhōng guó`, `Ou1` → `Ōu`).
    /// - The mark goes where pinyin puts it: on `a` or `e` when present, on the `o` of `ou`,
    ///   otherwise on the last vowel (`gui4` → `guì`, `liu2` → `liú`); syllabic `m`, `n`,
    ///   `ng` take it on the `m` or `n` (`ng2` → `ńg`).
    /// - Tokens that are not a syllable with a tone number (`A`, `·`, `,`, `tuh-ku`) pass
    ///   through unchanged. Syllables stay separated by single spaces.
    public static func toneMarked(fromNumbered numbered: String) -> String {
        numbered.split(separator: " ").map { toneMarked(syllable: $0) }.joined(separator: " ")
    }

    /// One numbered syllable with its tone mark; anything else unchanged.
    static func toneMarked(syllable token: Substring) -> String {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 2, let tone = Int(String(scalars[scalars.count - 1])), (1...5).contains(tone) else {
            return String(token)
        }
        // The letters, with u: and v as ü.
        var letters: [Character] = []
        var k = 0
        while k < scalars.count - 1 {
            let s = scalars[k]
            if (s == "u" || s == "U"), k + 1 < scalars.count - 1, scalars[k + 1] == ":" {
                letters.append(s == "u" ? "ü" : "Ü")
                k += 2
                continue
            }
            if s == "v" { letters.append("ü") }
            else if s == "V" { letters.append("Ü") }
            else if s.isASCII, s.properties.isAlphabetic { letters.append(Character(s)) }
            else { return String(token) }
            k += 1
        }
        guard tone != 5 else { return String(letters) }
        let lower = letters.map { Character($0.lowercased()) }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "ü"]
        let position: Int? =
            lower.firstIndex(of: "a")
            ?? lower.firstIndex(of: "e")
            ?? lower.indices.first { lower[$0] == "o" && $0 + 1 < lower.count && lower[$0 + 1] == "u" }
            ?? lower.lastIndex { vowels.contains($0) }
            ?? lower.firstIndex { $0 == "m" || $0 == "n" }
        guard let position, let marks = toneMarks[letters[position]] else { return String(token) }
        letters[position] = marks[tone - 1]
        return String(letters)
    }

    /// Each markable letter with tones 1 to 4. `m` and `n` have no precomposed first (and
    /// for `m`, third and fourth) tone, so those are letter + combining mark.
    private static let toneMarks: [Character: [Character]] = [
        "a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
        "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "ü": ["ǖ", "ǘ", "ǚ", "ǜ"],
        "A": ["Ā", "Á", "Ǎ", "À"], "E": ["Ē", "É", "Ě", "È"], "I": ["Ī", "Í", "Ǐ", "Ì"],
        "O": ["Ō", "Ó", "Ǒ", "Ò"], "U": ["Ū", "Ú", "Ǔ", "Ù"], "Ü": ["Ǖ", "Ǘ", "Ǚ", "Ǜ"],
        "m": ["m\u{304}", "ḿ", "m\u{30C}", "m\u{300}"], "n": ["n\u{304}", "ń", "ň", "ǹ"],
        "M": ["M\u{304}", "Ḿ", "M\u{30C}", "M\u{300}"], "N": ["N\u{304}", "Ń", "Ň", "Ǹ"],
    ]
}
