import Foundation

/// Writes an alignment as a TMX 1.4b translation memory, valid against the TMX 1.4b DTD
/// (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) and readable by translate-toolkit's `tmxfile`.
///
/// - The header names Termbridge as the creation tool, `segtype="sentence"`,
///   `srclang="en"` (English is the source of the translation), `adminlang="en"`,
///   `datatype="plaintext"`, `o-tmf="Termbridge"`.
/// - Each bead with sentences on **both** sides is one `<tu>`, in order, with
///   `tuid` = the bead's 1-based position in the alignment (the line of the same bead in the
///   `beads` and `jsonl` outputs), two props — `x-termbridge-bead` (the kind, e.g. `1:2`) and
///   `x-termbridge-score` (four decimals; left out when the score is not finite) — then the
///   English `<tuv xml:lang="en">` and the Chinese `<tuv>` (tagged
///   ``AlignmentOutputOptions/chineseLanguageTag``, `zh-CN` by default, unless the document
///   has a more specific tag than `zh`). Several sentences on a side are joined as
///   ``Alignment/texts(of:)`` joins them.
/// - **Null beads (1:0 and 0:1) are omitted**: a translation unit without a translation is
///   no use to a translation memory. Their count comes back as a note of the
///   ``EncodedAlignment``, not inside the file; the `beads`, `tsv` and `jsonl` formats keep
///   them.
/// - Characters XML 1.0 cannot hold (most C0 controls) are replaced by U+FFFD, with a note.
///
/// O(total text length).
public struct TMXAlignmentWriter: Sendable {
    public let options: AlignmentOutputOptions

    public init(options: AlignmentOutputOptions = .init()) {
        self.options = options
    }

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
        var nullBeads = 0
        var replaced = 0
        var units = 0
        func segment(_ text: String) -> String {
            let clean = XMLEscaping.replacingDisallowedCharacters(text)
            replaced += clean.replaced
            return "<seg>" + XMLEscaping.text(clean.text) + "</seg>"
        }
        out += "  <body>\n"
        for (index, bead) in alignment.beads.enumerated() {
            guard bead.isPair else { nullBeads += 1; continue }
            units += 1
            let (zh, en) = alignment.texts(of: bead)
            out += "    <tu tuid=\"\(index + 1)\">\n"
            out += "      <prop type=\"x-termbridge-bead\">\(bead.kind)</prop>\n"
            if let score = bead.formattedScore {
                out += "      <prop type=\"x-termbridge-score\">\(score)</prop>\n"
            }
            out += "      <tuv xml:lang=\"en\">\(segment(en))</tuv>\n"
            out += "      <tuv xml:lang=\"\(XMLEscaping.attribute(chineseTag))\">\(segment(zh))</tuv>\n"
            out += "    </tu>\n"
        }
        out += "  </body>\n</tmx>\n"
        var notes: [String] = []
        if nullBeads > 0 {
            notes.append("\(nullBeads) bead(s) with sentences on one side only (1:0, 0:1) are not translation units and were left out of the TMX (\(units) written)")
        }
        if replaced > 0 {
            notes.append("\(replaced) character(s) that XML cannot hold were replaced by U+FFFD")
        }
        return EncodedAlignment(data: Data(out.utf8), notes: notes)
    }
}
