import Foundation
import Testing

/// Runs `termbridge` with standard output going to `stdoutPath` (e.g. /dev/full); returns
/// the exit status and standard error.
private func termbridge(_ arguments: [String], stdoutTo stdoutPath: String) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = executableURL
    process.arguments = arguments
    let output = try #require(FileHandle(forWritingAtPath: stdoutPath))
    let err = Pipe()
    process.standardOutput = output
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stderrData, as: UTF8.self))
}

/// Starts `termbridge` with `arguments` with an empty signal mask and SIGINT/SIGTERM at
/// their default action, output to /dev/null; returns its process id.
private func spawnWithDefaultSignals(_ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGTERM)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executableURL.path] + arguments).map { strdup($0) } + [nil]
    let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment
        .filter { $0.key != "SWIFT_DETERMINISTIC_HASHING" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + environment).forEach { free($0) } }
    var pid = pid_t()
    let result = posix_spawn(&pid, executableURL.path, &actions, &attributes, argv, environment)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return pid
}

/// A fresh folder for one test.
private func testFolder() throws -> String {
    let path = NSTemporaryDirectory() + "output-safety-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let glossary = "Glossary/quasi-alliance.tsv"
private let chinese = "Corpus/zh/quasi-alliances.zh.txt"
private let english = "Corpus/en/quasi-alliances.en.md"

/// Issue 10 item 6: an output that is an input (by any name) is refused and the input kept.
@Suite struct OutputOverInputTests {
    @Test func everyCommandWithAnOutputRefusesToOverwriteAnInput() throws {
        let dir = try testFolder()
        let zh = dir + "/zh.txt", en = dir + "/en.md", g = dir + "/g.tsv"
        for (from, to) in [(chinese, zh), (english, en), (glossary, g)] {
            try FileManager.default.copyItem(atPath: from, toPath: to)
        }
        try FileManager.default.createSymbolicLink(atPath: dir + "/report.txt", withDestinationPath: "zh.txt")
        #expect(link(g, dir + "/hard.tsv") == 0)
        let runs: [[String]] = [
            ["check", zh, "--source", en, "--glossary", g, "--no-lexicon", "-o", zh],
            ["check", zh, "--glossary", g, "--no-lexicon", "-o", dir + "/report.txt"],
            ["check", zh, "--source", en, "--glossary", g, "--no-lexicon", "-o", dir + "/hard.tsv", "--format", "text"],
            ["align", zh, "--source", en, "--no-lexicon", "-o", en, "--format", "tsv"],
            ["align", zh, "--source", en, "--glossary", g, "--no-lexicon", "-o", dir + "/hard.tsv"],
            ["extract", zh, "--glossary", g, "--no-lexicon", "--no-general-frequencies", "-o", g],
            ["extract", zh, "--source", en, "--no-lexicon", "--no-general-frequencies", "-o", dir + "/report.txt", "--format", "tsv"],
            ["glossary", "convert", g, dir + "/hard.tsv"],
        ]
        let before = try [zh, en, g].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for arguments in runs {
            let result = try termbridge(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("refusing to write the output over an input"), "\(arguments): \(result.stderr)")
        }
        #expect(try [zh, en, g].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        var info = stat()
        #expect(lstat(dir + "/report.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    @Test func mergeMayUpdateOneOfItsInputsInPlace() throws {
        let dir = try testFolder()
        let g = dir + "/g.tsv"
        try FileManager.default.copyItem(atPath: glossary, toPath: g)
        let reviewed = try temporaryFile("id\tzh\ten\nnew-1\t北约\tNATO\n", suffix: ".tsv")
        let result = try termbridge(["glossary", "merge", g, reviewed, "-o", g])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: g, encoding: .utf8).contains("北约"))
    }
}

