import ArgumentParser
import Foundation
import Termbridge

@main
struct TermbridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termbridge",
        abstract: "Chinese–English terminology: segment, align, extract and check.",
        discussion: """
        Exit status: 0 success; 1 a negative answer (a term not found, glossary errors, \
        unresolved merge conflicts, no source found, findings at or above --fail-on); 2 the \
        command could not do its job (usage or input errors: a missing or malformed file, \
        invalid UTF-8, an output that cannot be written).

        A file argument given as - is standard input; an output given as - is standard \
        output.
        """,
        version: TermbridgeVersion.current,
        subcommands: [SegmentCommand.self, GlossaryCommand.self, PairCommand.self, AlignCommand.self, ExtractCommand.self, CheckCommand.self, DataCommand.self, EvalCommand.self]
    )

    /// Runs the command line, with usage and input errors exiting 2 (ArgumentParser's default
    /// is 64 for usage and 1 for other errors; 1 is kept for negative answers). Whatever the
    /// outcome, output that did not reach standard output is an error (exit 2).
    static func main() {
        var status: Int32 = 0
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exitCode as ExitCode {
            status = exitCode.rawValue
        } catch {
            if exitCode(for: error) == .success {
                // --help, help, --generate-completion-script: printed here, so that a write
                // error is seen.
                print(fullMessage(for: error))
            } else {
                printError(fullMessage(for: error))
                status = 2
            }
        }
        if let failure = standardOutputFailure() {
            printError("termbridge: cannot write to standard output: \(failure)")
            if status == 0 || status == 1 { status = 2 }
        }
        Foundation.exit(status)
    }
}
