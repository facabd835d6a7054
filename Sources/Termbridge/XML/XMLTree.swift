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
    /// as given when built in code. Namespace declarations (`xmlns`) are not attributes.
    var attributes: [XMLTreeAttribute]
    /// Elements and text runs, in document order. A parsed element never has two text runs
    /// in a row (text around comments and CDATA sections is one run).
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

    /// Where the start tag begins.
    var place: XMLPlace { XMLPlace(line: line, column: column) }
}

/// A place in an XML file: 1-based line and column (columns count Unicode scalars; CR LF and
/// a lone CR end a line, as XML reads them).
struct XMLPlace: Hashable, Sendable {
    var line: Int
    var column: Int
}

extension StringProtocol {
    /// Whether the text is only XML's white space (space, tab, line feed, carriage return),
    /// or empty.
    var isXMLWhitespace: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
