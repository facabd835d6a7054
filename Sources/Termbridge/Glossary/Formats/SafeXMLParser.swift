import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synchronization

/// An attribute of an ``XMLTreeElement``.
struct XMLTreeAttribute: Hashable, Sendable {
    /// The name as written, prefix included: `type`, `xml:lang`, `x:source`.
    var name: String
    /// The namespace that the prefix is bound to; nil for an unprefixed attribute.
    var namespace: String?
    /// The value, with character references and the predefined entities resolved.
    var value: String

    init(_ name: String, _ value: String, namespace: String? = nil) {
        self.name = name
        self.value = value
        self.namespace = namespace ?? (name.hasPrefix("xml:") ? XMLTreeAttribute.xmlNamespace : nil)
    }

    /// The namespace the `xml:` prefix is always bound to.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}

/// A child of an ``XMLTreeElement``: an element or a run of text.
enum XMLTreeNode: Hashable, Sendable {
    case element(XMLTreeElement)
    case text(String)
}

/// An element of a small XML tree, with the place in the source where its start tag begins.
///
/// Comments and processing instructions are not kept; CDATA sections become text.
struct XMLTreeElement: Hashable, Sendable {
    /// The local name (`conceptEntry`, `descrip`).
    var name: String
    /// The namespace URI, or "" for none.
    var namespace: String
    /// The attributes, in a fixed order (see ``SafeXMLParser/canonicalOrder(_:)``) when parsed,
    /// as given when built in code.
    var attributes: [XMLTreeAttribute]
    /// Elements and text runs, in document order; adjacent text is merged.
    var children: [XMLTreeNode]
    /// 1-based line of the `<` of the start tag; 0 for elements built in code.
    var line: Int
    /// 1-based column (in characters) of the `<` of the start tag; 0 for elements built in code.
    var column: Int

    init(_ name: String, namespace: String = "", attributes: [XMLTreeAttribute] = [],
         children: [XMLTreeNode] = [], line: Int = 0, column: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
        self.column = column
    }

    /// An element holding only `text` (no child element when `text` is empty).
    init(_ name: String, namespace: String = "", attributes: [XMLTreeAttribute] = [], text: String) {
        self.init(name, namespace: namespace, attributes: attributes, children: text.isEmpty ? [] : [.text(text)])
    }

    /// The value of the attribute named `name` (as written, e.g. `xml:lang`).
    subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements, in order.
    var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The text directly inside this element (not inside its child elements), concatenated.
    var directText: String {
        children.reduce(into: "") { if case .text(let text) = $1 { $0 += text } }
    }

    /// Whether a child element exists.
    var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }
}

/// Parses XML into an ``XMLTreeElement`` tree with FoundationXML's `XMLParser`, refusing what
/// makes XML dangerous to read.
///
/// Defences, in order:
/// 1. Input in UTF-16 or UTF-32 is refused (the prolog check below reads ASCII-compatible bytes).
/// 2. The prolog is scanned before parsing: a DOCTYPE whose internal subset declares any entity
///    (`<!ENTITY`) is refused with its line, which stops billion-laughs bombs and XXE files
///    before libxml2 sees them. A plain `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">` is
///    accepted, and the DTD is not fetched.
/// 3. `XMLParser` runs with `shouldResolveExternalEntities = false` and the `.never` policy, so
///    no external entity or DTD is loaded; any reference to an undeclared entity stops the
///    parse with an error.
/// 4. The first error libxml2 reports stops the parse (Foundation's parser otherwise runs
///    libxml2 in recovery mode and keeps going), and nesting deeper than ``maximumDepth`` is
///    refused.
///
/// libxml2's global state is not safe to use from several threads at once, so parses are
/// serialized through one lock. Memory: the tree plus one copy of the input.
enum SafeXMLParser {
    /// The deepest element nesting accepted; TBX needs fewer than 12 levels.
    static let maximumDepth = 200

    private static let lock = Mutex<Void>(())

