/// The start of the document (encoding, XML declaration), comments, processing instructions,
/// CDATA sections and the DOCTYPE.
extension XMLEventReader {
    // MARK: Encoding

    /// Checks the first bytes (byte order marks, UTF-16/32 and EBCDIC patterns) and reads the
    /// XML declaration, refusing every encoding but UTF-8, US-ASCII and UTF-16 with a byte
    /// order mark (transcoded as it is read: ``UTF16Transcoder``) before any content is read.
    func readStartOfDocument() throws {
        stage = .prolog
        _ = try available(4)
        let head = Array(UnsafeBufferPointer(start: buffer + i, count: min(4, end - i)))
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        let detected: String?
        if starts([0xFF, 0xFE, 0, 0]) || starts([0x3C, 0, 0, 0]) {
            detected = "UTF-32LE"
        } else if starts([0, 0, 0xFE, 0xFF]) || starts([0, 0, 0, 0x3C]) {
            detected = "UTF-32BE"
        } else if starts([0xFF, 0xFE]) || (head.count >= 2 && head[0] != 0 && head[1] == 0) {
            detected = "UTF-16LE"
        } else if starts([0xFE, 0xFF]) || (head.count >= 2 && head[0] == 0 && head[1] != 0) {
            detected = "UTF-16BE"
        } else if starts([0x4C, 0x6F, 0xA7, 0x94]) {
            throw refusal("this file is in EBCDIC (its XML declaration is not in an ASCII-based encoding); Termbridge reads XML in UTF-8 (or UTF-16 that starts with a byte order mark). Convert it first, e.g. with iconv -f IBM037 -t UTF-8 (use the code page the file declares), and declare encoding=\"UTF-8\"", at: here)
        } else {
            detected = nil
        }
        if let detected {
            throw refusal("this file is in \(detected) (from its first bytes); Termbridge reads XML in UTF-8 (or UTF-16 that starts with a byte order mark). \(Self.conversionAdvice(detected))", at: here)
        }
        if starts([0xEF, 0xBB, 0xBF]) { i += 3 }   // the UTF-8 byte order mark: not a character of the document
        if try matches("<?xml"), try available(6), [0x20, 0x09, 0x0A, 0x0D].contains(buffer[i + 5]) {
            try readXMLDeclaration()
        }
    }

    /// How to convert a file from `encoding` to UTF-8.
    static func conversionAdvice(_ encoding: String) -> String {
        "Convert it first, e.g. with iconv -f \(encoding) -t UTF-8 FILE > FILE.utf8.xml, and declare encoding=\"UTF-8\""
    }

