/// A file that could not be read or written, or whose contents are malformed at a known
/// place. Printed once, at the command-line edge, as `file:line:column: message`.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, when known.
    public var path: String?
    /// 1-based line, when the problem is at a known place.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when known.
    public var column: Int?
    /// What is wrong, in the user's words.
    public var message: String

    public init(path: String?, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the file name with control characters escaped
    /// (``TerminalText``); without a file, `line N, column M: message` or the message alone.
    public var description: String {
        guard let path else {
            guard let line else { return message }
            return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
        }
        var location = TerminalText.escaped(path)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