    /// Parses `data` into a tree; `file` names the source in errors.
    ///
    /// - Throws: ``FileError`` with the line and column of the first problem.
    static func parse(_ data: Data, file: String?) throws -> XMLTreeElement {
        let bytes = [UInt8](data)
        try refuseNonASCIICompatibleEncodings(bytes, file: file)
        try refuseEntityDeclarations(bytes, file: file)
        let builder = TreeBuilder(locator: SourceLocator(bytes: bytes))
        lock.withLock { _ in
            // The parser lives inside the lock: its deinit frees libxml2 state too.
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            parser.shouldReportNamespacePrefixes = true
            parser.shouldResolveExternalEntities = false
            parser.externalEntityResolvingPolicy = .never
            parser.delegate = builder
            _ = parser.parse()
            parser.delegate = nil
        }
        if let failure = builder.failure {
            throw FileError(path: file, line: failure.line, column: failure.column, message: failure.message)
        }
        if let open = builder.stack.last {
            throw FileError(path: file, line: open.line, column: open.column,
                            message: "malformed XML: <\(open.name)> is never closed")
        }
        guard let root = builder.root else {
            throw FileError(path: file, line: 1, message: "malformed XML: no root element (is the file empty?)")
        }
        return root
    }

    /// Parses `xml`, which should be exactly one element, as if it stood inside an element
    /// whose default namespace is `defaultNamespace`; nil when it is anything else (text,
    /// several elements, malformed XML, entity references).
    static func parseElement(_ xml: String, defaultNamespace: String) -> XMLTreeElement? {
        let wrapped = "<termbridge-fragment xmlns=\"\(XMLEscaping.attribute(defaultNamespace))\">\(xml)</termbridge-fragment>"
        guard let wrapper = try? parse(Data(wrapped.utf8), file: nil) else { return nil }
        let elements = wrapper.elements
        guard elements.count == 1,
              wrapper.directText.allSatisfy(\.isXMLWhitespace) else { return nil }
        return elements[0]
    }

    /// Attribute order for parsed elements: `type`, `target`, `id`, `xml:lang`, then by name.
    /// (The parser hands attributes over in a dictionary, so the file's order is lost.)
    static func canonicalOrder(_ attributes: [XMLTreeAttribute]) -> [XMLTreeAttribute] {
        let first = ["type", "target", "id", "xml:lang"]
        return attributes.sorted { a, b in
            let ra = first.firstIndex(of: a.name) ?? first.count
            let rb = first.firstIndex(of: b.name) ?? first.count
            return ra != rb ? ra < rb : a.name < b.name
        }
    }

    // MARK: Checks before parsing

