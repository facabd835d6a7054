import Foundation
import Termbridge

/// An input named on the command line: a file path, or standard input when the path is
/// absent or `-`.
struct InputFile {
    let path: String?
    let descriptor: Int32
    /// Size in bytes when known (regular files), for progress reports.
    let size: Int?

    /// The name used in messages.
    var displayName: String { path ?? "<stdin>" }

    static func open(_ path: String?) throws -> InputFile {
        guard let path, path != "-" else {
            return InputFile(path: nil, descriptor: 0, size: nil)
        }
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            throw FileError(path: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        return InputFile(path: path, descriptor: fd, size: size)
    }

    func close() {
        if descriptor > 2 { _ = Glibc.close(descriptor) }
    }
}

/// Progress on standard error for long file inputs, shown only when standard error is a
/// terminal, redrawn at most every 1% and erased when done.
struct ProgressReporter {
    private let name: String
    private let total: Int?
    private var lastPercent = -1
    private let enabled: Bool

    init(name: String, total: Int?) {
        self.name = name
        self.total = total
        self.enabled = isatty(2) != 0 && (total ?? 0) > (1 << 20)
    }

    mutating func update(_ done: Int) {
        guard enabled, let total, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\r\(name): \(percent)% of \(total / (1 << 20)) MB".utf8))
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
