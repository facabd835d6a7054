// Fuzz target: TBX glossaries (v3 and 2008) and MultiTerm XML (an <mtf> root), read from memory
// and streamed from a file.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTBX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "tbx") { input in
        acceptingReaderErrors { writeEveryFormat(try Glossary.read(input.data, format: .tbx, file: input.path)) }
        acceptingReaderErrors { _ = try Glossary.read(contentsOf: input.path) }
    }
}
