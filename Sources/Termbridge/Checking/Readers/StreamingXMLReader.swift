import Foundation

/// Reads a large XML file (TMX, XLIFF) unit by unit in bounded memory, handing out the
/// subtree of each *unit* element (`tu`, `trans-unit`, `unit`) as an ``XMLTreeElement``, with
/// the start tags of its ancestors (for `srclang`, `source-language`), and the place in the
/// file of every character of a unit's text.
///
/// The file is parsed by ``XMLEventReader`` (UTF-8, or UTF-16 with a byte order mark; entity declarations and references
/// refused, nesting limited; every error with its line and column), in 256 KB chunks: memory
/// is O(chunk + largest unit), time O(file). A root element other than the format's is an
/// error before any unit is read.
final class StreamingXMLReader {
    /// The file.
    let path: String
    /// Local names of the unit elements.
    let unitNames: Set<String>
    /// The root element the format has (`tmx`, `xliff`).
    let rootName: String
    /// The format's name in errors (`TMX`, `XLIFF`).
    let formatName: String

    init(path: String, rootName: String, formatName: String, unitNames: Set<String>) {
        self.path = path
        self.rootName = rootName
        self.formatName = formatName
        self.unitNames = unitNames
    }

    /// One unit: its subtree, the start tags of its ancestors (outermost first, without
    /// children), and the places of its text.
    struct Unit {
        var element: XMLTreeElement
        var ancestors: [XMLTreeElement]
        /// The positions of each text child, by the place of the element holding it.
        fileprivate let textPositions: [XMLPlace: [TextPositions]]

        /// The text of `element` (a descendant of the unit, e.g. a `<seg>`) and the file
        /// position of each of its characters. Children named in `skipping` (inline codes
        /// such as TMX `<bpt>`) are left out with their content, other children's text is
        /// kept (`<g>`, `<mrk>`, `<pc>`), and a `<cp hex="…"/>` (XLIFF 2) is its character.
        func text(of element: XMLTreeElement, skipping: Set<String>, file: String) -> SegmentText {
            var text = ""
            var positions = TextPositions(line: element.line, column: element.column)
            var offset = 0
            appendText(of: element, skipping: skipping, to: &text, positions: &positions, offset: &offset)
            return SegmentText(text: text, file: file, positions: positions)
        }

        private func appendText(of element: XMLTreeElement, skipping: Set<String>, to text: inout String,
                                positions: inout TextPositions, offset: inout Int) {
            let places = textPositions[element.place] ?? []
            var textIndex = 0
            for child in element.children {
                switch child {
                case .text(let run):
                    if textIndex < places.count {
                        for anchor in places[textIndex].anchors {
                            positions.add(offset: offset + anchor.offset, line: anchor.line, column: anchor.column)
                        }
                    }
                    textIndex += 1
                    text += run
                    offset += run.unicodeScalars.count
                case .element(let inner):
                    if let scalar = Self.codePoint(inner) {
                        positions.add(offset: offset, line: inner.line, column: inner.column)
                        text.unicodeScalars.append(scalar)
                        offset += 1
                    } else if !skipping.contains(inner.name) {
                        appendText(of: inner, skipping: skipping, to: &text, positions: &positions, offset: &offset)
                    }
                }
            }
        }

        /// The text of `element` as `text(of:skipping:file:)` defines it.
        static func inlineText(_ element: XMLTreeElement, skipping: Set<String>) -> String {
            var out = ""
            for child in element.children {
                switch child {
                case .text(let text):
                    out += text
                case .element(let inner):
                    if let scalar = codePoint(inner) {
                        out.unicodeScalars.append(scalar)
                    } else if !skipping.contains(inner.name) {
                        out += inlineText(inner, skipping: skipping)
                    }
                }
            }
            return out
        }

        /// The character of an XLIFF 2 `<cp hex="…"/>`.
        private static func codePoint(_ element: XMLTreeElement) -> Unicode.Scalar? {
            guard element.name == "cp", let hex = element[attribute: "hex"], let value = UInt32(hex, radix: 16) else { return nil }
            return Unicode.Scalar(value)
        }
    }

    /// Parses the file and calls `body` with each unit, in document order.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed XML, a refused
    ///   construct or a root element that is not ``rootName``; what `body` throws.
    func forEachUnit(_ body: (Unit) throws -> Void) throws {
        let input = try InputFile.open(path)
        defer { input.close() }
        let descriptor = input.descriptor
        let reader = XMLEventReader(.file(descriptor: descriptor), file: path, recordsTextPositions: true)
        var ancestors: [XMLTreeElement] = []
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                if ancestors.isEmpty, element.name != rootName {
                    throw FileError(path: path, line: element.line, column: element.column,
                                    message: "not a \(formatName) file: the root element is <\(element.name)>, expected <\(rootName)>")
                }
                guard unitNames.contains(element.name) else {
                    ancestors.append(element)
                    continue
                }
                var positions: [XMLPlace: [TextPositions]] = [:]
                let tree = try reader.readSubtree(of: element) { place, text in positions[place, default: []].append(text) }
                try body(Unit(element: tree, ancestors: ancestors, textPositions: positions))
            case .end:
                ancestors.removeLast()
            case .text:
                continue   // text outside units is not read
            }
        }
    }
}
