/// How values are written in the cells of a glossary table (TSV, CSV, XLSX), reversibly:
/// reading what was written gives back every value exactly.
///
/// 1. **Lists.** A term or pinyin cell holds several values separated by `|`.
/// 2. **Layout white space.** Spaces and tabs at the ends of a value (around each `|` in a
///    list) are layout, trimmed on reading, so hand-written `准同盟 | 类盟友` reads as two
///    terms.
/// 3. **Backslash escapes.** `\\` is a backslash, `\|` a `|` that does not separate values,
///    `\` before a space or tab keeps that space or tab (it is not trimmed). A backslash before
///    anything else is itself. Writing escapes every backslash, every `|` in a list cell, and
///    the first and last character of a value when it is a space or tab: the term
///    "⇥=1+1" is written `\⇥=1+1`.
/// 4. **Formula guard** (in XLSX too, so that the cells of all three formats hold the same
///    text). A cell that a
///    spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, tab or carriage
///    return — is written with a leading `'` (OWASP's CSV-injection defence). So that the
///    guard can be undone exactly, a cell starting with `'` followed by one of those
///    characters or by another `'` is also written with a leading `'`. Reading drops a leading
///    `'` only when one of those characters or `'` follows: `'=x` reads as `=x`, `''=x` as
///    `'=x`, and `'s-Hertogenbosch` as itself.
enum GlossaryCell {
    static let separator: Unicode.Scalar = "|"
    static let escape: Unicode.Scalar = "\\"
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    static let formulaGuard: Unicode.Scalar = "'"

    static func isLayoutSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// `values` written as one cell (without the formula guard).
    static func cell(_ values: [String], list: Bool) -> String {
        var out = String.UnicodeScalarView()
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(separator) }
            let scalars = Array(value.unicodeScalars)
            for (position, scalar) in scalars.enumerated() {
                let atEnd = position == 0 || position == scalars.count - 1
                if scalar == escape || (list && scalar == separator) || (atEnd && isLayoutSpace(scalar)) {
                    out.append(escape)
                }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The values of a cell (without the formula guard): split at `|` when `list`, layout
    /// white space trimmed, escapes resolved; empty values are left out.
    static func values(_ cell: String, list: Bool) -> [String] {
        // Fast path: nothing to split, trim or unescape.
        if !cell.unicodeScalars.contains(where: { $0 == escape || $0 == separator || isLayoutSpace($0) }) {
            return cell.isEmpty ? [] : [cell]
        }
        var values: [String] = []
        var current = String.UnicodeScalarView()
        var keptLength = 0      // length of `current` up to its last non-layout or escaped scalar
        var iterator = cell.unicodeScalars.makeIterator()
        var pending = iterator.next()
        func finish() {
            let value = String(String.UnicodeScalarView(current.prefix(keptLength)))
            if !value.isEmpty { values.append(value) }
            current = String.UnicodeScalarView()
            keptLength = 0
        }
        while let scalar = pending {
            pending = iterator.next()
            if scalar == escape, let next = pending, next == escape || next == separator || isLayoutSpace(next) {
                current.append(next)
                keptLength = current.count
                pending = iterator.next()
            } else if list && scalar == separator {
                finish()
            } else if isLayoutSpace(scalar) {
                if !current.isEmpty { current.append(scalar) }   // leading layout space is dropped
            } else {
                current.append(scalar)
                keptLength = current.count
            }
        }
        finish()
        return values
    }

    /// `cell` with the formula guard added when needed.
    static func guarded(_ cell: String) -> String {
        var scalars = cell.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return cell }
        if formulaStarts.contains(first) { return "'" + cell }
        if first == formulaGuard, let second = scalars.next(), second == formulaGuard || formulaStarts.contains(second) {
            return "'" + cell
        }
        return cell
    }

    /// `cell` without its formula guard.
    static func unguarded(_ cell: String) -> String {
        var scalars = cell.unicodeScalars.makeIterator()
        guard scalars.next() == formulaGuard, let second = scalars.next(),
              second == formulaGuard || formulaStarts.contains(second) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}
