import Foundation

/// `termbridge check --list-checks`: every check with its id, default severity, what it
/// needs and what it finds, and its examples (`↓` marks where a triggering example must be
/// reported), as text or JSON.
public enum CheckListing {
    /// One line per check (`id`, padded to 30; severity, padded to 9; needs; summary), each
    /// followed by its examples, indented: `+` must trigger, `-` must not.
    public static func text(_ definitions: [CheckDefinition]) -> String {
        var out = ""
        for definition in definitions {
            out += definition.id.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
                + definition.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                + definition.summary + " [needs: \(definition.needsDescription)]\n"
            for example in definition.examples {
                let segments = example.segments.map { segment in
                    [segment.english.map { "en: \($0)" }, segment.chinese.map { "zh: \($0)" }].compactMap { $0 }.joined(separator: " | ")
                }
                out += "    \(example.triggers ? "+" : "-") " + segments.joined(separator: " ⏎ ")
                if let note = example.note { out += "  (\(note))" }
                out += "\n"
            }
        }
        return out
    }

    /// `{"checks":[…]}`: per check its `id`, `severity`, `summary`, `needsGlossary`,
    /// `needsSource`, `documentLevel` and `examples` (`triggers`, `segments` of `en`/`zh`,
    /// `note`), keys sorted.
    public static func json(_ definitions: [CheckDefinition]) throws -> String {
        struct Segment: Encodable { var en: String?; var zh: String? }
        struct Example: Encodable { var triggers: Bool; var segments: [Segment]; var note: String? }
        struct Check: Encodable {
            var id: String, severity: String, summary: String
            var needsGlossary: Bool, needsSource: Bool, documentLevel: Bool
            var examples: [Example]
        }
        struct Listing: Encodable { var checks: [Check] }
        let listing = Listing(checks: definitions.map { definition in
            Check(id: definition.id.rawValue, severity: definition.defaultSeverity.rawValue, summary: definition.summary,
                  needsGlossary: definition.needsGlossary, needsSource: definition.needsSource,
                  documentLevel: definition.isDocumentLevel,
                  examples: definition.examples.map { example in
                      Example(triggers: example.triggers, segments: example.segments.map { Segment(en: $0.english, zh: $0.chinese) },
                              note: example.note)
                  })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(listing), as: UTF8.self) + "\n"
    }
}

extension Checklist {
    /// The definitions of the checklist's user checks (no examples), in file order.
    public var definitions: [CheckDefinition] { entries.map(\.definition) }
}

extension Checklist.Entry {
    /// The entry as a check: its id, severity and message; it needs English when it has a
    /// source pattern.
    public var definition: CheckDefinition {
        CheckDefinition(id: id, defaultSeverity: severity, summary: message, needsSource: source != nil)
    }
}
