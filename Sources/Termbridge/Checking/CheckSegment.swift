/// A place in a file: 1-based line and column, the column counted in Unicode scalars (as in
/// ``FileError`` and ``AlignmentUnit``).
public struct FileLocation: Sendable, Hashable, Codable {
    /// The file; nil for text that came from nowhere in particular (tests, standard input).
    public var file: String?
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(file: String?, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it (`standard input` when no file is named).
    public var description: String { "\(file ?? "standard input"):\(line):\(column)" }
}

/// Where each scalar of a segment's text is in its file: a sorted list of anchors, each
/// saying "scalar `offset` of the text is at `line`:`column`, and the scalars after it
/// follow on the same line". A new anchor starts wherever the text is not a straight copy
/// of the file: at each sentence of a bead (sentences come from different places), after a
/// line break, after an XML character reference (`&amp;` is five characters in the file and
/// one in the text).
///
/// Lookups are a binary search: O(log anchors).
public struct TextPositions: Sendable, Hashable {
    /// One anchor: text offset (scalars), line, column.
    public struct Anchor: Sendable, Hashable {
        /// Offset in the text, in Unicode scalars.
        public var offset: Int
        /// The line of the scalar at ``offset``.
        public var line: Int
        /// The column of the scalar at ``offset``.
        public var column: Int

        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    /// The anchors, by ascending offset; the first has offset 0.
    public private(set) var anchors: [Anchor]

    /// A text that is a straight copy of one line from `line`:`column` on.
    public init(line: Int, column: Int) {
        anchors = [Anchor(offset: 0, line: line, column: column)]
    }

    /// Positions from explicit anchors (sorted by offset; the first should be at offset 0).
    /// With none, the text starts at line 1, column 1 until an anchor is added.
    public init(anchors: [Anchor]) {
        self.anchors = anchors.isEmpty ? [Anchor(offset: 0, line: 1, column: 1)] : anchors
    }

    /// Appends an anchor, unless it is where the last one already puts `offset`.
    public mutating func add(offset: Int, line: Int, column: Int) {
        if let last = anchors.last {
            if last.line == line && last.column + (offset - last.offset) == column { return }
            if last.offset == offset { anchors[anchors.count - 1] = Anchor(offset: offset, line: line, column: column); return }
        }
        anchors.append(Anchor(offset: offset, line: line, column: column))
    }

    /// The line and column of scalar `offset` of the text.
    public func location(ofScalar offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = anchors.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if anchors[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        let anchor = anchors[low]
        return (anchor.line, anchor.column + max(0, offset - anchor.offset))
    }
}

/// One side of a segment: its text and where that text is in the file the user edits.
public struct SegmentText: Sendable, Hashable {
    /// The text as checked (XML already decoded; sentences of a bead joined).
    public var text: String
    /// The file it came from.
    public var file: String?
    /// Where each scalar of ``text`` is in ``file``.
    public var positions: TextPositions

    public init(text: String, file: String?, positions: TextPositions) {
        self.text = text
        self.file = file
        self.positions = positions
    }

    /// A text copied from one line of `file`, starting at `line`:`column`.
    public init(text: String, file: String? = nil, line: Int = 1, column: Int = 1) {
        self.init(text: text, file: file, positions: TextPositions(line: line, column: column))
    }

    /// The file location of scalar `offset` of the text.
    public func location(ofScalar offset: Int) -> FileLocation {
        let (line, column) = positions.location(ofScalar: offset)
        return FileLocation(file: file, line: line, column: column)
    }

    /// Where the text starts.
    public var start: FileLocation { location(ofScalar: 0) }
}

/// One unit of a translation as the checker sees it: an English source and its Chinese
/// translation (a TMX `<tu>`, an XLIFF segment, a TSV row, a bead of an aligned pair of
/// plain-text files), or only one of the two.
public struct CheckSegment: Sendable, Hashable {
    /// 0-based position among the segments of the input.
    public var index: Int
    /// The identifier the input gives it (`tuid`, XLIFF `unit/segment` ids), if any.
    public var id: String?
    /// The English source; nil for a Chinese document alone or a Chinese addition.
    public var source: SegmentText?
    /// The Chinese translation; nil for English left untranslated (a cut).
    public var target: SegmentText?
    /// The aligner's confidence for beads of plain-text pairs; nil for bilingual files.
    public var alignmentScore: Double?
    /// The checks the unit waives (their findings about it are not reported): the ids of a
    /// TMX `<prop type="x-termbridge-waive">` or an XLIFF `<note>` starting
    /// `termbridge-waive:`, `*` for every check (see `Docs/Checking.md`, "Waivers").
    public var waivers: [String]

    public init(index: Int, id: String? = nil, source: SegmentText?, target: SegmentText?, alignmentScore: Double? = nil,
                waivers: [String] = []) {
        self.index = index
        self.id = id
        self.source = source
        self.target = target
        self.alignmentScore = alignmentScore
        self.waivers = waivers
    }

    /// Whether the unit waives `check`.
    public func waives(_ check: CheckID) -> Bool {
        !waivers.isEmpty && waivers.contains { $0 == "*" || $0 == check.rawValue }
    }
}
