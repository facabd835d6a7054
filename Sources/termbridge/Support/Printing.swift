#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Termbridge

/// Prints a line to standard error, control characters other than line breaks escaped
/// (``TerminalText``), so that no file name or glossary text can send the terminal an
/// escape sequence. Values that must stay on one line are escaped whole where they are
/// put into the message.
func printError(_ message: String) {
    let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TerminalText.escaped(String($0)) }.joined(separator: "\n")
    FileHandle.standardError.write(Data((safe + "\n").utf8))
}

/// Text from a file (a glossary term, a file name) as it goes into human-readable output on
/// standard output: escaped (``TerminalText``) when standard output is a terminal, as it
/// is otherwise, so that redirected output keeps the data exactly.
func shown(_ text: String) -> String {
    standardOutputIsTerminal ? TerminalText.escaped(text) : text
}

let standardOutputIsTerminal = isatty(1) != 0

/// Flushes standard output and says whether everything printed reached it: `print` ignores
/// write errors (a full disk, `> /dev/full`, a closed pipe read end), so every command
/// checks once at the end. Nil when all is well, else the reason.
func standardOutputFailure() -> String? {
    errno = 0
    if fflush(stdout) != 0 {
        return String(cString: strerror(errno))
    }
    if ferror(stdout) != 0 {
        return errno != 0 ? String(cString: strerror(errno)) : "write error"
    }
    return nil
}
