import ArgumentParser
import Foundation
import Termbridge

/// `termbridge pair ZH_FILE... --sources DIR`: find the English source of each Chinese
/// document by the title its attribution cites.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Find the English source of each Chinese document among the files in a folder.",
        discussion: """
        Reads the source title each Chinese document cites (文章原题目为“…”, 原文标题：…, 原题：…, \
        编译自《…》, Original title: …, anywhere in the document), the author written as \
        中文名(English Name) and the credit lines (编译|…, 审校|…).

        Reads the title of every .txt, .md, .markdown and .text file under DIR, subfolders \
        included (a # heading, a Title: line, or else the first non-empty line), and ranks \
        them by title similarity, ignoring case, quotes and apostrophes, dashes, colons and \
        spacing. A best score below 0.60 is "no source found"; a runner-up within 0.10 of the \
        best is "ambiguous".

        When the document cites no title, or no title matches, or two are too close to call, \
        the candidates (the close ones, when ambiguous) are ranked by content: the share of \
        the document's words, numbers, Latin words and names found in each, through \
        CC-CEDICT's glosses (found by default; --no-lexicon turns it off). A content score of \
        at least 0.20 and 1.5 times the runner-up's pairs the document, on the basis of content.

        Exit status: 0 when every document found its source; 1 when any found none, named \
        no source title or was ambiguous; 2 when a file cannot be read or is not UTF-8, or \
        a Chinese document's text is English (nothing is printed then).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("The folder of English candidates, searched recursively.", valueName: "DIR"))
    var sources: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Chinese documents (UTF-8).", valueName: "ZH_FILE"))
    var files: [String]

    @OptionGroup var data: LexiconOptions

    func run() throws {
        var pairings: [DocumentPairing]
        do {
            let candidates = try SourceCandidate.loadFolder(sources, excluding: files)
            let matcher = try TitleMatcher()
            pairings = try files.map { try DocumentPairing.pair(chineseFile: $0, candidates: candidates, matcher: matcher) }
            // Content decides where titles cannot; CC-CEDICT is loaded only then.
            if pairings.contains(where: \.needsContent) {
                let content = try ContentMatcher(lexicon: try data.load(losing: DataLoss.pairing))
                for index in pairings.indices where pairings[index].needsContent {
                    try pairings[index].decideByContent(chineseText: readUTF8(files[index]), candidates: candidates, matcher: content)
                }
            }
        } catch let error as LanguageMismatchError {
            printError("Error: \(error)")
            throw ExitCode(2)
        } catch let error as FileError {
            printError("Error: \(error)")
            throw ExitCode(2)
        } catch let error as InvalidUTF8Error {
            printError("Error: \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .text:
            let text = pairings.map(PairingReport.text).joined(separator: "\n\n")
            print(text.split(separator: "\n", omittingEmptySubsequences: false).map { shown(String($0)) }.joined(separator: "\n"))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(pairings.map(PairingReport.init)), as: UTF8.self))
        }
        if pairings.contains(where: { $0.verdict != .matched }) { throw ExitCode(1) }
    }
}

/// One document's pairing as printed: a text block or a JSON object.
struct PairingReport: Encodable {
    struct Candidate: Encodable {
        var file: String
        var title: String
        var score: Double
    }

    struct Author: Encodable {
        var zh: String
        var en: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(zh, forKey: .zh)
            try container.encode(en, forKey: .en)
        }

        private enum CodingKeys: String, CodingKey { case zh, en }
    }

    struct Metadata: Encodable {
        var author: Author?
        var credits: [String: [String]]
        var cut: Bool

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(author, forKey: .author)
            try container.encode(credits, forKey: .credits)
            try container.encode(cut, forKey: .cut)
        }

        private enum CodingKeys: String, CodingKey { case author, credits, cut }
    }

    var file: String
    var title: String?
    var titleLine: Int?
    var titleKeyword: String?
    var matched: String?
    var score: Double?
    var confidence: String
    var best: Candidate?
    var runnerUp: Candidate?
    var verdict: String
    var basis: String
    var content: [Candidate]?
    var metadata: Metadata

    init(_ pairing: DocumentPairing) {
        func candidate(_ scored: ScoredCandidate?) -> Candidate? {
            scored.map { Candidate(file: $0.path, title: $0.title, score: Self.rounded($0.score)) }
        }
        let attribution = pairing.attribution
        file = pairing.document ?? "standard input"
        title = attribution.title?.text
        titleLine = attribution.title?.line
        titleKeyword = attribution.title?.keyword
        matched = pairing.match?.path
        score = pairing.best.map { Self.rounded($0.score) }
        confidence = pairing.confidence.rawValue
        best = candidate(pairing.best)
        runnerUp = candidate(pairing.runnerUp)
        verdict = pairing.verdict.rawValue
        basis = pairing.basis.rawValue
        content = pairing.contentRanking.isEmpty ? nil : pairing.contentRanking.prefix(2).compactMap(candidate)
        metadata = Metadata(
            author: attribution.author.map { Author(zh: $0.chineseName, en: $0.englishName) },
            credits: Dictionary(attribution.credits.map { ($0.role, $0.names) }, uniquingKeysWith: +),
            cut: attribution.isAbridged)
    }

    /// Every key is written, absent values as `null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(title, forKey: .title)
        try container.encode(titleLine, forKey: .titleLine)
        try container.encode(titleKeyword, forKey: .titleKeyword)
        try container.encode(matched, forKey: .matched)
        try container.encode(score, forKey: .score)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(best, forKey: .best)
        try container.encode(runnerUp, forKey: .runnerUp)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(basis, forKey: .basis)
        try container.encode(content, forKey: .content)
        try container.encode(metadata, forKey: .metadata)
    }

    private enum CodingKeys: String, CodingKey {
        case file, title, titleLine, titleKeyword, matched, score, confidence, best, runnerUp, verdict, basis, content, metadata
    }

    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    /// The text block for one document.
    static func text(_ pairing: DocumentPairing) -> String {
        let file = pairing.document ?? "standard input"
        func score(_ value: Double) -> String { String(format: "%.3f", value) }
        func describe(_ candidate: ScoredCandidate) -> String {
            "\(candidate.path)  score \(score(candidate.score))\n    \(candidate.title)"
        }
        var lines = [file]
        if let title = pairing.attribution.title {
            lines.append("  source title: \(title.text)  (line \(title.line), \(title.keyword))")
        } else {
            lines.append("  no source title found in \(file)")
        }
        switch pairing.verdict {
        case .matched where pairing.basis == .content:
            if let best = pairing.best {
                lines.append("  source (by content): \(describe(best))")
                lines.append("  confidence: \(pairing.confidence.rawValue)")
            }
        case .matched:
            if let best = pairing.best {
                lines.append("  source: \(describe(best))")
                lines.append("  confidence: \(pairing.confidence.rawValue)")
            }
        case .ambiguous:
            lines.append("  ambiguous: the two best candidates are within \(score(DocumentPairing.ambiguityMargin))")
            if let best = pairing.best { lines.append("  best: \(describe(best))") }
        case .noSourceFound:
            let best = pairing.best.map { "best score \(score($0.score)), " } ?? "no candidates, "
            lines.append("  no source found (\(best)threshold \(score(DocumentPairing.matchThreshold)))")
            if let best = pairing.best { lines.append("  best: \(describe(best))") }
        case .noSourceTitle:
            break
        }
        if pairing.basis == .content {
            if let runnerUp = pairing.runnerUp { lines.append("  runner-up: \(runnerUp.path)  content score \(score(runnerUp.score))") }
        } else {
            if let runnerUp = pairing.runnerUp { lines.append("  runner-up: \(describe(runnerUp))") }
            if !pairing.contentRanking.isEmpty {
                lines.append("  by content, not decisive (needs \(score(ContentMatcher.matchThreshold)) and \(ContentMatcher.leadRatio)× the runner-up):")
                for (label, candidate) in zip(["best", "runner-up"], pairing.contentRanking) {
                    lines.append("    \(label): \(candidate.path)  content score \(score(candidate.score))")
                }
            }
        }
        lines += metadataLines(pairing.attribution)
        return lines.joined(separator: "\n")
    }

    private static func metadataLines(_ attribution: SourceAttribution) -> [String] {
        var lines: [String] = []
        if let author = attribution.author {
            lines.append("  author: \(author.chineseName)" + (author.englishName.map { " (\($0))" } ?? ""))
        }
        if !attribution.credits.isEmpty {
            lines.append("  credits: " + attribution.credits.map { "\($0.role) \($0.names.joined(separator: "、"))" }
                .joined(separator: "; "))
        }
        lines.append("  cut: \(attribution.isAbridged ? "yes" : "no")")
        return lines
    }
}
