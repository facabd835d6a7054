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

        var icuType: UBreakIteratorType {
            switch self {
            case .word: return UBRK_WORD
            case .sentence: return UBRK_SENTENCE
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
        var status = U_ZERO_ERROR
        let handle = cicu_ubrk_open(unit.icuType, locale, &status)
        try ICUError.check(status, "open \(unit) break iterator for locale \(locale)")
        guard let handle else {
            throw ICUError(operation: "open \(unit) break iterator for locale \(locale)", code: U_INTERNAL_PROGRAM_ERROR)
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

    deinit { cicu_ubrk_close(handle) }

    /// An independent iterator with the same rules, for use on another thread.
    public func copy() throws(ICUError) -> BreakIterator {
        var status = U_ZERO_ERROR
        let clone = cicu_ubrk_clone(handle, &status)
        try ICUError.check(status, "clone break iterator")
        guard let clone else { throw ICUError(operation: "clone break iterator", code: U_INTERNAL_PROGRAM_ERROR) }
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
        var status = U_ZERO_ERROR
        cicu_ubrk_setText(handle, base, Int32(text.count), &status)
        try ICUError.check(status, "set break iterator text")
        let done = cicu_ubrk_done()
        _ = cicu_ubrk_first(handle)
        var next = cicu_ubrk_next(handle)
        let wantsStatus = unit == .word
        while next != done {
            let ruleStatus = wantsStatus ? cicu_ubrk_getRuleStatus(handle) : 0
            try body(Boundary(offset: Int(next), status: WordBreakStatus(ruleStatus: ruleStatus)))
            next = cicu_ubrk_next(handle)
        }
        // Release ICU's pointer into `text` before the caller's buffer goes away.
        var empty: UInt16 = 0
        cicu_ubrk_setText(handle, &empty, 0, &status)
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
