#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Guards an output file against being one of the command's inputs.
public enum OutputPath {
    /// Throws when `output` names the same file as one of `inputs`: the same device and
    /// inode, so a symbolic link, a hard link or another spelling of the path is caught too.
    /// Writing there would replace an input (a translation, a glossary) with the output.
    ///
    /// An output that does not exist yet, standard output (`nil` or `-`), and outputs that
    /// are not regular files (`/dev/null`, a FIFO, a terminal) are never refused; inputs that
    /// do not exist or are standard input (`-`) are skipped (reading them reports the error).
    ///
    /// - Parameter inputs: each input with what it is, e.g. `("zh.txt", "the Chinese file")`.
    /// - Throws: ``FileError`` naming the output and the input it would overwrite.
    public static func requireDistinct(_ output: String?, from inputs: [(path: String, role: String)]) throws {
        guard let output, output != "-" else { return }
        var outputInfo = stat()
        guard stat(output, &outputInfo) == 0, outputInfo.st_mode & S_IFMT == S_IFREG else { return }
        for input in inputs where input.path != "-" {
            var inputInfo = stat()
            guard stat(input.path, &inputInfo) == 0 else { continue }
            if inputInfo.st_dev == outputInfo.st_dev && inputInfo.st_ino == outputInfo.st_ino {
                let same = input.path == output ? "" : " '\(TerminalText.escaped(input.path))'"
                throw FileError(path: output, message: "refusing to write the output over an input: this is \(input.role)\(same); write the output to another file")
            }
        }
    }
}
