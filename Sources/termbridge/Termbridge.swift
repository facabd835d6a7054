import ArgumentParser
import Foundation
import Termbridge

@main
struct TermbridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termbridge",
        abstract: "Chinese–English terminology: segment, align, extract and check.",
        discussion: """
        Exit status: 0 success; 1 a negative answer (a term not found, glossary errors,
        unresolved merge conflicts, no source found, findings at or above --fail-on);
        2 the command could not do its job (usage or input errors: a missing or malformed
        file, invalid UTF-8).
        """,
        version: TermbridgeVersion.current,
        subcommands: [SegmentCommand.self, GlossaryCommand.self, PairCommand.self, AlignCommand.self, ExtractCommand.self, CheckCommand.self, DataCommand.self, EvalCommand.self]
    )

    /// Runs the command line, with usage and input errors exiting 2 (ArgumentParser's default
    /// is 64 for usage and 1 for other errors; 1 is kept for negative answers).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exitCode as ExitCode {
            exit(withError: exitCode)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }   // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
