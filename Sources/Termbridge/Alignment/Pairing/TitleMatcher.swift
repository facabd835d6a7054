import Foundation

/// A title reduced to what ``TitleMatcher`` compares.
///
/// Words are split as ``EnglishWords`` splits them (hyphens, dashes, colons and all other
/// punctuation separate words) and folded: NFKC, lower case, diacritics removed, apostrophes
/// (’ ' ʼ) deleted so `Washington’s`, `Washington's` and `Washingtons` are one word, `&` read
/// as `and`, and dotted initials joined (`U.S.` is `us`).
public struct NormalizedTitle: Sendable, Equatable {
    /// The folded words, in order.
    public var words: [String]
    /// Their Snowball stems (`allies` and `ally` → `alli`); function words stay as they are.
    public var stems: [String]
    /// The stems of the main title — the words before the first subtitle separator (a colon,
    /// a spaced or unspaced dash, a question or exclamation mark followed by more words) —
    /// when there is a subtitle; `nil` otherwise.
    public var mainTitleStems: [String]?

    /// The words joined without separators: equal keys mean the titles differ only in case,
    /// quotes, apostrophes, dashes, colons and spacing (`Quasi-Allies` and `Quasi Allies`,
    /// `Burden-Sharing` and `BurdenSharing`).
    public var key: String { words.joined() }
}

/// Scores how likely two titles are the same title written differently.
///
/// The score is 1 when the normalized titles are equal (``NormalizedTitle/key``). Otherwise
/// it is the mean of two Dice coefficients over word stems, capped at 0.99 so that an exact
/// match always ranks first:
/// - **weighted unigram Dice**, 2·Σ w·min(countᴬ, countᴮ) / (Σ w·countᴬ + Σ w·countᴮ), where a
///   function word (`the`, `of`, `and`, `how` …) weighs ``functionWordWeight`` and every
///   other word 1. Dice rather than Jaccard because it rewards the shared part of two titles
///   of different lengths more evenly, and the weights keep `the … of … and` from making
///   unrelated titles look alike;
/// - **bigram Dice** on consecutive stems, which rewards the same words *in the same order*:
///   titles from one field share words (Partners, Limits, Washington’s, Allies) but rarely
///   share phrases.
///
/// Two rules cover an attribution that drops or adds a subtitle. A title equal to the
/// other's main title (before a colon or dash) scores at least ``mainTitleScore``, when it has
/// two words that are not function words. A title that is the first words of the other with
/// no separator to mark the subtitle (`America’s Quasi Alliances` against the attribution
/// `America’s Quasi Alliances How Washington Should …`, or a file whose subtitle is on its
/// second line) scores at least ``prefixScore``, when it has three such words: without a
/// colon nothing shows where the title ends, so it needs more words and gets less.
///
/// Word-level rather than character-level (edit distance) scoring, because the differences
/// that occur between an attribution and its source are in punctuation, spacing and case,
/// which normalization removes, while decoy titles differ in whole words. O(n + m) words.
///
/// Holds an ``EnglishStemmer``: use one matcher per thread.
public struct TitleMatcher {
    /// The weight of a function word in the unigram Dice coefficient.
    public static let functionWordWeight = 0.25
    /// The least score of a title equal to the other's main title.
    public static let mainTitleScore = 0.9
    /// The least score of a title that is the first words of the other (three content words
    /// or more).
    public static let prefixScore = 0.8
    /// The highest score of titles whose normalized forms differ.
    public static let inexactCeiling = 0.99

