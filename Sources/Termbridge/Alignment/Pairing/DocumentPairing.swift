import Foundation

/// An English document that may be the source of a Chinese one: its path and title.
public struct SourceCandidate: Sendable, Equatable {
    /// The file, as given or found.
    public var path: String
    /// Its title, `nil` when the file has no non-empty line.
    public var title: EnglishTitle?

    public init(path: String, title: EnglishTitle?) {
        self.path = path
        self.title = title
    }

    /// A candidate from a document's text (no file access).
    public init(path: String, text: String) {
        self.init(path: path, title: EnglishTitle(document: text))
    }

    /// Extensions of candidate files, lower case.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "text"]

    /// Reads one candidate file.
    ///
    /// - Throws: ``FileError`` when it cannot be read, ``InvalidUTF8Error`` when it is not UTF-8.
    public static func load(_ path: String) throws -> SourceCandidate {
        SourceCandidate(path: path, text: try TextFile.read(path))
    }

    /// Every candidate in `folder` and its subfolders: regular files ending in `.txt`, `.md`,
    /// `.markdown` or `.text` (any case), hidden files and folders skipped, in path order.
    /// Recursive because sources are often filed by publication or year. Files in
    /// `excluding` (compared as standardized absolute paths) are left out, so a Chinese
    /// document inside the sources folder is not its own candidate.
    ///
    /// - Throws: ``FileError`` when the folder cannot be listed or a file read;
    ///   ``InvalidUTF8Error`` naming a file that is not UTF-8.
    public static func loadFolder(_ folder: String, excluding: [String] = []) throws -> [SourceCandidate] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw FileError(path: folder, message: "not a folder")
        }
        let excluded = Set(excluding.map(standardized))
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw FileError(path: folder, message: "cannot list the folder")
        }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Keep the path as the user would write it: the folder as given, then the rest.
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))
                .drop { $0 == "/" }
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            if !excluded.contains(standardized(path)) { paths.append(path) }
        }
        return try paths.sorted { $0.precedesInScalarOrder($1) }.map(load)   // key: path, scalar order
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// A candidate with its score against the detected title.
public struct ScoredCandidate: Sendable, Equatable {
    /// The candidate file.
    public var path: String
    /// Its title.
    public var title: String
    /// ``TitleMatcher`` similarity to the detected title, 0…1.
    public var score: Double

    public init(path: String, title: String, score: Double) {
        self.path = path
        self.title = title
        self.score = score
    }
}

/// What pairing concluded.
public enum PairingVerdict: String, Sendable, Codable {
    /// The best candidate scores at least ``DocumentPairing/matchThreshold`` and leads the
    /// runner-up by more than ``DocumentPairing/ambiguityMargin``.
    case matched
    /// The best candidate passes the threshold but the runner-up is within the margin.
    case ambiguous
    /// No candidate reaches the threshold (or there are none).
    case noSourceFound = "no-source-found"
    /// The Chinese document names no source title, so nothing could be compared.
    case noSourceTitle = "no-source-title"
}

/// What decided a pairing.
public enum PairingBasis: String, Sendable, Codable {
    /// The source title the document cites, against the candidates' titles.
    case title
    /// The documents' content (``ContentMatcher``), when the title could not decide.
    case content
}

/// How sure a pairing is, in words.
public enum PairingConfidence: String, Sendable, Codable {
    /// Matched with a score of at least 0.9 and a lead of at least 0.3: the titles are the
    /// same up to typography and no other candidate comes close.
    case high
    /// Matched, but with a lower score or a smaller lead.
    case medium
    /// Ambiguous: two candidates fit about equally well.
    case low
    /// No source found or no title to look for.
    case none
}

/// The pairing of a Chinese document with its English source among candidates, by the
/// source title the document gives (``SourceAttribution``) and the candidates' titles
/// (``EnglishTitle``), compared by ``TitleMatcher``.
///
/// Pure: built from texts and candidates, so it needs no files; ``pair(chineseFile:candidates:matcher:)``
/// reads the Chinese file. O(c · t) for c candidates and titles of t words.
public struct DocumentPairing: Sendable {
    /// The least score of a match. Below it the verdict is ``PairingVerdict/noSourceFound``
    /// rather than a guess. 0.6 lies well above what titles sharing only words of one field
    /// score (0.2–0.35 on the sample corpus) and below an attribution that drops or adds a
    /// subtitle (at least ``TitleMatcher/mainTitleScore``) or changes a word or two.
    public static let matchThreshold = 0.6
    /// When the runner-up scores within this much of the best, the verdict is
    /// ``PairingVerdict/ambiguous``. 0.1 is about one content word of difference in a
    /// ten-word title; two files with the same title are always ambiguous.
    public static let ambiguityMargin = 0.1
    /// The least score of a ``PairingConfidence/high`` match: equal up to typography, or
    /// the main title alone.
    public static let highConfidenceScore = 0.9
    /// The least lead over the runner-up of a ``PairingConfidence/high`` match.
    public static let highConfidenceLead = 0.3

    /// The Chinese document, as named by the caller (`nil` for text without a file).
    public var document: String?
    /// What the Chinese document says about its source.
    public var attribution: SourceAttribution
    /// The candidates with a title, best first (ties by path).
    public var ranking: [ScoredCandidate]
    /// The conclusion.
    public var verdict: PairingVerdict
    /// What decided it: the title, or the content when the title could not.
    public var basis: PairingBasis = .title
    /// The candidates ranked by content (``ContentMatcher``), best first; empty unless
    /// ``decideByContent(chineseText:candidateText:matcher:)`` was consulted.
    public var contentRanking: [ScoredCandidate] = []

