// Fuzz target: CC-CEDICT lexicon files (`cedict_ts.u8` lines), as a lexicon and as a glossary.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEDICT(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "u8") { input in
        let lexicon = try CEDICTLexicon.load(contentsOf: input.path)
        for word in lexicon.headwords.prefix(8) { _ = lexicon.glosses(for: word) }
        writeEveryFormat(lexicon.glossary())
    }
}
