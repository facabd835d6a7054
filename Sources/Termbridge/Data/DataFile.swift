/// A data file Termbridge uses by default, and how to find and get it. Each is looked for
/// by ``DataLocator``, loaded by ``DataFiles``, compiled by `termbridge data compile` and
/// fetched by `termbridge data fetch` (or `make data` in a checkout).
///
/// Adding one (the segmenter's model, say) is a new static value here and a type that
/// conforms to ``CompilableData``.
public struct DataFile: Sendable, Hashable, CustomStringConvertible {
    /// A short identifier: `cedict`, `general-frequencies`.
    public let id: String
    /// The name users know it by, for messages.
    public let name: String
    /// The environment variable that names the file, e.g. `TERMBRIDGE_CEDICT`.
    public let environmentVariable: String
    /// The compiled file's name in a data folder, e.g. `cedict.tbdata`.
    public let compiledName: String
    /// The text file's names in a data folder, most usual first.
    public let textNames: [String]
    /// The script (in `scripts/`) that fetches the text file, taking the target folder.
    public let fetchScript: String
    /// Its licence and origin, for `termbridge data status` and the credits.
    public let credit: String

    public var description: String { name }

    /// CC-CEDICT, the bilingual lexicon: aligner anchors, extraction evidence, checks.
    public static let cedict = DataFile(
        id: "cedict", name: "CC-CEDICT", environmentVariable: "TERMBRIDGE_CEDICT",
        compiledName: "cedict.tbdata", textNames: ["cedict_ts.u8", "cedict_1_0_ts_utf-8_mdbg.txt"],
        fetchScript: "fetch-cedict.sh", credit: "© MDBG and contributors, CC BY-SA 4.0, https://cc-cedict.org")

    /// General Chinese word frequencies (jieba's `dict.txt`): extraction's specificity.
    public static let generalFrequencies = DataFile(
        id: "general-frequencies", name: "general word frequencies (jieba dict.txt)",
        environmentVariable: "TERMBRIDGE_GENERAL_FREQUENCIES",
        compiledName: "jieba-dict.tbdata", textNames: ["jieba-dict.txt"],
        fetchScript: "fetch-jieba-dict.sh", credit: "© Sun Junyi, MIT licence, https://github.com/fxsjy/jieba")

    /// The segmenter's model (``SegmentationModel``): jieba's character-position models,
    /// whose text form is `jieba-hmm.txt`; the compiled form also holds the general
    /// vocabulary built from CC-CEDICT and the general word frequencies found beside it (by
    /// the same rules), so it is compiled after them.
    public static let segmentationModel = DataFile(
        id: "segmentation-model", name: "segmentation model (jieba's character models; vocabulary from CC-CEDICT and jieba dict.txt)",
        environmentVariable: "TERMBRIDGE_SEGMENTATION_MODEL",
        compiledName: "segmentation.tbdata", textNames: ["jieba-hmm.txt"],
        fetchScript: "fetch-jieba-hmm.sh",
        credit: "jieba's HMM probabilities © Sun Junyi, MIT licence, https://github.com/fxsjy/jieba; vocabulary from CC-CEDICT (CC BY-SA 4.0) and jieba dict.txt (MIT)")

    /// Every data file, in the order `termbridge data` lists them (and compiles them: the
    /// segmentation model after the files its vocabulary comes from).
    public static let all: [DataFile] = [.cedict, .generalFrequencies, .segmentationModel]
}
