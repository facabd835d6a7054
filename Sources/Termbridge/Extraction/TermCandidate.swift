/// Where a candidate's evidence comes from.
public enum CandidateKind: String, Sendable, Codable, CaseIterable {
    /// A parenthetical pair in the Chinese text: 中文(English), ABBR(中文), English(中文).
    case paren
    /// A Chinese term from termhood alone (C-value, frequency, specificity), no English.
    case zh
    /// An English term of the source text that no Chinese candidate was paired with.
    case en
    /// A Chinese term with the English equivalent proposed by association over aligned
    /// sentence pairs (and CC-CEDICT, when given).
    case bilingual
}

/// One place a candidate occurs: the file, the 1-based line, and the text around it.
public struct CandidateContext: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as named on the command line.
    public var file: String
    /// 1-based line of the file.
    public var line: Int
    /// The occurrence with up to about twenty characters on each side, on one line.
    public var text: String

    public init(file: String, line: Int, text: String) {
        self.file = file
        self.line = line
        self.text = text
    }

    /// `file:line: text`.
    public var description: String { "\(file):\(line): \(text)" }
}

/// What a glossary already says about a candidate's term.
public struct KnownTerm: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The concept the term belongs to.
    public var conceptID: String
    /// The term's status there.
    public var status: TermStatus
    /// The concept's preferred term in the candidate's language, when the candidate's term is
    /// not itself acceptable (so the reader knows what to use instead).
    public var useInstead: String?

    public init(conceptID: String, status: TermStatus, useInstead: String? = nil) {
        self.conceptID = conceptID
        self.status = status
        self.useInstead = useInstead
    }

    /// `preferred (qa-001)`, `deprecated → use 准盟友 (qa-001)`.
    public var description: String {
        if let useInstead { return "\(status.rawValue) → use \(useInstead) (\(conceptID))" }
        return "\(status.rawValue) (\(conceptID))"
    }
}

/// A candidate term for a glossary: a Chinese term, its English equivalent when one was
/// found, the evidence, and where it occurs. Candidates are for review; nothing about them
/// is final.
public struct TermCandidate: Sendable, Hashable, Codable {
    /// The Chinese term as written in the text (empty for kind ``CandidateKind/en``).
    public var chinese: String
    /// The English term (empty when none was found).
    public var english: String
    /// The strongest evidence for the candidate.
    public var kind: CandidateKind
    /// Occurrences of the term in the Chinese text (of the English term, for kind `en`).
    public var frequency: Int
    /// Ranking score in 0…1; higher is more likely a term. Comparable across kinds.
    public var score: Double
    /// What the glossary says about the term, when it is already there.
    public var known: KnownTerm?
    /// Up to three places the term occurs.
    public var contexts: [CandidateContext]

    public init(chinese: String, english: String, kind: CandidateKind, frequency: Int, score: Double,
                known: KnownTerm? = nil, contexts: [CandidateContext] = []) {
        self.chinese = chinese
        self.english = english
        self.kind = kind
        self.frequency = frequency
        self.score = score
        self.known = known
        self.contexts = contexts
    }
}
