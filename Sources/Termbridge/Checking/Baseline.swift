import Foundation

/// The stable fingerprint of a finding, for baselines: its check, the content of its unit,
/// and the text it is about — not its line or column, so that edits elsewhere in the file
/// keep it valid.
///
/// - **content**: the unit's English and Chinese (a TMX `<tu>`, an XLIFF segment, a TSV row,
///   a bead of a plain-text pair, a sentence of a Chinese document), each folded as
///   ``FoldedTextKey`` folds (NFKC, Simplified, lower case, runs of white space as one) and
///   hashed together;
/// - **matched text**: the finding's `found`, else its `term`, else nothing;
/// - the check id and the side.
///
/// Hashed to 64 bits (FNV-1a) and written as 16 hexadecimal digits.
public enum FindingFingerprint {
    /// The content key of a segment: both sides, each folded scalar by scalar
    /// (``TextNormalizer``; empty for a side the segment lacks), hashed as ``FoldedTextKey``
    /// hashes.
    static func contentKey(foldedSource: [UInt32], foldedTarget: [UInt32]) -> UInt64 {
        var hash = FoldedTextKey.offsetBasis
        hash = FoldedTextKey.hash(folded: foldedSource, seed: hash).hash
        hash = FoldedTextKey.mix(0x1E, into: hash)
        hash = FoldedTextKey.hash(folded: foldedTarget, seed: hash).hash
        return hash
    }

    /// The fingerprint of `finding`, 16 lower-case hexadecimal digits.
    public static func of(_ finding: Finding) -> String {
        var hash = FoldedTextKey.mix(finding.contentKey, into: FoldedTextKey.offsetBasis)
        for part in [finding.check.rawValue, finding.side.rawValue, finding.found ?? finding.term ?? ""] {
            hash = FoldedTextKey.mix(0x1F, into: hash)
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Known findings to leave out of a report (`--baseline FILE`), recorded by
/// `--write-baseline FILE`: a team adopts the checker on an existing translation memory
/// and sees only what is new.
///
/// **File format** (UTF-8 text): lines starting with `#` are comments; every other line is
/// a finding, tab-separated: its ``FindingFingerprint`` (16 hexadecimal digits), then — for
/// people reading the file, not used in matching — its check, the text it is about, and
/// the start of its unit's Chinese. Lines are sorted by check, text and fingerprint, so the
/// file diffs well. A finding is left out when its fingerprint is in the file (however many
/// times it occurs: identical units with the same problem are one known problem).
public struct Baseline: Sendable {
    /// The fingerprints recorded.
    public private(set) var fingerprints: Set<String>

    /// A baseline of the given fingerprints.
    public init(fingerprints: Set<String> = []) {
        self.fingerprints = fingerprints
    }

    /// Whether the baseline records `finding`.
    public func contains(_ finding: Finding) -> Bool {
        !fingerprints.isEmpty && fingerprints.contains(FindingFingerprint.of(finding))
    }

    /// The first line of a baseline file.
    public static let header = "# termbridge check baseline 1: fingerprint<TAB>check<TAB>text<TAB>unit (only the fingerprint is matched)"

    /// Reads a baseline file.
    ///
    /// - Throws: ``FileError`` naming the line of a malformed fingerprint;
    ///   ``InvalidUTF8Error``.
    public static func read(contentsOf path: String) throws -> Baseline {
        var fingerprints = Set<String>()
        let text = try TextFile.read(path)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let field = line.prefix { $0 != "\t" }
            guard field.utf8.count == 16, field.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw FileError(path: path, line: index + 1, column: 1,
                                message: "not a baseline line: expected 16 lower-case hexadecimal digits, a tab and a description")
            }
            fingerprints.insert(String(field))
        }
        return Baseline(fingerprints: fingerprints)
    }
}

/// Collects findings and writes them as a baseline file (see ``Baseline``).
public struct BaselineWriter: Sendable {
    private var lines: [String: String] = [:]

    public init() {}

    /// Records `finding`.
    public mutating func add(_ finding: Finding) {
        let fingerprint = FindingFingerprint.of(finding)
        guard lines[fingerprint] == nil else { return }
        let unit = String((finding.context.target ?? finding.context.source ?? "").unicodeScalars.prefix(40)
            .map { $0.properties.isWhitespace ? " " : Character($0) })
        lines[fingerprint] = [fingerprint, finding.check.rawValue, Self.clean(finding.found ?? finding.term ?? ""), Self.clean(unit)]
            .joined(separator: "\t")
    }

    /// The number of distinct findings recorded.
    public var count: Int { lines.count }

    /// The file's text: the header, then one line per finding sorted by check, text and
    /// fingerprint (Unicode scalar order of the lines' fields, not the dictionary's order).
    public var text: String {
        let sorted = lines.values.sorted { a, b in
            let x = a.split(separator: "\t", omittingEmptySubsequences: false), y = b.split(separator: "\t", omittingEmptySubsequences: false)
            let keyA = [x[1], x[2], x[0]].joined(separator: "\u{1}"), keyB = [y[1], y[2], y[0]].joined(separator: "\u{1}")
            return keyA.precedesInScalarOrder(keyB)
        }
        return ([Baseline.header] + sorted).joined(separator: "\n") + "\n"
    }

    /// Writes the file atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    private static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
