import Foundation
import PropertyBased
import Testing
@testable import Termbridge

/// Issue 13 item 5: XLSX and CSV written by Termbridge go through LibreOffice
/// (`soffice --headless --convert-to`) and back without loss.
@Suite(.enabled(if: LibreOffice.path != nil, "soffice (LibreOffice) is not installed; scripts/setup.sh installs libreoffice-calc-nogui"))
struct LibreOfficeRoundTripTests {
    /// A generated glossary of 60 concepts, the same on every run (fixed seed), made of what a
    /// spreadsheet cell keeps.
    private func glossary(seed: UInt64) -> Glossary {
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        return GeneratedGlossary.make(.table, controlCharacters: false, concepts: 60...60,
                                      pieces: GeneratedGlossary.spreadsheetPieces, using: &rng)
    }

    private func expectSame(_ back: Glossary, _ original: Glossary, _ comment: Comment) throws {
        #expect(try GeneratedGlossary.exactBytes(GeneratedGlossary.canonical(back, table: true))
                == GeneratedGlossary.exactBytes(GeneratedGlossary.canonical(original, table: true)), comment)
    }

    @Test func xlsxThroughODSAndBack() throws {
        let original = glossary(seed: 1)
        let folder = try LibreOffice.folder()
        let (data, warnings) = try original.encoded(as: .xlsx)
        #expect(warnings.isEmpty)
        try data.write(to: URL(fileURLWithPath: folder + "/g.xlsx"))
        try LibreOffice.convert(folder + "/g.xlsx", to: "ods", in: folder + "/ods")
        try LibreOffice.convert(folder + "/ods/g.ods", to: "xlsx", in: folder + "/back")
        try expectSame(try Glossary.read(contentsOf: folder + "/back/g.xlsx"), original, "XLSX → ODS → XLSX")
    }

    @Test func csvWithItsByteOrderMarkThroughXLSXAndBackToCSV() throws {
        let original = glossary(seed: 2)
        let folder = try LibreOffice.folder()
        let (data, warnings) = try original.encoded(as: .csv)
        #expect(warnings.isEmpty)
        try data.write(to: URL(fileURLWithPath: folder + "/g.csv"))
        // UTF-8 (76), first line 1, every column as text (format 2) — as a user imports a
        // glossary whose terms may look like numbers (007, 1/2).
        let columns = try GlossaryTable(kind: "CSV", guardsFormulas: true).rows(for: original).rows[0].count
        let text = (1...columns).map { "\($0)/2" }.joined(separator: "/")
        try LibreOffice.convert(folder + "/g.csv", to: "xlsx", in: folder + "/xlsx", inputFilter: "CSV:44,34,76,1,\(text)")
        try expectSame(try Glossary.read(contentsOf: folder + "/xlsx/g.xlsx"), original, "CSV → XLSX")
        try LibreOffice.convert(folder + "/xlsx/g.xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,76,1", in: folder + "/csv")
        try expectSame(try Glossary.read(contentsOf: folder + "/csv/g.csv"), original, "CSV → XLSX → CSV")
    }
}

/// LibreOffice's command line, where installed.
enum LibreOffice {
    static let path: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A new temporary folder.
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "libreoffice-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Converts `file` with `soffice --headless --convert-to format --outdir folder`, in a
    /// profile of its own (concurrent runs would share one otherwise).
    static func convert(_ file: String, to format: String, in folder: String, inputFilter: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-env:UserInstallation=file://\(folder)-profile", "--headless"]
            + (inputFilter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", format, "--outdir", folder, file]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let fileExtension = String(format.prefix { $0 != ":" })
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: "\(folder)/\(name).\(fileExtension)") else {
            throw FileError(path: file, message: "soffice --convert-to \(format) failed (status \(process.terminationStatus))")
        }
    }
}
