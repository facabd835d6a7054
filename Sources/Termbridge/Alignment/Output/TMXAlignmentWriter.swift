import Foundation

/// Writes an alignment as a TMX 1.4b translation memory, valid against the TMX 1.4b DTD
/// (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) and readable by translate-toolkit's `tmxfile`.
///
/// A translation memory is trusted: a CAT tool inserts its units as exact matches. So it
/// holds only good translation units:
/// - The header names Termbridge as the creation tool, `segtype="sentence"`,
///   `srclang="en"` (English is the source of the translation), `adminlang="en"`,
///   `datatype="plaintext"`, `o-tmf="Termbridge"`.
/// - Each bead with sentences on **both** sides scoring at least
///   ``AlignmentOutputOptions/minimumTMXScore`` (``defaultMinimumScore``, 0.30) is one
///   `<tu>`, in order, with `tuid` = the bead's 1-based position in the alignment (the line
///   of the same bead in the `beads` and `jsonl` outputs), two props — `x-termbridge-bead`
///   (the kind, e.g. `1:2`) and `x-termbridge-score` (four decimals; left out when the
///   score is not finite) — then the English `<tuv xml:lang="en">` and the Chinese `<tuv>`
///   (tagged ``AlignmentOutputOptions/chineseLanguageTag``, `zh-CN` by default, unless the
///   document has a more specific tag than `zh`). Several sentences on a side are joined as
///   ``Alignment/texts(of:)`` joins them; markup never reaches them (``MarkupLine``).
/// - **Null beads (1:0 and 0:1) are omitted**: a translation unit without a translation is
///   no use to a translation memory (front and back matter and captions are always such
///   beads).
/// - **Weak beads** (below the threshold, or with no finite score) are omitted too; with
///   ``AlignmentOutputOptions/keepsWeakBeads`` they are kept, each marked
///   `<prop type="x-termbridge-review">score below 0.30</prop>` for the translator to
///   check (TMX 1.4b allows `prop` in `tu`; a CAT tool shows it or can filter on it).
/// - What was left out (or kept and marked) is counted in a note of the
///   ``EncodedAlignment``, not inside the file; the `beads`, `tsv`, `jsonl` and `html`
///   formats keep every bead, the last three with its score.
/// - Characters XML 1.0 cannot hold (most C0 controls) are replaced by U+FFFD, with a note.
///
/// O(total text length).
public struct TMXAlignmentWriter: Sendable {
    public let options: AlignmentOutputOptions

    public init(options: AlignmentOutputOptions = .init()) {
        self.options = options
    }

    /// The least score of a bead written to TMX by default. Chosen on MAC dev with gold
    /// (`termbridge eval align --gold ../shared/eval/align --lexicon .cache/cedict_ts.u8
    /// --score-thresholds`): of 1,334 pair beads, 1,087 correct (strict) and 247 wrong, 35 of
    /// them unrelated to any gold bead. At 0.30 a TMX loses 12.4% of the correct beads and
    /// keeps 71.7% of the wrong ones — mostly beads that group sentences differently from
    /// the gold but hold a translation — and 28.6% of the unrelated ones; 0.25 would keep
    /// 48.6% of the unrelated, 0.40 would lose 21.5% of the correct. See `Docs/Alignment.md`.
    public static let defaultMinimumScore = 0.30

    /// The alignment as a TMX document.
    public func encode(_ alignment: Alignment) -> EncodedAlignment {
        let chineseTag = alignment.chineseLanguageTag(default: options.chineseLanguageTag)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Termbridge" creationtoolversion="\(XMLEscaping.attribute(options.toolVersion))" \
            segtype="sentence" o-tmf="Termbridge" adminlang="en" srclang="en" datatype="plaintext"/>

            """
        var nullBeads = 0, weakBeads = 0
        var replaced = 0
        var units = 0
        let threshold = String(format: "%.2f", options.minimumTMXScore)
        func segment(_ text: String) -> String {
            let clean = XMLEscaping.replacingDisallowedCharacters(text)
            replaced += clean.replaced
            return "<seg>" + XMLEscaping.text(clean.text) + "</seg>"
        }
        out += "  <body>\n"
        for (index, bead) in alignment.beads.enumerated() {
            guard bead.isPair else { nullBeads += 1; continue }
            let weak = !(bead.score >= options.minimumTMXScore)
            if weak {
                weakBeads += 1
                guard options.keepsWeakBeads else { continue }
            }
            units += 1
            let (zh, en) = alignment.texts(of: bead)
            out += "    <tu tuid=\"\(index + 1)\">\n"
            out += "      <prop type=\"x-termbridge-bead\">\(bead.kind)</prop>\n"
            if let score = bead.formattedScore {
                out += "      <prop type=\"x-termbridge-score\">\(score)</prop>\n"
            }
            if weak {
                out += "      <prop type=\"x-termbridge-review\">score below \(threshold)</prop>\n"
            }
            out += "      <tuv xml:lang=\"en\">\(segment(en))</tuv>\n"
            out += "      <tuv xml:lang=\"\(XMLEscaping.attribute(chineseTag))\">\(segment(zh))</tuv>\n"
            out += "    </tu>\n"
        }
        out += "  </body>\n</tmx>\n"
        var notes: [String] = []
        var leftOut: [String] = []
        if nullBeads > 0 { leftOut.append("\(nullBeads) bead(s) with sentences on one side only (1:0, 0:1: no translation)") }
        if weakBeads > 0 && !options.keepsWeakBeads { leftOut.append("\(weakBeads) bead(s) scoring below \(threshold) (weak: keep them, marked, with --keep-weak)") }
        if !leftOut.isEmpty {
            notes.append("left out of the TMX: " + leftOut.joined(separator: " and ") + "; \(units) translation unit(s) written")
        }
        if weakBeads > 0 && options.keepsWeakBeads {
            notes.append("\(weakBeads) bead(s) scoring below \(threshold) were written marked <prop type=\"x-termbridge-review\">: check them before use")
        }
        if replaced > 0 {
            notes.append("\(replaced) character(s) that XML cannot hold were replaced by U+FFFD")
        }
        return EncodedAlignment(data: Data(out.utf8), notes: notes)
    }
}