/// Issue 10 item 7: -o a symbolic link, FIFO or device.
@Suite struct OutputTargetCommandTests {
    @Test func outputThroughALinkKeepsTheLinkAndDevNullStaysADevice() throws {
        let dir = try testFolder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/out.tsv", withDestinationPath: "real.tsv")
        let result = try termbridge(["glossary", "convert", glossary, dir + "/out.tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat(dir + "/out.tsv", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/real.tsv", encoding: .utf8).contains("准盟友"))
        #expect(try termbridge(["glossary", "convert", glossary, "/dev/null", "--to", "tsv"]).status == 0)
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let stdout = try termbridge(["glossary", "convert", glossary, "/dev/stdout", "--to", "json"])
        #expect(stdout.stdout.contains("\"concepts\""))
    }
}

/// Issue 10 item 8: a temporary file is removed when the process is ended by a signal, and
/// the process still ends by that signal.
@Suite struct SignalCleanupTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedReportLeavesNoTemporaryFile(signal: Int32) throws {
        let dir = try testFolder()
        // A bilingual file long enough that the report is still being written when the signal comes.
        var rows = "en\tzh\n"
        for i in 0..<60_000 { rows += "The quasi ally \(i) joined.\t准同盟\(i)加入了。\n" }
        try Data(rows.utf8).write(to: URL(fileURLWithPath: dir + "/big.tsv"))
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: dir + "/report.txt"))
        // Spawned with no signal blocked and INT/TERM at their defaults, as a shell runs a
        // command (a child of the test runner would inherit its blocked signals).
        let pid = try spawnWithDefaultSignals(["check", "--bilingual", dir + "/big.tsv", "--glossary", glossary,
                                               "--no-lexicon", "-o", dir + "/report.txt"])
        var sawTemporary = false
        var status: Int32 = 0
        var ended = false
        for _ in 0..<3000 {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true; break }
            if try FileManager.default.contentsOfDirectory(atPath: dir).contains(where: { $0.hasPrefix(".termbridge-") }) {
                sawTemporary = true
                break
            }
            usleep(5000)
        }
        #expect(sawTemporary, "the report's temporary file never appeared")
        kill(pid, signal)
        if !ended { waitpid(pid, &status, 0) }
        // Killed by the signal: the low 7 bits of the wait status are its number.
        #expect(status & 0x7F == signal, "wait status \(status)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".termbridge-") } == [])
        #expect(try String(contentsOfFile: dir + "/report.txt", encoding: .utf8) == "old report\n")
    }
}

/// Issue 10 item 12: output that cannot be written is an error, for every command.
@Suite struct StandardOutputErrorTests {
    @Test func writingToAFullDeviceFailsWithAMessage() throws {
        let gold = try temporaryFile("准盟友 的 关系\n")
        let runs: [[String]] = [
            ["glossary", "stats", glossary],
            ["glossary", "lookup", "准盟友", "--glossary", glossary],
            ["glossary", "validate", glossary],
            ["glossary", "convert", glossary, "-"],
            ["pair", chinese, "--sources", "Corpus/en", "--no-lexicon"],
            ["eval", "segment", "--gold", gold, "--segmented", gold],
            ["segment", chinese],
            ["align", chinese, "--source", english, "--no-lexicon"],
            ["check", chinese, "--glossary", glossary, "--no-lexicon", "--fail-on", "never"],
            ["help"],
            ["--help"],
            ["help", "segment"],
            ["check", "--list-checks"],
        ]
        for arguments in runs {
            let result = try termbridge(arguments, stdoutTo: "/dev/full")
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("No space left on device"), "\(arguments): \(result.stderr)")
        }
    }
}

/// Issue 10 items 2 and 13: user numbers and messages.
@Suite struct CommandLineMessageTests {
    @Test func hugeAndNegativeTopAreHandled() throws {
        let huge = try termbridge(["extract", chinese, "--top", "4611686018427387903", "--no-lexicon", "--no-general-frequencies"])
        #expect(huge.status == 0, "\(huge.stderr)")
        #expect(huge.stdout.contains("准盟友"))
        let negative = try termbridge(["extract", chinese, "--top", "-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--top must be a positive number"))
        #expect(!negative.stderr.contains("Missing value"))
        let frequency = try termbridge(["extract", chinese, "--min-freq", "-3"])
        #expect(frequency.stderr.contains("--min-freq must be a positive number"))
    }

