import Foundation

/// The result of running the `termbridge` executable.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `termbridge` with `arguments`, optionally feeding `stdin`, with
/// `environment` added to this process's environment. The child gets a random hash seed, as
/// a user's run does: SWIFT_DETERMINISTIC_HASHING is removed from its environment, so that
/// no test passes only because hashing was made repeatable.
func termbridge(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = executableURL
    process.arguments = arguments
    var childEnvironment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    childEnvironment["SWIFT_DETERMINISTIC_HASHING"] = nil
    process.environment = childEnvironment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: stdoutData, as: UTF8.self),
                         stderr: String(decoding: stderrData, as: UTF8.self))
}

/// The `termbridge` executable next to the test bundle (SwiftPM puts both in one folder).
let executableURL: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [besideTests, besideTests.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("termbridge")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return URL(fileURLWithPath: ".build/debug/termbridge")
}()

/// A temporary file holding `contents`, removed when the process ends.
func temporaryFile(_ contents: Data, suffix: String = ".txt") throws -> String {
    let path = NSTemporaryDirectory() + "termbridge-test-\(UUID().uuidString)\(suffix)"
    try contents.write(to: URL(fileURLWithPath: path))
    return path
}

func temporaryFile(_ text: String, suffix: String = ".txt") throws -> String {
    try temporaryFile(Data(text.utf8), suffix: suffix)
}
