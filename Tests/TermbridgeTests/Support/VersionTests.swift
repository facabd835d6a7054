import Foundation
import Testing
@testable import Termbridge

/// The version has one source (`TermbridgeVersion.current`); the changelog must agree.
@Suite struct VersionTests {
    private static let changelog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("CHANGELOG.md").path

    /// The `## [x.y.z] - date` headings of the changelog, newest first.
    private func releases() throws -> [(version: String, date: String)] {
        let text = try String(contentsOfFile: Self.changelog, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("## ["), let close = line.firstIndex(of: "]") else { return nil }
            let version = String(line[line.index(line.startIndex, offsetBy: 4)..<close])
            guard version != "Unreleased" else { return nil }
            return (version, line[close...].dropFirst().trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func theLatestReleaseInTheChangelogIsThisVersion() throws {
        let latest = try #require(try releases().first)
        #expect(latest.version == TermbridgeVersion.current)
        #expect(latest.date.wholeMatch(of: /- \d{4}-\d{2}-\d{2}/) != nil, "\(latest.date)")
    }

    @Test func theVersionIsSemanticAndReleasesDescend() throws {
        let parts = TermbridgeVersion.current.split(separator: ".").map { Int($0) }
        #expect(parts.count == 3 && parts.allSatisfy { $0 != nil })
        let versions = try releases().map { $0.version.split(separator: ".").compactMap { Int($0) } }
        #expect(versions == versions.sorted { $0.lexicographicallyPrecedes($1) }.reversed())
        #expect(Set(versions).count == versions.count)
    }
}
