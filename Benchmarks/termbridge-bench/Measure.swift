import Foundation

/// Seconds taken by `body`, best of `repetitions` runs.
func bestTime(repetitions: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

/// Result of running a program: wall time, CPU time, peak resident memory and standard output.
struct ChildRun {
    var seconds: Double
    /// User and system CPU time (less disturbed than wall time by other work on the machine).
    var cpuSeconds: Double = 0
    var maxResidentKB: Int
    var output: String
    var status: Int32
}

/// Runs `arguments[0]` with the rest as arguments, standard output to `stdoutPath` (or a
/// pipe that is returned), and reports its wall time and peak memory (from wait4).
func runChild(_ arguments: [String], stdoutPath: String? = nil) throws -> ChildRun {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let capture = stdoutPath ?? NSTemporaryDirectory() + "tb-bench-\(getpid()).out"
    posix_spawn_file_actions_addopen(&actions, 1, capture, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let rc = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    guard rc == 0 else { throw NSError(domain: "spawn \(arguments[0])", code: Int(rc)) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let output = stdoutPath == nil ? (try? String(contentsOfFile: capture, encoding: .utf8)) ?? "" : ""
    if stdoutPath == nil { unlink(capture) }
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ChildRun(seconds: seconds, cpuSeconds: cpu, maxResidentKB: usage.ru_maxrss, output: output, status: status)
}

/// CPU seconds (user and system) of this process taken by `body`, best of `repetitions` runs.
func bestCPUTime(repetitions: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = now()
        try body()
        best = min(best, now() - start)
    }
    return best
}

/// Prints a table with aligned columns.
func printTable(_ header: [String], _ rows: [[String]]) {
    let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
    func line(_ cells: [String]) -> String {
        zip(cells, widths).enumerated().map { i, pair in
            i == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                   : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
        }.joined(separator: "  ")
    }
    print(line(header))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { print(line(row)) }
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
