/// Start and end tags: names, attributes, namespaces.
extension XMLEventReader {
    /// An attribute as written, before namespaces are resolved.
    private struct WrittenAttribute {
        var name: String
        var value: String
        var place: XMLPlace
    }

    /// Reads a start tag or empty-element tag at the cursor (`<` then a name); the element.
    func readStartTag() throws -> XMLTreeElement {
        let place = here
        if stage == .epilog || stage == .done {
            throw malformed("extra content after the root element (a second root element?)", at: place)
        }
        guard open.count < Self.maximumDepth else {
            throw malformed("elements are nested more than \(Self.maximumDepth) levels deep", at: place)
        }
        skipASCII(1)
        guard let name = try readName() else {
            throw malformed("a name was expected after '<' (a lone '<' in text? write &lt;)")
        }
        var written: [WrittenAttribute] = []
        var seen: Set<String> = []   // names of the attributes so far, once there are many
        var isEmpty = false
        while true {
            let spaced = try skipWhiteSpace()
            guard let byte = try peek() else {
                throw malformed("the file ends inside the start tag <\(name)>", at: place)
            }
            if byte == UInt8(ascii: ">") {
                skipASCII(1)
                break
            }
            if byte == UInt8(ascii: "/") {
                skipASCII(1)
                guard try peek() == UInt8(ascii: ">") else { throw malformed("'>' expected after '/' in <\(name)>") }
                skipASCII(1)
                isEmpty = true
                break
            }
            guard spaced else { throw malformed("white space is required between the attributes of <\(name)>") }
            let attributePlace = here
            guard let attribute = try readName() else {
                throw malformed("an attribute name or '>' was expected in <\(name)>")
            }
            try skipWhiteSpace()
            guard try peek() == UInt8(ascii: "=") else {
                throw malformed("the attribute \(attribute) of <\(name)> has no value (write \(attribute)=\"…\")")
            }
            skipASCII(1)
            try skipWhiteSpace()
            guard let quote = try peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed("the value of the attribute \(attribute) of <\(name)> must be quoted")
            }
            skipASCII(1)
            let value = try readAttributeValue(quote: quote, of: attribute, at: attributePlace)
            // Duplicates: a scan while there are few attributes, a set beyond (linear either way).
            if written.count < 8 {
                if written.contains(where: { $0.name == attribute }) {
                    throw malformed("the attribute \(attribute) appears twice in <\(name)>", at: attributePlace)
                }
                if written.count == 7 { seen = Set(written.map(\.name) + [attribute]) }
            } else if !seen.insert(attribute).inserted {
                throw malformed("the attribute \(attribute) appears twice in <\(name)>", at: attributePlace)
            }
            written.append(WrittenAttribute(name: attribute, value: value, place: attributePlace))
        }
        let element = try resolveNamespaces(name: name, attributes: written, at: place)
        if stage == .prolog { stage = .content }
        if isEmpty { endPending = true }
        return element
    }

    /// Reads an attribute value up to `quote`: references resolved, white-space characters
    /// as spaces (XML's attribute-value normalization).
    private func readAttributeValue(quote: UInt8, of attribute: String, at place: XMLPlace) throws -> String {
        attributeValue.removeAll(keepingCapacity: true)
        while true {
            var j = i
            while j < end {
                let byte = buffer[j]
                if byte < 0x20 || byte >= 0x80 || byte == quote || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                j += 1
            }
            if j > i {
                attributeValue.append(contentsOf: UnsafeBufferPointer(start: buffer + i, count: j - i))
                column += j - i
                i = j
            }
            guard let byte = try peek() else {
                throw malformed("the value of the attribute \(attribute) is not closed", at: place)
            }
            switch byte {
            case quote:
                skipASCII(1)
                return String(decoding: attributeValue, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw malformed("'<' may not appear in an attribute value (write &lt;)")
            case UInt8(ascii: "&"):
                let value = try readReference()
                appendToAttributeValue(value)
            default:
                let value = try readCharacter()
                appendToAttributeValue(value == 0x0A || value == 0x09 ? 0x20 : value)
            }
        }
    }

    private func appendToAttributeValue(_ value: UInt32) {
        if value < 0x80 {
            attributeValue.append(UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            attributeValue.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    /// Applies the tag's namespace declarations (until its end tag) and resolves the prefixes
    /// of the element and its attributes; the element, its `xmlns` attributes left out.
    private func resolveNamespaces(name: String, attributes written: [WrittenAttribute], at place: XMLPlace) throws -> XMLTreeElement {
        let mark = namespaces.mark
        for attribute in written {
            if attribute.name == "xmlns" {
                namespaces.bind("", to: attribute.value)
            } else if Self.declaresPrefix(attribute.name) {
                let prefix = String(attribute.name.dropFirst("xmlns:".count))
                try checkQualifiedName(attribute.name, at: attribute.place)
                if prefix == "xmlns" || (prefix == "xml") != (attribute.value == XMLTreeAttribute.xmlNamespace) {
                    throw malformed("the prefix \(prefix) cannot be bound to \"\(attribute.value)\" (xml and xmlns are reserved)", at: attribute.place)
                }
                guard !attribute.value.isEmpty else {
                    throw malformed("the namespace prefix \(prefix) is declared empty, which XML namespaces do not allow", at: attribute.place)
                }
                namespaces.bind(prefix, to: attribute.value)
            }
        }
        let (prefix, local) = try split(name, at: place)
        guard let namespace = namespaces.namespace(of: prefix ?? "") ?? (prefix == nil ? "" : nil) else {
            throw malformed("the namespace prefix \(prefix!) of <\(name)> is not declared (xmlns:\(prefix!)=\"…\")", at: place)
        }
        var attributes: [XMLTreeAttribute] = []
        attributes.reserveCapacity(written.count)
        // Two prefixes of one namespace can name one attribute twice; with fewer than two
        // prefixed attributes (the usual xml:lang) there is nothing to compare.
        let prefixedCount = written.lazy.filter { $0.name.utf8.contains(UInt8(ascii: ":")) && !Self.declaresPrefix($0.name) }.count
        var expandedNames: Set<String> = []
        for attribute in written where attribute.name != "xmlns" && !Self.declaresPrefix(attribute.name) {
            let (attributePrefix, attributeLocal) = try split(attribute.name, at: attribute.place)
            guard let attributePrefix else {
                attributes.append(XMLTreeAttribute(attribute.name, attribute.value))
                continue
            }
            guard let attributeNamespace = namespaces.namespace(of: attributePrefix) else {
                throw malformed("the namespace prefix \(attributePrefix) of the attribute \(attribute.name) is not declared (xmlns:\(attributePrefix)=\"…\")", at: attribute.place)
            }
            guard prefixedCount < 2 || expandedNames.insert(attributeNamespace + " " + attributeLocal).inserted else {
                throw malformed("the attribute \(attribute.name) appears twice in <\(name)> (under another prefix of the same namespace)", at: attribute.place)
            }
            attributes.append(XMLTreeAttribute(attribute.name, attribute.value, namespace: attributeNamespace))
        }
        open.append((name, place, mark))
        return XMLTreeElement(local, namespace: namespace, attributes: SafeXMLParser.canonicalOrder(attributes),
                              line: place.line, column: place.column)
    }

    /// Whether an attribute named `name` declares a namespace prefix (`xmlns:…`).
    private static func declaresPrefix(_ name: String) -> Bool {
        name.utf8.starts(with: "xmlns:".utf8)
    }

    /// `name` as prefix and local part; an error unless it is an NCName or two joined by one
    /// colon.
    private func split(_ name: String, at place: XMLPlace) throws -> (prefix: String?, local: String) {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, name) }
        try checkQualifiedName(name, at: place)
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }

    private func checkQualifiedName(_ name: String, at place: XMLPlace) throws {
        let utf8 = name.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), !utf8[utf8.index(after: colon)...].contains(UInt8(ascii: ":")),
              XMLNames.isNCName(name[..<colon]), XMLNames.isNCName(name[utf8.index(after: colon)...]) else {
            throw malformed("\(name) is not a valid name with namespaces (one colon between two names)", at: place)
        }
    }

    /// Reads an end tag at the cursor (`</`), which must close the innermost open element.
    func readEndTag() throws {
        let place = here
        skipASCII(2)
        guard let name = try readName() else { throw malformed("a name was expected after '</'") }
        try skipWhiteSpace()
        guard try peek() == UInt8(ascii: ">") else { throw malformed("'>' expected at the end of </\(name)") }
        skipASCII(1)
        guard let innermost = open.last else {
            throw malformed("the end tag </\(name)> closes no element", at: place)
        }
        guard innermost.name == name else {
            throw malformed("the end tag does not match the start tag: </\(name)> closes <\(innermost.name)> (line \(innermost.place.line))", at: place)
        }
        closeElement()
    }
}
