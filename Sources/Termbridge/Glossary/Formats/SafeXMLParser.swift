import Foundation

/// Parses a small XML document or fragment into an ``XMLTreeElement`` tree, with
/// ``XMLEventReader``'s defences (UTF-8, or UTF-16 with a byte order mark; no entities, no DTD loading, nesting limited).
/// Memory: the tree. Large files are read element by element instead (``TBXReader``,
/// ``StreamingXMLReader``).
enum SafeXMLParser {
    /// Parses `data` into a tree; `file` names the source in errors.
    ///
    /// - Throws: ``FileError`` with the line and column of the first problem.
    static func parse(_ data: Data, file: String?) throws -> XMLTreeElement {
        try XMLEventReader(.data(data), file: file).readDocument()
    }

    /// Parses `xml`, which should be exactly one element, as if it stood inside an element
    /// whose default namespace is `defaultNamespace`; nil when it is anything else (text,
    /// several elements, malformed XML, entity references).
    static func parseElement(_ xml: String, defaultNamespace: String) -> XMLTreeElement? {
        let wrapped = "<termbridge-fragment xmlns=\"\(XMLEscaping.attribute(defaultNamespace))\">\(xml)</termbridge-fragment>"
        guard let wrapper = try? parse(Data(wrapped.utf8), file: nil) else { return nil }
        let elements = wrapper.elements
        guard elements.count == 1,
              wrapper.directText.isXMLWhitespace else { return nil }
        return elements[0]
    }

    /// Attribute order for parsed elements: `type`, `target`, `id`, `xml:lang`, then by name —
    /// a fixed order, so that what is written from a parsed element does not depend on how
    /// the file ordered its attributes.
    static func canonicalOrder(_ attributes: [XMLTreeAttribute]) -> [XMLTreeAttribute] {
        guard attributes.count > 1 else { return attributes }
        let first = ["type", "target", "id", "xml:lang"]
        return attributes.sorted { a, b in
            let ra = first.firstIndex(of: a.name) ?? first.count
            let rb = first.firstIndex(of: b.name) ?? first.count
            return ra != rb ? ra < rb : a.name < b.name
        }
    }
}
