import Foundation
import Termbridge

/// The XML readers (TMX, XLIFF, TBX) on the shapes of input that used to take quadratic
/// time — one long segment, a one-line file, a tag with many attributes — and on ordinary
/// files, each at two sizes: linear time means the same time per MB at both. The anchor is
/// libxml2 streaming the same file without doing anything (`xmllint --stream --noout`),
/// measured in the same run. Times are CPU seconds (user + system), best of three for the
/// readers (in this process), one run of `xmllint` (a child), so that other work on the
/// machine counts little. The files are generated into `Benchmarks/out/xml/`.
struct XMLBenchmark {
    let folder = "Benchmarks/out/xml"

    /// One shape of input: how to make a file of about `size` bytes, and which reader reads it.
    struct Shape: Sendable {
        var name: String
        var sizes: [Int]
        var suffix: String
        var make: @Sendable (Int) -> String
        var read: @Sendable (String) throws -> Void
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var rows: [[String]] = []
        for shape in Self.shapes {
            for size in shape.sizes {
                let path = "\(folder)/\(shape.name.filter { $0.isLetter || $0.isNumber })-\(size / 1_000_000 > 0 ? "\(size / 1_000_000)M" : "\(size / 1_000)k")\(shape.suffix)"
                try Data(shape.make(size).utf8).write(to: URL(fileURLWithPath: path))
                let megabytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
                let ours = try bestCPUTime { try shape.read(path) }
                var anchor = "-", ratio = "-"
                if let xmllint {
                    let child = try runChild([xmllint, "--stream", "--noout", path])
                    if child.status == 0 {
                        anchor = format(child.cpuSeconds / megabytes, 3)
                        let times = ours / max(child.cpuSeconds, 1e-6)
                        ratio = format(times, times < 1 ? 3 : 1) + "×"
                    } else {
                        anchor = "failed"
                    }
                }
                rows.append([shape.name, format(megabytes, megabytes < 1 ? 2 : 1), format(ours, 3), format(ours / megabytes, 3), anchor, ratio])
            }
        }
        printTable(["input", "MB", "seconds", "s/MB", "xmllint s/MB", "× xmllint"], rows)
    }

    // MARK: Shapes

    static let tmxHeader = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        + #"<tmx version="1.4"><header creationtool="termbridge-bench" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>"#

    static func unit(_ n: Int) -> String {
        #"<tu tuid="\#(n)"><tuv xml:lang="en"><seg>America's quasi allies &amp; partners, number \#(n).</seg></tuv><tuv xml:lang="zh-CN"><seg>美国的准盟友和伙伴，第\#(n)个。</seg></tuv></tu>"#
    }

    static func readTMX(_ path: String) throws {
        var count = 0
        try TMXReader(path: path).forEachSegment { _ in count += 1 }
    }

    static let shapes: [Shape] = [
        Shape(name: "TMX, one long segment", sizes: [4_000_000, 8_000_000], suffix: ".tmx", make: { size in
            let sentence = "美国的准盟友日益增多，而这种准同盟关系代价高昂且风险很大。&amp; "
            return tmxHeader + #"<tu><tuv xml:lang="en"><seg>One long segment.</seg></tuv><tuv xml:lang="zh"><seg>"#
                + String(repeating: sentence, count: size / sentence.utf8.count) + "</seg></tuv></tu></body></tmx>\n"
        }, read: readTMX),
        Shape(name: "TMX, one line", sizes: [4_000_000, 8_000_000], suffix: ".tmx", make: { size in
            var text = tmxHeader
            var n = 0
            while text.utf8.count < size { text += unit(n); n += 1 }
            return text + "</body></tmx>\n"
        }, read: readTMX),
        Shape(name: "TMX, one unit per line", sizes: [4_000_000, 8_000_000], suffix: ".tmx", make: { size in
            var text = tmxHeader + "\n"
            var n = 0
            while text.utf8.count < size { text += unit(n) + "\n"; n += 1 }
            return text + "</body></tmx>\n"
        }, read: readTMX),
        Shape(name: "XLIFF 1.2, one line", sizes: [4_000_000, 8_000_000], suffix: ".xlf", make: { size in
            var text = #"<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="zh-CN" original="bench" datatype="plaintext"><body>"#
            var n = 0
            while text.utf8.count < size {
                text += #"<trans-unit id="u\#(n)"><source>Quasi allies &amp; partners, number \#(n).</source><target>准盟友和<g id="1">伙伴</g>，第\#(n)个。</target></trans-unit>"#
                n += 1
            }
            return text + "</body></file></xliff>\n"
        }, read: { path in
            var count = 0
            try XLIFFReader(path: path).forEachSegment { _ in count += 1 }
        }),
        Shape(name: "TMX, a tag with 19k / 38k attributes", sizes: [250_000, 500_000], suffix: ".tmx", make: { size in
            let attributes = (0..<(size / 13)).map { " a\($0)=\"v\"" }.joined()
            return tmxHeader + "<tu tuid=\"1\"\(attributes)>" + #"<tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"><seg>甲</seg></tuv></tu></body></tmx>"# + "\n"
        }, read: readTMX),
        Shape(name: "TBX, one concept per entry", sizes: [20_000_000, 40_000_000], suffix: ".tbx", make: { size in
            // ~480 bytes per concept as Termbridge writes TBX.
            let glossary = Glossary(concepts: (0..<(size / 480)).map { n in
                Concept(id: "c\(n)", definition: n % 2 == 0 ? "Concept \(n) & its <definition>." : nil, languages: [
                    LanguageTerms(language: "zh", terms: [Term("准盟友\(n)", status: .preferred, pinyin: "zhǔn méng yǒu")]),
                    LanguageTerms(language: "en", terms: [Term("quasi ally \(n)", status: .preferred)]),
                ])
            })
            return (try? String(decoding: glossary.encoded(as: .tbx).data, as: UTF8.self)) ?? ""
        }, read: { path in _ = try Glossary.read(contentsOf: path) }),
    ]
}
