import ArgumentParser

@main
struct TermbridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termbridge",
        abstract: "Chinese–English terminology: segment, align, extract and check.",
        subcommands: [SegmentCommand.self, GlossaryCommand.self, PairCommand.self, AlignCommand.self, EvalCommand.self]
    )
}
