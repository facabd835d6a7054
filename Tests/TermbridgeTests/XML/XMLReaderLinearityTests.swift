import Foundation
import Testing
@testable import Termbridge

/// The XML readers take time linear in the input: four times the input must take less than
/// eight times as long (a linear reader takes 4×, a quadratic one 16×: the margin absorbs a
/// loaded machine, where a doubling with a 3× limit failed), for the shapes that were
/// quadratic — one long text, a one-line file, many attributes, many namespace declarations.
/// Each size is timed five times, the two sizes alternating so that both see the same load,
/// and the best of each counts. Throughput figures are `termbridge-bench xml`'s job, not a test's.
@Suite(.serialized) struct XMLReaderLinearityTests {
    /// This thread's CPU time in seconds (other tests running at the same time do not count).
    private func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Reads `make(n)` and `make(4n)` with `kind`; the second must take < 8× the first.
    private func expectLinear(_ shape: String, _ kind: XMLReaderKind, n: Int, _ make: (Int) -> [UInt8],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let small = make(n), large = make(4 * n)
        let paths = ["small", "large"].map { XMLReaderKind.temporaryPath("linear-\($0)" + kind.suffix) }
        defer { paths.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try Data(small).write(to: URL(fileURLWithPath: paths[0]))
        try Data(large).write(to: URL(fileURLWithPath: paths[1]))
        func time(_ bytes: [UInt8], _ path: String) throws -> Double {
            let start = now()
            switch kind {
            case .tbxData: _ = try TBXGlossaryFormat.read(Data(bytes), file: path)
            case .tbxFile: _ = try Glossary.read(contentsOf: path)
            case .tmx: try TMXReader(path: path).forEachSegment { _ in }
            case .xliff: try XLIFFReader(path: path).forEachSegment { _ in }
            }
            return now() - start
        }
        var (t1, t2) = (Double.infinity, Double.infinity)
        for _ in 0..<5 {
            t1 = min(t1, try time(small, paths[0]))
            t2 = min(t2, try time(large, paths[1]))
        }
        #expect(t2 < 8 * t1, "\(shape), \(kind): \(small.count) bytes in \(t1) s, \(large.count) bytes in \(t2) s",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: XMLReaderKind.allCases)
    func oneLongText(kind: XMLReaderKind) throws {
        try expectLinear("one long text", kind, n: 200_000) { n in
            kind.document(text: Array(String(repeating: "准盟友 &amp; 北约\n", count: n / 12).utf8))
        }
    }

    @Test(arguments: [XMLReaderKind.tmx, .xliff])
    func aOneLineFileOfManyUnits(kind: XMLReaderKind) throws {
        try expectLinear("one line", kind, n: 4_000) { n in
            let unit = kind == .tmx
                ? #"<tu><tuv xml:lang="en"><seg>quasi ally</seg></tuv><tuv xml:lang="zh"><seg>准盟友</seg></tuv></tu>"#
                : #"<trans-unit id="u"><source>quasi ally</source><target>准盟友</target></trans-unit>"#
            let document = String(decoding: kind.document(text: Array("x".utf8)), as: UTF8.self)
            return Array(document.replacingOccurrences(of: "<body>", with: "<body>" + String(repeating: unit, count: n)).utf8)
        }
    }

    @Test(arguments: [XMLReaderKind.tbxData, .tbxFile])
    func aOneLineTBXOfManyConcepts(kind: XMLReaderKind) throws {
        try expectLinear("one line", kind, n: 3_000) { n in
            var entries = ""
            for k in 0..<n {
                entries += #"<conceptEntry id="c\#(k)"><langSec xml:lang="zh"><termSec><term>准盟友\#(k)</term></termSec></langSec></conceptEntry>"#
            }
            return Array((#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>"# + entries + "</body></text></tbx>").utf8)
        }
    }

    @Test(arguments: XMLReaderKind.allCases)
    func manyAttributesOnOneElement(kind: XMLReaderKind) throws {
        try expectLinear("many attributes", kind, n: 8_000) { n in
            let attributes = (0..<n).map { " a\($0)=\"v\($0)\"" }.joined()
            return kind.document(text: Array("准<g id=\"1\"\(attributes)>盟</g>友".utf8))
        }
    }

    @Test(arguments: XMLReaderKind.allCases)
    func manyNamespaceDeclarationsOnOneElement(kind: XMLReaderKind) throws {
        try expectLinear("many namespaces", kind, n: 8_000) { n in
            let declarations = (0..<n).map { " xmlns:p\($0)=\"urn:x:\($0)\" p\($0):a=\"v\"" }.joined()
            return kind.document(text: Array("准<g id=\"1\"\(declarations)>盟</g>友".utf8))
        }
    }
}