    /// Refuses UTF-16 and UTF-32 input, which the byte-level prolog check cannot read.
    static func refuseNonASCIICompatibleEncodings(_ bytes: [UInt8], file: String?) throws {
        let head = Array(bytes.prefix(4))
        let utf16BOM = head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE])
        let nulInHead = head.count >= 2 && (head[0] == 0 || head[1] == 0)
        if utf16BOM || nulInHead {
            throw FileError(path: file, line: 1, column: 1,
                            message: "this XML file is in UTF-16 or UTF-32; Termbridge reads UTF-8 XML only (re-save it as UTF-8)")
        }
    }

    /// Refuses a DOCTYPE whose internal subset declares entities, naming the line of the first
    /// `<!ENTITY`. Scans only the prolog (XML declaration, comments, processing instructions,
    /// DOCTYPE), stopping at the root element. O(prolog length).
    static func refuseEntityDeclarations(_ bytes: [UInt8], file: String?) throws {
        var scanner = PrologScanner(bytes: bytes)
        if let place = scanner.firstEntityDeclaration() {
            throw FileError(path: file, line: place.line, column: place.column, message:
                "the DOCTYPE declares entities (<!ENTITY …>); Termbridge refuses entity declarations in XML it reads, because they can expand to gigabytes (\"billion laughs\") or read local files (XXE). Remove the internal DTD subset")
        }
    }

    /// libxml2 codes that are warnings, not errors: the parse goes on (unknown version,
    /// xml:lang or xml:space values, namespace URIs that are not absolute, redefined entities).
    private static let warningCodes: Set<Int> = [93, 97, 98, 99, 100, 102, 106, 107]

    /// A sentence for a libxml2 error code (`xmlParserErrors` in libxml/xmlerror.h).
    static func describe(libxml2Code code: Int) -> String {
        let described: String
        switch code {
        case 4: described = "the document is empty"
        case 5, 86: described = "extra content after the root element"
        case 6, 7, 8: described = "invalid character reference"
        case 9: described = "a character that XML does not allow (or invalid UTF-8)"
        case 23: described = "an entity or character reference without its closing ';' (write & as &amp;)"
        case 22, 68: described = "a name was expected (a lone '&' or '<' in text? write &amp; and &lt;)"
        case 26, 27: described = "reference to an undeclared entity"
        case 32, 31, 81: described = "unsupported or wrong character encoding (Termbridge reads UTF-8)"
        case 38: described = "'<' inside an attribute value (write &lt;)"
        case 39: described = "an attribute value must be quoted"
        case 40: described = "an attribute value is not closed"
        case 41: described = "an attribute without a value"
        case 42, 203: described = "the same attribute appears twice"
        case 45: described = "a comment is not closed"
        case 61: described = "the DOCTYPE is not closed"
        case 63: described = "a CDATA section is not closed"
        case 64: described = "a processing instruction may not be named xml here (is the XML declaration not at the very start?)"
        case 73: described = "'>' expected"
        case 74: described = "'</' expected"
        case 76: described = "the end tag does not match the start tag"
        case 77: described = "the document ends inside an element (an end tag is missing)"
        case 89: described = "an entity refers to itself"
        case 111: described = "parsing stopped"
        case 201: described = "a namespace prefix is used but not declared"
        default: described = "not well-formed"
        }
        return "\(described) (libxml2 error \(code))"
    }

    static func isWarning(_ code: Int) -> Bool { warningCodes.contains(code) }

    /// The message for a reference to an entity XML does not predeclare.
    static func undeclaredEntityMessage(_ name: String) -> String {
        "malformed XML: reference to the undeclared entity &\(name); (Termbridge resolves no entities but &amp; &lt; &gt; &quot; &apos;)"
    }

    /// The message for an entity declaration met while parsing.
    static func entityDeclarationMessage(_ name: String) -> String {
        "the DOCTYPE declares entities (<!ENTITY \(name) …>); Termbridge refuses entity declarations in XML it reads"
    }
}

extension Character {
    /// XML's white space: space, tab, line feed, carriage return.
    var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}

// MARK: - Building the tree

/// Receives `XMLParser`'s events and builds the tree; records the first problem and stops.
private final class TreeBuilder: XMLParserDelegate {
    var root: XMLTreeElement?
    var stack: [XMLTreeElement] = []
    var failure: (line: Int, column: Int, message: String)?
    private var namespaces = XMLNamespaceScope()
    private var locator: SourceLocator

    init(locator: SourceLocator) {
        self.locator = locator
    }

