// Fuzz target: XLIFF 1.2 and 2.x files as `termbridge check --bilingual` reads them.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "xlf") { input in
        try BilingualFormat.xliff.forEachSegment(inFileAt: input.path) { _ in }
    }
}
