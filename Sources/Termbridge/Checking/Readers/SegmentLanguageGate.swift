/// Checks that the segments of a file are in the languages their labels say — English
/// source, Chinese target (``LanguageEvidence``) — before any segment is handed on.
///
/// Segments are held back until each side present has ``enoughCharacters`` counted
/// characters or ``maximumHeld`` segments are held, then judged once; the held segments go
/// out and the rest stream through untouched. A file shorter than that is judged whole at
/// ``finish(_:)``. Memory stays bounded by the segments held.
struct SegmentLanguageGate {
    /// The file, for the message.
    let file: String
    /// What the labels are called in this format, for the hint when both sides contradict
    /// them (`are the xml:lang labels swapped?`).
    let swapHint: String
    /// How the message names the Chinese side: `the text labelled Chinese` in a bilingual
    /// file, `the text` in a Chinese document.
    let targetSubject: String

    /// Han characters plus Latin letters per side from which the first segments are judged.
    static let enoughCharacters = 400
    /// The most segments held back before judging with what they hold.
    static let maximumHeld = 64

    private var held: [CheckSegment] = []
    private var source = LanguageEvidence(), target = LanguageEvidence()
    private var judged = false

    init(file: String, swapHint: String, targetSubject: String = "the text labelled Chinese") {
        self.file = file
        self.swapHint = swapHint
        self.targetSubject = targetSubject
    }

    /// Hands `segment` to `body`, once the file's languages have been judged.
    ///
    /// - Throws: ``LanguageMismatchError`` when a side is in the other language; what
    ///   `body` throws.
    mutating func pass(_ segment: CheckSegment, to body: (CheckSegment) throws -> Void) throws {
        if judged { return try body(segment) }
        if let text = segment.source?.text { source.add(text) }
        if let text = segment.target?.text { target.add(text) }
        held.append(segment)
        let sourceDone = source.counted == 0 || source.counted >= Self.enoughCharacters
        let targetDone = target.counted == 0 || target.counted >= Self.enoughCharacters
        if (sourceDone && targetDone && source.counted + target.counted > 0) || held.count >= Self.maximumHeld {
            try release(to: body)
        }
    }

    /// Judges what is held (a short file) and hands it on.
    mutating func finish(_ body: (CheckSegment) throws -> Void) throws {
        if !judged { try release(to: body) }
    }

    private mutating func release(to body: (CheckSegment) throws -> Void) throws {
        try judge()
        judged = true
        let segments = held
        held = []
        for segment in segments { try body(segment) }
    }

    /// Throws when a side contradicts its label; both sides wrong is called a swap.
    func judge() throws(LanguageMismatchError) {
        let sourceWrong = source.contradicts(.english), targetWrong = target.contradicts(.chinese)
        if sourceWrong {
            throw LanguageMismatchError(
                file: file, subject: "the text labelled English", expected: .english, evidence: source,
                hint: targetWrong ? "and the text labelled Chinese is English (\(target)): \(swapHint)" : nil)
        }
        if targetWrong {
            throw LanguageMismatchError(file: file, subject: targetSubject, expected: .chinese, evidence: target)
        }
    }
}
