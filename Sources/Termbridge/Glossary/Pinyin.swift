import ICU
import Synchronization

/// Pinyin with tone marks from ICU's `Han-Latin` transform (准盟友 → zhǔn méng yǒu).
public enum Pinyin {
    /// One transform for the process, used under a lock (ICU transforms are not
    /// thread-safe).
    private static let transform: Mutex<Transform?> = Mutex(try? Transform(id: "Han-Latin"))

    /// The pinyin of `text`; characters that are not Han pass through unchanged.
    public static func of(_ text: String) throws -> String {
        try transform.withLock { transform in
            guard let transform else {
                throw FileError(path: nil, message: "ICU's Han-Latin transform is not available")
            }
            return try transform.apply(text)
        }
    }
}
