import Foundation

/// An example of what a check must find, or must leave alone: a small document of segments
/// (English and Chinese, or Chinese alone), checked against ``CheckExample/glossary``.
///
/// In a triggering example, `↓` marks each place where the check must report (before the
/// character a finding points at, in the Chinese or in the English); the check must report
/// there and nowhere else. A non-triggering example must give no finding of the check. The
/// markers are taken out before checking. The test suite runs every example of every
/// check (`CheckExampleTests`); `termbridge check --list-checks` prints them.
public struct CheckExample: Sendable, Hashable {
    /// One segment of the example document.
    public struct Segment: Sendable, Hashable {
        /// The English source; nil for Chinese alone.
        public var english: String?
        /// The Chinese translation; nil for English left untranslated.
        public var chinese: String?

        public init(english: String?, chinese: String?) {
            self.english = english
            self.chinese = chinese
        }
    }

    /// The segments, in order.
    public var segments: [Segment]
    /// Whether the check must report (at the `↓` marks).
    public var triggers: Bool
    /// Why the example is there, when it is not obvious.
    public var note: String?
    /// The typographic convention the example is checked with (none by default).
    public var typography: TypographyConvention
    /// Whether the example is checked without a glossary, with ``associations`` instead.
    public var usesAssociations: Bool

    public init(segments: [Segment], triggers: Bool, note: String? = nil, typography: TypographyConvention = TypographyConvention(),
                usesAssociations: Bool = false) {
        self.segments = segments
        self.triggers = triggers
        self.note = note
        self.typography = typography
        self.usesAssociations = usesAssociations
    }

    /// A one-segment example that must trigger at its marks.
    public static func triggering(_ english: String?, _ chinese: String?, note: String? = nil,
                                  typography: TypographyConvention = TypographyConvention()) -> CheckExample {
        CheckExample(segments: [Segment(english: english, chinese: chinese)], triggers: true, note: note, typography: typography)
    }

    /// A one-segment example that must not trigger.
    public static func nonTriggering(_ english: String?, _ chinese: String?, note: String? = nil,
                                     typography: TypographyConvention = TypographyConvention()) -> CheckExample {
        CheckExample(segments: [Segment(english: english, chinese: chinese)], triggers: false, note: note, typography: typography)
    }

    /// A document of several segments (English, Chinese).
    public static func document(_ pairs: [(String?, String?)], triggers: Bool, note: String? = nil,
                                typography: TypographyConvention = TypographyConvention()) -> CheckExample {
        CheckExample(segments: pairs.map { Segment(english: $0.0, chinese: $0.1) }, triggers: triggers, note: note, typography: typography)
    }

    /// This example checked without a glossary, with the bilingual ``associations``.
    public func withAssociations() -> CheckExample {
        var copy = self
        copy.usesAssociations = true
        return copy
    }

    /// The bilingual associations examples without a glossary use (as term extraction would
    /// find them in a document pair).
    public static let associations: [TermCandidate] = [
        TermCandidate(chinese: "对冲", english: "hedge", kind: .bilingual, frequency: 2, score: 0.5),
        TermCandidate(chinese: "两面下注", english: "hedge", kind: .bilingual, frequency: 1, score: 0.3),
        TermCandidate(chinese: "台湾", english: "Taiwan", kind: .bilingual, frequency: 3, score: 0.5),
        TermCandidate(chinese: "台湾地区", english: "Taiwan", kind: .bilingual, frequency: 1, score: 0.3),
    ]

    /// The marker of an expected finding.
    public static let marker: Unicode.Scalar = "↓"

    /// `text` without its markers, and the scalar offsets (in the text without markers) of
    /// the places they mark.
    public static func unmarked(_ text: String) -> (text: String, marks: [Int]) {
        var view = String.UnicodeScalarView()
        var marks: [Int] = []
        for scalar in text.unicodeScalars {
            if scalar == marker { marks.append(view.count) } else { view.append(scalar) }
        }
        return (String(view), marks)
    }

    // MARK: The glossary of the examples

    /// The small glossary every example is checked against (TSV, as `Glossary/` files are
    /// written): a few concepts of the sample corpus's domain with preferred, admitted,
    /// deprecated and forbidden terms, parts of speech and definitions.
    public static let glossaryTSV = """
        id\tzh\tzh_admitted\tzh_deprecated\tzh_forbidden\ten\ten_admitted\ten_deprecated\tpos\tdefinition
        ex-001\t准盟友\t\t准同盟\t\tquasi ally\tquasi-ally\t\tnoun\tA state with US military support but no treaty.
        ex-002\t准同盟关系\t准同盟\t\t\tquasi alliance\t\t\tnoun\tThe relationship between a patron and a quasi ally.
        ex-003\t特朗普\t唐纳德·特朗普\t\t川普\tDonald Trump\tTrump\t\tproperNoun\t
        ex-004\t基辅\t\t\t\tKyiv\t\tKiev\tproperNoun\t
        ex-005\t杠杆\t筹码\t\t\tleverage\t\t\tnoun\tThe power to influence a partner's decisions.
        ex-006\t北约\t北大西洋公约组织\t\t\tNATO\t\t\tproperNoun\t
        ex-007\t陆军战术导弹系统\tATACMS\t\t\tArmy Tactical Missile System\tATACMS\t\tproperNoun\t
        ex-008\t七国集团\tG7\t\t\tG7\t\t\tproperNoun\t
        ex-009\t核保护伞\t\t\t\tnuclear umbrella\t\t\tnoun\t
        ex-010\t抛弃\t被抛弃\t\t弃权\tabandonment\t\t\tnoun\tThe risk that a patron withdraws its support from a partner.
        ex-011\t扣留\t暂缓提供\t扣押\t\twithhold\t\t\tverb\tTo hold back aid or weapons deliveries as a means of pressure.
        ex-012\t军事援助\t军援\t\t\tmilitary aid\tmilitary assistance\t\tnoun\t
        ex-013\t停火\t\t停战\t\tceasefire\tcease-fire\t\tnoun\tA halt to fighting agreed by the parties.
        ex-014\t盟友\t盟国\t\t\tally\t\t\tnoun\tA state linked to another by an alliance commitment.
        ex-015\t2000磅炸弹\t\t\t\t2,000-pound bomb\t\t\tnoun\t

        """

    /// ``glossaryTSV``, read.
    public static let glossary: Glossary = {
        // The text is ours and fixed: reading it cannot fail unless the reader changes, which
        // the example tests would show at once.
        (try? Glossary.read(Data(glossaryTSV.utf8), format: .tsv, file: "examples.tsv")) ?? Glossary()
    }()
}
