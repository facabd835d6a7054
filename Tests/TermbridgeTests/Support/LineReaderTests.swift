import Foundation
import Testing
@testable import Termbridge

@Suite struct LineReaderTests {
    /// The pieces a reader hands out for `bytes`, read through a pipe.
    private func pieces(_ bytes: [UInt8], maximum: Int = 1 << 20, block: Int = 1 << 20) throws -> [(String, Int, Int, Bool)] {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = LineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        reader.maximumPieceLength = maximum
        reader.blockSize = block
        var result: [(String, Int, Int, Bool)] = []
        try reader.forEachLine { piece in
            result.append((String(decoding: piece.bytes, as: UTF8.self), piece.line, piece.byteOffset, piece.endsLine))
        }
        return result
    }

    @Test func handsOutLinesWithNumbersAndOffsets() throws {
        let got = try pieces(Array("准盟友\r\nsecond\n\nlast".utf8))
        #expect(got.map(\.0) == ["准盟友", "second", "", "last"])
        #expect(got.map(\.1) == [1, 2, 3, 4])
        #expect(got.map(\.2) == [0, 11, 18, 19])
        #expect(got.allSatisfy { $0.3 })
    }

    @Test func cutsAnOverlongLineAfterPunctuationIntoPieces() throws {
        let line = String(repeating: "美国与准盟友。", count: 40)   // 840 bytes
        let got = try pieces(Array((line + "\nnext\n").utf8), maximum: 100, block: 64)
        #expect(got.filter { !$0.3 }.count >= 8)
        #expect(got.filter { $0.1 == 1 }.map(\.0).joined() == line)
        #expect(got.filter { $0.1 == 1 && !$0.3 }.allSatisfy { $0.0.hasSuffix("。") })
        #expect(got.last?.0 == "next")
    }

    @Test func neverCutsInsideAUTF8Character() throws {
        let line = String(repeating: "盟", count: 100)
        let got = try pieces(Array(line.utf8), maximum: 10, block: 7)
        #expect(got.map(\.0).joined() == line)
        #expect(got.allSatisfy { $0.0.unicodeScalars.allSatisfy { $0 == "盟" } })
    }
}

@Suite struct LoneCarriageReturnTests {
    /// The lines of `chunks` written one by one into a pipe, with pauses so that each
    /// arrives as a read of its own.
    private func lines(_ chunks: String..., loneCR: Bool) throws -> [String] {
        let pipe = Pipe()
        let pieces = chunks.map { Data($0.utf8) }
        let writer = Thread {
            for piece in pieces {
                pipe.fileHandleForWriting.write(piece)
                usleep(20_000)
            }
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = LineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        reader.breaksAtLoneCarriageReturn = loneCR
        var result: [String] = []
        try reader.forEachLine { result.append(String(decoding: $0.bytes, as: UTF8.self)) }
        return result
    }

    @Test func aLoneCarriageReturnEndsALineWhenAsked() throws {
        let text = "en\tzh\rone\t一\r\ntwo\t二\rlast\r"
        #expect(try lines(text, loneCR: true) == ["en\tzh", "one\t一", "two\t二", "last"])
        #expect(try lines(text, loneCR: false) == ["en\tzh\rone\t一", "two\t二\rlast"])
        // A CR at the end of a read waits for the next byte: CRLF split across reads still
        // counts once, and a lone CR before the next read still ends its line.
        #expect(try lines("ab\r", "\ncd\r", "ef", loneCR: true) == ["ab", "cd", "ef"])
    }
}