    private func fail(_ parser: XMLParser, _ message: String, line: Int? = nil, column: Int? = nil) {
        guard failure == nil else { return }
        failure = (line ?? parser.lineNumber, column ?? parser.columnNumber, message)
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
        guard failure == nil else { return }
        let place = locator.startOfTag(endingAt: parser.lineNumber, column: parser.columnNumber)
        guard stack.count < SafeXMLParser.maximumDepth else {
            fail(parser, "elements are nested more than \(SafeXMLParser.maximumDepth) levels deep", line: place.line, column: place.column)
            return
        }
        let attributes = namespaces.attributes(attributeDict)
        stack.append(XMLTreeElement(elementName, namespace: namespaceURI ?? "",
                                    attributes: attributes,
                                    line: place.line, column: place.column))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(text: string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(text: String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(text: String) {
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

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        guard !SafeXMLParser.isWarning(code) else { return }
        fail(parser, "malformed XML: " + SafeXMLParser.describe(libxml2Code: code))
    }
}

// MARK: - Positions

/// Turns libxml2's position of a start tag's `>` into the position of its `<`.
///
/// libxml2 reports lines and character columns at the end of the start tag. Elements arrive
/// in document order, so a cursor makes the conversion O(input) over a whole parse.
private struct SourceLocator {
    let bytes: [UInt8]
    /// Byte offset where each line starts.
    let lineStarts: [Int]
    private var cursor: (line: Int, column: Int, offset: Int) = (1, 1, 0)

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The byte offset of the character at `line`, `column` (both 1-based).
    private mutating func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var (current, offset) = (1, lineStarts[line - 1])
        if cursor.line == line, cursor.column <= column { (current, offset) = (cursor.column, cursor.offset) }
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while current < column, offset < end {
            offset += 1
            while offset < end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            current += 1
        }
        cursor = (line, current, offset)
        return current == column && offset < end ? offset : nil
    }

    /// The line and column of the `<` opening the tag whose `>` is at `line`, `column`; the
    /// given place when it cannot be found.
    mutating func startOfTag(endingAt line: Int, column: Int) -> (line: Int, column: Int) {
        guard let end = offset(line: line, column: column), bytes[end] == UInt8(ascii: ">") else {
            return (line, column)
        }
        var start = end
        var characters = 0
        var lineBreaks = 0
        while start > 0, bytes[start] != UInt8(ascii: "<") {   // '<' never occurs inside a tag
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { characters += 1 }
            if bytes[start] == 0x0A { lineBreaks += 1 }
        }
        guard bytes[start] == UInt8(ascii: "<") else { return (line, column) }
        if lineBreaks == 0 { return (line, column - characters) }
        let startLine = line - lineBreaks
        var startColumn = 1
        var offset = lineStarts[startLine - 1]
        while offset < start {
            if bytes[offset] & 0xC0 != 0x80 { startColumn += 1 }
            offset += 1
        }
        return (startLine, startColumn)
    }
}

// MARK: - Prolog scan

/// Walks the prolog of an XML document (before the root element) byte by byte, tracking lines,
/// to find entity declarations in a DOCTYPE's internal subset.
private struct PrologScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    private func at(_ literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        return index + pattern.count <= bytes.count && bytes[index ..< index + pattern.count].elementsEqual(pattern)
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0 ..< count where index < bytes.count {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
    }

    /// Moves past the next occurrence of `terminator`, or to the end.
    private mutating func skip(past terminator: String) {
        while index < bytes.count, !at(terminator) { advance() }
        advance(terminator.utf8.count)
    }

    private var column: Int {
        1 + bytes[lineStart ..< min(index, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The place of the first `<!ENTITY` in the internal subset, or nil.
    mutating func firstEntityDeclaration() -> (line: Int, column: Int)? {
        while index < bytes.count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                advance()
            } else if at("<?") {
                skip(past: "?>")
            } else if at("<!--") {
                skip(past: "-->")
            } else if at("<!DOCTYPE") {
                return entityDeclarationInDoctype()
            } else {
                return nil   // the root element (or something the parser will reject)
            }
        }
        return nil
    }

    /// Scans a DOCTYPE, skipping quoted literals; inside `[ … ]` reports `<!ENTITY`.
    private mutating func entityDeclarationInDoctype() -> (line: Int, column: Int)? {
        advance("<!DOCTYPE".utf8.count)
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                advance()
                while index < bytes.count, bytes[index] != byte { advance() }
                advance()
            } else if inSubset, at("<!--") {
                skip(past: "-->")
            } else if inSubset, at("<?") {
                skip(past: "?>")
            } else if inSubset, at("<!ENTITY") {
                return (line, column)
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
                advance()
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
                advance()
            } else if byte == UInt8(ascii: ">"), !inSubset {
                return nil
            } else {
                advance()
            }
        }
        return nil
    }
}

/// The namespace prefixes in scope while an XMLParser delegate walks a document, and the
/// attributes of an element resolved against them: one implementation for every delegate
/// that builds ``XMLTreeElement``s.
struct XMLNamespaceScope {
    /// Prefix → the namespaces bound to it, innermost last.
    private var prefixes: [String: [String]] = [:]

    mutating func begin(_ prefix: String, _ namespace: String) {
        prefixes[prefix, default: []].append(namespace)
    }

    mutating func end(_ prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    /// The attributes as XMLParser reports them, with namespaces resolved, in canonical order.
    func attributes(_ dictionary: [String: String]) -> [XMLTreeAttribute] {
        let attributes = dictionary.map { name, value -> XMLTreeAttribute in
            var namespace: String?
            if let colon = name.firstIndex(of: ":") {
                let prefix = String(name[..<colon])
                namespace = prefix == "xml" ? XMLTreeAttribute.xmlNamespace : prefixes[prefix]?.last
            }
            return XMLTreeAttribute(name, value, namespace: namespace)
        }
        return SafeXMLParser.canonicalOrder(attributes)
    }
}
