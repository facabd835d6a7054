internal import CICU

/// The code points a legacy character encoding can represent and convert back unchanged
/// (ICU's round-trip set for a converter), e.g. GB2312, the core repertoire of Simplified
/// Chinese.
public final class EncodableSet {
    private let handle: OpaquePointer
    /// The ICU converter name, e.g. `GB2312`.
    public let encoding: String

    /// Opens ICU's converter for `encoding` and reads its round-trip set.
    public init(encoding: String) throws(ICUError) {
        var status = CICU_ZERO_ERROR
        let set = cicu_roundtrip_set(encoding, &status)
        try ICUError.check(status, "read the character set of encoding \(encoding)")
        guard let set else { throw ICUError(operation: "read the character set of encoding \(encoding)", code: CICU_INTERNAL_PROGRAM_ERROR) }
        self.handle = set
        self.encoding = encoding
    }

    deinit { cicu_set_close(handle) }

    /// Whether the encoding can represent `scalar`.
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        cicu_set_contains(handle, Int32(bitPattern: scalar.value)) != 0
    }
}
