/// A place recorded for a document-level finding: where, in which segment, and a short
/// excerpt (not the whole segment, to keep memory bounded).
struct RecordedPlace: Sendable {
    var location: FileLocation
    var segment: Int
    var segmentID: String?
    var context: FindingContext
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
    /// inconsistent when a form other than the dominant one occurs in what is left.
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
        guard counts.indices.contains(where: { $0 != dominant && counts[$0] > 0 }) else { return nil }
        let shown = forms.indices.filter { forms[$0].count > 0 }.sorted { a, b in
            forms[a].count != forms[b].count ? forms[a].count > forms[b].count : a < b
        }
        return (dominant, exemptFirst, shown.map {
            RenderingCount(form: forms[$0].form, count: forms[$0].count, status: forms[$0].status, lines: forms[$0].lines)
        })
    }

    /// The places of the forms other than `dominant` that findings should point at (the
    /// exempt first mention left out), each with the number of its form's further places.
    func placesToReport(dominant: Int, exemptFirst: Bool) -> [(form: FormTally, place: RecordedPlace, more: Int)] {
        var result: [(form: FormTally, place: RecordedPlace, more: Int)] = []
        for (index, tally) in forms.enumerated() where index != dominant && tally.count > 0 {
            var places = tally.places
            if exemptFirst && tally.firstPlaceIsDocumentFirst && index == firstForm { places.removeFirst() }
            for (k, place) in places.enumerated() {
                result.append((tally, place, k == places.count - 1 ? tally.omittedPlaces : 0))
            }
        }
        return result
    }
}

/// Check 6's memory: one entry per distinct normalized source and target, hashed to 64 bits
/// (FNV-1a), with the first segment that had it. About 50 bytes per segment.
struct SegmentConsistency: Sendable {
    struct FirstSeen: Sendable {
        /// Hash of the other side of the first segment with this text.
        var otherSide: UInt64
        var segment: Int32
        var line: Int32
        var column: Int32
    }

    var bySource: [UInt64: FirstSeen] = [:]
    var byTarget: [UInt64: FirstSeen] = [:]

    /// The text folded for comparison — NFKC, Simplified, lower case, white space runs as one
    /// space, trimmed — hashed; nil for a text with no letter or Han character (numbers and
    /// punctuation alone are not worth comparing).
    static func key(_ text: String) -> UInt64? {
        let normalizer = TextNormalizer.shared
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false
        var started = false
        var meaningful = false
        func mix(_ byte: UInt32) { hash = (hash ^ UInt64(byte & 0xFF)) &* 0x100_0000_01b3 }
        /// Hashes the UTF-8 encoding of scalar value `v`.
        func add(_ v: UInt32) {
            if v < 0x80 { mix(v) }
            else if v < 0x800 { mix(0xC0 | v >> 6); mix(0x80 | v & 0x3F) }
            else if v < 0x10000 { mix(0xE0 | v >> 12); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F) }
            else { mix(0xF0 | v >> 18); mix(0x80 | v >> 12 & 0x3F); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F) }
        }
        for scalar in text.unicodeScalars {
            var value = normalizer.fold(scalar.value)
            let kind = normalizer.characterClass(of: value)
            if kind == .whitespace {
                pendingSpace = started
                continue
            }
            if kind == .letter || kind == .han { meaningful = true }
            if value < 0x80, value >= 0x41, value <= 0x5A { value += 0x20 }
            else if value >= 0x80, kind == .letter, let s = Unicode.Scalar(value) {
                let lower = s.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1 { value = lower.first!.value }
            }
            if pendingSpace { add(0x20); pendingSpace = false }
            started = true
            add(value)
        }
        return meaningful ? hash : nil
    }
}
