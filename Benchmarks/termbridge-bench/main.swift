// termbridge-bench: throughput figures for Termbridge, side by side with anchors measured
// in the same run. Usage: termbridge-bench segment [--input FILE] [--dict FILE] [--raw-icu BIN]
import Foundation
import ICU
import Termbridge

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    print("usage: termbridge-bench segment [--input FILE] [--dict FILE] [--raw-icu BIN] [--cli BIN]")
    print("       termbridge-bench segment-ablation [--out DIR]")
    print("       termbridge-bench match [--input FILE]")
    print("       termbridge-bench align [--quality-only] [--cli BIN]")
    print("       termbridge-bench cedict [--cli BIN]")
    print("       termbridge-bench check [--cli BIN]")
    print("       termbridge-bench planted [--rounds N]")
    print("       termbridge-bench xml")
    exit(2)
}
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

switch command {
case "segment":
    try SegmentBenchmark(
        input: option("--input"), dictionary: option("--dict"),
        rawICU: option("--raw-icu"), cli: option("--cli")
    ).run()
case "segment-ablation":
    try SegmentAblation(outputFolder: option("--out")).run()
case "align":
    try AlignBenchmark(speed: !arguments.contains("--quality-only"), cli: option("--cli")).run()
case "cedict":
    try CEDICTBenchmark(cli: option("--cli")).run()
case "check":
    try CheckBenchmark(cli: option("--cli")).run()
case "planted":
    try PlantedBenchmark(rounds: option("--rounds").flatMap(Int.init) ?? 60).run()
case "xml":
    try XMLBenchmark().run()
case "match":
    try MatchBenchmark(input: option("--input")).run()
default:
    print("unknown benchmark \(command)")
    exit(2)
}
