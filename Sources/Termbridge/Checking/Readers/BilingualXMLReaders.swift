/// Reads a TMX translation memory (1.4b; `lang` of TMX 1.1 accepted too) unit by unit in
/// bounded memory: one segment per `<tu>`, the `<tuv>` whose language is English as the
/// source and the one whose language is Chinese (`zh`, `zh-CN`, `zh-Hans`, …) as the
/// translation. A `<tu>` with only one of the two is still checked on that side.
///
/// Segment text is the `<seg>`'s text with inline codes (`<bpt>`, `<ept>`, `<it>`, `<ph>`,
/// `<ut>`) left out and `<hi>` kept; positions are those of each character in the file
/// (see ``StreamingXMLReader``). The segment's id is the `tuid`, else `tu N`.
///
/// **Waivers**: a `<prop type="x-termbridge-waive">` of the `<tu>` (or of either `<tuv>`)
/// lists check ids separated by spaces or commas (`*` for every check); their findings
/// about the unit are not reported (``CheckSegment/waivers``).
public struct TMXReader {
    /// The file.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// TMX inline elements whose content is native code, not text.
    static let codeElements: Set<String> = ["bpt", "ept", "it", "ph", "ut", "sub"]

    /// Calls `body` with each unit's segment, in order.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed XML, of a refused
    ///   construct (entity declarations), or of a root that is not `<tmx>`; what `body` throws.
    public func forEachSegment(_ body: (CheckSegment) throws -> Void) throws {
        var index = 0
        try StreamingXMLReader(path: path, rootName: "tmx", formatName: "TMX", unitNames: ["tu"]).forEachUnit { unit in
            var source: SegmentText?, target: SegmentText?
            for variant in unit.element.elements where variant.name == "tuv" {
                let language = variant[attribute: "xml:lang"] ?? variant[attribute: "lang"] ?? ""
                guard let seg = variant.elements.first(where: { $0.name == "seg" }) else { continue }
                if Concept.tag(language, matches: "en"), source == nil {
                    source = unit.text(of: seg, skipping: Self.codeElements, file: path)
                } else if Concept.tag(language, matches: "zh"), target == nil {
                    target = unit.text(of: seg, skipping: Self.codeElements, file: path)
                }
            }
            let id = unit.element[attribute: "tuid"] ?? "tu \(index + 1)"
            let props = unit.element.elements + unit.element.elements.filter { $0.name == "tuv" }.flatMap(\.elements)
            let waivers = props.filter { $0.name == "prop" && $0[attribute: "type"] == Self.waiverType }
                .flatMap { Self.waivedChecks(in: $0.directText) }
            try body(CheckSegment(index: index, id: id, source: source.flatMap(Self.nonEmpty), target: target.flatMap(Self.nonEmpty),
                                  waivers: waivers))
            index += 1
        }
    }

    /// The `type` of the `<prop>` that waives checks for a unit.
    public static let waiverType = "x-termbridge-waive"

    /// The check ids of a waiver's text: separated by white space or commas.
    static func waivedChecks(in text: String) -> [String] {
        text.split { $0 == "," || $0.isWhitespace }.map(String.init)
    }

    static func nonEmpty(_ text: SegmentText) -> SegmentText? {
        text.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : text
    }
}

/// Reads an XLIFF file, version 1.2 or 2.x (told by the root's `version`), unit by unit in
/// bounded memory, English source and Chinese target:
///
/// - **XLIFF 1.2**: one segment per `<trans-unit>` (`translate="no"` skipped), `<source>`
///   and `<target>`; the languages are the `<file>`'s `source-language` and
///   `target-language`. Inline codes `<bpt>`, `<ept>`, `<it>`, `<ph>` are left out, `<g>`
///   and `<mrk>` kept. The id is the trans-unit's `id`.
/// - **XLIFF 2.x**: one segment per `<segment>` of each `<unit>` (`<ignorable>` skipped);
///   languages from the root's `srcLang` and `trgLang`. `<pc>` and `<mrk>` are kept,
///   `<ph/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>` are codes, `<cp hex="…"/>` is its
///   character. The id is `unit/segment`.
///
/// **Waivers**: a `<note>` of the unit (XLIFF 1.2: in the `<trans-unit>`; 2.x: in the
/// `<unit>`'s or the `<segment>`'s `<notes>`) whose text starts with `termbridge-waive:`
/// lists the check ids it waives, separated by spaces or commas (`*` for every check).
///
/// A file whose source is Chinese and target English is read the other way round; a pair of
/// languages without Chinese and English is an error. A missing language is taken as
/// English source, Chinese target.
public struct XLIFFReader {
    /// The file.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    static let codeElements12: Set<String> = ["bpt", "ept", "it", "ph", "sub"]
    static let codeElements2: Set<String> = ["ph", "sc", "ec", "sm", "em", "originalData"]

    /// The start of a `<note>` that waives checks.
    public static let waiverPrefix = "termbridge-waive:"

    /// The check ids waived by the `<note>`s among `elements`.
    static func waivers(in elements: [XMLTreeElement]) -> [String] {
        elements.filter { $0.name == "note" }.flatMap { note -> [String] in
            let text = note.directText.trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.hasPrefix(waiverPrefix) else { return [] }
            return TMXReader.waivedChecks(in: String(text.dropFirst(waiverPrefix.count)))
        }
    }

