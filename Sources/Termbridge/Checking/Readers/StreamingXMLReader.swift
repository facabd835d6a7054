import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synchronization

/// Reads a large XML file (TMX, XLIFF) unit by unit in bounded memory, handing out the
/// subtree of each *unit* element (`tu`, `trans-unit`, `unit`) as an ``XMLTreeElement``, with
/// the start tags of its ancestors (for `srclang`, `source-language`), and the place in the
/// file of every character of a unit's text.
///
/// It is ``SafeXMLParser`` for files too large to hold as a tree, with the same defences:
/// UTF-16/32 refused, entity declarations in the DOCTYPE refused before libxml2 sees them
/// (the prolog is scanned; a DOCTYPE whose internal subset does not end in the first MB is
/// refused too), no external entity or DTD loaded, undeclared entities an error, the first
/// libxml2 error fatal with its line and column, nesting limited. libxml2 is driven through
/// FoundationXML's `XMLParser` on an `InputStream` that reads the file in 128 KB chunks, so
/// memory is O(chunk + largest unit), not O(file).
///
/// **Exact positions.** libxml2 reports each start tag at its closing `>`. The stream keeps
/// the raw bytes from the current unit's first line on; when a unit ends, the content of a
/// text element is walked in the raw bytes (text, character references, CDATA, inline tags)
/// and each character of the decoded text gets its line and column. The walk must decode
/// to exactly the text the parser gave; if it ever does not, the whole text is placed at
/// the element's start instead (never a wrong column).
final class StreamingXMLReader {
    /// The file.
    let path: String
    /// Local names of the unit elements.
    let unitNames: Set<String>

    /// Bytes of the head of the file scanned for entity declarations before parsing.
    static let prologLimit = 1 << 20

    /// libxml2 is not safe to drive from several threads at once.
    private static let lock = Mutex<Void>(())

    init(path: String, unitNames: Set<String>) {
        self.path = path
        self.unitNames = unitNames
    }

    /// One unit: its subtree, the start tags of its ancestors (outermost first, without
    /// children), and a way to place its text in the file (valid only during the callback).
    struct Unit {
        var element: XMLTreeElement
        var ancestors: [XMLTreeElement]
        fileprivate let stream: RecordingFileStream

        /// The text of `element` (a descendant of the unit, e.g. a `<seg>`) and the file
        /// position of each of its characters. Children named in `skipping` (inline codes
        /// such as TMX `<bpt>`) are left out with their content, other children's text is
        /// kept (`<g>`, `<mrk>`, `<pc>`), and a `<cp hex="…"/>` (XLIFF 2) is its character.
        func text(of element: XMLTreeElement, skipping: Set<String>, file: String) -> SegmentText {
            let text = Self.inlineText(element, skipping: skipping)
            let start = stream.contentStart(ofTagEndingAt: element.line, column: element.column)
            var positions = TextPositions(line: element.line, column: element.column + 1)
            if let start {
                positions = stream.walkContent(from: start, skipping: skipping, expecting: text)
                    ?? TextPositions(line: start.line, column: start.column)
            }
            return SegmentText(text: text, file: file, positions: positions)
        }

        /// The text of `element` as `text(of:skipping:file:)` defines it.
        static func inlineText(_ element: XMLTreeElement, skipping: Set<String>) -> String {
            var out = ""
            for child in element.children {
                switch child {
                case .text(let text):
                    out += text
                case .element(let inner):
                    if inner.name == "cp", let hex = inner[attribute: "hex"], let value = UInt32(hex, radix: 16),
                       let scalar = Unicode.Scalar(value) {
                        out.unicodeScalars.append(scalar)
                    } else if !skipping.contains(inner.name) {
                        out += inlineText(inner, skipping: skipping)
                    }
                }
            }
            return out
        }
    }

