import Foundation

/// What an ``XMLEventReader`` reports, in document order.
enum XMLEvent {
    /// A start tag (or an empty-element tag, which is followed by its ``end``): the element
    /// without children, its attributes in canonical order, at the place of its `<`.
    case start(XMLTreeElement)
    /// The end of the element most recently started and not yet ended.
    case end
    /// Character data inside the root element: a whole run between two tags (text, character
    /// references and CDATA sections together; comments and processing instructions are left
    /// out). `positions` gives the place of each scalar when the reader records them.
    case text(String, positions: TextPositions?)
}

/// Where an ``XMLEventReader`` reads its bytes from.
enum XMLByteSource {
    /// Bytes in memory.
    case data(Data)
    /// An open file, read in 256 KB chunks. The reader does not close it.
    case file(descriptor: Int32)
}

/// A streaming XML 1.0 parser (with namespaces) for the files Termbridge reads: TBX, TMX and
/// XLIFF. It checks well-formedness and reports elements and text one event at a time, in
/// memory bounded by one chunk of input plus the longest text or tag; time is linear in the
/// input. Comments and processing instructions are skipped; CDATA sections are text.
///
/// What it refuses, with the file, line and column (see `Docs/XML.md`):
/// - any encoding but UTF-8 (and US-ASCII, its subset) and UTF-16 that starts with a byte
///   order mark (as MultiTerm writes its exports; transcoded to UTF-8 as it is read, strictly:
///   ``UTF16Transcoder``): UTF-16 without one, UTF-32 and EBCDIC detected from the first bytes,
///   every other encoding named in the XML declaration — with the `iconv` command that converts
///   the file — before any content is read;
/// - invalid UTF-8 (with the byte offset) and characters XML does not allow;
/// - entity declarations (`<!ENTITY`) and parameter-entity references anywhere in the
///   DOCTYPE's internal subset, however long the prolog — billion laughs and XXE cannot
///   start; a reference to any entity but the five XML predefines (`&nbsp;`) is an error,
///   never text dropped silently. No DTD is loaded; other declarations are skipped (their
///   attribute defaults are not applied);
/// - nesting deeper than ``maximumDepth``; anything else not well-formed.
///
/// There is no size limit: a long text or a many-attribute tag takes memory in proportion.
final class XMLEventReader {
    /// The file, for errors.
    let file: String?
    /// Whether text events carry the place of each scalar.
    let recordsTextPositions: Bool

    /// The deepest element nesting accepted; TBX needs fewer than 12 levels.
    static let maximumDepth = 200

    // MARK: Input

    private let source: XMLByteSource
    private var sourceOffset = 0
    private var sourceEnded = false
    /// Whether the first bytes have been looked at for a UTF-16 byte order mark.
    private var sourceChecked = false
    /// Bytes read while looking for the byte order mark, not yet handed on.
    private var sourceHead: [UInt8] = []
    /// Set when the input starts with a UTF-16 byte order mark: what is read is transcoded to
    /// UTF-8 before it is parsed (MultiTerm writes its XML exports in UTF-16).
    private(set) var utf16: UTF16Transcoder?
    private static let chunkSize = 1 << 18
    /// Input bytes `buffer[0 ..< end]`; the cursor is `i`; `base` is the file offset of `buffer[0]`.
    var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var end = 0
    var i = 0
    private var base = 0

    // MARK: Position

    /// The place of the byte at the cursor.
    var line = 1
    var column = 1

    // MARK: Document state

    enum Stage { case start, prolog, content, epilog, done }
    var stage = Stage.start
    /// The open elements: name as written, place, and the namespace bindings to restore.
    var open: [(name: String, place: XMLPlace, bindings: Int)] = []
    var namespaces = XMLNamespaceBindings()
    var endPending = false
    var sawDoctype = false
    /// Set by an XML declaration naming US-ASCII: bytes above 0x7F are then an error.
    var asciiOnly = false
    /// Scratch space for names, and for attribute values (which hold references, whose
    /// names are read while the value is gathered).
    var scratch: [UInt8] = []
    var attributeValue: [UInt8] = []

    // MARK: Text being gathered

    var text: [UInt8] = []
    var textScalars = 0
    var textPositions: TextPositions?
    var anchorNeeded = true
    var hasText = false

