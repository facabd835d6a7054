/// Turns CC-CEDICT definitions (the text between two slashes) into *glosses*: English words
/// and phrases that can be looked for in English text.
///
/// A definition such as `(Tw) to steal; to pilfer` or `CL:個|个[ge4]` is written for a
/// reader of the dictionary. Cleaning keeps what a translation could contain:
///
/// 1. The definition is split at `;` (outside parentheses) into alternatives:
///    `accurate; exact; precise` → three glosses.
/// 2. Parenthetical qualifiers at either end are removed, repeatedly:
///    `(Tw) (slang) to steal` → `to steal`, `front sight (firearms)` → `front sight`,
///    `(bird species of China) Eurasian eagle-owl (Bubo bubo)` → `Eurasian eagle-owl`.
///    A definition that is all parenthesis (`(completed action marker)`) leaves nothing.
/// 3. Meta glosses, which describe the word instead of translating it, are dropped:
///    classifiers (`CL:…`, `classifier for …`); `variant of …` with up to three qualifier
///    words before it (`old variant of`, `erhua variant of`); `see also …`; `same as …`;
///    `surname Meng` (but not `surname and given name`); `abbr. for/to/of …`; `also
///    written/pr./called …`; `used in/for/as/with …`; pronunciation notes (`Taiwan pr. […]`,
///    `also pr. […]`); `erhua …`; and literal renderings (`lit. …`), which explain an idiom
///    but do not translate it. `also known as X` keeps `X`; `fig. X` keeps `X`.
/// 4. Cross-references in Chinese are removed, with their pinyin, and the English kept:
///    `Wangcang county in Guangyuan 廣元|广元[Guang3 yuan2], Sichuan` → `Wangcang county in
///    Guangyuan, Sichuan`. What is then left of a reference gloss (`see 敖包[ao2 bao1]` →
///    `see`, `used in 參差|参差[cen1 ci1]` → `used in`) is meta and dropped, while `see you
///    tomorrow` stays. A gloss with no Latin letter or digit (`☰`) is dropped.
/// 5. A leading infinitive `to ` is removed (`to ally` → `ally`), so that a gloss matches
///    the word as it occurs in running text, except before a determiner or `and`
///    (`to the utmost`, `to and fro`, `to date` stay whole).
/// 6. Runs of spaces become one space; empty glosses and repeats are dropped, first
///    occurrence kept.
///
/// The raw definitions stay available in ``CEDICTEntry/definitions``. O(n) in the length
/// of the definition.
public enum CEDICTGlosses {
    /// The cleaned glosses of `definitions`, in order, without repeats.
    public static func clean(_ definitions: [String]) -> [String] {
        var glosses: [String] = []
        for definition in definitions {
            var definition = definition
            definition.withUTF8 { bytes in appendGlosses(of: bytes, to: &glosses) }
        }
        return glosses
    }

    /// The cleaned glosses of one definition.
    public static func clean(_ definition: String) -> [String] {
        clean([definition])
    }

    /// Appends the cleaned glosses of one definition (valid UTF-8) to `glosses`, skipping
    /// any already there.
    static func appendGlosses(of bytes: UnsafeBufferPointer<UInt8>, to glosses: inout [String]) {
        var depth = 0
        var start = 0
        for i in 0...bytes.count {
            let byte: UInt8 = i < bytes.count ? bytes[i] : Byte.semicolon
            switch byte {
            case Byte.open: depth += 1
            case Byte.close: depth = max(0, depth - 1)
            case Byte.semicolon where depth == 0 || i == bytes.count:
                if let gloss = cleanAlternative(UnsafeBufferPointer(rebasing: bytes[start..<i])),
                   !glosses.contains(gloss) {
                    glosses.append(gloss)
                }
                start = i + 1
                depth = 0
            default: break
            }
        }
    }

