import ICU
import Testing

@Suite struct BreakIteratorTests {
    @Test func wordBreaksCutChineseWithICUsDictionary() throws {
        let breaker = try BreakIterator(.word, locale: "zh")
        let text = "美国与准盟友的关系"
        let ends = try breaker.boundaries(of: text).map(\.offset)
        // ICU knows 美国, 盟友 and 关系 but not 准盟友: the reason for the user dictionary.
        #expect(ends == [2, 3, 4, 6, 7, 9])
    }

    @Test func wordBreakStatusClassifiesSegments() throws {
        let breaker = try BreakIterator(.word, locale: "zh")
        let statuses = try breaker.boundaries(of: "盟友 ATACMS 2024").map(\.status)
        #expect(statuses == [.ideographic, .none, .letter, .none, .number])
    }

    @Test func sentenceBreaksFollowChineseTerminators() throws {
        let breaker = try BreakIterator(.sentence, locale: "zh")
        let text = "第一句。第二句！第三句？"
        let boundaries = try breaker.boundaries(of: text)
        #expect(boundaries.map(\.offset) == [4, 8, 12])
        #expect(boundaries.allSatisfy { $0.status == .none })
    }

    /// Boundaries come from C in batches of 128: 64 repetitions of the two segments of
    /// "盟友，" fill one batch exactly; 65 and 200 cross one and several.
    @Test(arguments: [1, 63, 64, 65, 200])
    func boundariesCrossBatchesInOrder(repetitions: Int) throws {
        let text = String(repeating: "盟友，", count: repetitions)
        let boundaries = try BreakIterator(.word, locale: "zh").boundaries(of: text)
        let offsets: [Int] = (0..<repetitions).flatMap { (i: Int) -> [Int] in [3 * i + 2, 3 * i + 3] }
        let statuses: [WordBreakStatus] = Array(repeatElement([.ideographic, .none], count: repetitions).joined())
        #expect(boundaries.map(\.offset) == offsets)
        #expect(boundaries.map(\.status) == statuses)
    }

    @Test func aThrowingBodyStopsTheWalkAndLeavesTheIteratorUsable() throws {
        struct Stop: Error {}
        let breaker = try BreakIterator(.word, locale: "zh")
        let units = Array(String(repeating: "美国与准盟友的关系", count: 40).utf16)
        var seen = 0
        #expect(throws: Stop.self) {
            try units.withUnsafeBufferPointer { buffer in
                try breaker.forEachBoundary(in: buffer) { _ in
                    seen += 1
                    if seen == 3 { throw Stop() }
                }
            }
        }
        #expect(seen == 3)
        #expect(try breaker.boundaries(of: "美国盟友").map(\.offset) == [2, 4])
    }

    @Test func copyBreaksIndependently() throws {
        let breaker = try BreakIterator(.word, locale: "zh")
        let copy = try breaker.copy()
        #expect(try copy.boundaries(of: "美国盟友").map(\.offset) == [2, 4])
    }

    @Test func emptyTextHasNoBoundaries() throws {
        #expect(try BreakIterator(.word, locale: "zh").boundaries(of: "").isEmpty)
    }
}

@Suite struct TransformTests {
    @Test func hanLatinGivesPinyinWithToneMarks() throws {
        #expect(try Transform(id: "Han-Latin").apply("准盟友") == "zhǔn méng yǒu")
    }

    @Test func hantHansSimplifies() throws {
        #expect(try Transform(id: "Hant-Hans").apply("準盟友關係") == "准盟友关系")
    }

    @Test func unknownTransformThrowsNamedError() {
        #expect(throws: ICUError.self) { try Transform(id: "No-Such-Transform") }
        do {
            _ = try Transform(id: "No-Such-Transform")
        } catch {
            #expect(error.description.contains("No-Such-Transform"))
            #expect(error.name.hasPrefix("U_"))
        }
    }

    @Test func transformGrowsItsBufferForLongOutput() throws {
        let text = String(repeating: "准盟友", count: 2000)
        let pinyin = try Transform(id: "Han-Latin").apply(text)
        #expect(pinyin.hasPrefix("zhǔn méng yǒu zhǔn"))
        #expect(pinyin.count > text.count * 3)
    }
}

@Suite struct NormalizationTests {
    @Test func nfkcFoldsFullWidthForms() throws {
        #expect(try Normalization.nfkc.apply("ＡＴＡＣＭＳ２０２４（Ｇ７）") == "ATACMS2024(G7)")
    }

    @Test func nfkcKeepsHanAndMiddleDot() throws {
        #expect(try Normalization.nfkc.apply("丽贝卡·利斯纳") == "丽贝卡·利斯纳")
    }
}

@Suite struct EncodableSetTests {
    @Test func gb2312HoldsSimplifiedButNotTraditionalOnlyCharacters() throws {
        let gb2312 = try EncodableSet(encoding: "GB2312")
        #expect(gb2312.contains("准"))
        #expect(gb2312.contains("著"))
        #expect(!gb2312.contains("準"))
        #expect(!gb2312.contains("關"))
    }

    @Test func linkedICUHasAVersion() {
        #expect(icuVersion.split(separator: ".").count >= 2)
    }
}
