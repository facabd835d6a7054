internal import CICU

/// An error reported by ICU, with the operation that failed and ICU's own error name
/// (for example `U_MISSING_RESOURCE_ERROR`). `UErrorCode` never escapes this module.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What Termbridge asked ICU to do, e.g. `open word break iterator for locale zh`.
    public let operation: String
    /// ICU's name for the error code.
    public let name: String

    public var description: String { "ICU could not \(operation): \(name)" }

    init(operation: String, code: UErrorCode) {
        self.operation = operation
        self.name = String(cString: cicu_errorName(code))
    }

    /// Throws when `code` is an ICU failure; warnings are not failures.
    static func check(_ code: UErrorCode, _ operation: @autoclosure () -> String) throws(ICUError) {
        if cicu_isFailure(code) != 0 {
            throw ICUError(operation: operation(), code: code)
        }
    }
}

/// The version of the ICU library Termbridge is linked against, e.g. "72.1".
public var icuVersion: String {
    var bytes = [UInt8](repeating: 0, count: 4)
    cicu_getVersion(&bytes)
    var parts = Array(bytes.prefix(2))
    if bytes[2] != 0 || bytes[3] != 0 { parts.append(bytes[2]) }
    return parts.map { String($0) }.joined(separator: ".")
}
