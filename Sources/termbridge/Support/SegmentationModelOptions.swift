import ArgumentParser
import Termbridge

/// `--model FILE` / `--no-model`: the segmentation model (general vocabulary and unknown-word
/// model), used by default (found by `DataLocator`).
struct SegmentationModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The segmentation model to use instead of the one found by default (compiled segmentation.tbdata, or jieba-hmm.txt with the vocabulary built from the CC-CEDICT and word frequencies found; see `termbridge data status`).",
        valueName: "FILE"))
    var model: String?

    @Flag(name: .customLong("no-model"), help: ArgumentHelp(
        "Do not use the general vocabulary and unknown-word model: ICU, the joining rules and the user's dictionaries only."))
    var noModel = false

    func validate() throws {
        if noModel && model != nil { throw ValidationError("Give --model FILE or --no-model, not both.") }
    }

    /// The model, unless turned off; nil (after a note on standard error) when it cannot be found.
    func load() throws -> SegmentationModel? {
        if noModel { return nil }
        return try loadDefaultData(SegmentationModel.self, option: model, losing: DataLoss.segmentation)
    }
}

extension DataLoss {
    static let segmentation = "segmenting with ICU, the joining rules and your dictionaries only (PKU F1 0.82 instead of 0.91)"
}