    /// Parses the file and calls `body` with each unit, in document order.
    ///
    /// - Throws: ``FileError`` with the line and column of malformed XML or a refused
    ///   construct, or what `body` throws.
    func forEachUnit(_ body: (Unit) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileError(path: path, message: "cannot open: \(systemErrorMessage())") }
        defer { close(descriptor) }
        try refuseDangerousProlog(descriptor)
        let stream = RecordingFileStream(descriptor: descriptor, path: path)
        let collector = withoutActuallyEscaping(body) { body in
            let collector = UnitCollector(unitNames: unitNames, stream: stream, body: body)
            parse(stream, collector)
            collector.release()
            return collector
        }
        if let error = collector.bodyError { throw error }
        if let error = stream.readError { throw error }
        if let failure = collector.failure {
            throw FileError(path: path, line: failure.line, column: failure.column, message: failure.message)
        }
        if !collector.sawRootEnd {
            throw FileError(path: path, line: max(1, stream.lineCount), message:
                collector.sawRoot ? "malformed XML: the document ends inside an element (an end tag is missing)"
                                  : "malformed XML: no root element (is the file empty?)")
        }
    }

    /// Runs libxml2 over `stream`, under the lock.
    private func parse(_ stream: RecordingFileStream, _ collector: UnitCollector) {
        Self.lock.withLock { _ in
            let parser = XMLParser(stream: stream)
            parser.shouldProcessNamespaces = true
            parser.shouldReportNamespacePrefixes = true
            parser.shouldResolveExternalEntities = false
            parser.externalEntityResolvingPolicy = .never
            parser.delegate = collector
            stream.parser = parser
            _ = parser.parse()
            parser.delegate = nil
            stream.parser = nil
        }
    }

    /// ``SafeXMLParser``'s checks on the head of the file.
    private func refuseDangerousProlog(_ descriptor: Int32) throws {
        var head = [UInt8](repeating: 0, count: Self.prologLimit)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, Self.prologLimit, 0) }
        guard count >= 0 else { throw FileError(path: path, message: "cannot read: \(systemErrorMessage())") }
        head.removeSubrange(count...)
        try SafeXMLParser.refuseNonASCIICompatibleEncodings(head, file: path)
        try SafeXMLParser.refuseEntityDeclarations(head, file: path)
        // An internal subset that runs past the scanned head could hide a declaration.
        if count == Self.prologLimit, let doctype = head.firstRange(of: Array("<!DOCTYPE".utf8)) {
            let rest = head[doctype.upperBound...]
            let opensSubset = rest.prefix { $0 != UInt8(ascii: ">") }.contains(UInt8(ascii: "["))
            if opensSubset && rest.firstRange(of: Array("]".utf8)) == nil {
                throw FileError(path: path, line: 1, message: "the DOCTYPE's internal subset is longer than 1 MB; Termbridge refuses it (it could declare entities)")
            }
        }
    }
}

// MARK: - The stream

/// An `InputStream` over a file descriptor that keeps the raw bytes from a given line on, so
/// that positions libxml2 reports can be turned into byte offsets and text walked.
private final class RecordingFileStream: InputStream {
    let descriptor: Int32
    let path: String
    weak var parser: XMLParser?
    var readError: FileError?
    /// Set when parsing must stop: reads then return end of file.
    var stopped = false

