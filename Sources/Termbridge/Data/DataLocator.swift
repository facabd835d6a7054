import Foundation

/// What ``DataLocator`` reads of the process it runs in: environment variables, the
/// running executable and the package checkout it was built from. Tests build one by hand
/// (temporary folders, no real home).
public struct DataEnvironment: Sendable {
    /// Environment variables (`HOME`, `XDG_DATA_HOME`, `XDG_DATA_DIRS`, `TERMBRIDGE_*`).
    public var variables: [String: String]
    /// The running executable, symbolic links resolved; nil when unknown.
    public var executablePath: String?
    /// The root of the package checkout this code was built from, nil when there is none
    /// (a binary copied to another machine).
    public var packageRoot: String?

    public init(variables: [String: String], executablePath: String?, packageRoot: String?) {
        self.variables = variables
        self.executablePath = executablePath
        self.packageRoot = packageRoot
    }

    /// This process's environment.
    public static var current: DataEnvironment {
        DataEnvironment(variables: ProcessInfo.processInfo.environment,
                        executablePath: runningExecutable(),
                        packageRoot: checkoutRoot)
    }

    /// The checkout root, from this file's path at build time
    /// (`ROOT/Sources/Termbridge/Data/DataLocator.swift`), when that folder still holds the
    /// package.
    static let checkoutRoot: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        return FileManager.default.fileExists(atPath: root + "/Package.swift") ? root : nil
    }()

    private static func runningExecutable() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }

    /// A variable's value, nil when unset or empty.
    func value(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Answers "where is X?" for each data file Termbridge uses by default (``DataFile``), the
/// same way for every command:
///
/// 1. the command-line option (`--lexicon FILE`, `--general-frequencies FILE`);
/// 2. the file's environment variable (`TERMBRIDGE_CEDICT`, `TERMBRIDGE_GENERAL_FREQUENCIES`);
/// 3. the data folders, in order, the first folder holding the file winning:
///    - `TERMBRIDGE_DATA_DIR` (folders separated by `:`), which *replaces* the folders
///      below when set, so that a user — or a test — decides exactly where to look;
///    - otherwise `$XDG_DATA_HOME/termbridge` (default `~/.local/share/termbridge`), then
///      `DIR/termbridge` for each `DIR` of `$XDG_DATA_DIRS` (default
///      `/usr/local/share:/usr/share`), as the XDG Base Directory specification orders
///      them; the installed data folder `<bin>/../share/termbridge`, beside the running
///      executable (`make install` puts the data there); and the package's own `.cache/`,
///      when the checkout the tool was built from is still there.
///
/// In a folder the compiled file (`cedict.tbdata`) and the text file (`cedict_ts.u8`) are
/// both noted; ``DataFiles`` reads the compiled one unless it is out of date. An option or
/// variable naming a file that does not exist is an error, not a reason to look elsewhere.
/// Relative XDG paths are ignored, as the specification asks. See `Docs/Data.md`.
public struct DataLocator: Sendable {
    /// A folder searched, and why.
    public struct Folder: Sendable, Equatable {
        public enum Origin: String, Sendable {
            case dataDirectoryVariable = "TERMBRIDGE_DATA_DIR"
            case xdgDataHome = "XDG_DATA_HOME"
            case xdgDataDirs = "XDG_DATA_DIRS"
            case installed = "installed"
            case package = "package"
        }

        public var path: String
        public var origin: Origin

        /// The origin in words, for messages.
        public var explanation: String {
            switch origin {
            case .dataDirectoryVariable: "from TERMBRIDGE_DATA_DIR"
            case .xdgDataHome: "the user's data folder (XDG_DATA_HOME)"
            case .xdgDataDirs: "a system data folder (XDG_DATA_DIRS)"
            case .installed: "the installed data folder, beside the executable"
            case .package: "the package checkout's own data"
            }
        }
    }

    public let environment: DataEnvironment

    public init(environment: DataEnvironment = .current) {
        self.environment = environment
    }

    /// The folders searched, in order, without repeats.
    public var folders: [Folder] {
        var folders: [Folder] = []
        func add(_ path: String, _ origin: Folder.Origin) {
            guard path.hasPrefix("/") else { return }
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            if !folders.contains(where: { $0.path == standardized }) {
                folders.append(Folder(path: standardized, origin: origin))
            }
        }
        if let list = environment.value("TERMBRIDGE_DATA_DIR") {
            for folder in list.split(separator: ":") { add(String(folder), .dataDirectoryVariable) }
            return folders
        }
        if let home = environment.value("XDG_DATA_HOME"), home.hasPrefix("/") {
            add(home + "/termbridge", .xdgDataHome)
        } else if let home = environment.value("HOME") {
            add(home + "/.local/share/termbridge", .xdgDataHome)
        }
        for folder in (environment.value("XDG_DATA_DIRS") ?? "/usr/local/share:/usr/share").split(separator: ":") {
            add(String(folder) + "/termbridge", .xdgDataDirs)
        }
        if let executable = environment.executablePath {
            add(URL(fileURLWithPath: executable).deletingLastPathComponent().path + "/../share/termbridge", .installed)
        }
        if let root = environment.packageRoot { add(root + "/.cache", .package) }
        return folders
    }

    /// Where `file` is: the option's path when given, else the environment variable's, else
    /// the first data folder holding it; or nowhere (with the folders searched).
    ///
    /// - Throws: ``FileError`` when the option or the environment variable names a file
    ///   that does not exist.
    public func locate(_ file: DataFile, option: String? = nil) throws -> DataLocation {
        if let option {
            return try named(file, path: option, source: .option)
        }
        if let path = environment.value(file.environmentVariable) {
            return try named(file, path: path, source: .environmentVariable(file.environmentVariable))
        }
        let folders = self.folders
        for folder in folders {
            let compiled = folder.path + "/" + file.compiledName
            let text = file.textNames.map { folder.path + "/" + $0 }.first(where: Self.isFile)
            if Self.isFile(compiled) || text != nil {
                return DataLocation(file: file, source: .folder(folder), compiledPath: Self.isFile(compiled) ? compiled : nil,
                                    textPath: text, searched: folders)
            }
        }
        return DataLocation(file: file, source: nil, compiledPath: nil, textPath: nil, searched: folders)
    }

    private func named(_ file: DataFile, path: String, source: DataLocation.Source) throws -> DataLocation {
        guard Self.isFile(path) else {
            let by = if case .environmentVariable(let name) = source { " (named by \(name))" } else { "" }
            throw FileError(path: path, message: "no such file\(by): expected \(file.name)")
        }
        let compiled = CompiledDataFile.isCompiled(path)
        return DataLocation(file: file, source: source, compiledPath: compiled ? path : nil,
                            textPath: compiled ? nil : path, searched: [])
    }

    /// The folder holding the fetch scripts: the installed `<bin>/../share/termbridge/scripts`
    /// or the checkout's `scripts/`; nil when neither exists.
    public var fetchScriptsFolder: String? {
        var candidates: [String] = []
        if let executable = environment.executablePath {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent()
                .appendingPathComponent("../share/termbridge/scripts").standardizedFileURL.path)
        }
        if let root = environment.packageRoot { candidates.append(root + "/scripts") }
        return candidates.first { Self.isFile($0 + "/" + DataFile.cedict.fetchScript) }
    }

    /// The folder `termbridge data fetch` writes to by default: the package's `.cache/`
    /// when run from a checkout build, else the user's data folder.
    public var defaultFetchFolder: String? {
        if let root = environment.packageRoot { return root + "/.cache" }
        return folders.first { $0.origin == .xdgDataHome }?.path
    }

    static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}

/// Where a data file was found, or where it was looked for.
public struct DataLocation: Sendable {
    /// What named the file.
    public enum Source: Sendable, Equatable {
        /// A command-line option.
        case option
        /// An environment variable (its name).
        case environmentVariable(String)
        /// A data folder.
        case folder(DataLocator.Folder)
    }

    public var file: DataFile
    /// Nil when the file was not found.
    public var source: Source?
    /// The compiled file found, if any.
    public var compiledPath: String?
    /// The text file found, if any (in the same folder as the compiled one).
    public var textPath: String?
    /// The folders searched (empty when an option or variable named the file).
    public var searched: [DataLocator.Folder]

    /// Whether anything was found.
    public var isFound: Bool { source != nil }
}
