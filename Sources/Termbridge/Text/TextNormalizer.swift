import ICU

/// What a scalar is, as far as segmentation and matching care.
public enum CharacterClass: UInt8, Sendable {
    /// Han ideographs, including 〇.
    case han
    /// Letters of alphabetic scripts (Latin, Cyrillic, Greek, Hangul, …).
    case letter
    /// Decimal digits.
    case digit
    /// Hiragana and katakana.
    case kana
    /// White space, including line and paragraph separators.
    case whitespace
    /// Punctuation.
    case punctuation
    /// Symbols and everything else.
    case other
}

/// Folds each Unicode scalar to the form Termbridge matches on: NFKC (full-width ASCII to
/// ASCII, compatibility ideographs to unified ones), then Traditional to Simplified Chinese
/// (ICU's `Hant-Hans`) for characters outside the Simplified repertoire (GB2312), so
/// 準 → 准 while 著名 and 俱乐部 stay as they are.
///
/// The folding is scalar-for-scalar — a scalar whose folded form would be several scalars
/// is left as it is — so position *k* of the normalized text is position *k* of the
/// original, and every offset computed on normalized text is an offset into the original.
/// This is the normalize stage of the pipeline (normalize → break → dictionary → tokens).
///
/// Built once per process (about 30 ms: one NFKC pass over the BMP and one `Hant-Hans`
/// pass over its ideographs); lookups are one array read.
public struct TextNormalizer: Sendable {
    /// The process-wide normalizer.
    public static let shared: TextNormalizer = {
        do { return try TextNormalizer() } catch {
            // ICU's NFKC data and Hant-Hans rules ship with libicu itself: their absence is
            // a broken installation, not bad input, and nothing in Termbridge can work.
            fatalError("Termbridge needs ICU's NFKC and Hant-Hans data: \(error)")
        }
    }()

    private let folded: [UInt32]
    private let classes: [CharacterClass]
    /// A checksum of the folding table: equal fingerprints fold every scalar alike. Compiled
    /// data files store keys folded, and record this to notice a different ICU.
    let fingerprint: UInt64

    /// Folds one scalar value. O(1).
    @inline(__always)
    public func fold(_ scalar: UInt32) -> UInt32 {
        scalar < 0x10000 ? folded[Int(scalar)] : scalar
    }

    /// The class of a (folded) scalar value. O(1).
    @inline(__always)
    public func characterClass(of scalar: UInt32) -> CharacterClass {
        scalar < 0x10000 ? classes[Int(scalar)] : Self.classify(scalar)
    }

    /// The folded value of each scalar of `text`, in order: offset *k* is scalar *k*.
    func foldedScalars(_ text: some StringProtocol) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { result.append(fold(scalar.value)) }
        return result
    }

    /// Folds a whole string (scalar for scalar).
    public func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(Unicode.Scalar(fold(scalar.value)) ?? scalar)
        }
        return String(result)
    }

    private init() throws {
        var folded = (0..<0x10000).map { UInt32($0) }
        // Every BMP scalar except controls and surrogates, each on its own line, through
        // NFKC in one call; a line that comes back as one scalar gives the folded form.
        let candidates: [UInt32] = (0x20..<0x10000).compactMap { value in
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar != "\n",
                  scalar.properties.generalCategory != .unassigned,
                  scalar.properties.generalCategory != .privateUse else { return nil }
            return UInt32(value)
        }
        try Self.foldEach(candidates, through: { try Normalization.nfkc.apply($0) }, into: &folded)
        // Then Traditional → Simplified for every ideograph (after NFKC) that is not itself
        // in the core Simplified repertoire (GB2312): Hant-Hans maps 著 to 着 and 俱 to 具,
        // right for Traditional text but wrong for 著名 and 俱乐部 in Simplified text.
        let simplifiedRepertoire = try EncodableSet(encoding: "GB2312")
        let ideographs = (0x2E80..<0x10000).filter { value in
            let f = folded[value]
            guard f < 0x10000, let scalar = Unicode.Scalar(f), scalar.properties.isIdeographic else { return false }
            return !simplifiedRepertoire.contains(scalar)
        }.map { UInt32($0) }
        let hantHans = try Transform(id: "Hant-Hans")
        var simplified = folded
        let afterNFKC = ideographs.map { folded[Int($0)] }
        try Self.foldEach(afterNFKC, through: { try hantHans.apply($0) }, into: &simplified)
        for value in ideographs {
            folded[Int(value)] = simplified[Int(folded[Int(value)])]
        }
        self.folded = folded
        self.classes = (0..<0x10000).map { Self.classify(folded[$0]) }
        self.fingerprint = folded.withUnsafeBytes { DataChecksum.of($0) }
    }

    /// Runs `transform` once over all `scalars` joined by newlines and records, for each
    /// scalar whose line comes back as exactly one scalar, that scalar as its folded form.
    private static func foldEach(
        _ scalars: [UInt32],
        through transform: (String) throws -> String,
        into table: inout [UInt32]
    ) throws {
        var joined = String.UnicodeScalarView()
        for value in scalars {
            joined.append(Unicode.Scalar(value)!)
            joined.append("\n")
        }
        let output = try transform(String(joined))
        var lines = output.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == scalars.count else { return }  // never observed; stay identity
        for (value, line) in zip(scalars, lines) where line.count == 1 {
            table[Int(value)] = line.first!.value
        }
    }

    static func classify(_ value: UInt32) -> CharacterClass {
        guard let scalar = Unicode.Scalar(value) else { return .other }
        let properties = scalar.properties
        if properties.isIdeographic { return .han }
        if properties.isWhitespace { return .whitespace }
        if (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) {
            return value == 0x30FB ? .punctuation : .kana
        }
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .whitespace
        case .control: return value == 0x09 || value == 0x0A || value == 0x0D ? .whitespace : .other
        default: return .other
        }
    }
}
