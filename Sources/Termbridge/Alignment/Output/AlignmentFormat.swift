import Foundation

/// A file format for a sentence alignment.
public enum AlignmentFormat: String, Sendable, CaseIterable {
    /// TMX 1.4b, a translation memory for CAT tools: one `<tu>` per bead with both sides
    /// that scores at least ``AlignmentOutputOptions/minimumTMXScore`` (see
    /// ``TMXAlignmentWriter``).
    case tmx
    /// Tab-separated `zh`, `en`, `score`, a header and one row per bead (see
    /// ``TSVAlignmentWriter``).
    case tsv
    /// JSON Lines, one object per bead with indices, texts, kind and score (see
    /// ``JSONLAlignmentWriter``).
    case jsonl
    /// The gold format of the evaluation data: one `[i,j]:[k]` line per bead, no score (see
    /// ``BeadsAlignmentWriter``).
    case beads
    /// A self-contained review page: both sides in two columns, glossary terms highlighted
    /// (see ``HTMLAlignmentWriter``).
    case html

    /// The format a file name implies by its extension, if any: `.tmx`; `.tsv` or `.tab`;
    /// `.jsonl` or `.ndjson`; `.beads` or `.align`; `.html` or `.htm`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".tmx") { self = .tmx }
        else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { self = .tsv }
        else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { self = .jsonl }
        else if lower.hasSuffix(".beads") || lower.hasSuffix(".align") { self = .beads }
        else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html }
        else { return nil }
    }
}

/// Choices for writing an alignment; every format ignores the options it has no use for.
public struct AlignmentOutputOptions: Sendable {
    /// Glossary whose terms the HTML page highlights; nil for none.
    public var glossary: Glossary?
    /// Beads scoring below this are flagged for review on the HTML page.
    public var lowConfidenceThreshold: Double
    /// The language tag of the Chinese side in TMX, used when the document's own tag is the
    /// bare `zh` (a more specific one, such as `zh-TW`, is kept).
    public var chineseLanguageTag: String
    /// The `creationtoolversion` written in TMX headers.
    public var toolVersion: String
    /// TMX: pair beads scoring below this (or with no finite score) are weak: left out, or
    /// kept and marked with ``keepsWeakBeads``. ``TMXAlignmentWriter/defaultMinimumScore``
    /// by default.
    public var minimumTMXScore: Double
    /// TMX: keep weak beads, each marked `<prop type="x-termbridge-review">`, instead of
    /// leaving them out.
    public var keepsWeakBeads: Bool

    /// The version of Termbridge written into TMX headers by default.
    public static let termbridgeVersion = "0.1.0"

    public init(glossary: Glossary? = nil, lowConfidenceThreshold: Double = 0.5,
                chineseLanguageTag: String = "zh-CN", toolVersion: String = Self.termbridgeVersion,
                minimumTMXScore: Double = TMXAlignmentWriter.defaultMinimumScore, keepsWeakBeads: Bool = false) {
        self.glossary = glossary
        self.lowConfidenceThreshold = lowConfidenceThreshold
        self.chineseLanguageTag = chineseLanguageTag
        self.toolVersion = toolVersion
        self.minimumTMXScore = minimumTMXScore
        self.keepsWeakBeads = keepsWeakBeads
    }
}

/// An alignment encoded in some format, with notes on what the format left out or changed
/// (e.g. null beads omitted from TMX), to be shown to the user, not written into the file.
public struct EncodedAlignment: Sendable {
    /// The encoded file, UTF-8.
    public var data: Data
    /// What the format could not carry, in the user's words; empty when nothing was lost.
    public var notes: [String]

    public init(data: Data, notes: [String] = []) {
        self.data = data
        self.notes = notes
    }
}

/// A bead whose sentence indices fall outside its documents: an alignment built by hand
/// (or by a faulty aligner) that no format can write.
public struct InvalidBeadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Position of the bead in ``Alignment/beads``, 0-based.
    public var beadIndex: Int
    /// The bead, in the gold notation.
    public var notation: String
    /// Sentence counts of the Chinese and English documents.
    public var chineseCount: Int
    public var englishCount: Int

    public var description: String {
        "bead \(beadIndex + 1) \(notation) refers to a sentence outside the documents (\(chineseCount) Chinese, \(englishCount) English sentences)"
    }
}

extension Alignment {
    /// The alignment encoded in `format`.
    ///
    /// - Throws: ``InvalidBeadError`` when a bead refers to a sentence the documents do not
    ///   have; `GlossaryMatcher` errors when the HTML glossary cannot be compiled.
    public func encoded(as format: AlignmentFormat, options: AlignmentOutputOptions = .init()) throws -> EncodedAlignment {
        try validateBeads()
        switch format {
        case .tmx: return TMXAlignmentWriter(options: options).encode(self)
        case .tsv: return TSVAlignmentWriter().encode(self)
        case .jsonl: return try JSONLAlignmentWriter().encode(self)
        case .beads: return BeadsAlignmentWriter().encode(self)
        case .html: return try HTMLAlignmentWriter(options: options).encode(self)
        }
    }

    /// Writes the alignment to `path` atomically (see ``AtomicFile``) in `format`, else in
    /// the format `path`'s extension implies; returns the notes of ``encoded(as:options:)``.
    ///
    /// - Throws: ``FileError`` when the format cannot be told or the file cannot be
    ///   written; as ``encoded(as:options:)``.
    @discardableResult
    public func write(to path: String, format: AlignmentFormat? = nil,
                      options: AlignmentOutputOptions = .init()) throws -> [String] {
        guard let format = format ?? AlignmentFormat(path: path) else {
            throw FileError(path: path, message: "cannot tell the alignment format from the extension; use .tmx, .tsv, .jsonl, .beads or .html, or give the format")
        }
        let encoded = try encoded(as: format, options: options)
        try AtomicFile.write(encoded.data, to: path)
        return encoded.notes
    }

    /// Throws ``InvalidBeadError`` for the first bead with an index outside its document.
    /// O(number of beads + indices).
    public func validateBeads() throws {
        let zh = chinese.sentences.count, en = english.sentences.count
        for (index, bead) in beads.enumerated()
        where !bead.chinese.allSatisfy({ (0..<zh).contains($0) }) || !bead.english.allSatisfy({ (0..<en).contains($0) }) {
            throw InvalidBeadError(beadIndex: index, notation: bead.notation, chineseCount: zh, englishCount: en)
        }
    }
}

extension Alignment {
    /// The language tag of the Chinese side for output: the document's own when it is more
    /// specific than `zh` (`zh-TW`, `zh-Hant`), else `fallback`.
    func chineseLanguageTag(default fallback: String) -> String {
        let tag = chinese.language
        return Concept.tag(tag, matches: "zh") && tag.count > 2 ? tag : fallback
    }
}

extension Bead {
    /// Whether both sides have sentences (a translation pair, not a cut or an addition).
    public var isPair: Bool { !chinese.isEmpty && !english.isEmpty }

    /// The score with four decimals, or nil when it is not a finite number.
    var formattedScore: String? {
        score.isFinite ? String(format: "%.4f", score) : nil
    }
}
