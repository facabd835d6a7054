import Testing
@testable import Termbridge

/// Check 5: numbers and carried-over Latin tokens.
@Suite struct NumberAndTokenCheckTests {
    func findings(_ english: String, _ chinese: String, glossary: Glossary? = nil) throws -> [Finding] {
        try Checker(glossary: glossary).check([CheckingFixtures.pair(english, chinese)])
    }

    @Test func numbersMatchWhateverTheirSeparatorsUnitsAndScales() throws {
        #expect(try findings("In May 2024, Biden paused 2,000-pound bombs.", "2024年5月,拜登暂停交付2000磅炸弹。").isEmpty)
        #expect(try findings("nearly 70 percent of its weapons", "近70%的武器").isEmpty)
        #expect(try findings("2 million people and 5.56 billion dollars", "200万人和55.6亿美元").isEmpty)
        #expect(try findings("in 2022 and 2023", "2022年至2023年").isEmpty)
        #expect(try findings("February 2022, the 21st time", "２０２２年２月,第21次").isEmpty)
    }

    @Test func aSpelledNumberMatchesDigitsButNeverNeedsAMatch() throws {
        #expect(try findings("a 2,000-pound bomb", "一枚两千磅炸弹").isEmpty)
        #expect(try findings("Two years later, in 2024", "两年后的2024年").isEmpty)
        #expect(try findings("on four occasions", "曾4次表示").isEmpty)
        #expect(try findings("in the year 2001", "二〇〇一年").isEmpty)
    }

    @Test func aChangedNumberIsOneFindingAtTheTranslationsNumber() throws {
        let found = try findings("Biden paused a shipment of 2,000-pound bombs.", "拜登暂停交付一批200磅炸弹。")
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.check == .numberMismatch)
        #expect(finding.severity == .error)
        #expect(finding.term == "2,000")
        #expect(finding.found == "200")
        #expect(finding.location.column == 9)
        #expect(finding.related?.column == 28)
    }

    @Test func missingAndExtraNumbersAreReported() throws {
        let missing = try findings("In 1951 and 1987.", "在1951年。")
        #expect(missing.map(\.message) == ["number 1987 of the source is missing from the translation"])
        let extra = try findings("The treaty of 1951.", "1951年和1953年的条约。")
        #expect(extra.map(\.found) == ["1953"])
    }

    @Test func aDroppedAcronymIsFoundAndARenderedOneIsNot() throws {
        let dropped = try findings("above all ATACMS, which could strike deep", "其中最重要的是远程导弹")
        #expect(dropped.map(\.check) == [.latinTokenMissing])
        #expect(dropped.first?.term == "ATACMS")
        #expect(try findings("through the G7 and NATO", "通过G7和NATO").isEmpty)
        // The glossary's rendering counts, for a concept whose English term is the acronym.
        #expect(try findings("through the G7 and NATO", "通过七国集团和北约", glossary: CheckingFixtures.glossary).isEmpty)
        // Dotted initialisms, Roman numerals and capitalised words are not carried over.
        #expect(try findings("U.S. troops in World War II, said Holloway.", "美军在第二次世界大战中,霍洛韦说。").isEmpty)
        // A typo in a code: the translation's stray token is named.
        let typo = try findings("GBU-57 bombs", "GBU-75炸弹")
        #expect(typo.contains { $0.check == .latinTokenMissing && $0.found == "GBU-75" })
    }

    @Test func numberReadingOfChineseNumerals() {
        #expect(NumberReading.chineseValue("两千") == "2000")
        #expect(NumberReading.chineseValue("一百二十") == "120")
        #expect(NumberReading.chineseValue("五十五亿") == "5500000000")
        #expect(NumberReading.chineseValue("二〇二四") == "2024")
        #expect(NumberReading.chineseValue("一千零五") == "1005")
        #expect(NumberReading.chineseValue("万") == nil)
        #expect(NumberReading.canonical("2,000.50") == "2000.5")
        #expect(NumberReading.scaled("1.2", byPowerOfTen: 4) == "12000")
    }
}
