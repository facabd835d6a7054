/// `segment-inconsistent-target`: identical source segments translated differently. Each
/// side is folded and hashed (``FoldedTextKey``); segments without a letter or Han
/// character are skipped. The first segment with each source is remembered (about 25
/// bytes); a later one with the same source and another translation is reported at its own
/// place, with the first one's line.
final class SegmentInconsistentTargetCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .segmentInconsistentTarget, defaultSeverity: .warning,
        summary: "identical source segments translated differently",
        needsSource: true,
        examples: [
            .document([("The policy has not changed.", "政策没有改变。"),
                       ("The  policy has NOT changed.", "↓政策并未改变。")], triggers: true,
                      note: "case and runs of spaces do not make sources different"),
            .document([("The policy has not changed.", "政策没有改变。"),
                       ("The policy has not changed.", "政策没有改变。")], triggers: false),
        ])

    private var firstBySource = FirstSegments()

    init(_ environment: CheckEnvironment) {}

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let sourceKey = segment.sourceKey, let targetKey = segment.targetKey else { return }
        if let first = firstBySource.firstOrRecord(sourceKey, otherSide: targetKey, segment), first.otherSide != targetKey {
            findings.append(first.finding(.segmentInconsistentTarget, segment, "same source as, but a different translation from,"))
        }
    }
}

/// The first segment with each text of one side, by hash: the hash of its other side and
/// its place. About 25 bytes per distinct text.
struct FirstSegments {
    struct FirstSeen {
        /// Hash of the other side of the first segment with this text.
        var otherSide: UInt64
        var segment: Int32
        var line: Int32
        var column: Int32

        /// A finding at `segment` pointing back at this one: "\(message) segment 3 (line 5)".
        func finding(_ check: CheckID, _ segment: SegmentAnalysis, _ message: String) -> Finding {
            let start = segment.target!.start
            let related = FileLocation(file: start.file, line: Int(line), column: Int(column))
            return segment.finding(check, at: start, side: .target, message: "\(message) segment \(self.segment + 1) (line \(line))",
                                   related: related, context: FindingContext(source: segment.source?.text, target: segment.target?.text))
        }
    }

    private var seen: [UInt64: FirstSeen] = [:]

    /// The first segment recorded with `key`; when there is none, records `segment` and
    /// returns nil.
    mutating func firstOrRecord(_ key: UInt64, otherSide: UInt64, _ segment: SegmentAnalysis) -> FirstSeen? {
        if let first = seen[key] { return first }
        let start = segment.target?.start ?? FileLocation(file: nil, line: 0, column: 0)
        seen[key] = FirstSeen(otherSide: otherSide, segment: Int32(truncatingIfNeeded: segment.segment.index),
                              line: Int32(truncatingIfNeeded: start.line), column: Int32(truncatingIfNeeded: start.column))
        return nil
    }
}
