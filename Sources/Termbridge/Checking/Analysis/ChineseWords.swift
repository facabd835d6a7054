/// A word of the Chinese text as the segmenter cuts it.
struct ChineseWord: Sendable, Hashable {
    /// Where it is, in Unicode scalars.
    var range: Range<Int>
    /// What kind of token it is.
    var kind: TokenKind
    /// Its part of speech (jieba's tag set: `n`, `v`, `a`, `d`, …), when the segmenter tags
    /// tokens; nil otherwise.
    var partOfSpeech: String?
}

/// Where the words of a Chinese text are — the small interface the checks use, so that a
/// segmenter that tags parts of speech can stand in without touching them.
protocol ChineseWordSource: AnyObject {
    /// The words of `text`, in order, covering it (white space and punctuation included).
    func words(in text: String) -> [ChineseWord]
}

/// Words from Termbridge's ``Segmenter``, without a user dictionary: its dictionary terms
/// are kept whole whatever the text around them, so the glossary's terms compete with the
/// segmenter's words instead (``ChineseTermBoundaries``).
final class SegmenterWordSource: ChineseWordSource {
    private let segmenter: Segmenter

    init() throws {
        segmenter = try Segmenter()
    }

    func words(in text: String) -> [ChineseWord] {
        var text = text
        var words: [ChineseWord] = []
        text.withUTF8 { bytes in
            // `text` came from a String: valid UTF-8, so segmenting cannot fail on it.
            try? segmenter.segment(utf8: bytes) { kind, _, scalars in
                words.append(ChineseWord(range: scalars, kind: kind, partOfSpeech: nil))
            }
        }
        return words
    }
}