    /// One `;`-separated alternative, cleaned; nil when nothing usable is left.
    static func cleanAlternative(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0, hi = bytes.count
        stripQualifiers(bytes, &lo, &hi)
        guard lo < hi, !isMeta(bytes, lo, hi, endsWord: false) else { return nil }
        guard containsHan(bytes, lo, hi) else { return finish(bytes, lo, hi) }
        // Cross-references (`Guangyuan 廣元|广元[Guang3 yuan2], Sichuan`) go; the English stays.
        let remaining = withoutHanReferences(UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
        return remaining.withUnsafeBufferPointer { tidy in
            var lo = 0, hi = tidy.count
            stripQualifiers(tidy, &lo, &hi)
            // What is left of `see 敖包[ao2 bao1]` or `used in 參差|参差[cen1 ci1]` is meta.
            guard lo < hi, !isMeta(tidy, lo, hi, endsWord: true), !containsHan(tidy, lo, hi) else { return nil }
            return finish(tidy, lo, hi)
        }
    }

    /// Removes parenthetical qualifiers at either end, and the markers `fig.` and `also
    /// known as`, narrowing `lo..<hi`.
    static func stripQualifiers(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: inout Int, _ hi: inout Int) {
        trim(bytes, &lo, &hi)
        var changed = true
        while changed && lo < hi {
            changed = false
            if bytes[lo] == Byte.open, let close = matchingClose(bytes, from: lo, to: hi) {
                lo = close + 1
                trim(bytes, &lo, &hi)
                changed = true
                continue
            }
            if bytes[hi - 1] == Byte.close, let open = matchingOpen(bytes, from: lo, to: hi - 1) {
                hi = open
                trim(bytes, &lo, &hi)
                changed = true
                continue
            }
            for marker in keptAfterMarkers where hasPrefix(bytes, lo, hi, marker) {
                lo += marker.count
                trim(bytes, &lo, &hi)
                changed = true
                break
            }
        }
    }

    /// The gloss `bytes[lo..<hi]` without a leading infinitive `to`, with single spaces; nil
    /// when it has no Latin letter or digit (`☰`).
    static func finish(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String? {
        var lo = lo, hi = hi
        if hasPrefix(bytes, lo, hi, infinitive), !keepsInfinitive(bytes, lo + 3, hi) {
            lo += 3
            trim(bytes, &lo, &hi)
        }
        guard lo < hi else { return nil }
        let gloss = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        guard gloss.contains(where: { isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else {
            return nil
        }
        guard zip(gloss, gloss.dropFirst()).contains(where: { $0 == Byte.space && $1 == Byte.space }) else {
            return String(decoding: gloss, as: UTF8.self)
        }
        var result: [UInt8] = []
        result.reserveCapacity(gloss.count)
        for byte in gloss where !(byte == Byte.space && result.last == Byte.space) {
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `bytes` without runs of Han characters (with `|`, `·` and CJK punctuation between
    /// them, as in `紅樓夢|红楼梦` or `《史记》`) and the `[pinyin]` after them; then without the
    /// space such a run leaves before `,` `;` `:` `.` `)`, without `()` left empty, and
    /// without a trailing `,` or `:`.
    static func withoutHanReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let normalizer = TextNormalizer.shared
        func scalar(at k: Int) -> (value: UInt32, length: Int) {
            let (value, width) = UTF8Decoding.scalar(at: k, in: bytes)
            return (value, width)
        }
        func isHan(_ value: UInt32) -> Bool {
            value >= 0x2E80 && normalizer.characterClass(of: normalizer.fold(value)) == .han
        }
        func isCJKPunctuation(_ value: UInt32) -> Bool {
            (0x3000...0x303F).contains(value) || (0xFF00...0xFF65).contains(value) || value == 0x30FB
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let (value, length) = scalar(at: i)
            guard isHan(value) || isCJKPunctuation(value) else {
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                i += length
                continue
            }
            // A reference: Han, CJK punctuation, `|` and `·` …
            while i < bytes.count {
                let (value, length) = scalar(at: i)
                guard isHan(value) || isCJKPunctuation(value) || value == 0x7C || value == 0xB7 else { break }
                i += length
            }
            // … and its reading.
            if i < bytes.count && bytes[i] == UInt8(ascii: "[") {
                var end = i
                while end < bytes.count && bytes[end] != UInt8(ascii: "]") { end += 1 }
                if end < bytes.count { i = end + 1 }
            }
        }
        // Tidy the gaps.
        var tidy: [UInt8] = []
        tidy.reserveCapacity(kept.count)
        for byte in kept {
            switch byte {
            case Byte.space where tidy.last == Byte.space || tidy.last == Byte.open:
                continue
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), Byte.close:
                while tidy.last == Byte.space { tidy.removeLast() }
                if byte == Byte.close && tidy.last == Byte.open {
                    tidy.removeLast()
                    continue
                }
            default: break
            }
            tidy.append(byte)
        }
        while let last = tidy.last, last == Byte.space || last == UInt8(ascii: ",") || last == UInt8(ascii: ":") {
            tidy.removeLast()
        }
        return tidy
    }

    // MARK: Rules

    /// Markers dropped from the front of a gloss, the rest kept (lower case).
    static let keptAfterMarkers: [[UInt8]] = ["fig. ", "also known as "].map { Array($0.utf8) }

    /// Whether a lower-cased first byte can start a meta gloss (a filter before comparing
    /// against every prefix).
    static let metaFirstBytes: [Bool] = (0..<256).map { byte in
        metaPrefixes.contains { $0.first == UInt8(byte) } || byte == Int(UInt8(ascii: "s"))
    }

    /// Prefixes of meta glosses (lower case; compared case-insensitively).
    static let metaPrefixes: [[UInt8]] = [
        "cl:", "classifier ", "see also ", "see:", "same as ", "abbr.", "abbr ", "also ",
        "used in ", "used for ", "used as ", "used with ", "used before ", "used after ",
        "erhua ", "lit.", "pr. ",
    ].map { Array($0.utf8) }

    /// Words after which `to ` is not an infinitive marker.
    static let nonInfinitiveFollowers: [[UInt8]] =
        ["the", "a", "an", "and", "this", "that", "these", "those", "date", "one's", "no", "some", "what", "such"]
            .map { Array($0.utf8) }

    static let infinitive = Array("to ".utf8)
    static let surname = Array("surname".utf8)
    static let see = Array("see".utf8)
    static let variantOf = Array("variant of".utf8)
    static let pronunciation = Array("pr. ".utf8)

    /// Whether `bytes[lo..<hi]` is a meta gloss. With `endsWord`, a prefix ending in a space
    /// also matches the whole gloss without that space (`used in` is what is left of `used in
    /// 參差|参差[cen1 ci1]`).
    static func isMeta(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, endsWord: Bool) -> Bool {
        if metaFirstBytes[Int(lowercased(bytes[lo]))] {
            if metaPrefixes.contains(where: { hasPrefix(bytes, lo, hi, $0) }) { return true }
            if endsWord, metaPrefixes.contains(where: { $0.last == Byte.space && hasWord(bytes, lo, hi, Array($0.dropLast())) }) {
                return true
            }
            if hasWord(bytes, lo, hi, surname) || hasWord(bytes, lo, hi, see) { return true }
            // `surname Meng`, but not `surname and given name`.
            if hasPrefix(bytes, lo, hi, surname), lo + 8 < hi, bytes[lo + 7] == Byte.space,
               !(bytes[lo + 8] >= UInt8(ascii: "a") && bytes[lo + 8] <= UInt8(ascii: "z")) {
                return true
            }
        }
        // `variant of` or `pr.` after at most three words: `old variant of`,
        // `nonstandard simplified variant of`, `Taiwan pr. [fan2]`.
        var words = 0
        var i = lo
        while i < hi && words <= 3 {
            if hasPrefix(bytes, i, hi, variantOf) || hasPrefix(bytes, i, hi, pronunciation) {
                return true
            }
            while i < hi && bytes[i] != Byte.space { i += 1 }
            while i < hi && bytes[i] == Byte.space { i += 1 }
            words += 1
        }
        return false
    }

    /// Whether the gloss is exactly `word` (case-insensitive).
    static func hasWord(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ word: [UInt8]) -> Bool {
        hi - lo == word.count && hasPrefix(bytes, lo, hi, word)
    }

    static func keepsInfinitive(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var end = lo
        while end < hi && bytes[end] != Byte.space { end += 1 }
        return end == lo || nonInfinitiveFollowers.contains { hasWord(bytes, lo, end, $0) }
    }

    static func containsHan(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let normalizer = TextNormalizer.shared
        var i = lo
        while i < hi {
            let b0 = bytes[i]
            guard b0 >= 0xE0 else { i += b0 < 0x80 ? 1 : 2; continue }  // Han needs 3+ bytes
            let length = b0 >= 0xF0 ? 4 : 3
            guard i + length <= hi else { return false }
            var value = UInt32(b0 & (length == 3 ? 0x0F : 0x07))
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            if normalizer.characterClass(of: normalizer.fold(value)) == .han { return true }
            i += length
        }
        return false
    }

    // MARK: Bytes

    enum Byte {
        static let space = UInt8(ascii: " ")
        static let open = UInt8(ascii: "(")
        static let close = UInt8(ascii: ")")
        static let semicolon = UInt8(ascii: ";")
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Case-insensitive (ASCII) prefix test of `bytes[lo..<hi]`; `prefix` is lower case.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ prefix: [UInt8]) -> Bool {
        guard hi - lo >= prefix.count else { return false }
        for k in 0..<prefix.count where lowercased(bytes[lo + k]) != prefix[k] { return false }
        return true
    }

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: inout Int, _ hi: inout Int) {
        while lo < hi && (bytes[lo] == Byte.space || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == Byte.space || bytes[hi - 1] == 0x09) { hi -= 1 }
    }

    /// The index of the `)` closing the `(` at `open`, before `end`.
    static func matchingClose(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, to end: Int) -> Int? {
        var depth = 0
        for i in open..<end {
            if bytes[i] == Byte.open { depth += 1 }
            else if bytes[i] == Byte.close {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// The index of the `(` opening the `)` at `close`, at or after `start`.
    static func matchingOpen(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to close: Int) -> Int? {
        var depth = 0
        var i = close
        while i >= start {
            if bytes[i] == Byte.close { depth += 1 }
            else if bytes[i] == Byte.open {
                depth -= 1
                if depth == 0 { return i }
            }
            i -= 1
        }
        return nil
    }
}
