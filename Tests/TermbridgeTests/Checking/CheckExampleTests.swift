import Testing
@testable import Termbridge

/// Every example of every registered check, run as documented: a triggering example must
/// be reported exactly at its `↓` marks, a non-triggering one not at all (with all checks
/// on, the example glossary, and the example's typographic convention).
@Suite struct CheckExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var check: CheckID
        var number: Int
        var example: CheckExample
        var testDescription: String { "\(check.rawValue) #\(number + 1) (\(example.triggers ? "triggers" : "must not trigger"))" }
    }

    static let cases: [Case] = CheckRegistry.definitions.flatMap { definition in
        definition.examples.enumerated().map { Case(check: definition.id, number: $0.offset, example: $0.element) }
    }

    /// The example's segments (markers taken out) and its marks as "side:segment:offset".
    static func document(_ example: CheckExample) -> (segments: [CheckSegment], marks: Set<String>) {
        var segments: [CheckSegment] = []
        var marks = Set<String>()
        for (k, segment) in example.segments.enumerated() {
            func side(_ text: String?, _ name: String, _ file: String) -> SegmentText? {
                guard let text else { return nil }
                let (plain, offsets) = CheckExample.unmarked(text)
                for offset in offsets { marks.insert("\(name):\(k):\(offset)") }
                return SegmentText(text: plain, file: file, line: k + 1)
            }
            segments.append(CheckSegment(index: k, source: side(segment.english, "source", "example.en"),
                                         target: side(segment.chinese, "target", "example.zh")))
        }
        return (segments, marks)
    }

    @Test(arguments: cases)
    func exampleBehavesAsDocumented(_ test: Case) throws {
        let (segments, marks) = Self.document(test.example)
        let checker = try Checker(glossary: test.example.usesAssociations ? nil : CheckExample.glossary,
                                  associations: test.example.usesAssociations ? ExtractedRenderings(candidates: CheckExample.associations) : nil,
                                  configuration: CheckConfiguration(typography: test.example.typography))
        let findings = checker.check(segments).filter { $0.check == test.check }
        let found = Set(findings.map { "\($0.side.rawValue):\($0.segment):\($0.location.column - 1)" })
        let messages = findings.map { "\($0.side.rawValue):\($0.segment):\($0.location.column - 1) \($0.message)" }
        if test.example.triggers {
            #expect(!marks.isEmpty, "a triggering example must mark where it triggers")
            #expect(found == marks, "\(messages)")
        } else {
            #expect(findings.isEmpty, "\(messages)")
        }
    }

    @Test func everyCheckHasExamplesOfBothKinds() {
        for definition in CheckRegistry.definitions {
            #expect(definition.examples.contains { $0.triggers }, "\(definition.id.rawValue) has no triggering example")
            #expect(definition.examples.contains { !$0.triggers }, "\(definition.id.rawValue) has no non-triggering example")
        }
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = CheckRegistry.definitions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { CheckID.isWellFormed($0.rawValue) })
        #expect(CheckExample.glossary.concepts.count >= 10)
    }
}
