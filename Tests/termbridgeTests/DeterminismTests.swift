import Foundation
import Testing

// Every subcommand, every output format, run as child processes: each process gets its own
// random hash seed (CommandLine.swift strips SWIFT_DETERMINISTIC_HASHING), so iteration
// order of a Dictionary or Set that leaks into output makes runs differ. Three runs per
// case: two runs can by chance iterate alike, three rarely do.
//
// Cases that need the lexicon or the general frequency list use copies of .cache's
// cedict_ts.u8 and jieba-dict.txt cut down to the words of the Chinese corpus files (about
// 1,700 entries, 1,400 words), so that the debug executable loads them in milliseconds; the
// segmentation model cases use the compiled .cache/segmentation.tbdata as it is (it loads
// in milliseconds).

/// One command line to run several times; `OUT` in an argument is replaced by a file path
/// whose bytes are compared too, and `{NAME}` by a fixture file (see ``DeterminismFixtures``).
struct DeterminismCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var testDescription: String { arguments.joined(separator: " ") }

    init(_ line: String) { arguments = line.split(separator: " ").map(String.init) }
}

private let zh = "Corpus/zh/quasi-alliances.zh.txt", hant = "Corpus/zh/quasi-alliances.zh-Hant.txt"
private let en = "Corpus/en/quasi-alliances.en.md"
private let tsv = "Glossary/quasi-alliance.tsv", tbx = "Glossary/quasi-alliance.tbx"

/// Cases that need only files of the repository (and fixtures written here).
private let plainCases: [DeterminismCase] = [
    "segment \(zh)",
    "segment --format tsv \(zh)",
    "segment --format jsonl --sentences --glossary \(tsv) \(zh)",
    "segment --sentences --glossary \(tbx) --dict {DICT} \(hant)",
    "segment --no-model --format jsonl \(zh)",
    "glossary lookup 准盟友 --glossary \(tsv)",
    "glossary lookup quasi-allies --glossary \(tsv) --glossary \(tbx)",
    "glossary convert \(tsv) OUT.tsv",
    "glossary convert \(tsv) OUT.csv",
    "glossary convert \(tsv) OUT.json",
    "glossary convert \(tsv) OUT.tbx",
    "glossary convert \(tsv) OUT.md",
    "glossary convert --to tbx2008 \(tsv) OUT.xml",
    "glossary convert \(tbx) OUT.tsv",
    "glossary convert \(tbx) OUT.json",
    "glossary merge \(tsv) \(tbx) {CANDIDATES} --prefer last -o OUT.tbx",
    "glossary validate \(tsv)",
    "glossary validate \(tbx)",
    "glossary validate {CANDIDATES}",
    "glossary stats \(tsv)",
    "glossary stats \(tbx)",
    "pair --sources Corpus/en \(zh) \(hant)",
    "pair --format json --sources Corpus/en \(zh) \(hant)",
    "align \(zh) \(en)",
    "align \(zh) \(en) --format jsonl --glossary \(tsv)",
    "align \(zh) \(en) --format beads",
    "align \(zh) \(en) --glossary \(tsv) -o OUT.tmx",
    "align \(zh) \(en) --glossary \(tsv) --format html",
    "extract \(zh)",
    "extract \(zh) --source \(en)",
    "extract \(zh) --source \(en) --glossary \(tsv) --format csv",
    "extract \(zh) --source \(en) --format json",
    "extract \(zh) \(hant) --source \(en) -o OUT.tbx",
    "extract \(zh) --source \(en) --glossary \(tsv) --format md",
    "check \(zh) \(en)",
    "check \(zh) \(en) --glossary \(tsv)",
    "check \(zh) \(en) --glossary \(tsv) --format json",
    "check \(zh) \(en) --glossary \(tbx) --format html",
    "check \(zh) --glossary \(tsv)",
    "check \(zh) --format json",
    "check --bilingual {TMX} --glossary \(tsv)",
    "check --bilingual {TMX} --glossary \(tsv) --format json",
    "check --bilingual {TMX} -o OUT.html",
    "check --bilingual {TMX} --glossary \(tsv) --punctuation full --spacing space --column-unit display",
    "check \(zh) \(en) --glossary \(tsv) --fail-on never --write-baseline OUT.tsv",
    "check --list-checks --format json",
    "eval segment --gold {GOLD} {RAW}",
    "eval segment --gold {GOLD} --dict {DICT} --words {WORDS} --json {RAW}",
    "eval segment --gold {GOLD} --segmented --words {WORDS} {GOLD}",
    "eval align --gold {ALIGN} --per-doc --null-beads",
    "eval align --gold {ALIGN} --json --glossary \(tsv)",
    // Without the data found by default (the length model and the corpus's own counts).
    "pair --no-lexicon --sources Corpus/en \(zh) \(hant)",
    "align \(zh) \(en) --no-lexicon --format jsonl --glossary \(tsv)",
    "extract \(zh) --source \(en) --no-lexicon --no-general-frequencies --format json",
    "check \(zh) \(en) --no-lexicon --glossary \(tsv) --format json",
    "eval align --gold {ALIGN} --no-lexicon --json",
].map(DeterminismCase.init)

