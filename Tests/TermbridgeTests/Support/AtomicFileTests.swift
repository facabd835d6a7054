import Foundation
import Testing
@testable import Termbridge

/// What `AtomicFile` does with the different things an output path can name (issue 10
/// items 7 and 13: links replaced instead of written through, devices and FIFOs turned into
/// regular files, long names failing because of the temporary suffix).
@Suite struct AtomicFileTargetTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func type(_ path: String, following: Bool = false) -> mode_t {
        var info = stat()
        _ = following ? stat(path, &info) : lstat(path, &info)
        return info.st_mode & S_IFMT
    }

    private func leftovers(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".termbridge-") }
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let dir = try folder()
        let targets = dir + "/targets"
        try FileManager.default.createDirectory(atPath: targets, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: targets + "/glossary.tsv"))
        // A chain of two links, the second relative.
        try FileManager.default.createSymbolicLink(atPath: dir + "/second.tsv", withDestinationPath: "targets/glossary.tsv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/out.tsv", withDestinationPath: dir + "/second.tsv")
        try AtomicFile.write(Data("new".utf8), to: dir + "/out.tsv")
        #expect(type(dir + "/out.tsv") == S_IFLNK)
        #expect(type(dir + "/second.tsv") == S_IFLNK)
        #expect(try String(contentsOfFile: targets + "/glossary.tsv", encoding: .utf8) == "new")
        #expect(try leftovers(dir).isEmpty && leftovers(targets).isEmpty)
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/out.tsv", withDestinationPath: "made.tsv")
        try AtomicFile.write(Data("made".utf8), to: dir + "/out.tsv")
        #expect(type(dir + "/out.tsv") == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/made.tsv", encoding: .utf8) == "made")
    }

    @Test func devNullStaysADevice() throws {
        try AtomicFile.write(Data("nothing".utf8), to: "/dev/null")
        #expect(type("/dev/null") == S_IFCHR)
    }

    @Test func aFIFOIsWrittenDirectlyAndStaysAFIFO() throws {
        let dir = try folder()
        let fifo = dir + "/pipe.tsv"
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
        }
        reader.start()
        try AtomicFile.write(Data("through the pipe".utf8), to: fifo)
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received, as: UTF8.self) == "through the pipe")
        #expect(type(fifo) == S_IFIFO)
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func aNameOfTwoHundredFiftyFiveBytesCanBeWritten() throws {
        let dir = try folder()
        let name = String(repeating: "准", count: 83) + "zh.tsv"   // 83 × 3 + 6 = 255 bytes
        #expect(name.utf8.count == 255)
        try AtomicFile.write(Data("x".utf8), to: dir + "/" + name)
        #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == "x")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func aFolderIsRefusedAndAnAbandonedWriteLeavesNothing() throws {
        let dir = try folder()
        #expect(throws: FileError.self) { try AtomicFile.write(Data("x".utf8), to: dir) }
        try Data("kept".utf8).write(to: URL(fileURLWithPath: dir + "/out.txt"))
        let writer = try AtomicFileWriter(path: dir + "/out.txt")
        try writer.write("half")
        #expect(try leftovers(dir).count == 1)
        writer.abandon()
        #expect(try leftovers(dir).isEmpty)
        #expect(try String(contentsOfFile: dir + "/out.txt", encoding: .utf8) == "kept")
    }

    @Test func aStreamedWriteReplacesTheFileOnlyAtCommit() throws {
        let dir = try folder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/report.txt"))
        let writer = try AtomicFileWriter(path: dir + "/report.txt")
        for i in 0..<10_000 { try writer.write("finding \(i)\n") }
        #expect(try String(contentsOfFile: dir + "/report.txt", encoding: .utf8) == "old")
        try writer.commit()
        let text = try String(contentsOfFile: dir + "/report.txt", encoding: .utf8)
        #expect(text.hasPrefix("finding 0\n") && text.hasSuffix("finding 9999\n"))
        #expect(try leftovers(dir).isEmpty)
    }
}

/// Issue 10 item 6: an output that is an input is refused, by device and inode.
@Suite struct OutputPathTests {
    @Test func refusesTheSameFileByAnyNameAndAllowsOthers() throws {
        let dir = NSTemporaryDirectory() + "outpath-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let input = dir + "/zh.txt"
        try Data("准盟友".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: "zh.txt")
        #expect(link(input, dir + "/hard.txt") == 0)
        for output in [input, dir + "/link.txt", dir + "/hard.txt", dir + "/./zh.txt"] {
            #expect(throws: FileError.self) {
                try OutputPath.requireDistinct(output, from: [("other.txt", "the English source"), (input, "the Chinese file")])
            }
        }
        let error = try #require(throws: FileError.self) {
            try OutputPath.requireDistinct(dir + "/link.txt", from: [(input, "the Chinese file")])
        }
        #expect(error.description.contains("the Chinese file"))
        try OutputPath.requireDistinct(dir + "/new.txt", from: [(input, "the Chinese file")])
        try OutputPath.requireDistinct("-", from: [(input, "the Chinese file")])
        try OutputPath.requireDistinct(nil, from: [(input, "the Chinese file")])
        try OutputPath.requireDistinct("/dev/null", from: [("/dev/null", "an input")])
    }
}

/// Issue 10 item 13: control characters in file names and glossary text are not sent raw
/// to a terminal, and messages carry no `<input>` placeholder.
@Suite struct TerminalTextTests {
    @Test func escapesControlCharactersAndKeepsOtherText() {
        #expect(TerminalText.escaped("准盟友 quasi-ally") == "准盟友 quasi-ally")
        #expect(TerminalText.escaped("a\nb\r\tc") == "a\\nb\\r\\tc")
        #expect(TerminalText.escaped("\u{1B}[31mred\u{7F}\u{9B}") == "\\u{1B}[31mred\\u{7F}\\u{9B}")
    }

    @Test func errorsEscapeFileNamesAndNeedNoPlaceholder() {
        let error = FileError(path: "evil\n\u{1B}]0;title\u{07}.tsv", line: 2, message: "bad row")
        #expect(error.description == "evil\\n\\u{1B}]0;title\\u{7}.tsv:2: bad row")
        #expect(FileError(path: nil, message: "cannot read").description == "cannot read")
        #expect(FileError(path: nil, line: 3, column: 4, message: "bad").description == "line 3, column 4: bad")
        #expect(InvalidUTF8Error(byteOffset: 5).description == "invalid UTF-8 at byte offset 5")
    }
}
