// Fuzz target: Termbridge's JSON glossaries.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "json") { input in
        writeEveryFormat(try Glossary.read(input.data, format: .json, file: input.path))
    }
}
