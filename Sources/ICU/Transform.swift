internal import CICU

/// An ICU transform (`UTransliterator`), such as `Han-Latin` (pinyin with tone marks),
/// `Hant-Hans` (Traditional to Simplified Chinese) or `Latin-ASCII`.
///
/// Use one instance from one thread at a time.
public final class Transform {
    private let handle: OpaquePointer
    /// The ICU transform id, e.g. `Han-Latin`.
    public let id: String

    /// Opens the ICU transform with the given id (compound ids such as
    /// `Han-Latin; Latin-ASCII` are accepted).
    public init(id: String) throws(ICUError) {
        var status = CICU_ZERO_ERROR
        let units = Array(id.utf16)
        let handle = cicu_transform_open(units, Int32(units.count), &status)
        try ICUError.check(status, "open transform \(id)")
        guard let handle else { throw ICUError(operation: "open transform \(id)", code: CICU_INTERNAL_PROGRAM_ERROR) }
        self.handle = handle
        self.id = id
    }

    deinit { cicu_transform_close(handle) }

    /// Applies the transform to `text`.
    public func apply(_ text: String) throws(ICUError) -> String {
        var units = Array(text.utf16)
        let length = try apply(inPlace: &units)
        return String(decoding: units[..<length], as: UTF16.self)
    }

    /// Applies the transform to UTF-16 units in place, growing the array when the result
    /// is longer; returns the used length (the array may hold spare capacity after it).
    public func apply(inPlace units: inout [UInt16]) throws(ICUError) -> Int {
        let original = units
        var capacity = max(16, units.count * 2)
        while true {
            units = original
            units.append(contentsOf: repeatElement(0, count: capacity - original.count))
            var length = Int32(original.count)
            var status = CICU_ZERO_ERROR
            units.withUnsafeMutableBufferPointer { buffer in
                cicu_transform_apply(handle, buffer.baseAddress, &length, Int32(capacity), &status)
            }
            if status == CICU_BUFFER_OVERFLOW_ERROR {
                capacity = max(capacity * 2, Int(length) + 16)
                continue
            }
            try ICUError.check(status, "apply transform \(id)")
            return Int(length)
        }
    }
}
