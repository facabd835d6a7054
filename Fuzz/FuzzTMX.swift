// Fuzz target: TMX translation memories as `termbridge check --bilingual` reads them.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "tmx") { input in
        try BilingualFormat.tmx.forEachSegment(inFileAt: input.path) { _ in }
    }
}
