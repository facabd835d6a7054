import Foundation

/// The segmentation model as a default data file (``DataFile/segmentationModel``): its text
/// form is jieba's character models (`jieba-hmm.txt`), and building it also reads CC-CEDICT
/// and the general word frequencies — named by their environment variables, else the ones
/// in the same folder, else wherever ``DataLocator`` finds them. The compiled form records
/// the size and time of those two files and counts as out of date when either has changed
/// since (a file that is no longer found does not make it out of date: the compiled model
/// holds everything it needs).
extension SegmentationModel: CompilableData {
    public static var dataFile: DataFile { .segmentationModel }
    public static var compiledKind: DataKind { .segmentationModel }

    /// The data files the vocabulary is built from, in the order their stamps are recorded.
    static let vocabularySources: [DataFile] = [.cedict, .generalFrequencies]

    /// Builds the model from the character models at `path` and the vocabulary sources
    /// found by the default ``DataLocator`` (either may be missing; the vocabulary is then
    /// built from the other).
    ///
    /// - Throws: ``FileError``, ``InvalidUTF8Error`` or ``CompiledDataError`` when a file
    ///   cannot be read (including a vocabulary source named by its environment variable).
    public static func loadText(contentsOf path: String) throws -> SegmentationModel {
        try loadText(contentsOf: path, environment: .current)
    }

    /// As ``loadText(contentsOf:)``, looking for the vocabulary sources in `environment`.
    public static func loadText(contentsOf path: String, environment: DataEnvironment) throws -> SegmentationModel {
        let lexicon = try DataFiles.load(CEDICTLexicon.self, locator: locator(for: .cedict, besides: path, environment))
        let frequencies = try DataFiles.load(GeneralChineseFrequencies.self,
                                             locator: locator(for: .generalFrequencies, besides: path, environment))
        var model = try build(characterModels: path, lexicon: lexicon.value, frequencies: frequencies.value)
        model.sourceStamps = [sourceStamp(lexicon.location), sourceStamp(frequencies.location)]
        return model
    }

    /// The locator that finds `source` for the model at `path`: one searching only the
    /// model's folder when `source` is there (or named by its variable), else the usual one.
    static func locator(for source: DataFile, besides path: String, _ environment: DataEnvironment) -> DataLocator {
        var beside = environment
        beside.variables["TERMBRIDGE_DATA_DIR"] = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let local = DataLocator(environment: beside)
        if let location = try? local.locate(source), location.isFound { return local }
        return DataLocator(environment: environment)
    }

    /// The stamp of the file a location names — its text form when there is one — or
    /// ``CompiledDataFile/SourceStamp/none`` when nothing was found.
    static func sourceStamp(_ location: DataLocation) -> CompiledDataFile.SourceStamp {
        (location.textPath ?? location.compiledPath).flatMap(CompiledDataFile.SourceStamp.init(path:)) ?? .none
    }

    public static func changedDependency(of file: CompiledDataFile.Reader) -> String? {
        guard let recorded = try? loadSourceStamps(file) else { return file.path }
        for (source, stamp) in zip(vocabularySources, recorded) {
            guard let location = try? locator(for: source, besides: file.path, .current).locate(source),
                  let path = location.textPath ?? location.compiledPath else { continue }
            if CompiledDataFile.SourceStamp(path: path) != stamp { return path }
        }
        return nil
    }
}
