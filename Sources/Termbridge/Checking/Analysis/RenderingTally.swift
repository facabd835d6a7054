/// A place recorded for a document-level finding: where, in which segment, and a short
/// excerpt (not the whole segment, to keep memory bounded).
struct RecordedPlace: Sendable {
    var location: FileLocation
    var segment: Int
    var segmentID: String?
    var context: FindingContext
    /// The segment's content fingerprint (``FindingFingerprint/contentKey(foldedSource:foldedTarget:)``).
    var contentKey: UInt64

    /// A finding at this place.
    func finding(_ check: CheckID, severity: Severity, term: String?, found: String?, expected: [String],
                 conceptID: String?, message: String, renderings: [RenderingCount]) -> Finding {
        var finding = Finding(check: check, severity: severity, location: location, side: .target, segment: segment,
                              segmentID: segmentID, term: term, found: found, expected: expected, conceptID: conceptID,
                              message: message, renderings: renderings, context: context)
        finding.contentKey = contentKey
        return finding
    }
}

/// The occurrences of one form in a ``RenderingTally``.
struct FormTally: Sendable {
    /// The form as shown (the glossary's spelling, or the text found).
    var form: String
    /// Its status in the concept; nil for a form outside the glossary.
    var status: TermStatus?
    /// All occurrences.
    var count = 0
    /// Lines of the first occurrences, for the counts shown in messages.
    var lines: [Int] = []
    /// Occurrences that a finding may point at (not reported by another check, not left to
    /// another check), the first ``CheckConfiguration/placesPerForm`` of them.
    var places: [RecordedPlace] = []
    /// Such occurrences beyond those kept in ``places``.
    var omittedPlaces = 0
    /// Whether the first occurrence of the whole tally was of this form and was kept as
    /// ``places``[0].
    var firstPlaceIsDocumentFirst = false

    init(form: String, status: TermStatus?) {
        self.form = form
        self.status = status
    }
}

/// How one English term is rendered (check 3), or how one concept is written (check 4), across
/// a document: counts per form and a few places, O(forms × placesPerForm) memory whatever
/// the document's length.
struct RenderingTally: Sendable {
    /// Forms in order of first appearance.
    var forms: [FormTally] = []
    private var indexOfForm: [String: Int] = [:]
    /// The form of the document's first occurrence (the first mention).
    var firstForm: Int?

    /// Counts one occurrence of `form` (keyed by `key`, e.g. the folded form).
    ///
    /// - Parameters:
    ///   - mayPoint: whether a finding may point at this occurrence (false when another check
    ///     reports it or it belongs to another check);
    ///   - place: the occurrence, built only when it is kept.
    mutating func record(key: String, form: String, status: TermStatus?, line: Int, mayPoint: Bool,
                         place: @autoclosure () -> RecordedPlace, placesPerForm: Int) {
        let index: Int
        if let known = indexOfForm[key] {
            index = known
        } else {
            index = forms.count
            indexOfForm[key] = index
            forms.append(FormTally(form: form, status: status))
        }
        let isFirst = firstForm == nil
        if isFirst { firstForm = index }
        forms[index].count += 1
        if forms[index].lines.count < placesPerForm { forms[index].lines.append(line) }
        if mayPoint {
            if forms[index].places.count < placesPerForm {
                if isFirst { forms[index].firstPlaceIsDocumentFirst = true }
                forms[index].places.append(place())
            } else {
                forms[index].omittedPlaces += 1
            }
        }
    }

    /// Removes the form keyed `key` (a form attributed to another concept).
    mutating func remove(key: String) {
        guard let index = indexOfForm[key] else { return }
        forms[index].count = 0
        forms[index].places = []
        forms[index].omittedPlaces = 0
        if firstForm == index { firstForm = nil }
    }

    /// The count of `key`'s form, 0 when absent.
    func count(of key: String) -> Int {
        indexOfForm[key].map { forms[$0].count } ?? 0
    }

    /// The forms keyed so far.
    var keys: Dictionary<String, Int>.Keys { indexOfForm.keys }

    /// What the tally says at the end of the document.
    ///
    /// The **dominant** form is the most frequent (ties: the better status — preferred
    /// first — then the earlier). The **first mention** may use any acceptable form at least
    /// as long as the dominant one (a full name or full form before the short one:
    /// 北大西洋公约组织 then 北约, 乔·拜登 then 拜登): it is then left out. The tally is
    /// inconsistent when a form other than the dominant one, and not acceptable in the
    /// glossary (deprecated, forbidden, superseded, or outside it), occurs in what is left:
    /// the glossary's preferred and admitted forms are never a rendering problem.
    ///
    /// - Returns: nil when consistent; else the dominant form's index, whether the first
    ///   mention is exempt, and every form's count (first mention included) for the message.
    func verdict() -> (dominant: Int, exemptFirst: Bool, counts: [RenderingCount])? {
        var counts = forms.map(\.count)
        let used = counts.indices.filter { counts[$0] > 0 }
        guard used.count > 1 else { return nil }
        func rank(_ status: TermStatus?) -> Int { status.map { TermStatus.allCases.firstIndex(of: $0)! } ?? TermStatus.allCases.count }
        let dominant = used.min { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            if rank(forms[a].status) != rank(forms[b].status) { return rank(forms[a].status) < rank(forms[b].status) }
            return a < b
        }!
        var exemptFirst = false
        if let first = firstForm, first != dominant, forms[first].status?.isAcceptable == true,
           forms[first].form.unicodeScalars.count >= forms[dominant].form.unicodeScalars.count {
            exemptFirst = true
            counts[first] -= 1
        }
        // Only a form the glossary does not accept can be a rendering problem: a preferred or
        // admitted form (军援 beside 军事援助, 台湾地区 beside 台湾) is the glossary's choice.
        guard counts.indices.contains(where: { $0 != dominant && counts[$0] > 0 && forms[$0].status?.isAcceptable != true }) else { return nil }
        let shown = forms.indices.filter { forms[$0].count > 0 }.sorted { a, b in
            forms[a].count != forms[b].count ? forms[a].count > forms[b].count : a < b
        }
        return (dominant, exemptFirst, shown.map {
            RenderingCount(form: forms[$0].form, count: forms[$0].count, status: forms[$0].status, lines: forms[$0].lines)
        })
    }

    /// The places of the forms other than `dominant`, and not acceptable, that findings
    /// should point at (the exempt first mention left out), each with the number of its
    /// form's further places.
    func placesToReport(dominant: Int, exemptFirst: Bool) -> [(form: FormTally, place: RecordedPlace, more: Int)] {
        var result: [(form: FormTally, place: RecordedPlace, more: Int)] = []
        for (index, tally) in forms.enumerated() where index != dominant && tally.count > 0 && tally.status?.isAcceptable != true {
            var places = tally.places
            if exemptFirst && tally.firstPlaceIsDocumentFirst && index == firstForm { places.removeFirst() }
            for (k, place) in places.enumerated() {
                result.append((tally, place, k == places.count - 1 ? tally.omittedPlaces : 0))
            }
        }
        return result
    }
}
