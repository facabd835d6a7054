import Foundation
import Testing

/// `--version` prints the version of `Sources/Termbridge/Support/Version.swift`, after the
/// tool's name and after any subcommand.
@Suite struct VersionCommandTests {
    private func sourceVersion() throws -> String {
        let source = try String(contentsOfFile: "Sources/Termbridge/Support/Version.swift", encoding: .utf8)
        let match = try #require(source.firstMatch(of: /static let current = "([0-9]+\.[0-9]+\.[0-9]+)"/))
        return String(match.1)
    }

    @Test(arguments: [["--version"], ["align", "--version"], ["glossary", "validate", "--version"], ["data", "status", "--version"]])
    func printsTheVersion(arguments: [String]) throws {
        let version = try sourceVersion()
        let result = try termbridge(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == version + "\n")
    }

    @Test func helpNamesTheVersionOption() throws {
        #expect(try termbridge(["--help"]).stdout.contains("--version"))
    }
}
