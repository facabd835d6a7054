import Foundation

/// Atomic file writes: the data goes to a temporary file in the target's folder, is flushed
/// to disk, and is renamed over the target. Readers see the old file or the new one, never
/// a mixture, and a failed write leaves the old file untouched.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    ///
    /// - Throws: ``FileError`` naming `path` when any step fails; the temporary file is
    ///   removed and the existing file is left as it was.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/.\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileError(path: path, message: "cannot write: \(systemErrorMessage())")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var written = 0
        let failure: String? = data.withUnsafeBytes { raw -> String? in
            while written < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return systemErrorMessage()
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : systemErrorMessage()
        }
        close(descriptor)
        if let failure { throw FileError(path: path, message: "cannot write: \(failure)") }
        // Keep the permissions of the file being replaced; new files get 0644.
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        chmod(temporary, mode)
        guard rename(temporary, path) == 0 else {
            throw FileError(path: path, message: "cannot replace: \(systemErrorMessage())")
        }
        succeeded = true
    }
}
