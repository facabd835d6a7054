import ArgumentParser
import Foundation
import Termbridge

/// `--lexicon FILE` / `--no-lexicon`: CC-CEDICT, used by default (found by `DataLocator`).
struct LexiconOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "CC-CEDICT to use instead of the one found by default (text cedict_ts.u8 or compiled .tbdata; see `termbridge data status`).",
        valueName: "CEDICT"))
    var lexicon: String?

    @Flag(name: .customLong("no-lexicon"), help: "Do not use CC-CEDICT.")
    var noLexicon = false

    /// The file named by --lexicon, as an input an output must not overwrite.
    var files: [(path: String, role: String)] { lexicon.map { [($0, "the CC-CEDICT file")] } ?? [] }

    func validate() throws {
        if noLexicon && lexicon != nil { throw ValidationError("Give --lexicon FILE or --no-lexicon, not both.") }
    }

    /// CC-CEDICT, unless turned off; nil (after a note on standard error) when it cannot be
    /// found. `losing` says what the command does without it.
    func load(losing: String) throws -> CEDICTLexicon? {
        if noLexicon { return nil }
        return try loadDefaultData(CEDICTLexicon.self, option: lexicon, losing: losing)
    }
}

/// `--general-frequencies FILE` / `--no-general-frequencies`: jieba's word frequencies,
/// used by default.
struct GeneralFrequencyOptions: ParsableArguments {
    @Option(name: .customLong("general-frequencies"), help: ArgumentHelp(
        "General Chinese word frequencies to use instead of the ones found by default (jieba's dict.txt: `word freq [tag]` lines, or compiled .tbdata).",
        valueName: "FILE"))
    var generalFrequencies: String?

    @Flag(name: .customLong("no-general-frequencies"), help: "Do not use general word frequencies.")
    var noGeneralFrequencies = false

    /// The file named by --general-frequencies, as an input an output must not overwrite.
    var files: [(path: String, role: String)] { generalFrequencies.map { [($0, "the general frequencies file")] } ?? [] }

    func validate() throws {
        if noGeneralFrequencies && generalFrequencies != nil {
            throw ValidationError("Give --general-frequencies FILE or --no-general-frequencies, not both.")
        }
    }

    func load(losing: String) throws -> GeneralChineseFrequencies? {
        if noGeneralFrequencies { return nil }
        return try loadDefaultData(GeneralChineseFrequencies.self, option: generalFrequencies, losing: losing)
    }
}

/// Loads a data file through the locator and says on standard error, once, what went wrong:
/// an out-of-date or damaged compiled file, or a file found nowhere (with where it was
/// looked for, what the command loses and how to get it).
func loadDefaultData<T: CompilableData>(_ type: T.Type, option: String?, losing: String) throws -> T? {
    let loaded = try DataFiles.load(T.self, option: option)
    for problem in loaded.problems { printError("termbridge: note: \(problem)") }
    if !loaded.location.isFound {
        printError("termbridge: " + DataFiles.missingNote(loaded.location, losing: losing, command: invokedCommand))
    }
    return loaded.value
}

/// How the user ran Termbridge: the path typed when there was one (`.build/release/termbridge`),
/// else `termbridge`.
var invokedCommand: String {
    let first = CommandLine.arguments.first ?? "termbridge"
    return first.contains("/") ? first : "termbridge"
}

/// What each command loses without a data file, for the note.
enum DataLoss {
    static let alignment = "aligning by sentence length, numbers, Latin words and names only (MAC dev strict F1 0.68 instead of 0.84)"
    static let checking = "plain-text pairs are aligned without dictionary anchors and renderings are judged without dictionary evidence"
    static let extraction = "no dictionary evidence for word boundaries and translations"
    static let extractionFrequencies = "candidates are ranked without specificity against general Chinese"
    static let pairing = "documents without a usable source title are compared by numbers, Latin words and names only"
}
