import Foundation

/// Writes an alignment as tab-separated values: a header `zh⇥en⇥score`, then one row per bead
/// in order, null beads included with their empty side as an empty field.
///
/// - Each side is ``Alignment/texts(of:)``: Chinese sentences joined without a space,
///   English sentences with one.
/// - Tabs, line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) inside a text are **replaced by
///   one space each**, so every bead is exactly one row of three fields; nothing is quoted
///   and there is no escape to undo (sentences seldom hold these characters, and a reader
///   splitting on tabs and lines needs no special handling).
/// - The score has four decimals; a score that is not a finite number leaves the field
///   empty.
///
/// O(total text length).
public struct TSVAlignmentWriter: Sendable {
    public init() {}

    /// The alignment as TSV.
    public func encode(_ alignment: Alignment) -> EncodedAlignment {
        var out = "zh\ten\tscore\n"
        for bead in alignment.beads {
            let (zh, en) = alignment.texts(of: bead)
            out += Self.field(zh) + "\t" + Self.field(en) + "\t" + (bead.formattedScore ?? "") + "\n"
        }
        return EncodedAlignment(data: Data(out.utf8))
    }

    /// `text` with tabs and line breaks replaced by spaces.
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isSeparator) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { view.append(isSeparator(scalar) ? " " : scalar) }
        return String(view)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
