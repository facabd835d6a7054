/// Which beads the search may form, from the parts of the units (``DocumentPart``): a hard
/// constraint, not a prior.
///
/// - Front matter, captions and back matter are never aligned: they may only stand alone
///   (1:0 or 0:1).
/// - A title pairs only with a title, a byline only with a byline, one to one.
/// - A heading pairs one to one with a heading or a body unit (a heading the classifier
///   missed on the other side is body).
/// - A bead of several units on a side holds body units only.
///
/// Checks are O(1): per side, the units' classes and a prefix count of units that are not
/// body.
struct BeadConstraints: Sendable {
    /// How a unit may pair.
    enum PairingClass: UInt8, Sendable {
        case body, heading, title, byline, unpaired

        init(_ part: DocumentPart) {
            switch part {
            case .body: self = .body
            case .heading: self = .heading
            case .title: self = .title
            case .byline: self = .byline
            case .frontMatter, .caption, .backMatter: self = .unpaired
            }
        }

        /// Whether a unit of this class may form a 1:1 bead with one of `other`.
        func pairs(with other: PairingClass) -> Bool {
            switch (self, other) {
            case (.unpaired, _), (_, .unpaired): false
            case (.title, .title), (.byline, .byline): true
            case (.body, .body), (.body, .heading), (.heading, .body), (.heading, .heading): true
            default: false
            }
        }
    }

    let chinese: [PairingClass]
    let english: [PairingClass]
    private let chineseOthers: [Int32]   // prefix counts of units that are not body
    private let englishOthers: [Int32]

    init(chinese: [PairingClass], english: [PairingClass]) {
        self.chinese = chinese
        self.english = english
        chineseOthers = chinese.reduce(into: [0]) { $0.append($0.last! + ($1 == .body ? 0 : 1)) }
        englishOthers = english.reduce(into: [0]) { $0.append($0.last! + ($1 == .body ? 0 : 1)) }
    }

    /// The constraints of units with these parts.
    init(chinese: [DocumentPart], english: [DocumentPart]) {
        self.init(chinese: chinese.map(PairingClass.init), english: english.map(PairingClass.init))
    }

    /// Whether every unit is body: nothing is constrained.
    var isEmpty: Bool { chineseOthers.last == 0 && englishOthers.last == 0 }

    /// The constraints of the units `chinese` and `english` (a group of the search).
    func slice(_ chinese: Range<Int>, _ english: Range<Int>) -> BeadConstraints {
        BeadConstraints(chinese: Array(self.chinese[chinese]), english: Array(self.english[english]))
    }

    /// Whether the bead of Chinese units i..<i+a and English units j..<j+b is allowed.
    @inline(__always)
    func allows(_ i: Int, _ j: Int, _ a: Int, _ b: Int) -> Bool {
        if a == 0 || b == 0 { return a + b == 1 || (othersIn(chineseOthers, i, a) == 0 && othersIn(englishOthers, j, b) == 0) }
        if a == 1 && b == 1 { return chinese[i].pairs(with: english[j]) }
        return othersIn(chineseOthers, i, a) == 0 && othersIn(englishOthers, j, b) == 0
    }

    @inline(__always)
    private func othersIn(_ prefix: [Int32], _ start: Int, _ count: Int) -> Int32 {
        prefix[start + count] - prefix[start]
    }
}
