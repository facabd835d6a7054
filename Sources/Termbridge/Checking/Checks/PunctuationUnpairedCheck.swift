/// `punctuation-unpaired`: quotation marks and brackets of the Chinese that do not pair —
/// “ closed by an ASCII ", （ closed by ), a 《 never closed, a ” that closes nothing. The
/// pairs: “” ‘’ 「」 『』 （） () 《》 〈〉 【】 [], and ASCII " (which closes a “ only as a slip).
/// A ’ between letters is an apostrophe (Washington’s), ASCII ' is left alone.
///
/// A quotation may run over several sentences (他说:“……。……。”): an opener left open at
/// the end of a segment waits for the next two segments; one they do not close is
/// reported at the end of the document, where it is.
final class PunctuationUnpairedCheck: BuiltInCheck {
    static let definition = CheckDefinition(
        id: .punctuationUnpaired, defaultSeverity: .warning,
        summary: "quotation marks or brackets that do not pair (“ closed by \", （ closed by ), an unclosed 《)",
        isDocumentLevel: true,
        examples: [
            .triggering(nil, "他们都坚称“政策没有改变。↓\""),
            .triggering(nil, "卡尔德安全政策研究所（Calder Institute↓)高级分析师"),
            .triggering(nil, "根据↓《台湾关系法,华盛顿必须提供武器。"),
            .triggering(nil, "政策没有改变。↓”"),
            .nonTriggering(nil, "他们都坚称“政策没有改变。”华盛顿的准盟友(quasi allies)和《台湾关系法》。"),
            .document([(nil, "她说:“第一批军火是首付。"), (nil, "承诺永远不会兑现。”")], triggers: false,
                      note: "a quotation over two sentences"),
            .nonTriggering(nil, "华盛顿的准盟友(Washington’s quasi allies)", note: "’ between letters is an apostrophe"),
        ])

    /// An opener waiting for its closer.
    private struct Open {
        var mark: Unicode.Scalar
        var family: Family
        /// Its offset in its segment's translation.
        var offset: Int
        /// Where it is, recorded when it outlives its segment (most marks close within theirs).
        var place: RecordedPlace?
        /// Segments seen since it was opened.
        var age = 0
    }

    enum Family: Equatable { case doubleQuote, singleQuote, corner, doubleCorner, paren, title, angle, lenticular, square }

    /// The family of an opening mark and its right closer; nil for other scalars. A switch,
    /// not a table: it is asked about every scalar of the translation.
    static func opener(_ mark: Unicode.Scalar) -> (family: Family, closer: Unicode.Scalar)? {
        switch mark {
        case "“": (.doubleQuote, "”")
        case "‘": (.singleQuote, "’")
        case "「": (.corner, "」")
        case "『": (.doubleCorner, "』")
        case "（": (.paren, "）")
        case "(": (.paren, ")")
        case "《": (.title, "》")
        case "〈": (.angle, "〉")
        case "【": (.lenticular, "】")
        case "[": (.square, "]")
        default: nil
        }
    }

    /// The family of a closing mark; nil for other scalars.
    static func closer(_ mark: Unicode.Scalar) -> Family? {
        switch mark {
        case "”": .doubleQuote
        case "’": .singleQuote
        case "」": .corner
        case "』": .doubleCorner
        case "）", ")": .paren
        case "》": .title
        case "〉": .angle
        case "】": .lenticular
        case "]": .square
        default: nil
        }
    }

    private var pending: [Open] = []
    private var unclosed: [Open] = []
    private let environment: CheckEnvironment

    init(_ environment: CheckEnvironment) {
        self.environment = environment
    }

    func check(_ segment: SegmentAnalysis, _ findings: inout [Finding]) {
        guard let target = segment.target else { return }
        let scalars = Array(target.text.unicodeScalars)
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.isAlphabetic && !scalars[k].properties.isIdeographic }
        var stack: [Open] = []
        var opensBeforeText = true   // no opener of this segment yet: a closer may close a pending one
        func recorded(_ open: Open) -> Open {
            guard open.place == nil else { return open }
            var open = open
            open.place = segment.place(target.location(ofScalar: open.offset), targetRange: open.offset..<(open.offset + 1), sourceRange: nil)
            return open
        }
        func report(_ k: Int, _ message: String) {
            findings.append(segment.finding(.punctuationUnpaired, at: target.location(ofScalar: k), side: .target,
                                            found: String(scalars[k]), message: message, context: segment.context(side: .target, range: k..<(k + 1))))
        }
        for (k, mark) in scalars.enumerated() {
            if mark == "\"" {
                if let top = stack.last, top.family == .doubleQuote {
                    stack.removeLast()
                    if top.mark == "“" { report(k, "“ is closed by an ASCII \": use ”") }
                    continue
                }
                stack.append(Open(mark: mark, family: .doubleQuote, offset: k))
                opensBeforeText = false
                continue
            }
            if mark == "’", isLetter(k - 1), isLetter(k + 1) { continue }
            if let (family, _) = Self.opener(mark) {
                stack.append(Open(mark: mark, family: family, offset: k))
                opensBeforeText = false
                continue
            }
            guard let family = Self.closer(mark) else { continue }
            if mark == "’", isLetter(k - 1), !stack.contains(where: { $0.family == .singleQuote }) { continue }   // an apostrophe
            if let index = stack.lastIndex(where: { $0.family == family }) {
                let open = stack[index]
                for inner in stack[(index + 1)...] { unclosed.append(recorded(inner)) }
                stack.removeSubrange(index...)
                if let right = Self.opener(open.mark)?.closer, right != mark {
                    report(k, "\(open.mark) is closed by \(mark): use \(right)")
                }
            } else if opensBeforeText, let index = pending.lastIndex(where: { $0.family == family }) {
                pending.remove(at: index)
            } else {
                report(k, "\(mark) closes nothing: its opening mark is missing")
            }
        }
        // What this segment leaves open waits; what waited too long is unclosed.
        for var open in pending {
            open.age += 1
            if open.age >= 2 || stack.contains(where: { $0.family == open.family }) { unclosed.append(open) } else { stack.insert(open, at: 0) }
        }
        pending = stack.map(recorded)
    }

    func finish(_ findings: inout [Finding]) {
        for open in unclosed + pending {
            let closer = Self.opener(open.mark).map { String($0.closer) } ?? "its closing mark"
            guard let place = open.place else { continue }   // recorded when it left its segment
            findings.append(place.finding(.punctuationUnpaired, severity: environment.severity(of: .punctuationUnpaired),
                                               term: nil, found: String(open.mark), expected: [closer], conceptID: nil,
                                               message: "\(open.mark) is never closed: \(closer) is missing", renderings: []))
        }
    }
}
