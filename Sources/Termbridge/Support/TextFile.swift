import Foundation

extension String {
    /// The contents of the UTF-8 file at `path`, decoded strictly.
    ///
    /// - Throws: ``FileError`` when the file cannot be read; ``InvalidUTF8Error`` naming the
    ///   file and the byte offset of invalid UTF-8.
    init(strictUTF8ContentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError(path: path, message: "cannot read: \(error.localizedDescription)")
        }
        self = try data.withUnsafeBytes { raw in try String(strictUTF8: raw.bindMemory(to: UInt8.self), file: path) }
    }
}
