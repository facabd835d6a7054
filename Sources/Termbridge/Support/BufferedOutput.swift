#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to a file descriptor (standard output by default), for commands that
/// stream large outputs. Call ``flush()`` before the program ends.
public final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let capacity: Int

    /// Output to `descriptor`, flushed whenever `capacity` bytes are waiting.
    public init(descriptor: Int32 = 1, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit { try? flush() }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends one byte.
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes everything buffered.
    public func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBufferPointer { all in
                Glibc.write(descriptor, all.baseAddress! + written, all.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let message = systemErrorMessage()
                buffer.removeAll(keepingCapacity: true)
                throw FileError(path: descriptor == 1 ? "standard output" : nil, message: "cannot write: \(message)")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