    /// Function words, lower case, without apostrophes. `us` is left out: it is also `U.S.`.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "from", "by",
        "with", "as", "into", "onto", "over", "under", "about", "after", "before", "between", "against",
        "is", "are", "was", "were", "be", "been", "its", "it", "this", "that", "these", "those", "how",
        "why", "what", "who", "whom", "when", "where", "which", "should", "can", "could", "will", "would",
        "must", "may", "might", "not", "vs", "versus", "via", "than", "so", "if", "whether", "do", "does",
        "his", "her", "their", "our", "your", "my", "we", "you", "they", "he", "she", "i",
    ]

    private let stemmer: EnglishStemmer

    /// - Throws: ``FileError`` when libstemmer has no English stemmer (a broken install).
    public init() throws {
        stemmer = try EnglishStemmer()
    }

    /// Normalizes a title for comparison. O(n).
    public func normalize(_ title: String) -> NormalizedTitle {
        let prepared = title.replacingOccurrences(of: "&", with: " and ")
        let words = Self.foldedWords(of: prepared)
        var mainTitleStems: [String]?
        if let split = Self.subtitleSeparator(in: prepared) {
            let main = Self.foldedWords(of: String(prepared[..<split]))
            if !main.isEmpty && main.count < words.count { mainTitleStems = main.map(stem) }
        }
        return NormalizedTitle(words: words, stems: words.map(stem), mainTitleStems: mainTitleStems)
    }

    /// A function word is its own stem, so that it is still recognized after stemming
    /// (Snowball makes `before` into `befor`).
    private func stem(_ word: String) -> String {
        Self.functionWords.contains(word) ? word : stemmer.stem(word)
    }

    /// The similarity of two titles in 0…1. O(n + m).
    public func similarity(_ a: String, _ b: String) -> Double {
        Self.similarity(normalize(a), normalize(b))
    }

    /// The similarity of two normalized titles in 0…1 (see ``TitleMatcher``). O(n + m).
    public static func similarity(_ a: NormalizedTitle, _ b: NormalizedTitle) -> Double {
        guard !a.words.isEmpty, !b.words.isEmpty else { return 0 }
        if a.key == b.key { return 1 }
        let unigrams = weightedDice(a.stems, b.stems)
        let bigrams = a.stems.count < 2 || b.stems.count < 2
            ? unigrams
            : weightedDice(bigramsOf(a.stems), bigramsOf(b.stems), weight: { _ in 1 })
        var score = (unigrams + bigrams) / 2
        if isMainTitle(a.stems, of: b) || isMainTitle(b.stems, of: a) {
            score = max(score, mainTitleScore)
        } else if isLeadingPart(a.stems, of: b.stems) || isLeadingPart(b.stems, of: a.stems) {
            score = max(score, prefixScore)
        }
        return min(score, inexactCeiling)
    }

    /// Whether `stems` are the main title of `title` and say enough to identify it (two
    /// words that are not function words).
    private static func isMainTitle(_ stems: [String], of title: NormalizedTitle) -> Bool {
        guard let main = title.mainTitleStems, main == stems else { return false }
        return stems.filter { !functionWords.contains($0) }.count >= 2
    }

    /// Whether `stems` are the first words of `longer`, with three words that are not
    /// function words.
    private static func isLeadingPart(_ stems: [String], of longer: [String]) -> Bool {
        stems.count < longer.count && longer.starts(with: stems)
            && stems.filter { !functionWords.contains($0) }.count >= 3
    }

    private static func weightedDice(_ a: [String], _ b: [String],
                                     weight: (String) -> Double = { functionWords.contains($0) ? functionWordWeight : 1 }) -> Double {
        var counts: [String: Int] = [:]
        for item in a { counts[item, default: 0] += 1 }
        var shared = 0.0
        for item in b {
            if let count = counts[item], count > 0 {
                counts[item] = count - 1
                shared += weight(item)
            }
        }
        let total = a.reduce(0) { $0 + weight($1) } + b.reduce(0) { $0 + weight($1) }
        return total > 0 ? 2 * shared / total : 0
    }

    private static func bigramsOf(_ stems: [String]) -> [String] {
        zip(stems, stems.dropFirst()).map { $0 + " " + $1 }
    }

    /// Folded words (see ``NormalizedTitle``), with dotted initials joined.
    private static func foldedWords(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var previousInitialEnd: Int?  // scalar index just after the "." of the last initial
        for word in EnglishWords.of(text) {
            let folded = fold(word.text)
            guard !folded.isEmpty else { continue }
            let range = word.range.scalars
            let isInitial = folded.count == 1 && range.upperBound < scalars.count && scalars[range.upperBound] == "."
            if isInitial, let end = previousInitialEnd, end == range.lowerBound, let last = words.popLast() {
                words.append(last + folded)
            } else if folded.count == 1, let end = previousInitialEnd, end == range.lowerBound, let last = words.popLast() {
                words.append(last + folded)  // the final initial without its stop: U.S
            } else {
                words.append(folded)
            }
            previousInitialEnd = isInitial ? range.upperBound + 1 : nil
        }
        return words
    }

    private static func fold(_ word: String) -> String {
        let folded = TextNormalizer.shared.fold(word).lowercased()
            .folding(options: .diacriticInsensitive, locale: nil)
        return String(folded.unicodeScalars.filter { !["'", "\u{2019}", "\u{2018}", "\u{02BC}"].contains($0) }.map(Character.init))
    }

    /// Where the subtitle starts: the first colon, dash between words (spaced, or an
    /// unspaced em or en dash), or question or exclamation mark followed by more text.
    private static func subtitleSeparator(in text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let before = index > text.startIndex ? text[text.index(before: index)] : " "
            let after = next < text.endIndex ? text[next] : " "
            switch character {
            case ":", "：":
                return index
            case "?", "!", "？", "！":
                if text[next...].contains(where: \.isLetter) { return index }
            case "—", "–":
                if before.isWhitespace || after.isWhitespace || (before.isLetter && after.isLetter) { return index }
            case "-":
                if before.isWhitespace && after.isWhitespace { return index }
            default:
                break
            }
            index = next
        }
        return nil
    }
}