    /// Raw bytes from absolute offset ``windowStart`` on.
    private(set) var window: [UInt8] = []
    private(set) var windowStart = 0
    /// Absolute offsets of the starts of lines ``firstLine``, ``firstLine`` + 1, …
    private var lineStarts: [Int] = [0]
    private var firstLine = 1
    /// Lines before this one may be dropped.
    var keepFromLine = 1

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        super.init(data: Data())
    }

    var lineCount: Int { firstLine + lineStarts.count - 1 }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { !stopped }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        if stopped { return 0 }
        var count: Int
        repeat { count = Glibc.read(descriptor, buffer, length) } while count < 0 && errno == EINTR
        if count < 0 {
            readError = FileError(path: path, message: "cannot read: \(systemErrorMessage())")
            stopped = true
            return 0
        }
        trim()
        let base = windowStart + window.count
        window.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        for k in 0..<count where buffer[k] == 0x0A { lineStarts.append(base + k + 1) }
        return count
    }

    /// Drops the bytes before line ``keepFromLine`` once there are enough of them.
    private func trim() {
        let keep = min(keepFromLine, lineCount) - firstLine
        guard keep > 0 else { return }
        let dropTo = lineStarts[keep] - windowStart
        guard dropTo >= 1 << 20 || (dropTo > 0 && dropTo * 2 >= window.count) else { return }
        window.removeSubrange(0..<dropTo)
        windowStart += dropTo
        lineStarts.removeSubrange(0..<keep)
        firstLine += keep
    }

    private func byte(_ offset: Int) -> UInt8? {
        let k = offset - windowStart
        return k >= 0 && k < window.count ? window[k] : nil
    }

    /// The absolute offset of the character at `line`:`column` (columns counted in
    /// characters, or in bytes when `bytes`), if that line is still held.
    private func offset(line: Int, column: Int, bytes: Bool) -> Int? {
        guard line >= firstLine, line < firstLine + lineStarts.count, column >= 1 else { return nil }
        var offset = lineStarts[line - firstLine]
        var current = 1
        while current < column {
            guard let b = byte(offset), b != 0x0A else { return nil }
            offset += 1
            if !bytes { while let next = byte(offset), next & 0xC0 == 0x80 { offset += 1 } }
            current += 1
        }
        return byte(offset) == nil ? nil : offset
    }

    /// Where the content of the element whose start tag libxml2 reported at `line`:`column`
    /// begins: the byte after the tag's `>` and its line and column; nil when the tag is
    /// self-closing or the place cannot be confirmed.
    func contentStart(ofTagEndingAt line: Int, column: Int) -> (offset: Int, line: Int, column: Int)? {
        for bytes in [false, true] {
            guard let at = offset(line: line, column: column, bytes: bytes), let b = byte(at) else { continue }
            if b == UInt8(ascii: ">") {
                // The column of the next character, in characters.
                var characters = 0
                var k = lineStarts[line - firstLine]
                while k < at { if let c = byte(k), c & 0xC0 != 0x80 { characters += 1 }; k += 1 }
                return (at + 1, line, characters + 2)
            }
            if b == UInt8(ascii: "/") { return nil }
        }
        return nil
    }

    /// Walks raw content from `start` to the end tag that closes it, decoding as XML does,
    /// and gives the position of each character — if the walk decodes to exactly
    /// `expected` (the parser's text); nil otherwise. See ``StreamingXMLReader``.
    /// O(length of the raw content).
    func walkContent(from start: (offset: Int, line: Int, column: Int), skipping: Set<String>, expecting expected: String)
        -> TextPositions? {
        let base = start.offset - windowStart
        guard base >= 0, base <= window.count else { return nil }
        return window.withUnsafeBufferPointer { bytes -> TextPositions? in
            var i = base, line = start.line, column = start.column
            var expectedScalars = expected.unicodeScalars.makeIterator()
            var count = 0
            var positions = TextPositions(anchors: [])
            var depth = 0
            var skipDepth: Int?
            var mismatch = false
            func emit(_ value: UInt32, _ atLine: Int, _ atColumn: Int) {
                guard skipDepth == nil else { return }
                guard let next = expectedScalars.next(), next.value == value else { mismatch = true; return }
                positions.add(offset: count, line: atLine, column: atColumn)
                count += 1
            }
            /// Reads one character of content at the cursor and emits it, a CR LF or lone CR
            /// as the LF an XML parser reports.
            func emitContentCharacter() -> Bool {
                let (l, c) = (line, column)
                guard let value = scalar() else { return false }
                step()
                if value == 0x0D {
                    if i < bytes.count, bytes[i] == 0x0A { return true }
                    emit(0x0A, l, c)
                } else {
                    emit(value, l, c)
                }
                return true
            }
            /// Moves past one character, keeping line and column.
            func step() {
                let b = bytes[i]
                i += 1
                if b == 0x0A { line += 1; column = 1; return }
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                column += 1
            }
            func at(_ literal: StaticString) -> Bool {
                let count = literal.utf8CodeUnitCount
                guard i + count <= bytes.count else { return false }
                let pointer = literal.utf8Start
                for k in 0..<count where bytes[i + k] != pointer[k] { return false }
                return true
            }
            func skip(past terminator: StaticString) -> Bool {
                while i < bytes.count, !at(terminator) { step() }
                guard i < bytes.count else { return false }
                for _ in 0..<terminator.utf8CodeUnitCount { step() }
                return true
            }
            func scalar() -> UInt32? {
                let lead = UInt32(bytes[i])
                if lead < 0x80 { return lead }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard i + length <= bytes.count else { return nil }
                var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                return value
            }
            while i < bytes.count, !mismatch {
                let b = bytes[i]
                if b == UInt8(ascii: "<") {
                    if at("<!--") { guard skip(past: "-->") else { return nil }; continue }
                    if at("<?") { guard skip(past: "?>") else { return nil }; continue }
                    if at("<![CDATA[") {
                        for _ in 0..<9 { step() }
                        while i < bytes.count, !at("]]>") {
                            guard emitContentCharacter() else { return nil }
                        }
                        guard i < bytes.count else { return nil }
                        for _ in 0..<3 { step() }
                        continue
                    }
                    // A tag: read it whole (quoted attribute values may hold '>').
                    let tagLine = line, tagColumn = column, tagStart = i
                    var quote: UInt8?
                    var closed = false
                    while i < bytes.count {
                        let c = bytes[i]
                        step()
                        if let q = quote { if c == q { quote = nil }; continue }
                        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c; continue }
                        if c == UInt8(ascii: ">") { closed = true; break }
                    }
                    guard closed else { return nil }
                    let tag = UnsafeBufferPointer(rebasing: bytes[tagStart..<i])
                    let isEnd = tag.count > 1 && tag[1] == UInt8(ascii: "/")
                    let isEmpty = tag.count > 1 && tag[tag.count - 2] == UInt8(ascii: "/")
                    var nameStart = isEnd ? 2 : 1, nameEnd = nameStart
                    while nameEnd < tag.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(tag[nameEnd]) {
                        if tag[nameEnd] == UInt8(ascii: ":") { nameStart = nameEnd + 1 }
                        nameEnd += 1
                    }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: tag[nameStart..<nameEnd]), as: UTF8.self)
                    if isEnd {
                        if depth == 0 {
                            guard expectedScalars.next() == nil else { return nil }
                            return count == 0 ? TextPositions(line: start.line, column: start.column) : positions
                        }
                        if skipDepth == depth { skipDepth = nil }
                        depth -= 1
                    } else if isEmpty {
                        if name == "cp", skipDepth == nil, let value = Self.codePoint(in: String(decoding: tag, as: UTF8.self)) {
                            emit(value.value, tagLine, tagColumn)
                        }
                    } else {
                        depth += 1
                        if skipDepth == nil && skipping.contains(name) { skipDepth = depth }
                    }
                    continue
                }
                if b == UInt8(ascii: "&") {
                    let entityLine = line, entityColumn = column
                    let referenceStart = i + 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: ";") {
                        step()
                        guard i - referenceStart < 16 else { return nil }
                    }
                    guard i < bytes.count else { return nil }
                    let reference = String(decoding: UnsafeBufferPointer(rebasing: bytes[referenceStart..<i]), as: UTF8.self)
                    step()
                    guard let value = Self.entity(reference) else { return nil }
                    emit(value.value, entityLine, entityColumn)
                    continue
                }
                guard emitContentCharacter() else { return nil }
            }
            return nil
        }
    }

    /// The character of `&name;`: the five predefined entities and character references.
    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if name.hasPrefix("#") { return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }

    /// The character of an XLIFF 2 `<cp hex="…"/>` tag.
    static func codePoint(in tag: String) -> Unicode.Scalar? {
        guard let range = tag.firstRange(of: "hex=") else { return nil }
        let value = tag[range.upperBound...].dropFirst().prefix { $0.isHexDigit }
        return UInt32(value, radix: 16).flatMap(Unicode.Scalar.init)
    }
}