/// Cases with the (cut-down) lexicon or general frequency list.
private let dataCases: [DeterminismCase] = [
    "align \(zh) \(en) --lexicon {LEXICON} --format beads",
    "align \(zh) \(en) --lexicon {LEXICON} --format jsonl",
    "align \(zh) \(en) --lexicon {LEXICON} --glossary \(tsv) -o OUT.tmx",
    "align \(zh) \(en) --lexicon {LEXICON} --glossary \(tsv) --format html",
    "extract \(zh) --source \(en) --lexicon {LEXICON}",
    "extract \(zh) --source \(en) --lexicon {LEXICON} --glossary \(tsv) --format json",
    "extract \(zh) --source \(en) --lexicon {LEXICON} --glossary \(tsv) --general-frequencies {GENERAL} --format tbx",
    "extract \(zh) --general-frequencies {GENERAL} --format md",
    "extract \(zh) \(hant) --lexicon {LEXICON} --general-frequencies {GENERAL} --format csv",
    "check \(zh) \(en) --lexicon {LEXICON}",
    "check \(zh) \(en) --glossary \(tsv) --lexicon {LEXICON} --format json",
    "check \(zh) \(en) --glossary \(tsv) --lexicon {LEXICON} --format html",
    "check --bilingual {TMX} --glossary \(tsv) --lexicon {LEXICON}",
    "glossary convert {LEXICON} OUT.tsv",
    "glossary lookup 盟友 --glossary {LEXICON}",
    "eval align --gold {ALIGN} --lexicon {LEXICON}",
    "segment --model {MODEL} \(zh) \(hant)",
    "segment --model {MODEL} --format tsv --dict {DICT} \(zh)",
    "segment --model {MODEL} --format jsonl --sentences --glossary \(tsv) \(hant)",
    "eval segment --gold {GOLD} --model {MODEL} --json {RAW}",
].map(DeterminismCase.init)

@Suite struct DeterminismTests {
    static let runs = 3

    @Test(arguments: plainCases)
    func sameBytesOnEveryRun(_ command: DeterminismCase) throws {
        try expectSameBytes(command, fixtures: DeterminismFixtures.shared.get())
    }

    @Test(.enabled(if: DeterminismFixtures.hasData, "needs .cache/cedict_ts.u8, .cache/jieba-dict.txt and .cache/segmentation.tbdata (make setup)"),
          arguments: dataCases)
    func sameBytesOnEveryRunWithTheLexicon(_ command: DeterminismCase) throws {
        try expectSameBytes(command, fixtures: DeterminismFixtures.shared.get())
    }

    private func expectSameBytes(_ command: DeterminismCase, fixtures: DeterminismFixtures) throws {
        let output = fixtures.folder + "/out-\(UUID().uuidString)"
        var first: Data?
        for run in 1...Self.runs {
            let arguments = try command.arguments.map { try fixtures.resolve($0, output: output) }
            let result = try termbridge(arguments)
            // 1 is a negative answer (findings, no source found, glossary errors): still output.
            #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.stderr)")
            // The bytes a user sees: exit status, standard output and error, the -o file.
            var bytes = Data("status \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n\(result.stderr)\n".utf8)
            if let path = arguments.first(where: { $0.hasPrefix(output) }) {
                bytes.append(Data("--- \(URL(fileURLWithPath: path).pathExtension) file\n".utf8))
                bytes.append(try Data(contentsOf: URL(fileURLWithPath: path)))
                try FileManager.default.removeItem(atPath: path)
            }
            guard let first else { first = bytes; continue }
            if bytes != first {
                Issue.record("run \(run) differs from run 1:\n\(DeterminismFixtures.firstDifference(first, bytes))")
                return
            }
        }
        #expect(first.map { $0.count > 40 } == true, "no output to compare")
    }
}

/// The files the cases refer to, written once per test process into a temporary folder.
struct DeterminismFixtures: Sendable {
    let folder: String
    let files: [String: String]

