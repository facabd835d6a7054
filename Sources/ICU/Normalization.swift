internal import CICU

/// Unicode normalization through ICU's `UNormalizer2`.
public enum Normalization: Sendable {
    /// NFKC: compatibility decomposition then canonical composition. Folds full-width
    /// forms (`ＡＴＡＣＭＳ` → `ATACMS`, `２０２４` → `2024`) and compatibility ideographs.
    case nfkc

    /// Returns `text` in this normalization form.
    public func apply(_ text: String) throws(ICUError) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var status = CICU_ZERO_ERROR
        let normalizer = cicu_nfkc(&status)
        try ICUError.check(status, "get the NFKC normalizer")
        var capacity = source.count * 3 + 8
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            status = CICU_ZERO_ERROR
            let length = output.withUnsafeMutableBufferPointer { out in
                source.withUnsafeBufferPointer { src in
                    cicu_normalize(normalizer, src.baseAddress, Int32(src.count),
                                          out.baseAddress, Int32(capacity), &status)
                }
            }
            if status == CICU_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 8
                continue
            }
            try ICUError.check(status, "normalize to NFKC")
            return String(decoding: output[..<Int(length)], as: UTF16.self)
        }
    }
}
