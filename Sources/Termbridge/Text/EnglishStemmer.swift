import CStemmer

/// The Snowball English (Porter 2) stemmer from the system libstemmer: `allies` and `ally`
/// both become `alli`, `alliances` becomes `allianc`. Input is expected in lower case.
///
/// Holds C state: use one instance per thread.
public final class EnglishStemmer {
    private let stemmer: OpaquePointer

    /// - Throws: ``FileError`` when libstemmer has no English stemmer (a broken install).
    public init() throws {
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else {
            throw FileError(path: nil, message: "libstemmer has no English stemmer")
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one lower-case word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
