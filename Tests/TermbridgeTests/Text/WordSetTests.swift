import Testing
@testable import Termbridge

/// The membership tests that stand in for hashed sets in the checks answer exactly as the
/// sets would.
@Suite struct WordSetTests {
    static let members = ["not", "no", "never", "n't", "without", "hundred", "thousands", "a", "", "naïve", "準", "x-ray"]
    static let probes = members + ["nor", "note", "nots", "n", "the", "hundreds", "thousand", "A", "b", "naive", "准", "x",
                                   "withou", "withoutt", String(repeating: "n", count: 80)]

    @Test func wordSetAnswersAsTheSet() {
        let set = Set(Self.members), words = WordSet(Self.members)
        for probe in Self.probes { #expect(words.contains(probe) == set.contains(probe), "\(probe)") }
    }

    @Test func wordMapAnswersAsTheDictionary() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.members.enumerated().map { ($1, $0) })
        let map = WordMap(dictionary)
        for probe in Self.probes { #expect(map[probe] == dictionary[probe], "\(probe)") }
    }

    @Test func shortHanWordsAnswerAsTheSet() {
        let members = ["不", "不断", "不可能", "毫无疑问", "无所不"]
        let words = ShortHanWords(members)
        let text = Array("毫无疑问不可能的不断无所不在不可🀄不".unicodeScalars.map(\.value))
        for start in text.indices {
            for end in start...min(text.count, start + 6) {
                let slice = text[start..<end]
                let string = String(String.UnicodeScalarView(slice.compactMap(Unicode.Scalar.init)))
                #expect(words.contains(slice) == members.contains(string), "\(string)")
                let prefixed = (1...4).contains { length in length <= slice.count && members.contains(String(String.UnicodeScalarView(string.unicodeScalars.prefix(length)))) }
                #expect(words.containsPrefix(of: slice) == prefixed, "\(string)")
            }
        }
    }
}
