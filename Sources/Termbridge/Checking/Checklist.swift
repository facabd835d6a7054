import Foundation

/// User checks as data (as Xbench checklists and Verifika user checks are): each entry
/// is a regular expression on the English source and one on the Chinese target, with its
/// own id, severity and message, run by the same driver as the built-in checks.
///
/// **File format**: UTF-8 TSV with a header row naming the columns `id`, `severity`
/// (`error` or `warning`), `source`, `target`, `when` and `message` (any order; `when`
/// and `source` may be left out). Fields are not quoted (a tab inside a pattern is written `\t`, as
/// regular expressions write it). Blank lines and lines starting with `#` are skipped.
///
/// - `when` = `target-missing` (the default when `source` is given): for each match of
///   `source` in the English, the translation must match `target`, in which `$1`…`$9` (or
///   `${name}`) stand for the source match's groups, inserted literally. Reported at the
///   segment start when it does not.
/// - `when` = `target-matches` (the default without `source`): every match of `target` in
///   the Chinese is reported where it is — when `source` is given, only in segments whose
///   English matches it.
///
/// The message may use `$0` (the text found: the target match, else the source match) and
/// the source's groups. Patterns are ICU regular expressions (`NSRegularExpression`),
/// matched on the text as written.
public struct Checklist: Sendable {
    /// One user check.
    public struct Entry: Sendable {
        public enum Condition: String, Sendable {
            /// The target must have the (back-referenced) pattern when the source has its own.
            case targetMissing = "target-missing"
            /// The target must not have the pattern (when the source has its own, if given).
            case targetMatches = "target-matches"
        }

        public var id: CheckID
        public var severity: Severity
        /// The pattern on the English; nil: every segment.
        public var source: String?
        /// The pattern on the Chinese.
        public var target: String
        public var condition: Condition
        /// The message template.
        public var message: String
        /// The line of the entry in its file.
        public var line: Int
    }

    /// The entries, in file order.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a checklist file.
    ///
    /// - Throws: ``FileError`` naming the line of a malformed entry (a missing column, an
    ///   unknown severity or condition, an id that is not well-formed or is a built-in
    ///   check's, a repeated id, a pattern that does not compile); ``InvalidUTF8Error``.
    public static func read(contentsOf path: String) throws -> Checklist {
        try parse(TextFile.read(path), file: path)
    }

    /// The checklist in `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String? = nil) throws -> Checklist {
        var header: [String]?
        var entries: [Entry] = []
        var ids = Set<CheckID>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if index == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let number = index + 1
            guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                for name in fields where !["id", "severity", "source", "target", "when", "message"].contains(name) {
                    throw FileError(path: file, line: number, message: "unknown column \"\(name)\"; expected id, severity, source, target, when, message")
                }
                for name in ["id", "severity", "target", "message"] where !fields.contains(name) {
                    throw FileError(path: file, line: number, message: "the header has no \"\(name)\" column")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw FileError(path: file, line: number, message: "expected \(columns.count) tab-separated fields as in the header, found \(fields.count)")
            }
            var row: [String: String] = [:]
            for (name, value) in zip(columns, fields) { row[name] = value }
            let id = CheckID(row["id"] ?? "")
            guard CheckID.isWellFormed(id.rawValue) else {
                throw FileError(path: file, line: number, message: "\"\(id.rawValue)\" is not a check id (letters, digits, - _ . :, starting with a letter)")
            }
            guard CheckRegistry.definition(of: id) == nil else {
                throw FileError(path: file, line: number, message: "\"\(id.rawValue)\" is a built-in check; give the user check another id")
            }
            guard ids.insert(id).inserted else {
                throw FileError(path: file, line: number, message: "the id \"\(id.rawValue)\" is used twice")
            }
            guard let severity = Severity(rawValue: row["severity"] ?? "") else {
                throw FileError(path: file, line: number, message: "severity \"\(row["severity"] ?? "")\" is not error or warning")
            }
            let source = row["source"].flatMap { $0.isEmpty ? nil : $0 }
            let target = row["target"] ?? ""
            guard !target.isEmpty else { throw FileError(path: file, line: number, message: "the target pattern is empty") }
            let when = row["when"] ?? ""
            let condition: Entry.Condition
            if when.isEmpty {
                condition = source == nil ? .targetMatches : .targetMissing
            } else if let given = Entry.Condition(rawValue: when) {
                condition = given
            } else {
                throw FileError(path: file, line: number, message: "when \"\(when)\" is not target-missing or target-matches")
            }
            if condition == .targetMissing && source == nil {
                throw FileError(path: file, line: number, message: "target-missing needs a source pattern")
            }
            let entry = Entry(id: id, severity: severity, source: source, target: target, condition: condition,
                              message: row["message"] ?? "", line: number)
            do {
                _ = try UserCheck.Compiled(entry)
            } catch {
                throw FileError(path: file, line: number, message: "a pattern does not compile: \(error.localizedDescription)")
            }
            entries.append(entry)
        }
        return Checklist(entries: entries)
    }
}