    /// Calls `body` with each segment, in order.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed XML, a refused
    ///   construct, a root that is not `<xliff>`, an unknown version or languages that are
    ///   not English and Chinese; what `body` throws.
    public func forEachSegment(_ body: (CheckSegment) throws -> Void) throws {
        var index = 0
        var checkedLanguages = Set<String>()
        try StreamingXMLReader(path: path, rootName: "xliff", formatName: "XLIFF", unitNames: ["trans-unit", "unit"]).forEachUnit { unit in
            guard let root = unit.ancestors.first else { return }   // the root is <xliff>: StreamingXMLReader checks it
            let version = root[attribute: "version"] ?? ""
            let isVersion2 = version.hasPrefix("2")
            guard isVersion2 || version.hasPrefix("1") else {
                throw FileError(path: path, line: root.line, column: root.column, message: "unknown XLIFF version \"\(version)\"; Termbridge reads XLIFF 1.2 and 2.x")
            }
            let holder = isVersion2 ? root : (unit.ancestors.last { $0.name == "file" } ?? root)
            let sourceLanguage = holder[attribute: isVersion2 ? "srcLang" : "source-language"] ?? "en"
            let targetLanguage = holder[attribute: isVersion2 ? "trgLang" : "target-language"] ?? "zh"
            let reversed = Concept.tag(sourceLanguage, matches: "zh") && Concept.tag(targetLanguage, matches: "en")
            if !reversed, !(Concept.tag(sourceLanguage, matches: "en") && Concept.tag(targetLanguage, matches: "zh")),
               checkedLanguages.insert(sourceLanguage + "→" + targetLanguage).inserted {
                throw FileError(path: path, line: holder.line, column: holder.column,
                                message: "the file translates \(sourceLanguage) into \(targetLanguage); Termbridge checks English–Chinese translations")
            }
            func pair(_ source: XMLTreeElement?, _ target: XMLTreeElement?, skipping: Set<String>) -> (SegmentText?, SegmentText?) {
                let s = source.map { unit.text(of: $0, skipping: skipping, file: path) }.flatMap(TMXReader.nonEmpty)
                let t = target.map { unit.text(of: $0, skipping: skipping, file: path) }.flatMap(TMXReader.nonEmpty)
                return reversed ? (t, s) : (s, t)
            }
            if isVersion2 {
                let unitID = unit.element[attribute: "id"] ?? "\(index + 1)"
                let unitWaivers = Self.waivers(in: unit.element.elements.filter { $0.name == "notes" }.flatMap(\.elements))
                for (k, segment) in unit.element.elements.enumerated() where segment.name == "segment" {
                    let (source, target) = pair(segment.elements.first { $0.name == "source" },
                                                segment.elements.first { $0.name == "target" }, skipping: Self.codeElements2)
                    let waivers = unitWaivers + Self.waivers(in: segment.elements.filter { $0.name == "notes" }.flatMap(\.elements))
                    try body(CheckSegment(index: index, id: "\(unitID)/\(segment[attribute: "id"] ?? String(k + 1))",
                                          source: source, target: target, waivers: waivers))
                    index += 1
                }
            } else {
                guard unit.element[attribute: "translate"] != "no" else { return }
                let (source, target) = pair(unit.element.elements.first { $0.name == "source" },
                                            unit.element.elements.first { $0.name == "target" }, skipping: Self.codeElements12)
                try body(CheckSegment(index: index, id: unit.element[attribute: "id"], source: source, target: target,
                                      waivers: Self.waivers(in: unit.element.elements)))
                index += 1
            }
        }
    }
}

/// A bilingual file format `termbridge check` reads.
public enum BilingualFormat: String, Sendable, CaseIterable {
    /// TMX 1.4b (see ``TMXReader``).
    case tmx
    /// XLIFF 1.2 or 2.x (see ``XLIFFReader``).
    case xliff
    /// Tab-separated English and Chinese (see ``BilingualTSVReader``).
    case tsv

    /// The format a file name implies: `.tmx`; `.xlf`, `.xliff`, `.xlf2`, `.sdlxliff`;
    /// `.tsv`, `.tab`, `.txt`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".tmx") { self = .tmx }
        else if lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") || lower.hasSuffix(".xlf2") || lower.hasSuffix(".sdlxliff") { self = .xliff }
        else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") || lower.hasSuffix(".txt") { self = .tsv }
        else { return nil }
    }

    /// Reads `path` in this format, calling `body` with each segment in order, in bounded
    /// memory. The first segments are held back until their languages are judged
    /// (``SegmentLanguageGate``): a file whose language labels contradict its text stops
    /// before any segment is handed on.
    ///
    /// - Throws: the reader's errors; ``LanguageMismatchError`` when the text labelled
    ///   English is Chinese or the text labelled Chinese is English.
    public func forEachSegment(inFileAt path: String, _ body: (CheckSegment) throws -> Void) throws {
        var gate = SegmentLanguageGate(file: path, swapHint: swapHint)
        let pass: (CheckSegment) throws -> Void = { try gate.pass($0, to: body) }
        switch self {
        case .tmx: try TMXReader(path: path).forEachSegment(pass)
        case .xliff: try XLIFFReader(path: path).forEachSegment(pass)
        case .tsv: try BilingualTSVReader(path: path).forEachSegment(pass)
        }
        try gate.finish(body)
    }

    /// What to check when both sides are in the other language.
    var swapHint: String {
        switch self {
        case .tmx: "are the <tuv> xml:lang labels swapped?"
        case .xliff: "are the source and target languages swapped?"
        case .tsv: "are the columns the other way round? (without a header row the first column is English; a header row en⇥zh or zh⇥en names them)"
        }
    }
}
