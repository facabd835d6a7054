import Testing
@testable import Termbridge

@Suite struct GlossaryValidationTests {
    private func concept(_ id: String, zh: [(String, TermStatus)], en: [(String, TermStatus)]) -> Concept {
        var concept = Concept(id: id)
        for (text, status) in zh { concept.add(Term(text, status: status), in: "zh") }
        for (text, status) in en { concept.add(Term(text, status: status), in: "en") }
        return concept
    }

    @Test func aCleanGlossaryHasNoIssues() {
        let glossary = Glossary(concepts: [concept("c1", zh: [("准盟友", .preferred), ("准同盟", .deprecated)], en: [("quasi ally", .preferred)])])
        #expect(glossary.validate().isEmpty)
    }

    @Test func findsEachKindOfError() {
        let glossary = Glossary(concepts: [
            concept("c1", zh: [("准盟友", .preferred), ("準盟友", .admitted)], en: [("quasi ally", .preferred)]),
            concept("c1", zh: [("北约", .preferred)], en: []),
            concept("c3", zh: [("准盟友", .forbidden), (" ", .admitted)], en: [("ally", .preferred)]),
        ])
        let issues = glossary.validate()
        let errors = issues.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains("error: concept c1: lists the zh term 準盟友 twice"))
        #expect(errors.contains("error: concept c1: the id is used by more than one concept"))
        #expect(errors.contains("error: concept c1: has no en term"))
        #expect(errors.contains("error: concept c3: has an empty zh term"))
        #expect(errors.contains("error: concept c3: 准盟友 is forbidden here but preferred in concept c1"))
    }

    @Test func warnsAboutPreferredTerms() {
        let glossary = Glossary(concepts: [
            concept("c1", zh: [("盟友", .preferred), ("友邦", .preferred)], en: [("ally", .admitted)]),
            concept("c2", zh: [("盟友", .preferred)], en: [("ally", .preferred)]),
        ])
        let warnings = glossary.validate().filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains("warning: concept c1: has 2 preferred zh terms: 盟友, 友邦"))
        #expect(warnings.contains("warning: concept c1: has no preferred en term"))
        #expect(warnings.contains("warning: 盟友 is the preferred term of several concepts: c1, c2"))
    }

    @Test func shippedGlossaryIsValid() throws {
        let glossary = try Glossary.read(contentsOf: "Glossary/quasi-alliance.tsv")
        #expect(glossary.concepts.count >= 60)
        #expect(glossary.validate().filter { $0.severity == .error }.isEmpty)
    }
}

@Suite struct GlossaryMergeTests {
    private func concept(_ id: String, _ zh: String, _ en: String, enAdmitted: [String] = []) -> Concept {
        var concept = Concept(id: id)
        concept.add(Term(zh), in: "zh")
        concept.add(Term(en), in: "en")
        for text in enAdmitted { concept.add(Term(text, status: .admitted), in: "en") }
        return concept
    }

    @Test func unitesConceptsSharingATermAndAddsTheRest() {
        let a = Glossary(concepts: [concept("a1", "准盟友", "quasi ally")])
        let b = Glossary(concepts: [concept("b1", "准盟友", "quasi ally", enAdmitted: ["quasi-ally"]), concept("a1", "北约", "NATO")])
        let (merged, conflicts) = a.merging([b], preference: nil)
        #expect(conflicts.isEmpty)
        #expect(merged.concepts.map(\.id) == ["a1", "a1-2"])
        #expect(merged.concepts[0].terms(in: "en").map(\.text) == ["quasi ally", "quasi-ally"])
    }

    @Test func reportsDifferentPreferredTranslations() {
        let a = Glossary(concepts: [concept("a1", "准盟友", "quasi ally")])
        let b = Glossary(concepts: [concept("b1", "准盟友", "near ally")])
        let (_, conflicts) = a.merging([b], preference: nil)
        #expect(conflicts.map(\.description) == ["准盟友: concept a1 has en preferred quasi ally, concept b1 has preferred near ally"])
    }

    @Test(arguments: [(MergePreference.first, "quasi ally", "near ally"), (.last, "near ally", "quasi ally")])
    func preferenceDecidesAndKeepsTheLoserAsAdmitted(_ preference: MergePreference, _ winner: String, _ loser: String) {
        let a = Glossary(concepts: [concept("a1", "准盟友", "quasi ally")])
        let b = Glossary(concepts: [concept("b1", "准盟友", "near ally")])
        let (merged, conflicts) = a.merging([b], preference: preference)
        #expect(conflicts.count == 1)
        let concept = merged.concepts[0]
        #expect(concept.preferredTerm(in: "en")?.text == winner)
        #expect(concept.terms(in: "en").first { $0.text == loser }?.status == .admitted)
    }

    @Test func lookupFindsEitherLanguage() throws {
        let glossary = Glossary(concepts: [concept("a1", "准盟友", "quasi ally")])
        #expect(try glossary.lookup("準盟友").map(\.concept) == [0])
        #expect(try glossary.lookup("Quasi-Allies").map(\.concept) == [0])
        #expect(try glossary.lookup("ally").isEmpty)
    }
}
