import Foundation

/// The segmentation model compiled: the vocabulary's trie (``VocabularyTrie``'s three
/// arrays), the word scores and tags, and
/// jieba's two character models, as sections of a ``CompiledDataFile`` of kind `SEGM`.
/// Floating-point values are stored as their IEEE bit patterns. Loading reads each section
/// into its array and checks it; nothing is parsed, folded or merged.
extension SegmentationModel {
    /// The layout of the `SEGM` sections. Bump it whenever what they mean changes —
    /// including the vocabulary rules of ``init(lexicon:frequencies:characterModels:)`` —
    /// so that a file of another layout is refused as outdated.
    public static let compiledLayoutVersion: UInt32 = 1

    /// The model as a compiled file, stamped with `source`.
    public func compiledData(source: CompiledDataFile.SourceStamp) -> Data {
        var writer = CompiledDataFile.Writer(kind: .segmentationModel, layoutVersion: Self.compiledLayoutVersion,
                                             source: source)
        writer.add("VROT", vocabulary.rootChildren)
        writer.add("VTAB", vocabulary.table)
        writer.add("VVAL", vocabulary.nodeValues)
        writer.add("VHOT", vocabulary.nodeHot)
        writer.add("WSCO", wordScores.map(\.bitPattern))
        writer.add("WTAG", wordTags)
        Self.addStrings(tagNames, "TGN", to: &writer)
        writer.add("TOTL", [total.bitPattern])
        writer.add("SRCS", sourceStamps.flatMap { [$0.size, UInt64(bitPattern: $0.seconds), UInt64(bitPattern: $0.nanoseconds)] })
        // A model without character models has these sections empty.
        writer.add("USTA", unknownWords?.start.map(\.bitPattern) ?? [])
        writer.add("UTRA", unknownWords?.transition.map(\.bitPattern) ?? [])
        writer.add("UCHR", unknownWords?.characters ?? [])
        writer.add("UEMI", unknownWords?.emissions.map(\.bitPattern) ?? [])
        Self.addStrings(tagger?.tags ?? [], "PTG", to: &writer)
        writer.add("PPAT", tagger?.paths.map(\.bitPattern) ?? [])
        writer.add("PCHR", tagger?.characters ?? [])
        writer.add("PROW", tagger?.rowStarts ?? [])
        writer.add("PCEL", tagger?.cells ?? [])
        writer.add("PSCO", tagger?.cellScores.map(\.bitPattern) ?? [])
        return writer.data()
    }

    public static func loadCompiled(_ file: CompiledDataFile.Reader) throws(CompiledDataError) -> SegmentationModel {
        try file.decode {
            let scores: [UInt32] = try file.section("WSCO")
            let tags: [UInt8] = try file.section("WTAG")
            let tagNames = try strings("TGN", in: file)
            guard tags.count == scores.count, !tagNames.isEmpty, tags.allSatisfy({ Int($0) < tagNames.count }) else {
                throw StructureError("the word score and tag arrays do not fit together")
            }
            let vocabulary = try VocabularyTrie(rootChildren: file.section("VROT"), table: file.section("VTAB"),
                                                nodeValues: file.section("VVAL"), nodeHot: file.section("VHOT"),
                                                valueLimit: scores.count)
            let total: [UInt64] = try file.section("TOTL")
            guard total.count == 1, Double(bitPattern: total[0]) >= 1 else {
                throw StructureError("the frequency total is missing")
            }
            var unknownWords: UnknownWordModel?
            let emissions: [UInt32] = try file.section("UEMI")
            if !emissions.isEmpty {
                unknownWords = try UnknownWordModel(
                    start: floats(file.section("USTA")), transition: floats(file.section("UTRA")),
                    characters: file.section("UCHR"), emissions: floats(emissions))
            }
            var tagger: UnknownWordTagger?
            let cellScores: [UInt32] = try file.section("PSCO")
            if !cellScores.isEmpty {
                tagger = try UnknownWordTagger(
                    tags: strings("PTG", in: file), paths: floats(file.section("PPAT")),
                    characters: file.section("PCHR"), rowStarts: file.section("PROW"),
                    cells: file.section("PCEL"), cellScores: floats(cellScores))
            }
            return SegmentationModel(vocabulary: vocabulary, wordScores: floats(scores), wordTags: tags,
                                     tagNames: tagNames, total: Double(bitPattern: total[0]),
                                     unknownWords: unknownWords, tagger: tagger, sourceStamps: try loadSourceStamps(file))
        }
    }

    /// The stamps of the vocabulary's sources recorded in a compiled file.
    static func loadSourceStamps(_ file: CompiledDataFile.Reader) throws(CompiledDataError) -> [CompiledDataFile.SourceStamp] {
        let values: [UInt64] = try file.section("SRCS")
        guard values.count % 3 == 0 else {
            throw CompiledDataError(path: file.path, problem: .damaged("the source stamps are incomplete"))
        }
        return stride(from: 0, to: values.count, by: 3).map {
            CompiledDataFile.SourceStamp(size: values[$0], seconds: Int64(bitPattern: values[$0 + 1]),
                                         nanoseconds: Int64(bitPattern: values[$0 + 2]))
        }
    }

    private static func floats(_ bits: [UInt32]) -> [Float] { bits.map(Float.init(bitPattern:)) }

    private static func addStrings(_ strings: [String], _ prefix: String, to writer: inout CompiledDataFile.Writer) {
        var arena = StringArena()
        for string in strings {
            var string = string
            string.withUTF8 { _ = arena.append($0) }
        }
        writer.add(prefix + "B", arena.bytes)
        writer.add(prefix + "S", arena.starts)
    }

    fileprivate static func strings(_ prefix: String, in file: CompiledDataFile.Reader) throws -> [String] {
        let arena = try StringArena(bytes: file.section(prefix + "B"), starts: file.section(prefix + "S"))
        return (0..<arena.count).map(arena.string)
    }
}

extension DataKind {
    /// The segmentation model (``SegmentationModel``).
    public static let segmentationModel = DataKind(rawValue: fourCC("SEGM"))
}
