internal import CICU

/// ICU's classification of the segment that ends at a word boundary
/// (ICU's `UWordBreak` rule status, folded into its documented ranges).
public enum WordBreakStatus: Sendable, Equatable {
    /// Spaces, punctuation and symbols.
    case none
    /// Digits and numbers.
    case number
    /// Letters other than kana and ideographs (Latin, Cyrillic, …).
    case letter
    /// Hiragana and katakana.
    case kana
    /// Han ideographs, cut by ICU's CJK dictionary.
    case ideographic

    init(ruleStatus: Int32) {
        switch ruleStatus {
        case ..<100: self = .none
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        default: self = .ideographic
        }
    }
}

/// A boundary found by a break iterator: its UTF-16 offset into the text and, for word
/// breaks, the status of the segment that ends there.
public struct Boundary: Sendable, Equatable {
    /// UTF-16 offset of the boundary.
    public var offset: Int
    /// Classification of the segment ending at `offset` (always `.none` for sentences).
    public var status: WordBreakStatus
}

/// An ICU break iterator over UTF-16 text (`UBreakIterator`).
///
/// One instance holds mutable ICU state: use it from one thread at a time, and make
/// another with ``copy()`` for another thread. Boundaries are reported in UTF-16 code units.
public final class BreakIterator {
    /// What the iterator breaks the text into.
    public enum Unit: Sendable {
        /// Words, with ICU's dictionary-based CJK segmentation.
        case word
        /// Sentences.
        case sentence

        var icuType: Int32 {
            switch self {
            case .word: return CICU_BREAK_WORD
            case .sentence: return CICU_BREAK_SENTENCE
            }
        }
    }

    private let handle: OpaquePointer
    /// The unit this iterator breaks into.
    public let unit: Unit
    /// The ICU locale it was opened with, e.g. `zh` or `en@ss=standard`.
    public let locale: String

    /// Opens an ICU break iterator for `unit` in `locale`.
    public init(_ unit: Unit, locale: String) throws(ICUError) {
        var status = CICU_ZERO_ERROR
        let handle = cicu_break_open(unit.icuType, locale, &status)
        try ICUError.check(status, "open \(unit) break iterator for locale \(locale)")
        guard let handle else {
            throw ICUError(operation: "open \(unit) break iterator for locale \(locale)", code: CICU_INTERNAL_PROGRAM_ERROR)
        }
        self.handle = handle
        self.unit = unit
        self.locale = locale
    }

    private init(handle: OpaquePointer, unit: Unit, locale: String) {
        self.handle = handle
        self.unit = unit
        self.locale = locale
    }

    deinit { cicu_break_close(handle) }

    /// An independent iterator with the same rules, for use on another thread.
    public func copy() throws(ICUError) -> BreakIterator {
        var status = CICU_ZERO_ERROR
        let clone = cicu_break_clone(handle, &status)
        try ICUError.check(status, "clone break iterator")
        guard let clone else { throw ICUError(operation: "clone break iterator", code: CICU_INTERNAL_PROGRAM_ERROR) }
        return BreakIterator(handle: clone, unit: unit, locale: locale)
    }

    /// Calls `body` with every boundary after the start of `text`, in order; the last
    /// boundary is `text.count`. O(n) in the length of the text.
    ///
    /// - Parameter text: UTF-16 code units; they must stay valid for the whole call.
    public func forEachBoundary(
        in text: UnsafeBufferPointer<UInt16>,
        _ body: (Boundary) throws -> Void
    ) throws {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        var status = CICU_ZERO_ERROR
        cicu_break_set_text(handle, base, Int32(text.count), &status)
        // Release ICU's pointer into `text` before the caller's buffer goes away.
        defer { cicu_break_clear_text(handle) }
        try ICUError.check(status, "set break iterator text")
        let wantsStatus = unit == .word
        // Boundaries come from C in batches (one call per batch, not per boundary).
        let batch = 128
        try withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * batch) { buffer in
            let offsets = buffer.baseAddress!
            let ruleStatuses = offsets + batch
            var count: Int
            repeat {
                count = Int(cicu_break_next_boundaries(handle, offsets, wantsStatus ? ruleStatuses : nil, Int32(batch)))
                for i in 0..<count {
                    let status = wantsStatus ? WordBreakStatus(ruleStatus: ruleStatuses[i]) : .none
                    try body(Boundary(offset: Int(offsets[i]), status: status))
                }
            } while count == batch
        }
    }

    /// The boundaries of `text` (a Swift string), as UTF-16 offsets, excluding 0.
    public func boundaries(of text: String) throws -> [Boundary] {
        let units = Array(text.utf16)
        var result: [Boundary] = []
        try units.withUnsafeBufferPointer { buffer in
            try forEachBoundary(in: buffer) { result.append($0) }
        }
        return result
    }
}
