import Foundation

/// Writes an alignment in the gold format of the evaluation data: one ``Bead/notation`` line
/// per bead (`[0,1]:[0]`, `[3]:[]`, `[]:[5]`), 0-based sentence indices, no scores. This is
/// what `align_eval.py` and ``BeadFile`` read.
public struct BeadsAlignmentWriter: Sendable {
    public init() {}

    /// The beads, one line each.
    public func encode(_ alignment: Alignment) -> EncodedAlignment {
        EncodedAlignment(data: Data(BeadFile.text(of: alignment.beads).utf8))
    }
}
