import Foundation
import Termbridge

/// Temporary: the segmentation model from the checkout's .cache (compiled when absent),
/// until the data layer's locator is merged.
func loadSegmentationModelFromCache() throws -> SegmentationModel {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/.cache"
    let compiled = root + "/segmentation.tbdata"
    if FileManager.default.fileExists(atPath: compiled) {
        return try SegmentationModel.loadCompiled(contentsOf: compiled)
    }
    let lexicon = try CEDICTLexicon.load(contentsOf: root + "/cedict_ts.u8")
    let frequencies = try GeneralChineseFrequencies.load(contentsOf: root + "/jieba-dict.txt")
    let model = try SegmentationModel.build(characterModels: root + "/jieba-hmm.txt", lexicon: lexicon,
                                            frequencies: frequencies)
    try model.writeCompiled(to: compiled, source: .none)
    return model
}
