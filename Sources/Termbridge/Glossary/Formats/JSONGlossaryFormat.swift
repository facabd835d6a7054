import Foundation

/// Termbridge's JSON form of a glossary: the model as `Codable` gives it, pretty-printed,
/// with keys sorted so that files diff well and are stable from run to run.
enum JSONGlossaryFormat {
    /// Reads a glossary; a leading byte-order mark is dropped (RFC 8259 lets parsers ignore it).
    static func read(_ data: Data, file: String?) throws -> Glossary {
        let body = try checkedBody(data, file: file)
        do {
            return try JSONDecoder().decode(Glossary.self, from: body)
        } catch let DecodingError.dataCorrupted(context) {
            throw FileError(path: file, message: "malformed JSON: \(Self.describe(context))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw FileError(path: file, message: "missing \"\(key.stringValue)\" at \(Self.path(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw FileError(path: file, message: "unexpected value at \(Self.path(context)): \(context.debugDescription)")
        }
    }

    /// `data` without a leading byte-order mark, checked to be UTF-8: JSON is UTF-8 (RFC
    /// 8259), and invalid bytes are named by offset before a decoder sees them (it would report
    /// only "corrupted data"). Shared with ``UNTERMFormat``.
    static func checkedBody(_ data: Data, file: String?) throws -> Data {
        let mark = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = data.dropFirst(mark)
        try body.withUnsafeBytes { raw in
            _ = try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: file, baseOffset: mark)
        }
        return Data(body)
    }

    /// The message for a syntax error: Foundation puts its line and column in the underlying error.
    static func describe(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as NSError?,
           let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            return detail
        }
        return context.debugDescription
    }

    static func write(_ glossary: Glossary) throws -> (data: Data, warnings: [GlossaryWarning]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(try glossary.fillingPinyin())
        data.append(0x0A)
        return (data, [])
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}
