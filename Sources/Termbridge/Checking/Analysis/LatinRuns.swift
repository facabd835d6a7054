/// A run of Latin-script words in a text — words joined by spaces and light punctuation
/// (`,` `'` `-` `.` `:` `;`), with no Han character in between — as untranslated English
/// shows up inside a Chinese translation.
struct LatinRun {
    /// Where it is, in Unicode scalars (from its first letter to the end of its last word or
    /// its closing sentence mark).
    var range: Range<Int>
    /// Its words, lower-cased.
    var words: [String]
    /// How many of them are English function words (the, of, is, …).
    var functionWords: Int
    /// Whether it ends with `.`, `!` or `?` (a sentence).
    var endsSentence: Bool
    /// Whether brackets or quotation marks enclose it (a gloss, a cited title).
    var isEnclosed: Bool

    /// The runs of `text`.
    static func runs(in text: String) -> [LatinRun] {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        func isLetter(_ k: Int) -> Bool {
            guard k >= 0, k < n else { return false }
            let v = TextNormalizer.shared.fold(scalars[k].value)
            return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        func isJoiner(_ s: Unicode.Scalar) -> Bool { " ,'’-.:;\u{00A0}".unicodeScalars.contains(s) || ("0"..."9").contains(s) }
        var result: [LatinRun] = []
        var i = 0
        while i < n {
            guard isLetter(i) else { i += 1; continue }
            let start = i
            var words: [String] = []
            var word = ""
            var end = i
            while i < n, isLetter(i) || isJoiner(scalars[i]) {
                if isLetter(i) {
                    word.unicodeScalars.append(Unicode.Scalar(TextNormalizer.shared.fold(scalars[i].value)) ?? scalars[i])
                    end = i + 1
                } else if !word.isEmpty, !(scalars[i] == "-" || scalars[i] == "'" || scalars[i] == "’") || !isLetter(i + 1) {
                    words.append(word.lowercased())
                    word = ""
                }
                i += 1
            }
            if !word.isEmpty { words.append(word.lowercased()) }
            var endsSentence = false
            var k = end
            while k < n, scalars[k] == " " { k += 1 }
            if k < n, ".!?".unicodeScalars.contains(scalars[k]) { endsSentence = true; end = k + 1 }
            else if end < n, ".!?".unicodeScalars.contains(scalars[end - 1]) { endsSentence = true }
            // Enclosed: the nearest non-space mark before opens a bracket or a quotation and
            // the nearest after closes one.
            var before = start - 1
            while before >= 0, scalars[before] == " " { before -= 1 }
            var after = end
            while after < n, scalars[after] == " " || ".,".unicodeScalars.contains(scalars[after]) { after += 1 }
            let opens = before >= 0 && "(（“\"‘'《〈「『[【".unicodeScalars.contains(scalars[before])
            let closes = after < n && ")）”\"’'》〉」』]】".unicodeScalars.contains(scalars[after])
            let function = words.filter { CEDICTEnglishIndex.stopWords.contains($0) }.count
            result.append(LatinRun(range: start..<end, words: words, functionWords: function, endsSentence: endsSentence,
                                   isEnclosed: opens && closes))
        }
        return result
    }
}
