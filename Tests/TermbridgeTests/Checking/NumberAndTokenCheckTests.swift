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
        // A typo in a code is a misspelling, not also a missing token; a code that is no
        // near miss is missing, and the translation's stray code is named.
        let typo = try findings("GBU-57 bombs", "GBU-75炸弹")
        #expect(typo.map(\.check) == [.latinTokenMisspelled])
        #expect(typo.first?.found == "GBU-75")
        let stray = try findings("GBU-57 bombs", "MOP-9炸弹")
        #expect(stray.contains { $0.check == .latinTokenMissing && $0.found == "MOP-9" })
    }

    @Test func numberReadingOfChineseNumerals() {
        #expect(NumberReading.chineseValue("两千".unicodeScalars) == "2000")
        #expect(NumberReading.chineseValue("一百二十".unicodeScalars) == "120")
        #expect(NumberReading.chineseValue("五十五亿".unicodeScalars) == "5500000000")
        #expect(NumberReading.chineseValue("二〇二四".unicodeScalars) == "2024")
        #expect(NumberReading.chineseValue("一千零五".unicodeScalars) == "1005")
        #expect(NumberReading.chineseValue("万".unicodeScalars) == nil)
        #expect(NumberReading.canonical("2,000.50") == "2000.5")
        #expect(NumberReading.scaled("1.2", byPowerOfTen: 4) == "12000")
    }
}

/// Numbers as values: words, magnitudes, dates, ranges.
@Suite struct NumberValueTests {
    func findings(_ english: String, _ chinese: String) throws -> [Finding] {
        try Checker(glossary: nil).check([CheckingFixtures.pair(english, chinese)]).filter { $0.check == .numberMismatch }
    }

    @Test func oneMillionIsOneMillionHoweverItIsWritten() throws {
        for english in ["more than 1,000,000 people", "more than one million people", "more than 1 million people", "more than a million people"] {
            for chinese in ["超过一百万人", "超过100万人", "超过1,000,000人"] {
                #expect(try findings(english, chinese).isEmpty, "\(english) / \(chinese)")
            }
        }
        let changed = try findings("more than a million people", "超过十万人")
        #expect(changed.count == 1)
        #expect(changed.first?.found == "十万")
        #expect(changed.first?.message.contains("10 times smaller: a change of magnitude") == true)
        #expect(changed.first?.location.column == 3)
    }

    @Test func magnitudesMatchTheirRangeAndAChangeOfMagnitudeIsFound() throws {
        #expect(try findings("billions of dollars in aid", "数十亿美元的援助").isEmpty)
        #expect(try findings("billions of dollars in aid", "50亿美元的援助").isEmpty)
        #expect(try findings("tens of billions of dollars", "数百亿美元").isEmpty)
        #expect(try findings("hundreds of thousands of refugees", "数十万难民").isEmpty)
        #expect(try findings("several billion dollars", "几十亿美元").isEmpty)
        let changed = try findings("billions of dollars in aid", "数百亿美元的援助")
        #expect(changed.map(\.found) == ["数百亿"])
        #expect(changed.first?.message.contains("a change of magnitude") == true)
        #expect(try findings("billions of dollars", "数百万美元").count == 1)
    }

    @Test func scaledDigitsChineseNumeralsDatesPercentagesOrdinalsAndRanges() throws {
        #expect(try findings("35,000 troops", "3.5万名士兵").isEmpty)
        #expect(try findings("2,000 troops", "两千名士兵").isEmpty)
        #expect(try findings("two thousand troops", "2000名士兵").isEmpty)
        #expect(try findings("two thousand troops", "两百名士兵").count == 1)
        #expect(try findings("in April 2024", "2024年4月").isEmpty)
        #expect(try findings("in April 2024", "2024年四月").isEmpty)
        #expect(try findings("in April 2024", "2024年5月").count == 1)
        #expect(try findings("in April 2024", "2024年").map(\.term) == ["April"])
        #expect(try findings("70 percent of its arms", "70%的武器").isEmpty)
        #expect(try findings("70 percent of its arms", "百分之七十的武器").isEmpty)
        #expect(try findings("for the third time", "第三次").isEmpty)
        #expect(try findings("in 2022-23", "2022年至2023年").isEmpty)
        #expect(try findings("from 5 to 10 years", "5至10年").isEmpty)
        #expect(try findings("from 5 to 10 years", "5至12年").count == 1)
        // Chinese numerals that are no numbers, and small spelled numbers, are not required.
        #expect(try findings("It matters very much; you must not forget.", "这十分重要,千万不要忘记。").isEmpty)
        #expect(try findings("The people suffered.", "老百姓受苦了。").isEmpty)
        #expect(try findings("more than 300,000 people", "三十多万人").isEmpty)
        #expect(try findings("more than 300,000 people", "三百多万人").count == 1)
    }
}
