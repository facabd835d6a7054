import Foundation

/// jieba's two character-position models read from their text form, `jieba-hmm.txt`
/// (written by `scripts/fetch-jieba-hmm.sh` from the PyPI package's `prob_*.py` files; MIT
/// licence, © Sun Junyi): tab-separated lines of natural-log probabilities,
///
///     segment-start       STATE P
///     segment-transition  FROM TO P
///     segment-emission    STATE CHARACTER P
///     tag-start           STATE TAG P
///     tag-transition      STATE TAG STATE TAG P
///     tag-emission        STATE TAG CHARACTER P
///
/// with states B M E S, `-inf` for impossible, and `#` comment lines. Characters are folded
/// (``TextNormalizer``) as the segmenter's text is; where two fold to one, the larger
/// probability is kept.
struct JiebaCharacterModels: Sendable {
    var unknownWords: UnknownWordModel
    var tagger: UnknownWordTagger

    /// Reads the text form; `file` names it in errors.
    ///
    /// - Throws: ``FileError`` with the line of a malformed line, or when a table is
    ///   missing; ``InvalidUTF8Error``.
    static func read(_ data: Data, file: String?) throws -> JiebaCharacterModels {
        let text = try data.withUnsafeBytes { try String(strictUTF8: $0.bindMemory(to: UInt8.self), file: file) }
        let normalizer = TextNormalizer.shared
        var start = [Float](repeating: -.infinity, count: 4)
        var transition = [Float](repeating: -.infinity, count: 16)
        var emissions: [UInt32: [Float]] = [:]
        var tagIDs: [String: Int] = [:]
        var tagStart: [Int: (begin: Float, single: Float)] = [:]
        var tagTransition: [Int: [Float]] = [:]          // tag → B→M, B→E, M→M, M→E
        var tagEmissions: [UInt32: [UInt16: Float]] = [:]

        func state(_ field: Substring) -> Int? {
            switch field {
            case "B": 0
            case "M": 1
            case "E": 2
            case "S": 3
            default: nil
            }
        }
        func tagID(_ field: Substring) -> Int {
            if let id = tagIDs[String(field)] { return id }
            tagIDs[String(field)] = tagIDs.count
            return tagIDs.count - 1
        }
        func character(_ field: Substring) -> UInt32? {
            guard let scalar = field.unicodeScalars.first, field.unicodeScalars.count == 1 else { return nil }
            return normalizer.fold(scalar.value)
        }

        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let malformed = FileError(path: file, line: lineNumber,
                                      message: "expected a jieba model line (`segment-start\tS\t-1.46` …)")
            guard let last = fields.last, let value = Float(last == "-inf" ? "-infinity" : String(last)) else {
                throw malformed
            }
            switch (fields[0], fields.count) {
            case ("segment-start", 3):
                guard let s = state(fields[1]) else { throw malformed }
                start[s] = value
            case ("segment-transition", 4):
                guard let from = state(fields[1]), let to = state(fields[2]) else { throw malformed }
                transition[from * 4 + to] = value
            case ("segment-emission", 4):
                guard let s = state(fields[1]), let c = character(fields[2]) else { throw malformed }
                var row = emissions[c] ?? [Float](repeating: -.infinity, count: 4)
                row[s] = max(row[s], value)
                emissions[c] = row
            case ("tag-start", 4):
                guard let s = state(fields[1]) else { throw malformed }
                let tag = tagID(fields[2])
                var entry = tagStart[tag] ?? (-.infinity, -.infinity)
                if s == 0 { entry.begin = value } else if s == 3 { entry.single = value }
                tagStart[tag] = entry
            case ("tag-transition", 6):
                guard let from = state(fields[1]), let to = state(fields[3]) else { throw malformed }
                guard fields[2] == fields[4] else { continue }      // only paths within one word matter
                let tag = tagID(fields[2])
                var row = tagTransition[tag] ?? [Float](repeating: -.infinity, count: 4)
                switch (from, to) {
                case (0, 1): row[0] = value
                case (0, 2): row[1] = value
                case (1, 1): row[2] = value
                case (1, 2): row[3] = value
                default: break
                }
                tagTransition[tag] = row
            case ("tag-emission", 5):
                guard let s = state(fields[1]), let c = character(fields[3]) else { throw malformed }
                let cell = UInt16(tagID(fields[2]) * 4 + s)
                tagEmissions[c, default: [:]][cell] = max(tagEmissions[c]?[cell] ?? -.infinity, value)
            default:
                throw malformed
            }
        }
        guard !emissions.isEmpty, !tagEmissions.isEmpty else {
            throw FileError(path: file, message: "no segment-emission or tag-emission lines: not jieba's models")
        }

        // Tables in a stated order: characters ascending, tags in byte order.
        let characters = emissions.keys.sorted()
        var emissionTable: [Float] = []
        emissionTable.reserveCapacity(characters.count * 4)
        for c in characters {
            emissionTable.append(contentsOf: emissions[c]!.map { $0 == -.infinity ? UnknownWordModel.floor : $0 })
        }
        let unknownWords = try UnknownWordModel(start: start, transition: transition,
                                                characters: characters, emissions: emissionTable)

        let tags = tagIDs.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var newID = [Int](repeating: 0, count: tags.count)      // old id → sorted position
        for (position, tag) in tags.enumerated() { newID[tagIDs[tag]!] = position }
        var paths = [Float](repeating: -.infinity, count: tags.count * UnknownWordTagger.pathValuesPerTag)
        for (old, entry) in tagStart {
            paths[newID[old] * 6] = entry.begin
            paths[newID[old] * 6 + 1] = entry.single
        }
        for (old, row) in tagTransition {
            for k in 0..<4 { paths[newID[old] * 6 + 2 + k] = row[k] }
        }
        let tagCharacters = tagEmissions.keys.sorted()
        var rowStarts: [Int32] = [0]
        var cells: [UInt16] = []
        var cellScores: [Float] = []
        for c in tagCharacters {
            let row = tagEmissions[c]!.map { (cell: UInt16(newID[Int($0.key >> 2)] * 4) | ($0.key & 3), score: $0.value) }
            for entry in row.sorted(by: { $0.cell < $1.cell }) {
                cells.append(entry.cell)
                cellScores.append(entry.score)
            }
            rowStarts.append(Int32(cells.count))
        }
        let tagger = try UnknownWordTagger(tags: tags, paths: paths, characters: tagCharacters,
                                           rowStarts: rowStarts, cells: cells, cellScores: cellScores)
        return JiebaCharacterModels(unknownWords: unknownWords, tagger: tagger)
    }

    /// Reads `jieba-hmm.txt`.
    ///
    /// - Throws: as ``read(_:file:)``, or ``FileError`` when the file cannot be read.
    static func load(contentsOf path: String) throws -> JiebaCharacterModels {
        return try read(TextFile.data(path), file: path)
    }
}
