// Fuzz target: XLSX glossaries (a ZIP archive of XML parts, read through ZIPFoundation and
// Termbridge's XML parser); a glossary read is then written in every format.
import Foundation
import Termbridge

/// Nothing to make once beyond what `fuzzInitialize` makes.
func prepareTarget() {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzInput(start, count, fileExtension: "xlsx") { input in
        writeEveryFormat(try Glossary.read(input.data, format: .xlsx, file: input.path))
    }
}