    init(_ source: XMLByteSource, file: String?, recordsTextPositions: Bool = false) {
        self.source = source
        self.file = file
        self.recordsTextPositions = recordsTextPositions
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The next event; nil once the root element has ended and the rest of the file (comments,
    /// processing instructions, white space) has been checked.
    ///
    /// - Throws: ``FileError`` with the line and column of the first problem.
    func next() throws -> XMLEvent? {
        if endPending {
            endPending = false
            closeElement()
            return .end
        }
        if stage == .start { try readStartOfDocument() }
        while true {
            guard let byte = try peek() else {
                if hasText { return flushText() }
                return try endOfInput()
            }
            if byte == UInt8(ascii: "<") {
                guard try available(2) else { throw malformed("a lone '<' at the end of the file") }
                switch buffer[i + 1] {
                case UInt8(ascii: "/"):
                    if hasText { return flushText() }
                    try readEndTag()
                    return .end
                case UInt8(ascii: "!"):
                    if try matches("<!--") {
                        try skipComment()
                    } else if try matches("<![CDATA[") {
                        try readCDATA()
                    } else if try matches("<!DOCTYPE") {
                        try readDoctype()
                    } else {
                        throw malformed("'<!' starts neither a comment (<!--), a CDATA section (<![CDATA[) nor a DOCTYPE")
                    }
                case UInt8(ascii: "?"):
                    try skipProcessingInstruction()
                default:
                    if hasText { return flushText() }
                    return .start(try readStartTag())
                }
            } else if stage == .content {
                try readCharacterData()
            } else {
                try skipWhiteSpaceOutsideTheRoot()
            }
        }
    }

    /// At the end of the input: nil after the root, else the error.
    private func endOfInput() throws -> XMLEvent? {
        switch stage {
        case .start, .prolog:
            throw malformed("no root element (is the file empty?)")
        case .content:
            let innermost = open[open.count - 1]
            throw malformed("the file ends inside <\(innermost.name)> of line \(innermost.place.line), which is never closed (an end tag is missing, or the file is cut short)")
        case .epilog, .done:
            stage = .done
            return nil
        }
    }

    /// Pops the innermost open element.
    func closeElement() {
        let element = open.removeLast()
        namespaces.restore(element.bindings)
        if open.isEmpty { stage = .epilog }
    }

    // MARK: Errors

    /// The place of the cursor.
    var here: XMLPlace { XMLPlace(line: line, column: column) }

    /// The file offset of the cursor.
    var byteOffset: Int { base + i }

    /// A well-formedness error: "malformed XML: " + `message`, at `place` (default: the cursor).
    func malformed(_ message: String, at place: XMLPlace? = nil) -> FileError {
        refusal("malformed XML: " + message, at: place)
    }

    /// An error with `message` as it is, at `place` (default: the cursor).
    func refusal(_ message: String, at place: XMLPlace? = nil) -> FileError {
        let place = place ?? here
        return FileError(path: file, line: place.line, column: place.column, message: message)
    }

    // MARK: Reading bytes

    /// The byte at the cursor, reading more input when needed; nil at the end of the input.
    @inline(__always)
    func peek() throws -> UInt8? {
        if i < end { return buffer[i] }
        try refill(atLeast: 1)
        return i < end ? buffer[i] : nil
    }

    /// Whether `count` bytes from the cursor on are in the buffer (reading more if needed).
    /// Reading may move the buffer's content: indices into it are not kept across this call.
    @inline(__always)
    func available(_ count: Int) throws -> Bool {
        if end - i >= count { return true }
        try refill(atLeast: count)
        return end - i >= count
    }

    /// Whether the bytes at the cursor are `literal` (nothing is consumed).
    func matches(_ literal: StaticString) throws -> Bool {
        let count = literal.utf8CodeUnitCount
        guard try available(count) else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where buffer[i + k] != pointer[k] { return false }
        return true
    }

    /// Moves past `count` bytes known to be ASCII characters other than line breaks.
    @inline(__always)
    func skipASCII(_ count: Int) {
        i += count
        column += count
    }

    private func refill(atLeast count: Int) throws {
        while end - i < count && !sourceEnded {
            if i > 0 {
                let kept = end - i
                if kept > 0 { memmove(buffer, buffer + i, kept) }
                base += i
                end = kept
                i = 0
            }
            if capacity - end < 16 {   // room for what one UTF-16 read may give (UTF16Transcoder.rawLimit)
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = try readSource(into: buffer + end, maximum: capacity - end)
            if count == 0 { sourceEnded = true } else { end += count }
        }
    }

    /// Reads up to `maximum` bytes of UTF-8 into `pointer`: the input's bytes, or its UTF-16
    /// transcoded when it starts with a UTF-16 byte order mark. 0 only at the end of the input.
    private func readSource(into pointer: UnsafeMutablePointer<UInt8>, maximum: Int) throws -> Int {
        if !sourceChecked {
            sourceChecked = true
            var head = [UInt8](repeating: 0, count: 4)
            var count = 0
            while count < 4 {
                let read = try head.withUnsafeMutableBufferPointer { try readRawSource(into: $0.baseAddress! + count, maximum: 4 - count) }
                if read == 0 { break }
                count += read
            }
            let bigEndian = head.withUnsafeBufferPointer { UTF16Transcoder.byteOrder(of: UnsafeBufferPointer(rebasing: $0[0 ..< count])) }
            if let bigEndian {
                utf16 = UTF16Transcoder(bigEndian: bigEndian)
                sourceHead = Array(head[2 ..< count])
            } else {
                sourceHead = Array(head[0 ..< count])
            }
        }
        guard var transcoder = utf16 else {
            if !sourceHead.isEmpty {
                let count = min(maximum, sourceHead.count)
                for k in 0 ..< count { pointer[k] = sourceHead[k] }
                sourceHead.removeFirst(count)
                return count
            }
            return try readRawSource(into: pointer, maximum: maximum)
        }
        defer { utf16 = transcoder }
        let limit = UTF16Transcoder.rawLimit(forOutput: maximum)
        var raw = [UInt8](repeating: 0, count: limit)
        while true {
            var count = min(sourceHead.count, limit)
            for k in 0 ..< count { raw[k] = sourceHead[k] }
            sourceHead.removeFirst(count)
            count += try raw.withUnsafeMutableBufferPointer { try readRawSource(into: $0.baseAddress! + count, maximum: limit - count) }
            let written = try raw.withUnsafeBufferPointer {
                try transcoder.transcode(UnsafeBufferPointer(rebasing: $0[0 ..< count]), into: pointer, file: file)
            }
            if written > 0 || count == 0 { return written }
        }
    }

    /// Reads up to `maximum` of the input's own bytes into `pointer`; 0 at its end.
    private func readRawSource(into pointer: UnsafeMutablePointer<UInt8>, maximum: Int) throws -> Int {
        guard maximum > 0 else { return 0 }
        switch source {
        case .data(let data):
            let count = min(maximum, data.count - sourceOffset)
            guard count > 0 else { return 0 }
            let start = data.startIndex + sourceOffset
            data.copyBytes(to: pointer, from: start ..< start + count)
            sourceOffset += count
            return count
        case .file(let descriptor):
            var count: Int
            repeat { count = read(descriptor, pointer, maximum) } while count < 0 && errno == EINTR
            guard count >= 0 else { throw FileError(path: file, message: "cannot read: \(systemErrorMessage())") }
            return count
        }
    }

    // MARK: Reading characters

    /// Reads the character at the cursor (there must be one): checks that it is UTF-8 and a
    /// character XML allows, and moves the place on. CR LF and a lone CR are read as one LF.
    @inline(__always)
    func readCharacter() throws -> UInt32 {
        let byte = buffer[i]
        if byte >= 0x20 && byte < 0x80 {
            i += 1
            column += 1
            return UInt32(byte)
        }
        return try readOtherCharacter(byte)
    }

    private func readOtherCharacter(_ byte: UInt8) throws -> UInt32 {
        switch byte {
        case 0x0A:
            i += 1
            line += 1
            column = 1
            return 0x0A
        case 0x0D:
            i += 1
            if try peek() == 0x0A { i += 1 }
            line += 1
            column = 1
            return 0x0A
        case 0x09:
            i += 1
            column += 1
            return 0x09
        case ..<0x20:
            throw malformed("the control character U+\(Self.hex(UInt32(byte))), which XML does not allow")
        default:
            break
        }
        if asciiOnly {
            throw refusal("byte 0x\(Self.hex(UInt32(byte), digits: 2)) at byte offset \(byteOffset) is not US-ASCII, the encoding the XML declaration names; if the file is UTF-8, declare encoding=\"UTF-8\"")
        }
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch byte {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(byte & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(byte & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(byte & 0x07))
        default: throw invalidUTF8()
        }
        guard try available(length) else { throw invalidUTF8() }
        for k in 1..<length {
            let next = buffer[i + k]
            guard next & 0xC0 == 0x80 else { throw invalidUTF8() }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { throw invalidUTF8() }
        guard XMLEscaping.isAllowed(value) else {
            throw malformed("the character U+\(Self.hex(value)), which XML does not allow")
        }
        i += length
        column += 1
        return value
    }

    private func invalidUTF8() -> FileError {
        refusal("invalid UTF-8 at byte offset \(byteOffset) (Termbridge reads XML in UTF-8; if the file is in another encoding, declare it in <?xml … encoding=\"…\"?> to be told how to convert it)")
    }

    static func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Skips white space; whether there was any.
    @discardableResult
    func skipWhiteSpace() throws -> Bool {
        var skipped = false
        while let byte = try peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            _ = try readCharacter()
            skipped = true
        }
        return skipped
    }

    /// Outside the root element only white space (and markup) may stand.
    private func skipWhiteSpaceOutsideTheRoot() throws {
        guard try !skipWhiteSpace() else { return }
        if stage == .epilog || stage == .done {
            throw malformed("extra content after the root element (text, or a second root element)")
        }
        throw malformed("text before the root element")
    }

    // MARK: Text

    /// Reads character data up to the next `<` (or the end of the input), adding it to the
    /// text being gathered.
    private func readCharacterData() throws {
        hasText = true
        while true {
            // A run of printable ASCII and of well-formed three-byte characters XML allows
            // (Chinese text) is copied at once; anything else goes one character at a time.
            var j = i, scalars = 0
            while j < end {
                let byte = buffer[j]
                if byte >= 0x20 && byte < 0x80 {
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "]") { break }
                    j += 1
                    scalars += 1
                    continue
                }
                guard byte & 0xF0 == 0xE0, !asciiOnly, j + 2 < end else { break }
                let b1 = buffer[j + 1], b2 = buffer[j + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { break }
                let value = UInt32(byte & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                guard (0x800...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) else { break }
                j += 3
                scalars += 1
            }
            if j > i { appendRun(upTo: j, scalars: scalars) }
            guard let byte = try peek() else { return }
            switch byte {
            case UInt8(ascii: "<"):
                return
            case UInt8(ascii: "&"):
                let place = here
                let value = try readReference()
                appendScalar(value, at: place)
                anchorNeeded = true
            case UInt8(ascii: "]"):
                if try matches("]]>") { throw malformed("']]>' may not appear in text (write ]]&gt;)") }
                appendASCII(upTo: i + 1)
            default:
                let place = here
                let value = try readCharacter()
                appendScalar(value, at: place)
                if value == 0x0A { anchorNeeded = true }
            }
        }
    }

    /// Adds the ASCII bytes from the cursor to `end` (no line break among them) to the text.
    @inline(__always)
    func appendASCII(upTo end: Int) {
        appendRun(upTo: end, scalars: end - i)
    }

    /// Adds the bytes from the cursor to `end` — `scalars` characters, well-formed UTF-8 that
    /// XML allows, no line break among them — to the text.
    @inline(__always)
    func appendRun(upTo end: Int, scalars: Int) {
        if anchorNeeded { addAnchor(at: here) }
        text.append(contentsOf: UnsafeBufferPointer(start: buffer + i, count: end - i))
        textScalars += scalars
        i = end
        column += scalars
    }

    /// Adds one scalar, read at `place`, to the text.
    func appendScalar(_ value: UInt32, at place: XMLPlace) {
        if anchorNeeded { addAnchor(at: place) }
        if value < 0x80 {
            text.append(UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            text.append(contentsOf: UTF8.encode(scalar)!)
        }
        textScalars += 1
    }

    private func addAnchor(at place: XMLPlace) {
        anchorNeeded = false
        guard recordsTextPositions else { return }
        if textPositions == nil {
            textPositions = TextPositions(line: place.line, column: place.column)
        } else {
            textPositions?.add(offset: textScalars, line: place.line, column: place.column)
        }
    }

    /// The text gathered so far, as an event; the gathering starts over.
    private func flushText() -> XMLEvent {
        let string = String(decoding: text, as: UTF8.self)
        let positions = textPositions
        if text.count > 1 << 20 { text = [] } else { text.removeAll(keepingCapacity: true) }
        textScalars = 0
        textPositions = nil
        anchorNeeded = true
        hasText = false
        return .text(string, positions: positions)
    }

    // MARK: References

    /// Reads `&…;` at the cursor: a character reference or one of the five entities XML
    /// predefines; its character. Any other entity is an error: Termbridge declares none.
    func readReference() throws -> UInt32 {
        let place = here
        skipASCII(1)
        guard let byte = try peek() else { throw malformed("a lone '&' at the end of the file (write & as &amp;)", at: place) }
        if byte == UInt8(ascii: "#") {
            skipASCII(1)
            var radix: UInt32 = 10
            if try peek() == UInt8(ascii: "x") {
                radix = 16
                skipASCII(1)
            }
            var value: UInt32 = 0
            var digits = 0
            while let digit = try peek(), let number = Self.digit(digit, radix: radix) {
                value = min(value * radix + number, 0x110000)   // saturates: too large either way
                digits += 1
                skipASCII(1)
            }
            guard digits > 0, try peek() == UInt8(ascii: ";") else {
                throw malformed("a character reference must read &#DIGITS; or &#xHEX; (write & as &amp;)", at: place)
            }
            skipASCII(1)
            guard XMLEscaping.isAllowed(value) else {
                throw malformed("a character reference to a character XML does not allow (\(value > 0x10FFFF ? "beyond U+10FFFF" : "U+" + Self.hex(value)))", at: place)
            }
            return value
        }
        guard let name = try readName() else {
            throw malformed("a lone '&' (write & as &amp;)", at: place)
        }
        guard try peek() == UInt8(ascii: ";") else {
            throw malformed("the reference &\(name) has no closing ';' (write & as &amp;)", at: place)
        }
        skipASCII(1)
        switch name {
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "amp": return 0x26
        case "quot": return 0x22
        case "apos": return 0x27
        default: throw malformed(Self.undeclaredEntityMessage(name), at: place)
        }
    }

    private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The message for a reference to an entity XML does not predefine.
    static func undeclaredEntityMessage(_ name: String) -> String {
        "reference to the undeclared entity &\(name); (Termbridge resolves no entities but &amp; &lt; &gt; &quot; &apos;)"
    }

    // MARK: Names

    /// Reads an XML name (colons included) at the cursor; nil when none starts here.
    func readName() throws -> String? {
        // Most names are ASCII and end inside the buffer: read them in one sweep.
        var j = i
        if j < end, Self.asciiNameByte[Int(buffer[j] & 0x7F)] == 2, buffer[j] < 0x80 {
            j += 1
            while j < end, buffer[j] < 0x80, Self.asciiNameByte[Int(buffer[j])] != 0 { j += 1 }
            if j < end, buffer[j] < 0x80 {
                let name = String(decoding: UnsafeBufferPointer(start: buffer + i, count: j - i), as: UTF8.self)
                skipASCII(j - i)
                return name
            }
        }
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek() {
            if byte < 0x80 {
                let kind = Self.asciiNameByte[Int(byte)]
                guard kind == 2 || (kind == 1 && !scratch.isEmpty) else { break }
                scratch.append(byte)
                skipASCII(1)
            } else {
                let (saved, savedColumn) = (byteOffset, column)
                let value = try readCharacter()
                guard scratch.isEmpty ? XMLNames.isNameStart(value) : XMLNames.isNameCharacter(value) else {
                    // Not part of the name: step back (the buffer still holds the bytes; reading
                    // may have moved them, so go by file offset).
                    (i, column) = (saved - base, savedColumn)
                    break
                }
                scratch.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
            }
        }
        return scratch.isEmpty ? nil : String(decoding: scratch, as: UTF8.self)
    }

    /// For each ASCII byte: 2 if it may start a name (letters, `_`, `:`), 1 if it may only
    /// continue one (digits, `-`, `.`), else 0.
    private static let asciiNameByte: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"): 2
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): 1
        default: 0
        }
    }
}

/// The namespace prefixes in scope while an ``XMLEventReader`` walks a document.
struct XMLNamespaceBindings {
    /// Prefix ("" for the default namespace) → namespace URI ("" for none).
    private var current: [String: String] = ["xml": XMLTreeAttribute.xmlNamespace]
    /// What each binding replaced, to undo it when its element ends.
    private var undo: [(prefix: String, previous: String?)] = []

    /// A mark to ``restore(_:)`` to.
    var mark: Int { undo.count }

    mutating func bind(_ prefix: String, to namespace: String) {
        undo.append((prefix, current[prefix]))
        current[prefix] = namespace
    }

    mutating func restore(_ mark: Int) {
        while undo.count > mark {
            let (prefix, previous) = undo.removeLast()
            current[prefix] = previous
        }
    }

    /// The namespace of `prefix` ("" for the default namespace, which may be "").
    func namespace(of prefix: String) -> String? {
        current[prefix]
    }
}
