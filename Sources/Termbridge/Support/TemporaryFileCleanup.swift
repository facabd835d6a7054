#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of ``AtomicFileWriter`` when the process is ended by SIGINT,
/// SIGTERM or SIGHUP while they exist, then ends the process by the same signal (its default
/// action), so the exit status still says which signal it was.
///
/// The handlers are installed while at least one temporary file exists and the previous
/// dispositions restored after; a signal that was ignored (SIG_IGN, as for background jobs
/// of a non-interactive shell) stays ignored. The handler only calls async-signal-safe
/// functions (`unlink`, `sigaction`, `raise`) on paths kept in memory allocated beforehand.
enum TemporaryFileCleanup {
    /// How many temporary files may exist at once; more are still written, just not cleaned
    /// up on a signal.
    static let slotCount = 16
    static let slotSize = Int(PATH_MAX) + 1
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The paths, one NUL-terminated string per slot; an empty string is a free slot. Set up
    /// once, before any handler can run.
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let memory = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        memory.initialize(repeating: 0, count: slotCount * slotSize)
        return memory
    }()
    nonisolated(unsafe) static var reserved = [Bool](repeating: false, count: slotCount)
    nonisolated(unsafe) static var previous: [sigaction] = []
    nonisolated(unsafe) static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// A free slot for one temporary file, installing the handlers for the first; nil when
    /// all are taken.
    static func reserve() -> Int? {
        _ = paths
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard let slot = reserved.firstIndex(of: false) else { return nil }
        reserved[slot] = true
        if reserved.filter({ $0 }).count == 1 { install() }
        return slot
    }

    /// Records the path of the file just created (a NUL-terminated C string) in `slot`.
    static func register(_ path: [CChar], in slot: Int) {
        let start = paths + slot * slotSize
        let count = min(path.count, slotSize - 1)
        path.withUnsafeBufferPointer { start.update(from: $0.baseAddress!, count: count) }
        start[count] = 0
    }

    /// Frees `slot` (its file was renamed or removed), restoring the previous handlers after
    /// the last.
    static func release(_ slot: Int) {
        holdingSignals { paths[slot * slotSize] = 0 }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        reserved[slot] = false
        if !reserved.contains(true) { restore() }
    }

    /// Runs `body` with the cleanup signals blocked in this thread.
    static func holdingSignals<T>(_ body: () throws -> T) rethrows -> T {
        var blocked = sigset_t(), old = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }

    private static func install() {
        previous = signals.map { signal in
            var old = sigaction()
            sigaction(signal, nil, &old)
            // SIG_IGN is the handler value 1.
            let ignored = old.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) == 1 } ?? false
            if !ignored {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = handle
                sigemptyset(&action.sa_mask)
                for other in signals { sigaddset(&action.sa_mask, other) }
                action.sa_flags = 0
                sigaction(signal, &action, nil)
            }
            return old
        }
    }

    private static func restore() {
        for (signal, old) in zip(signals, previous) {
            var old = old
            sigaction(signal, &old, nil)
        }
        previous = []
    }

    /// The signal handler: remove every registered file, then die of `signal`.
    private static let handle: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<TemporaryFileCleanup.slotCount {
            let path = TemporaryFileCleanup.paths + slot * TemporaryFileCleanup.slotSize
            if path[0] != 0 { unlink(path) }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(signal)
    }
}
