// Fuzz target: the delimited readers — TSV, CSV (IATE's CSV export when its header says so) and
// OmegaT glossaries, and bilingual TSV as `termbridge check --bilingual` reads it. Every input goes
// through all four.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDelimited(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "tsv") { input in
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .tsv, file: input.path)) }
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .csv, file: input.path)) }
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .omegat, file: input.path)) }
        acceptingReaderErrors { try BilingualFormat.tsv.forEachSegment(inFileAt: input.path) { _ in } }
    }
}
