import Foundation

/// Data that has a text form and a compiled form (``CompiledDataFile``).
public protocol CompilableData: Sendable {
    /// The data file it is read from by default.
    static var dataFile: DataFile { get }
    /// The kind and layout version of its compiled files.
    static var compiledKind: DataKind { get }
    static var compiledLayoutVersion: UInt32 { get }
    /// Reads the text form.
    static func loadText(contentsOf path: String) throws -> Self
    /// Reads the sections of an open compiled file.
    static func loadCompiled(_ file: CompiledDataFile.Reader) throws(CompiledDataError) -> Self
    /// The compiled form, stamped with its source's size and time.
    func compiledData(source: CompiledDataFile.SourceStamp) throws -> Data
    /// For data compiled from other data files as well as from its own text (the
    /// segmentation model): the first of those files that has changed since `file` was
    /// compiled, nil when none has. The default: nil.
    static func changedDependency(of file: CompiledDataFile.Reader) -> String?
}

extension CompilableData {
    public static func changedDependency(of file: CompiledDataFile.Reader) -> String? { nil }

    /// Writes the compiled form to `path`, atomically.
    ///
    /// - Throws: ``FileError`` when it cannot be written.
    public func writeCompiled(to path: String, source: CompiledDataFile.SourceStamp) throws {
        try AtomicFile.write(compiledData(source: source), to: path)
    }

    /// Reads a compiled file of this kind and layout version.
    ///
    /// - Throws: ``CompiledDataError`` when it cannot be read, is not compiled data of this
    ///   kind and version, or is damaged.
    public static func loadCompiled(contentsOf path: String) throws(CompiledDataError) -> Self {
        try loadCompiled(CompiledDataFile.Reader(path: path, kind: compiledKind, layoutVersion: compiledLayoutVersion))
    }
}

/// Data loaded for a command, with where it came from and what went wrong on the way.
public struct LoadedData<Value: Sendable>: Sendable {
    /// The data; nil when it was not found, was turned off, or could not be read.
    public var value: Value?
    /// Where it was looked for and found.
    public var location: DataLocation
    /// The file read, and whether it was the compiled form.
    public var path: String?
    public var compiled = false
    /// Seconds spent reading it.
    public var seconds = 0.0
    /// Problems met on the way, one line each (an out-of-date compiled file, a damaged
    /// one, a text file that could not be read); the data may still have been loaded from
    /// the text form.
    public var problems: [String] = []
}

/// Loads the data files commands use by default, through ``DataLocator``: the compiled
/// form when it is there and up to date, else the text form; what is missing or broken
/// comes back as a value the command reports once (see ``missingNote(_:losing:command:)``),
/// never as a crash. An option or variable naming a file is obeyed strictly: that file or
/// an error.
public enum DataFiles {
    /// Loads `T`'s data file.
    ///
    /// - Parameter option: the command-line option's value, if given.
    /// - Throws: ``FileError``, ``InvalidUTF8Error`` or ``CompiledDataError`` when the
    ///   option or the environment variable names a file that cannot be read; problems
    ///   with files found in data folders are returned in ``LoadedData/problems``.
    public static func load<T: CompilableData>(_ type: T.Type, option: String? = nil,
                                                locator: DataLocator = DataLocator()) throws -> LoadedData<T> {
        let location = try locator.locate(T.dataFile, option: option)
        var result = LoadedData<T>(value: nil, location: location)
        let start = DispatchTime.now().uptimeNanoseconds
        guard case .folder = location.source else {
            // Named by an option or a variable: exactly that file.
            if let compiled = location.compiledPath {
                result.value = try T.loadCompiled(CompiledDataFile.Reader(
                    path: compiled, kind: T.compiledKind, layoutVersion: T.compiledLayoutVersion))
                result.path = compiled
                result.compiled = true
            } else if let text = location.textPath {
                result.value = try T.loadText(contentsOf: text)
                result.path = text
            }
            return finish(result, start)
        }
        if let compiled = location.compiledPath {
            do throws(CompiledDataError) {
                let file = try CompiledDataFile.Reader(path: compiled, kind: T.compiledKind,
                                                       layoutVersion: T.compiledLayoutVersion)
                if let text = location.textPath, CompiledDataFile.SourceStamp(path: text) != file.source {
                    throw CompiledDataError(path: compiled, problem: .stale(source: text))
                }
                if let changed = T.changedDependency(of: file) {
                    throw CompiledDataError(path: compiled, problem: .stale(source: changed))
                }
                result.value = try T.loadCompiled(file)
                result.path = compiled
                result.compiled = true
                return finish(result, start)
            } catch {
                result.problems.append(error.description + (location.textPath != nil ? "; reading the text file instead" : ""))
            }
        }
        if let text = location.textPath {
            do {
                result.value = try T.loadText(contentsOf: text)
                result.path = text
            } catch {
                result.problems.append("\(error); going on without \(T.dataFile.name)")
            }
        }
        return finish(result, start)
    }

