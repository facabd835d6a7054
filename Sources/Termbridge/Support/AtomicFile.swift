import Foundation

/// Atomic file writes: the data goes to a temporary file in the target's folder, is flushed
/// to disk, and is renamed over the target. Readers see the old file or the new one, never
/// a mixture, and a failed write leaves the old file untouched.
///
/// What the path names decides how it is written:
/// - a **symbolic link** is followed (through every link in a chain, dangling or not): the
///   file it points to is replaced, in that file's folder, and the link stays a link;
/// - a **FIFO, character or block device** (`/dev/null`, a terminal, a named pipe) is opened
///   and written directly, never renamed over — it cannot be replaced atomically and must
///   stay what it is;
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are the process's own
///   descriptors and are written through them.
///
/// The temporary file is named `.termbridge-XXXXXX` (18 bytes, whatever the target's name,
/// so a target name up to the file system's limit still works), and is removed when the
/// write fails, when it is abandoned, and when the process is ended by SIGINT, SIGTERM or
/// SIGHUP while it exists (see ``TemporaryFileCleanup``).
public enum AtomicFile {
    /// Writes `data` to `path` atomically (see ``AtomicFile``).
    ///
    /// - Throws: ``FileError`` naming `path` when any step fails; the temporary file is
    ///   removed and the existing file is left as it was.
    public static func write(_ data: Data, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(data)
        try writer.commit()
    }
}

/// An output file written piece by piece and put in place at the end (``commit()``), with the
/// guarantees of ``AtomicFile``: until then the target is untouched, and a writer dropped
/// without ``commit()`` removes its temporary file.
public final class AtomicFileWriter {
    /// The path as given (named in errors).
    public let path: String
    private var descriptor: Int32
    /// The temporary file, for a target that is replaced; nil for one written directly.
    private var temporary: String?
    /// The file that is replaced (symbolic links followed).
    private let target: String
    private var cleanupSlot: Int?
    private var finished = false

    /// Opens `path` for writing: a temporary file beside the target, or the target itself
    /// when it is a FIFO, a device or one of the process's descriptors.
    ///
    /// - Throws: ``FileError`` when the folder cannot take a file, or the target cannot be
    ///   opened.
    public init(path: String) throws {
        self.path = path
        if let inherited = Self.processDescriptor(path) {
            let copy = dup(inherited)
            guard copy >= 0 else { throw FileError(path: path, message: "cannot write: \(systemErrorMessage())") }
            descriptor = copy
            target = path
            return
        }
        let resolved = try Self.followingLinks(path)
        target = resolved
        var info = stat()
        if stat(resolved, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                throw FileError(path: path, message: "cannot write: is a directory")
            }
            if type != S_IFREG {
                let opened = open(resolved, O_WRONLY | O_CLOEXEC)
                guard opened >= 0 else { throw FileError(path: path, message: "cannot write: \(systemErrorMessage())") }
                descriptor = opened
                return
            }
        }
        let folder = (resolved as NSString).deletingLastPathComponent
        let slot = TemporaryFileCleanup.reserve()
        var template = Array(((folder.isEmpty ? "." : folder) + "/.termbridge-XXXXXX").utf8CString)
        // Signals are held while the file is created and registered, so none can leave it behind.
        let created: Int32 = TemporaryFileCleanup.holdingSignals {
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            if fd >= 0, let slot { TemporaryFileCleanup.register(template, in: slot) }
            return fd
        }
        guard created >= 0 else {
            let message = systemErrorMessage()
            if let slot { TemporaryFileCleanup.release(slot) }
            throw FileError(path: path, message: "cannot write: \(message)")
        }
        descriptor = created
        cleanupSlot = slot
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { abandon() }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes (small writes are gathered into 64 KB blocks).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after commit or abandon")
        if pending.count + bytes.count < Self.blockSize {
            pending.append(contentsOf: bytes)
            return
        }
        try flushPending()
        try writeThrough(bytes)
    }

    private static let blockSize = 1 << 16
    private var pending: [UInt8] = []

    private func flushPending() throws {
        guard !pending.isEmpty else { return }
        let block = pending
        pending.removeAll(keepingCapacity: true)
        try block.withUnsafeBytes { try writeThrough($0) }
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let message = systemErrorMessage()
                abandon()
                throw FileError(path: path, message: "cannot write: \(message)")
            }
            written += result
        }
    }

    /// Flushes the file to disk and puts it in place of the target (a file written directly
    /// is just closed).
    ///
    /// - Throws: ``FileError`` when flushing or renaming fails; the target is then untouched.
    public func commit() throws {
        precondition(!finished, "commit after commit or abandon")
        try flushPending()
        guard let temporary else {
            finished = true
            close(descriptor)
            return
        }
        if fsync(descriptor) != 0 {
            let message = systemErrorMessage()
            abandon()
            throw FileError(path: path, message: "cannot write: \(message)")
        }
        // Keep the permissions of the file being replaced; new files get 0644.
        var info = stat()
        let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        fchmod(descriptor, mode)
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let message = systemErrorMessage()
            finished = true
            unlink(temporary)
            releaseCleanup()
            throw FileError(path: path, message: "cannot replace: \(message)")
        }
        finished = true
        releaseCleanup()
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporary { unlink(temporary) }
        releaseCleanup()
    }

    private func releaseCleanup() {
        if let cleanupSlot { TemporaryFileCleanup.release(cleanupSlot) }
        cleanupSlot = nil
    }

    /// The descriptor a path names when it is one of the process's own: `/dev/stdout`,
    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func processDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
        }
        return nil
    }

    /// `path` with symbolic links in its last component followed, through chains and to
    /// targets that do not exist yet.
    ///
    /// - Throws: ``FileError`` for a loop of links.
    static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, Int(PATH_MAX))
            guard length > 0 else { return current }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        throw FileError(path: path, message: "cannot write: too many levels of symbolic links")
    }
}