    /// The best-scoring candidate on the deciding basis, whatever the verdict.
    public var best: ScoredCandidate? { basis == .content ? contentRanking.first : ranking.first }
    /// The second-best candidate on the deciding basis.
    public var runnerUp: ScoredCandidate? { (basis == .content ? contentRanking : ranking).dropFirst().first }
    /// The source, when the verdict is ``PairingVerdict/matched``.
    public var match: ScoredCandidate? { verdict == .matched ? best : nil }

    /// How far the best leads the runner-up (the best score when there is no runner-up).
    public var lead: Double? {
        best.map { $0.score - (runnerUp?.score ?? 0) }
    }

    /// How sure the verdict is.
    public var confidence: PairingConfidence {
        switch verdict {
        case .matched:
            guard let best, let lead else { return .none }
            if basis == .content { return .medium }
            return best.score >= Self.highConfidenceScore && lead >= Self.highConfidenceLead ? .high : .medium
        case .ambiguous: return .low
        case .noSourceFound, .noSourceTitle: return .none
        }
    }

    /// Pairs a Chinese document's text with candidates. Titles with no words to compare
    /// (empty, or Chinese only) score 0.
    public init(document: String? = nil, chineseText: String, candidates: [SourceCandidate], matcher: TitleMatcher) {
        self.init(document: document, attribution: SourceAttribution(text: chineseText),
                  candidates: candidates, matcher: matcher)
    }

    /// Pairs a parsed attribution with candidates.
    public init(document: String? = nil, attribution: SourceAttribution, candidates: [SourceCandidate],
                matcher: TitleMatcher) {
        self.document = document
        self.attribution = attribution
        guard let detected = attribution.title else {
            ranking = []
            verdict = .noSourceTitle
            return
        }
        let target = matcher.normalize(detected.text)
        ranking = candidates.compactMap { candidate in
            candidate.title.map { title in
                ScoredCandidate(path: candidate.path, title: title.text,
                                score: TitleMatcher.similarity(target, matcher.normalize(title.text)))
            }
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.path.precedesInScalarOrder($1.path) }   // key: score, then path
        verdict = Self.verdict(best: ranking.first?.score, runnerUp: ranking.dropFirst().first?.score)
    }

    /// The verdict for a best and runner-up score (see ``matchThreshold`` and ``ambiguityMargin``).
    public static func verdict(best: Double?, runnerUp: Double?) -> PairingVerdict {
        guard let best, best >= matchThreshold else { return .noSourceFound }
        if let runnerUp, best - runnerUp < ambiguityMargin { return .ambiguous }
        return .matched
    }

    /// Whether the title left the question open: no title cited, no candidate close enough,
    /// or two too close to call — the cases ``decideByContent(chineseText:candidateText:matcher:)``
    /// is for.
    public var needsContent: Bool { verdict != .matched }

    /// Ranks candidates by content when the title could not decide: all of them when the
    /// document cites no title or none matched it, the ones within ``ambiguityMargin`` of
    /// the best title when the titles are ambiguous. When the content ranking is decisive
    /// (``ContentMatcher/isDecisive(_:)``) the verdict becomes ``PairingVerdict/matched``
    /// on the basis of content.
    ///
    /// - Parameter candidateText: the text of a candidate, by path.
    /// - Throws: what `candidateText` throws.
    public mutating func decideByContent(chineseText: String, candidates: [SourceCandidate],
                                         candidateText: (String) throws -> String, matcher: ContentMatcher) throws {
        guard needsContent else { return }
        var considered = candidates
        if verdict == .ambiguous, let top = ranking.first?.score {
            let close = Set(ranking.filter { top - $0.score < Self.ambiguityMargin }.map(\.path))
            considered = candidates.filter { close.contains($0.path) }
        }
        guard !considered.isEmpty else { return }
        let texts = try considered.map { candidate in
            (path: candidate.path, title: candidate.title?.text ?? "", text: try candidateText(candidate.path))
        }
        contentRanking = try matcher.rank(chineseText: chineseText, candidates: texts)
        if ContentMatcher.isDecisive(contentRanking) {
            verdict = .matched
            basis = .content
        }
    }

    /// ``decideByContent(chineseText:candidates:candidateText:matcher:)`` with the candidates
    /// read from their files.
    ///
    /// - Throws: ``FileError`` when a candidate cannot be read, ``InvalidUTF8Error`` when it is
    ///   not UTF-8.
    public mutating func decideByContent(chineseText: String, candidates: [SourceCandidate], matcher: ContentMatcher) throws {
        try decideByContent(chineseText: chineseText, candidates: candidates, candidateText: TextFile.read, matcher: matcher)
    }

    /// Reads a Chinese file and pairs it with candidates.
    ///
    /// - Throws: ``FileError`` when it cannot be read, ``InvalidUTF8Error`` when it is not
    ///   UTF-8, ``LanguageMismatchError`` when its text is English.
    public static func pair(chineseFile: String, candidates: [SourceCandidate], matcher: TitleMatcher) throws -> DocumentPairing {
        let text = try TextFile.read(chineseFile)
        try LanguageCheck.require(.chinese, LanguageEvidence(text), file: chineseFile)
        return DocumentPairing(document: chineseFile, chineseText: text, candidates: candidates, matcher: matcher)
    }
}
