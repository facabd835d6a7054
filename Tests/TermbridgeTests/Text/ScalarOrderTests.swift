import Testing
@testable import Termbridge

@Suite struct ScalarOrderTests {
    @Test func comparesCodePointByCodePoint() {
        #expect("Russia".precedesInScalarOrder("Ukraine"))
        #expect("Zebra".precedesInScalarOrder("apple"))          // Z U+005A before a U+0061
        #expect("乌克兰".precedesInScalarOrder("俄罗斯"))           // 乌 U+4E4C before 俄 U+4FC4
        #expect("准".precedesInScalarOrder("准盟友"))               // a prefix first
        #expect(!"准盟友".precedesInScalarOrder("准盟友"))
    }

    @Test func tellsApartCanonicallyEquivalentTexts() {
        // é precomposed (U+00E9) and e + combining acute (U+0065 U+0301) are == as Strings,
        // but scalar order still puts one first, so a sort by it is total.
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)
        #expect(decomposed.precedesInScalarOrder(precomposed))
        #expect(!precomposed.precedesInScalarOrder(decomposed))
    }
}
