#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An input named on the command line, open for reading: a file, or standard input when the
/// path is absent or `-` (the convention of every command). FIFOs and devices are read like
/// files; a folder is refused as one.
public struct InputFile {
    /// The path as given; nil for standard input.
    public let path: String?
    /// The open descriptor (0 for standard input, which ``close()`` leaves open).
    public let descriptor: Int32
    /// Size in bytes for a regular file, for progress reports.
    public let size: Int?

    /// The name used in messages: the path, or `standard input`.
    public var displayName: String { path ?? "standard input" }

    /// Whether `path` means standard input (absent or `-`).
    public static func isStandardInput(_ path: String?) -> Bool { path == nil || path == "-" }

    /// Opens `path`, or standard input for nil or `-`.
    ///
    /// - Throws: ``FileError`` naming the file when it cannot be opened or is a folder.
    public static func open(_ path: String?) throws -> InputFile {
        guard let path, !isStandardInput(path) else {
            return InputFile(path: nil, descriptor: 0, size: nil)
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw FileError(path: path, message: "cannot read: \(systemErrorMessage())")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let message = systemErrorMessage()
            _ = Glibc.close(descriptor)
            throw FileError(path: path, message: "cannot read: \(message)")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            _ = Glibc.close(descriptor)
            throw FileError(path: path, message: "is a directory, not a file")
        }
        return InputFile(path: path, descriptor: descriptor, size: type == S_IFREG ? Int(info.st_size) : nil)
    }

    /// Reads everything left in the input.
    ///
    /// - Throws: ``FileError`` naming the input when reading fails.
    public func readAll() throws -> Data {
        var data = Data(capacity: size.map { $0 + 1 } ?? 1 << 16)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(path: displayName, message: "cannot read: \(systemErrorMessage())")
            }
            if got == 0 { return data }
            data.append(contentsOf: block[..<got])
        }
    }

    /// Closes the file (standard input stays open).
    public func close() {
        if descriptor > 2 { _ = Glibc.close(descriptor) }
    }
}
