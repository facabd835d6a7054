import Foundation

/// Whole text files read as strict UTF-8.
public enum TextFile {
    /// The text of the file at `path`: strict UTF-8 (see ``UTF8Decoding``), a leading
    /// byte-order mark dropped (see ``ByteOrderMark``). For files read whole; streams go
    /// through ``LineReader``, which drops the mark too.
    ///
    /// - Throws: ``FileError`` when the file cannot be read, ``InvalidUTF8Error`` with the
    ///   file and the byte offset of the first invalid byte.
    public static func read(_ path: String) throws -> String {
        try data(path).withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let mark = ByteOrderMark.length(in: bytes)
            return try String(strictUTF8: UnsafeBufferPointer(rebasing: bytes[mark...]), file: InputFile.isStandardInput(path) ? "standard input" : path, baseOffset: mark)
        }
    }

    /// The bytes of the file at `path` (standard input for `-`, see ``InputFile``).
    ///
    /// - Throws: ``FileError`` naming the file when it cannot be read or is a folder.
    public static func data(_ path: String) throws -> Data {
        let input = try InputFile.open(path)
        defer { input.close() }
        return try input.readAll()
    }
}