    /// Reads `<?xml version="1.x" encoding="…" standalone="…"?>` at the cursor.
    private func readXMLDeclaration() throws {
        let place = here
        skipASCII(5)
        var seen: [String] = []
        while true {
            let spaced = try skipWhiteSpace()
            if try matches("?>") {
                skipASCII(2)
                break
            }
            guard try peek() != nil else { throw malformed("the XML declaration is not closed (<?xml without ?>)", at: place) }
            let namePlace = here
            guard spaced, let name = try readName() else {
                throw malformed("the XML declaration is malformed: expected version=, encoding=, standalone= or ?>")
            }
            let order = ["version", "encoding", "standalone"]
            guard let rank = order.firstIndex(of: name), seen.allSatisfy({ order.firstIndex(of: $0)! < rank }),
                  name == "version" || seen.contains("version") else {
                throw malformed("the XML declaration is malformed: \(name)= is not expected here (version, encoding, standalone in this order)", at: namePlace)
            }
            seen.append(name)
            try skipWhiteSpace()
            guard try peek() == UInt8(ascii: "=") else { throw malformed("the XML declaration is malformed: '=' expected after \(name)") }
            skipASCII(1)
            try skipWhiteSpace()
            let valuePlace = here
            let value = try readQuotedLiteral(what: "the XML declaration's \(name)", at: namePlace)
            switch name {
            case "version":
                guard value.hasPrefix("1."), value.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw malformed("the XML declaration names version \"\(value)\"; Termbridge reads XML 1.x", at: valuePlace)
                }
            case "encoding":
                try checkDeclaredEncoding(value, at: valuePlace)
            default:
                guard value == "yes" || value == "no" else {
                    throw malformed("the XML declaration's standalone must be \"yes\" or \"no\"", at: valuePlace)
                }
            }
        }
        guard seen.contains("version") else { throw malformed("the XML declaration has no version", at: place) }
    }

    /// Accepts UTF-8 and US-ASCII; refuses any other encoding, naming it and the conversion.
    private func checkDeclaredEncoding(_ name: String, at place: XMLPlace) throws {
        if let utf16 {
            // Transcoded from UTF-16 (its byte order mark): the declaration must not say otherwise.
            guard ["UTF-16", "UTF-16LE", "UTF-16BE", "UTF16"].contains(name.uppercased()) else {
                throw refusal("this file starts with a \(utf16.name) byte order mark but declares encoding \"\(name)\"; declare encoding=\"UTF-16\" or convert it to UTF-8", at: place)
            }
            return
        }
        switch name.uppercased() {
        case "UTF-8", "UTF8":
            return
        case "US-ASCII", "ASCII":
            asciiOnly = true
        default:
            throw refusal("this file declares encoding \"\(name)\"; Termbridge reads XML in UTF-8 (or UTF-16 that starts with a byte order mark). \(Self.conversionAdvice(name))", at: place)
        }
    }

    /// Reads a literal in single or double quotes at the cursor; its text.
    private func readQuotedLiteral(what: String, at place: XMLPlace) throws -> String {
        guard let quote = try peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw malformed("\(what) must be quoted")
        }
        skipASCII(1)
        var value = String.UnicodeScalarView()
        while true {
            guard let byte = try peek() else { throw malformed("\(what) is not closed", at: place) }
            if byte == quote {
                skipASCII(1)
                return String(value)
            }
            let character = try readCharacter()
            if let scalar = Unicode.Scalar(character) { value.append(scalar) }
        }
    }

    // MARK: Comments, processing instructions, CDATA

    /// Skips a comment at the cursor (`<!--`).
    func skipComment() throws {
        let place = here
        skipASCII(4)
        while true {
            var j = i
            while j < end, buffer[j] >= 0x20, buffer[j] < 0x80, buffer[j] != UInt8(ascii: "-") { j += 1 }
            skipASCII(j - i)
            guard let byte = try peek() else { throw malformed("a comment is not closed (<!-- without -->)", at: place) }
            if byte == UInt8(ascii: "-"), try matches("--") {
                guard try matches("-->") else { throw malformed("'--' may not appear inside a comment") }
                skipASCII(3)
                anchorNeeded = true
                return
            }
            _ = try readCharacter()
        }
    }

    /// Skips a processing instruction at the cursor (`<?`); the XML declaration is allowed
    /// only at the very start.
    func skipProcessingInstruction() throws {
        let place = here
        skipASCII(2)
        guard let target = try readName() else {
            throw malformed("a processing instruction needs a name (<?name …?>)")
        }
        if target.lowercased() == "xml" {
            throw malformed("the XML declaration (<?xml …?>) is allowed only at the very start of the file", at: place)
        }
        guard try skipWhiteSpace() || matches("?>") else {
            throw malformed("white space or '?>' expected after <?\(target)")
        }
        while true {
            guard let byte = try peek() else {
                throw malformed("a processing instruction is not closed (<? without ?>)", at: place)
            }
            if byte == UInt8(ascii: "?"), try matches("?>") {
                skipASCII(2)
                anchorNeeded = true
                return
            }
            _ = try readCharacter()
        }
    }

    /// Reads a CDATA section at the cursor (`<![CDATA[`) into the text being gathered.
    func readCDATA() throws {
        let place = here
        guard stage == .content else {
            throw malformed("a CDATA section outside the root element")
        }
        skipASCII(9)
        hasText = true
        anchorNeeded = true
        while true {
            var j = i
            while j < end, buffer[j] >= 0x20, buffer[j] < 0x80, buffer[j] != UInt8(ascii: "]") { j += 1 }
            if j > i { appendASCII(upTo: j) }
            guard let byte = try peek() else {
                throw malformed("a CDATA section is not closed (<![CDATA[ without ]]>)", at: place)
            }
            if byte == UInt8(ascii: "]"), try matches("]]>") {
                skipASCII(3)
                anchorNeeded = true
                return
            }
            let characterPlace = here
            let value = try readCharacter()
            appendScalar(value, at: characterPlace)
            if value == 0x0A { anchorNeeded = true }
        }
    }

    // MARK: DOCTYPE

    /// Reads a DOCTYPE at the cursor: its name and external identifier (never loaded) and its
    /// internal subset, where entity declarations and parameter-entity references are refused.
    func readDoctype() throws {
        let place = here
        guard stage == .prolog else { throw malformed("a DOCTYPE may only come before the root element") }
        guard !sawDoctype else { throw malformed("a second DOCTYPE") }
        sawDoctype = true
        skipASCII(9)
        guard try skipWhiteSpace(), try readName() != nil else {
            throw malformed("the DOCTYPE needs the name of the root element (<!DOCTYPE name …>)")
        }
        try skipWhiteSpace()
        if try matches("SYSTEM") || matches("PUBLIC") {
            let isPublic = try matches("PUBLIC")
            skipASCII(6)
            for literal in isPublic ? ["public", "system"] : ["system"] {
                guard try skipWhiteSpace() else { throw malformed("white space expected before the DOCTYPE's \(literal) identifier") }
                _ = try readQuotedLiteral(what: "the DOCTYPE's \(literal) identifier", at: place)
            }
            try skipWhiteSpace()
        }
        if try peek() == UInt8(ascii: "[") {
            skipASCII(1)
            try readInternalSubset(of: place)
            try skipWhiteSpace()
        }
        guard let byte = try peek() else { throw malformed("the DOCTYPE is not closed", at: place) }
        guard byte == UInt8(ascii: ">") else { throw malformed("'>' expected at the end of the DOCTYPE") }
        skipASCII(1)
    }

    /// The internal subset, after `[` up to and including `]`: comments, processing
    /// instructions and element, attribute-list and notation declarations are skipped.
    private func readInternalSubset(of doctype: XMLPlace) throws {
        while true {
            try skipWhiteSpace()
            guard let byte = try peek() else { throw malformed("the DOCTYPE is not closed", at: doctype) }
            if byte == UInt8(ascii: "]") {
                skipASCII(1)
                return
            }
            if byte == UInt8(ascii: "%") { throw try parameterEntityReference() }
            if try matches("<!--") {
                try skipComment()
            } else if try matches("<?") {
                try skipProcessingInstruction()
            } else if try matches("<!ENTITY") {
                throw refusal(Self.entityDeclarationMessage)
            } else if try matches("<!ELEMENT") || matches("<!ATTLIST") || matches("<!NOTATION") {
                try skipDeclaration()
            } else {
                throw malformed("unexpected content in the DOCTYPE's internal subset (a declaration, a comment or ']' was expected)")
            }
        }
    }

    /// The refusal of an entity declaration.
    static let entityDeclarationMessage =
        "the DOCTYPE declares entities (<!ENTITY …>); Termbridge refuses entity declarations in XML it reads, because they can expand to gigabytes (\"billion laughs\") or read local files (XXE). Remove the internal DTD subset"

    /// The refusal of a parameter-entity reference (`%name;`) at the cursor.
    private func parameterEntityReference() throws -> FileError {
        let place = here
        skipASCII(1)
        let name = try readName() ?? ""
        return refusal("the DOCTYPE refers to the parameter entity %\(name);, which would load or expand declarations; Termbridge refuses entities in XML it reads. Remove the internal DTD subset", at: place)
    }

    /// Skips `<!ELEMENT …>`, `<!ATTLIST …>` or `<!NOTATION …>` at the cursor, quoted literals
    /// included.
    private func skipDeclaration() throws {
        let place = here
        skipASCII(2)
        while true {
            guard let byte = try peek() else { throw malformed("a declaration in the DOCTYPE is not closed", at: place) }
            switch byte {
            case UInt8(ascii: ">"):
                skipASCII(1)
                return
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                _ = try readQuotedLiteral(what: "a quoted value in the DOCTYPE", at: place)
            case UInt8(ascii: "%"):
                throw try parameterEntityReference()
            default:
                _ = try readCharacter()
            }
        }
    }
}
