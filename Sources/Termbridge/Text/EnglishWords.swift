/// A word of English text: its position and its matching key.
public struct EnglishWord: Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// The word folded for matching: NFKC, lower case, ’ as ', without a possessive `'s`.
    public var folded: String
    /// Where the word is in the text.
    public var range: TextRange
}

/// Splits English (or the Latin parts of mixed) text into words: runs of letters and digits,
/// with apostrophes inside a word kept (don't, O'Brien) and hyphens and all other marks
/// separating words (quasi-ally → quasi, ally). One pass over the UTF-8 bytes; ASCII words
/// are folded byte by byte without allocation. The one word splitter of Termbridge.
public enum EnglishWords {
    /// The words of `text`, in order.
    public static func of(_ text: String) -> [EnglishWord] {
        var words: [EnglishWord] = []
        var text = text
        text.withUTF8 { bytes in
            forEach(in: bytes) { folded, utf8, scalars in
                words.append(EnglishWord(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self),
                    folded: String(decoding: folded, as: UTF8.self),
                    range: TextRange(utf8: utf8, scalars: scalars)))
            }
        }
        return words
    }

    /// The folded form of each word of `text`.
    public static func folded(_ text: String) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            forEach(in: bytes) { folded, _, _ in words.append(String(decoding: folded, as: UTF8.self)) }
        }
        return words
    }

    /// Calls `body` with each word of the valid UTF-8 `bytes`: the folded word's UTF-8
    /// (valid only during the call), and the word's UTF-8 and scalar ranges in `bytes`.
    public static func forEach(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ utf8: Range<Int>, _ scalars: Range<Int>) -> Void
    ) {
        let normalizer = TextNormalizer.shared
        // A folded word is never longer than the text: one scratch buffer holds each in turn.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer in
            var length = 0
            var isASCII = true
            var start = 0, startScalar = 0
            var i = 0, scalarIndex = 0

            func scalar(at k: Int) -> (value: UInt32, width: Int) { UTF8Decoding.scalar(at: k, in: bytes) }
            func isWordScalar(_ value: UInt32) -> Bool {
                if value < 0x80 {
                    let lower = UInt8(value) | 0x20
                    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (value >= 0x30 && value <= 0x39)
                }
                let c = normalizer.characterClass(of: normalizer.fold(value))
                return c == .letter || c == .digit
            }
            func finishWord(end: Int, endScalar: Int) {
                guard length > 0 else { return }
                if length >= 2 && buffer[length - 2] == UInt8(ascii: "'") && (buffer[length - 1] | 0x20) == UInt8(ascii: "s") {
                    length -= 2
                }
                if isASCII {
                    body(UnsafeBufferPointer(rebasing: buffer[0..<length]), start..<end, startScalar..<endScalar)
                } else {
                    var folded = String.UnicodeScalarView()
                    for s in String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<length]), as: UTF8.self).unicodeScalars {
                        folded.append(Unicode.Scalar(normalizer.fold(s.value)) ?? s)
                    }
                    var lower = String(folded).lowercased()
                    lower.withUTF8 { body($0, start..<end, startScalar..<endScalar) }
                }
                length = 0
                isASCII = true
            }
            while i < bytes.count {
                let (value, width) = scalar(at: i)
                if isWordScalar(value) {
                    if length == 0 { start = i; startScalar = scalarIndex }
                    if width == 1 {
                        let b = bytes[i]
                        buffer[length] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
                        length += 1
                    } else {
                        for k in i..<(i + width) {
                            buffer[length] = bytes[k]
                            length += 1
                        }
                        isASCII = false
                    }
                } else if (value == 0x27 || value == 0x2019), length > 0, i + width < bytes.count,
                          isWordScalar(scalar(at: i + width).value) {
                    buffer[length] = UInt8(ascii: "'")   // ’ (3 bytes) becomes ' (1 byte)
                    length += 1
                } else {
                    finishWord(end: i, endScalar: scalarIndex)
                }
                i += width
                scalarIndex += 1
            }
            finishWord(end: i, endScalar: scalarIndex)
        }
    }
}
