// Fuzz target: Termbridge's JSON glossaries, and UNTERM's JSON records (chosen by content in
// .json, and read as UNTERM whatever the content).
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "json") { input in
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .json, file: input.path)) }
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .unterm, file: input.path)) }
    }
}
