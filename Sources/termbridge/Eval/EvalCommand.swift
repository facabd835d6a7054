import ArgumentParser

/// `termbridge eval`: score Termbridge against gold standards.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score segmentation or alignment against a gold standard.",
        subcommands: [EvalSegmentCommand.self, EvalAlignCommand.self]
    )
}

/// The output formats of `eval align` and `eval segment`.
enum EvalFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
