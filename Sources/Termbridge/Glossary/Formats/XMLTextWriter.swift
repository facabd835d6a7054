import Foundation

/// Escaping for the XML that Termbridge writes.
enum XMLEscaping {
    /// Character references for element content: `&`, `<`, `>` and carriage return (which a
    /// parser would otherwise turn into a line feed).
    static let textReferences: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"]
    /// For double-quoted attributes: as for text, plus `"`, and tab and line feed (a parser
    /// normalizes them to spaces).
    static let attributeReferences = textReferences.merging(["\"": "&quot;", "\t": "&#9;", "\n": "&#10;"]) { $1 }

    /// For HTML text and (double- or single-quoted) attributes.
    static let htmlReferences: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\n": "&#10;", "\r": " ",
    ]

    /// The house style shared by Termbridge's self-contained HTML pages (alignment review,
    /// check report): page, Chinese fonts, title and header list.
    static let reportStyle = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
        :lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
        header dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; font-size: .9rem; }
        header dt { font-weight: 600; }
        header dd { margin: 0; }

        """

    /// `text` escaped for HTML text and attributes, characters HTML cannot carry as U+FFFD.
    static func html(_ text: String) -> String {
        var replaced = 0
        return escape(text, with: htmlReferences, replacingDisallowed: true, replaced: &replaced)
    }

    /// `text` escaped for element content.
    static func text(_ text: String) -> String { escape(text, with: textReferences) }

    /// `value` escaped for a double-quoted attribute.
    static func attribute(_ value: String) -> String { escape(value, with: attributeReferences) }

    /// `text` with each scalar in `references` replaced by its reference; the other scalars
    /// are kept, or — when `replacingDisallowed` — those XML cannot carry become U+FFFD,
    /// counted in `replaced`.
    static func escape(_ text: String, with references: [Unicode.Scalar: String],
                       replacingDisallowed: Bool = false, replaced: inout Int) -> String {
        if !mayNeedEscaping(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let reference = references[scalar] {
                out += reference
            } else if replacingDisallowed && !isAllowed(scalar) {
                out.unicodeScalars.append("\u{FFFD}")
                replaced += 1
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// False when `text` certainly holds nothing any of the reference tables replaces and no
    /// character XML forbids: no byte below 0x20, no `&<>"'`, no U+FFFE or U+FFFF (EF BF BE/BF).
    /// One pass over the bytes, so that most texts are written without a scalar-by-scalar copy.
    private static func mayNeedEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case ..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return true
            case 0xBE...0xBF where previous == (0xEF, 0xBF):
                return true
            default:
                previous = (previous.1, byte)
            }
        }
        return false
    }

    static func escape(_ text: String, with references: [Unicode.Scalar: String]) -> String {
        var replaced = 0
        return escape(text, with: references, replaced: &replaced)
    }

    /// Whether `scalar` may appear in an XML 1.0 document (the `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool { isAllowed(scalar.value) }

    /// Whether the scalar value `value` may appear in an XML 1.0 document.
    static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: true
        default: false
        }
    }

    /// `text` with every character XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF)
    /// replaced by U+FFFD, and how many were replaced.
    static func replacingDisallowedCharacters(_ text: String) -> (text: String, replaced: Int) {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return (text, 0) }
        var out = String.UnicodeScalarView()
        var replaced = 0
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { out.append(scalar) } else { out.append("\u{FFFD}"); replaced += 1 }
        }
        return (String(out), replaced)
    }
}

/// Writes ``XMLTreeElement`` trees as text: one line per element where the content is
/// element-only, inline where it holds text. Deterministic; two-space indentation.
///
/// Elements named in `elementOnly` (structure and groups) have their white-space-only text
/// dropped and their children indented on lines of their own, except that an element whose
/// only child holds text stays on one line (`<sourceDesc><p>…</p></sourceDesc>`). Every other
/// element is written inline, its text exactly as it is.
struct XMLTextWriter {
    /// Names of elements whose content is only elements (white space between them is layout).
    let elementOnly: Set<String>
    /// The namespace of unprefixed names in the document being written.
    let defaultNamespace: String
    /// The text so far, in UTF-8 (kept as bytes: a large document is not held twice, as
    /// text and then as data).
    private(set) var data = Data()

    init(elementOnly: Set<String>, defaultNamespace: String) {
        self.elementOnly = elementOnly
        self.defaultNamespace = defaultNamespace
    }

    /// Appends `line` at `depth` levels of indentation.
    mutating func appendLine(_ line: String, depth: Int = 0) {
        var line = String(repeating: "  ", count: depth) + line + "\n"
        line.withUTF8 { data.append($0) }
    }

    /// Appends `element` and its content at `depth`.
    mutating func append(_ element: XMLTreeElement, depth: Int = 0) {
        let children = content(of: element)
        let childElements = children.compactMap { if case .element(let e) = $0 { e } else { nil } }
        let isBlock = elementOnly.contains(element.name) && !childElements.isEmpty
            && !(childElements.count == 1 && !elementOnly.contains(childElements[0].name))
        guard isBlock else {
            appendLine(Self.compact(element, defaultNamespace: defaultNamespace, elementOnly: elementOnly), depth: depth)
            return
        }
        appendStartTag(element, depth: depth)
        for child in childElements { append(child, depth: depth + 1) }
        appendEndTag(element.name, depth: depth)
    }

    /// Appends the start tag of `element` on a line of its own at `depth`, for content that
    /// follows on lines of their own (as ``append(_:depth:)`` writes an element-only element).
    mutating func appendStartTag(_ element: XMLTreeElement, depth: Int) {
        appendLine(Self.startTag(element, extra: namespaceDeclarations(element, context: defaultNamespace)) + ">", depth: depth)
    }

    /// Appends the end tag `</name>` on a line of its own at `depth`.
    mutating func appendEndTag(_ name: String, depth: Int) {
        appendLine("</\(name)>", depth: depth)
    }

    private func content(of element: XMLTreeElement) -> [XMLTreeNode] {
        Self.content(of: element, elementOnly: elementOnly)
    }

    private func namespaceDeclarations(_ element: XMLTreeElement, context: String) -> [XMLTreeAttribute] {
        Self.namespaceDeclarations(element, context: context, declared: [:])
    }

    // MARK: One-line form

    /// `element` as XML on one line, in a context where unprefixed names are in
    /// `defaultNamespace`: white space dropped in `elementOnly` elements, all other text kept
    /// exactly. Elements of another namespace carry an `xmlns` declaration, and prefixed
    /// attributes (other than `xml:`) declare their prefixes, so the result parses on its own.
    static func compact(_ element: XMLTreeElement, defaultNamespace: String, elementOnly: Set<String>) -> String {
        var out = ""
        appendCompact(element, context: defaultNamespace, declared: [:], elementOnly: elementOnly, to: &out)
        return out
    }

    private static func appendCompact(_ element: XMLTreeElement, context: String, declared: [String: String],
                                      elementOnly: Set<String>, to out: inout String) {
        let declarations = namespaceDeclarations(element, context: context, declared: declared)
        out += startTag(element, extra: declarations)
        let children = content(of: element, elementOnly: elementOnly)
        guard !children.isEmpty else { out += "/>"; return }
        out += ">"
        var innerDeclared = declared
        for declaration in declarations where declaration.name.hasPrefix("xmlns:") {
            innerDeclared[String(declaration.name.dropFirst("xmlns:".count))] = declaration.value
        }
        for child in children {
            switch child {
            case .text(let text): out += XMLEscaping.text(text)
            case .element(let child):
                appendCompact(child, context: element.namespace, declared: innerDeclared, elementOnly: elementOnly, to: &out)
            }
        }
        out += "</\(element.name)>"
    }

    private static func content(of element: XMLTreeElement, elementOnly: Set<String>) -> [XMLTreeNode] {
        guard elementOnly.contains(element.name) else { return element.children }
        return element.children.filter {
            if case .text(let text) = $0 { !text.isXMLWhitespace } else { true }
        }
    }

    /// `xmlns` for an element outside the context's namespace, `xmlns:p` for attribute
    /// prefixes not yet declared.
    private static func namespaceDeclarations(_ element: XMLTreeElement, context: String,
                                              declared: [String: String]) -> [XMLTreeAttribute] {
        var declarations: [XMLTreeAttribute] = []
        if element.namespace != context, !element.attributes.contains(where: { $0.name == "xmlns" }) {
            declarations.append(XMLTreeAttribute("xmlns", element.namespace))
        }
        for attribute in element.attributes {
            guard let colon = attribute.name.firstIndex(of: ":"), let namespace = attribute.namespace else { continue }
            let prefix = String(attribute.name[..<colon])
            guard prefix != "xml", prefix != "xmlns", declared[prefix] != namespace,
                  !declarations.contains(where: { $0.name == "xmlns:" + prefix }) else { continue }
            declarations.append(XMLTreeAttribute("xmlns:" + prefix, namespace))
        }
        return declarations
    }

    private static func startTag(_ element: XMLTreeElement, extra: [XMLTreeAttribute]) -> String {
        var tag = "<" + element.name
        for attribute in element.attributes + extra {
            tag += " \(attribute.name)=\"\(XMLEscaping.attribute(attribute.value))\""
        }
        return tag
    }
}
