// Fuzz target: bead files (`[i,j]:[k]` lines), the alignment evaluation's gold format.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBeads(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "beads") { input in
        let beads = try BeadFile.read(contentsOf: input.path)
        _ = BeadFile.text(of: beads)
    }
}
