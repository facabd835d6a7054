import Testing
@testable import Termbridge

@Suite struct UTF8DecodingTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Decoding.firstInvalidByte(in: $0) }
    }

    @Test func acceptsValidText() {
        #expect(firstInvalid(Array("准盟友 ATACMS 😀".utf8)) == nil)
    }

    @Test(arguments: [
        ([0xC0, 0x80], 0),              // overlong NUL
        ([0x41, 0xE0, 0x80, 0x80], 1),  // overlong three-byte form
        ([0xED, 0xA0, 0x80], 0),        // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0x41, 0x42, 0xE5, 0x87], 2),  // truncated at the end
        ([0xE5, 0x41, 0x41], 0),        // missing continuation
        ([0x41, 0x80], 1),              // stray continuation byte
    ] as [([UInt8], Int)])
    func rejectsMalformedSequencesAtTheirOffset(_ bytes: [UInt8], _ offset: Int) {
        #expect(firstInvalid(bytes) == offset)
    }

    @Test func strictStringInitNamesFileAndAbsoluteOffset() {
        let bytes: [UInt8] = [0x41, 0xFF]
        #expect(throws: InvalidUTF8Error(file: "a.txt", byteOffset: 101)) {
            try bytes.withUnsafeBufferPointer { try String(strictUTF8: $0, file: "a.txt", baseOffset: 100) }
        }
    }
}
