extension StringProtocol {
    /// Whether this text comes before `other` in Unicode scalar order: code point by code
    /// point, a shorter text before its extensions. The order of every text tie-break in
    /// Termbridge's output — total (only identical scalar sequences are equal), and the same on
    /// every machine, whatever the locale or the Unicode version's normalization tables.
    public func precedesInScalarOrder(_ other: some StringProtocol) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}
