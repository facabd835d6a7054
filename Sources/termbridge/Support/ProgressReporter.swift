import Foundation
import Termbridge

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