// MARK: - The parser's delegate

/// Builds the subtree of each unit element and hands it out when the unit ends.
private final class UnitCollector: XMLParserDelegate {
    let unitNames: Set<String>
    let stream: RecordingFileStream
    private var body: ((StreamingXMLReader.Unit) throws -> Void)?
    var ancestors: [XMLTreeElement] = []
    var stack: [XMLTreeElement] = []
    var failure: (line: Int, column: Int, message: String)?
    var bodyError: (any Error)?
    var sawRoot = false
    var sawRootEnd = false
    private var namespaces = XMLNamespaceScope()

    init(unitNames: Set<String>, stream: RecordingFileStream, body: @escaping (StreamingXMLReader.Unit) throws -> Void) {
        self.unitNames = unitNames
        self.stream = stream
        self.body = body
    }

    /// Drops the callback, which must not outlive the parse.
    func release() { body = nil }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard failure == nil else { return }
        failure = (parser.lineNumber, parser.columnNumber, message)
        stop(parser)
    }

    private func stop(_ parser: XMLParser) {
        stream.stopped = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        namespaces.begin(prefix, namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        namespaces.end(prefix)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        guard failure == nil, bodyError == nil else { return }
        sawRoot = true
        guard ancestors.count + stack.count < SafeXMLParser.maximumDepth else {
            fail(parser, "elements are nested more than \(SafeXMLParser.maximumDepth) levels deep")
            return
        }
        let attributes = namespaces.attributes(attributeDict)
        let element = XMLTreeElement(elementName, namespace: namespaceURI ?? "", attributes: attributes,
                                     line: parser.lineNumber, column: parser.columnNumber)
        if stack.isEmpty && !unitNames.contains(elementName) {
            ancestors.append(element)
        } else {
            if stack.isEmpty { stream.keepFromLine = parser.lineNumber }
            stack.append(element)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, bodyError == nil else { return }
        if stack.isEmpty {
            _ = ancestors.popLast()
            if ancestors.isEmpty { sawRootEnd = true }
            return
        }
        let element = stack.removeLast()
        if !stack.isEmpty {
            stack[stack.count - 1].children.append(.element(element))
            return
        }
        do {
            try body?(StreamingXMLReader.Unit(element: element, ancestors: ancestors, stream: stream))
        } catch {
            bodyError = error
            stop(parser)
        }
        stream.keepFromLine = parser.lineNumber
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        guard failure == nil, !stack.isEmpty, !text.isEmpty else { return }
        let last = stack.count - 1
        if case .text(let previous)? = stack[last].children.last {
            stack[last].children[stack[last].children.count - 1] = .text(previous + text)
        } else {
            stack[last].children.append(.text(text))
        }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(parser, SafeXMLParser.undeclaredEntityMessage(name))
        return nil
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, SafeXMLParser.entityDeclarationMessage(name))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, SafeXMLParser.entityDeclarationMessage(name))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        guard !SafeXMLParser.isWarning(code) else { return }
        if failure == nil && bodyError == nil {
            fail(parser, "malformed XML: " + SafeXMLParser.describe(libxml2Code: code))
        }
    }
}