    @Test func noFormatSuggestionWhereThereIsNoFormatOption() throws {
        let unnamed = try temporaryFile(Data(try Data(contentsOf: URL(fileURLWithPath: glossary))), suffix: ".glossary")
        for arguments in [["glossary", "stats", unnamed], ["glossary", "lookup", "x", "--glossary", unnamed],
                          ["segment", "--glossary", unnamed], ["glossary", "validate", unnamed]] {
            let result = try termbridge(arguments, stdin: Data())
            #expect(result.status == 2)
            #expect(result.stderr.contains("cannot tell the glossary format"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("--format"), "\(arguments): \(result.stderr)")
        }
        let convert = try termbridge(["glossary", "convert", unnamed, "out.tsv"])
        #expect(convert.stderr.contains("--from"))
    }

    @Test func aFolderIsADirectoryAndAFIFOIsRead() throws {
        let dir = try testFolder()
        try FileManager.default.createDirectory(atPath: dir + "/g.tsv", withIntermediateDirectories: true)
        for arguments in [["glossary", "stats", dir + "/g.tsv"], ["segment", dir + "/g.tsv"],
                          ["check", dir + "/g.tsv", "--no-lexicon"], ["extract", dir + "/g.tsv"]] {
            let result = try termbridge(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("is a directory"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
        let fifo = dir + "/fifo.tsv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let contents = try Data(contentsOf: URL(fileURLWithPath: glossary))
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) { handle.write(contents); try? handle.close() }
        }
        writer.start()
        let result = try termbridge(["glossary", "stats", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("concepts"))
        #expect(!result.stderr.contains("permission"))
    }

    @Test func dashIsStandardInputAndStandardOutput() throws {
        let toStdout = try termbridge(["glossary", "convert", glossary, "-"])
        #expect(toStdout.status == 0)
        #expect(toStdout.stdout.hasPrefix("id\t"))
        #expect(!FileManager.default.fileExists(atPath: "-"))
        let fromStdin = try termbridge(["glossary", "convert", "-", "-", "--from", "tsv", "--to", "json"],
                                       stdin: try Data(contentsOf: URL(fileURLWithPath: glossary)))
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout.contains("\"准盟友\""))
        let merged = try termbridge(["glossary", "merge", glossary, glossary, "-o", "-"])
        #expect(merged.stdout.hasPrefix("id\t"))
        let stats = try termbridge(["glossary", "stats", "-"], stdin: Data())
        #expect(stats.status == 2)   // no format for standard input without an extension
        let check = try termbridge(["check", "-", "--glossary", glossary, "--no-lexicon", "--fail-on", "never"],
                                   stdin: Data("美国向准同盟提供援助。\n".utf8))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("in 1 segment"))
        let segment = try termbridge(["segment", "-"], stdin: Data("准盟友\n".utf8))
        #expect(segment.stdout == "准 盟友\n")
    }

    @Test func controlCharactersInNamesAreEscapedOnStandardError() throws {
        let name = "evil\n\u{1B}[31mred.tsv"
        let result = try termbridge(["glossary", "stats", name])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("evil\\n\\u{1B}[31mred.tsv"))
        #expect(!result.stderr.contains("<input>") && !result.stderr.contains("<stdout>"))
    }

    @Test func invalidUTF8InAJSONGlossaryNamesTheOffset() throws {
        var bytes = Array("{\"concepts\": [{\"id\": \"".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array("\"}]}".utf8)
        let json = try temporaryFile(Data(bytes), suffix: ".json")
        let result = try termbridge(["glossary", "stats", json])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(json): invalid UTF-8 at byte offset \(offset)"))
    }

    @Test func aBilingualTSVWithLoneCarriageReturnsIsReadAsLines() throws {
        let tsv = try temporaryFile("en\tzh\rThe quasi ally\t准同盟\rThe quasi ally\t准盟友\r", suffix: ".tsv")
        let result = try termbridge(["check", "--bilingual", tsv, "--glossary", glossary, "--no-lexicon", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["segments"] as? Int == 2, "\(result.stdout)")
    }
}