    static let cedict = ".cache/cedict_ts.u8", general = ".cache/jieba-dict.txt"
    static let model = ".cache/segmentation.tbdata"
    static var hasData: Bool {
        [cedict, general, model].allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    /// Built on first use; a failure is reported by every test that needs the fixtures.
    static let shared = Result { try DeterminismFixtures() }

    init() throws {
        let folder = NSTemporaryDirectory() + "termbridge-determinism-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [String: String] = [:]
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        files["DICT"] = try write("dict.txt", "准盟友\n陆军战术导弹系统\n核保护伞 5 n\n")
        // Segmentation gold written for this test (not from any evaluation set).
        let gold = "美国 与 准盟友 的 关系 正在 变化 。\n华盛顿 向 乌克兰 提供 远程 导弹 。\n盟友 希望 得到 更 多 保障 。\n"
        files["GOLD"] = try write("gold.txt", gold)
        files["RAW"] = try write("raw.txt", gold.replacingOccurrences(of: " ", with: ""))
        files["WORDS"] = try write("words.txt", "美国\n关系\n华盛顿\n提供\n盟友\n")
        files["ALIGN"] = try Self.alignmentSet(in: folder)
        files["TMX"] = folder + "/pair.tmx"
        try Self.run(["align", zh, en, "--glossary", tsv, "-o", files["TMX"]!])
        files["CANDIDATES"] = folder + "/candidates.tsv"
        try Self.run(["extract", zh, "--source", en, "--top", "40", "-o", files["CANDIDATES"]!])
        if Self.hasData {
            let words = try Self.substrings(of: [zh, hant], upTo: 8)
            files["LEXICON"] = try Self.cutDown(Self.cedict, to: folder + "/cedict.u8") { line in
                let fields = line.split(separator: " ", maxSplits: 2)
                return fields.count == 3 && (words.contains(String(fields[0])) || words.contains(String(fields[1])))
            }
            files["GENERAL"] = try Self.cutDown(Self.general, to: folder + "/general.txt") { line in
                words.contains(String(line.prefix { $0 != " " }))
            }
            files["MODEL"] = Self.model
        }
        self.folder = folder
        self.files = files
    }

    /// `argument` with `{NAME}` replaced by its fixture and `OUT` by `output`.
    func resolve(_ argument: String, output: String) throws -> String {
        if argument.hasPrefix("OUT.") { return output + argument.dropFirst(3) }
        guard argument.hasPrefix("{"), argument.hasSuffix("}") else { return argument }
        let name = String(argument.dropFirst().dropLast())
        return try #require(files[name], "no fixture \(name)")
    }

    /// Two documents of one sentence per line, with gold beads, written for this test.
    private static func alignmentSet(in folder: String) throws -> String {
        let documents = [
            ("美国向乌克兰提供武器。\n准盟友没有条约保障。\n华盛顿希望获得影响力。\n这种安排代价很高。\n",
             "Washington supplies weapons to Ukraine.\nQuasi allies have no treaty guarantee.\nWashington hopes to gain influence.\nThe arrangement is costly.\n",
             "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n"),
            ("核保护伞覆盖日本和韩国。\n以色列得到了2000磅炸弹。\n",
             "The nuclear umbrella covers Japan and South Korea.\nIsrael received the 2,000-pound bombs.\nThe shipment was paused in May.\n",
             "[0]:[0]\n[1]:[1,2]\n"),
        ]
        let root = folder + "/align"
        for (k, (chinese, english, gold)) in documents.enumerated() {
            let document = root + "/00\(k + 1)"
            try FileManager.default.createDirectory(atPath: document, withIntermediateDirectories: true)
            for (name, text) in [("zh.txt", chinese), ("en.txt", english), ("gold.txt", gold)] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: document + "/" + name))
            }
        }
        return root
    }

    /// Every substring of up to `length` characters of the files.
    private static func substrings(of paths: [String], upTo length: Int) throws -> Set<String> {
        var result = Set<String>()
        for path in paths {
            let characters = Array(try String(contentsOfFile: path, encoding: .utf8))
            for start in characters.indices {
                for end in (start + 1)...min(characters.count, start + length) {
                    result.insert(String(characters[start..<end]))
                }
            }
        }
        return result
    }

    /// Copies the lines of `source` that `keep` accepts (and its `#` comments) to `target`.
    private static func cutDown(_ source: String, to target: String, keep: (Substring) -> Bool) throws -> String {
        let text = try String(contentsOfFile: source, encoding: .utf8)
        var kept = ""
        for line in text.split(whereSeparator: \.isNewline)   // CC-CEDICT has CRLF line ends
        where line.hasPrefix("#") || keep(line) {
            kept += line + "\n"
        }
        try Data(kept.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    private static func run(_ arguments: [String]) throws {
        let result = try termbridge(arguments)
        guard result.status == 0 else {
            throw FixtureError(message: "termbridge \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
    }

    /// The first line where two outputs differ, for the failure message.
    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let k = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        func line(_ lines: [Substring]) -> String { k < lines.count ? String(lines[k].prefix(300)) : "(end)" }
        return "line \(k + 1):\n  run 1: \(line(x))\n  now:   \(line(y))"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
