internal import CICU

/// An error reported by ICU, with the operation that failed and ICU's own error name
/// (for example `U_MISSING_RESOURCE_ERROR`). ICU's status code never escapes this module.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What Termbridge asked ICU to do, e.g. `open word break iterator for locale zh`.
    public let operation: String
    /// ICU's name for the error code.
    public let name: String

    public var description: String { "ICU could not \(operation): \(name)" }

    /// `code` is an ICU `UErrorCode` value, as CICU carries it.
    init(operation: String, code: Int32) {
        self.operation = operation
        self.name = String(cString: cicu_error_name(code))
    }

    /// Throws when `code` is an ICU failure; warnings are not failures.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if cicu_is_failure(code) != 0 {
            throw ICUError(operation: operation(), code: code)
        }
    }
}

/// The version of the ICU library Termbridge is linked against, e.g. "72.1".
public var icuVersion: String {
    var bytes = [UInt8](repeating: 0, count: 4)
    cicu_get_version(&bytes)
    var parts = Array(bytes.prefix(2))
    if bytes[2] != 0 || bytes[3] != 0 { parts.append(bytes[2]) }
    return parts.map { String($0) }.joined(separator: ".")
}
