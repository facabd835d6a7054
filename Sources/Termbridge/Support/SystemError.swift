#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's message for the current `errno`, e.g. "No such file or directory".
func systemErrorMessage() -> String {
    String(cString: strerror(errno))
}
