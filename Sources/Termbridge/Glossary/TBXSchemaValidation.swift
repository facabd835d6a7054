import Foundation

/// A TBX file checked against its official structure schema with xmllint: TBX v3 against
/// the core RelaxNG, TBX 2008 (`<martif>`) against its DTD. The TBX-Basic Schematron needs
/// an XSLT 2 processor and is run by `scripts/validate-tbx.sh` instead.
public enum TBXSchemaValidation {
    /// The issues of `path` against its schema: none when valid; one error naming the first
    /// lines of xmllint's report when not; one warning when xmllint or the schema is missing
    /// (the check is then skipped, and the warning says what to install or set).
    ///
    ///   MultiTerm XML (an `<mtf>` root, which Termbridge reads from `.xml` files too) has no TBX
    ///   schema: no issues.
    public static func issues(in path: String, schemas: SchemaLocator = SchemaLocator()) throws -> [GlossaryIssue] {
        let bytes = (try? TextFile.data(path).prefix(4000)) ?? Data()
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let head = isUTF16 ? String(data: bytes.prefix(bytes.count & ~1), encoding: .utf16) ?? "" : String(decoding: bytes.prefix(2000), as: UTF8.self)
        if head.contains("<mtf"), !head.contains("<tbx"), !head.contains("<martif") { return [] }
        let schema: Schema = head.contains("<martif") ? .tbx2008 : .tbxCore
        guard let schemaPath = schemas.locate(schema) else {
            return [GlossaryIssue(.warning, conceptID: nil,
                                  "schema check skipped: \(schema.rawValue) not found in \(schemas.folders.joined(separator: ", ")) (set TERMBRIDGE_SCHEMAS)")]
        }
        guard let xmllint = executable("xmllint", path: schemas.environment.value("PATH")) else {
            return [GlossaryIssue(.warning, conceptID: nil,
                                  "schema check skipped: xmllint not found (Debian: apt-get install libxml2-utils)")]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", schema == .tbx2008 ? "--dtdvalid" : "--relaxng", schemaPath, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return [] }
        let detail = output.split(separator: "\n").prefix(5).joined(separator: "; ")
        return [GlossaryIssue(.error, conceptID: nil, "not valid against \(schemaPath): \(detail)")]
    }

    /// The first executable file named `name` in the folders of `path` (`PATH`'s value,
    /// default `/usr/bin:/bin`).
    static func executable(_ name: String, path: String?) -> String? {
        (path ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