    private static func finish<T>(_ result: LoadedData<T>, _ start: UInt64) -> LoadedData<T> {
        var result = result
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }

    /// Compiles the text file at `source` into `destination`, stamped with the source's
    /// size and time.
    ///
    /// - Throws: what reading the text or writing the file throws.
    public static func compile<T: CompilableData>(_ type: T.Type, from source: String, to destination: String) throws {
        guard let stamp = CompiledDataFile.SourceStamp(path: source) else {
            throw FileError(path: source, message: "cannot read: \(systemErrorMessage())")
        }
        let value = try T.loadText(contentsOf: source)
        try AtomicFile.write(try value.compiledData(source: stamp), to: destination)
    }

    /// Whether `compiled` exists, reads as `T`'s compiled form, and was compiled from
    /// `source` as it is now.
    public static func isUpToDate<T: CompilableData>(_ type: T.Type, compiled: String, source: String) -> Bool {
        guard let file = try? CompiledDataFile.Reader(path: compiled, kind: T.compiledKind,
                                                      layoutVersion: T.compiledLayoutVersion) else { return false }
        return CompiledDataFile.SourceStamp(path: source) == file.source && T.changedDependency(of: file) == nil
    }

    /// The one line a command prints when a data file is missing: what, where it was looked
    /// for, what is lost (`losing`, in the command's words), and how to get it.
    ///
    /// - Parameter command: how the user runs Termbridge (e.g. `termbridge` or
    ///   `.build/release/termbridge`), for the fetch command.
    public static func missingNote(_ location: DataLocation, losing: String, command: String = "termbridge",
                                   locator: DataLocator = DataLocator()) -> String {
        let file = location.file
        let names = ([file.compiledName] + file.textNames).joined(separator: " or ")
        let folders = location.searched.map(\.path).joined(separator: ", ")
        return "note: \(file.name) not found (looked for \(names) in \(folders.isEmpty ? "no folder" : folders)); "
            + "\(losing). Get it with: \(fetchCommand(command: command, locator: locator))"
    }

    /// The command that fetches and compiles the data files: `termbridge data fetch` where
    /// the fetch scripts are reachable, else `make data` in a checkout.
    public static func fetchCommand(command: String = "termbridge", locator: DataLocator = DataLocator()) -> String {
        if locator.fetchScriptsFolder != nil { return "\(command) data fetch" }
        return "make data (in a Termbridge checkout), then set TERMBRIDGE_DATA_DIR to its .cache folder"
    }
}

extension CEDICTLexicon: CompilableData {
    public static var dataFile: DataFile { .cedict }
    public static var compiledKind: DataKind { .cedict }
    public static func loadText(contentsOf path: String) throws -> CEDICTLexicon { try load(contentsOf: path) }
}

extension GeneralChineseFrequencies: CompilableData {
    public static var dataFile: DataFile { .generalFrequencies }
    public static var compiledKind: DataKind { .frequencies }
    public static func loadText(contentsOf path: String) throws -> GeneralChineseFrequencies { try load(contentsOf: path) }
}
