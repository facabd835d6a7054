import Testing
@testable import Termbridge

@Suite struct CEDICTGlossesTests {
    @Test func splitsSemicolonAlternatives() {
        #expect(CEDICTGlosses.clean("accurate; exact; precise") == ["accurate", "exact", "precise"])
    }

    @Test func keepsSemicolonsInsideParentheses() {
        #expect(CEDICTGlosses.clean("(of a person; of an animal) tall") == ["tall"])
    }

    @Test func stripsParentheticalQualifiersAtEitherEnd() {
        #expect(CEDICTGlosses.clean("(Tw) (slang) to steal") == ["steal"])
        #expect(CEDICTGlosses.clean("front sight (firearms)") == ["front sight"])
        #expect(CEDICTGlosses.clean("percent (Tw)") == ["percent"])
        #expect(CEDICTGlosses.clean("(bird species of China) Eurasian eagle-owl (Bubo bubo)") == ["Eurasian eagle-owl"])
        #expect(CEDICTGlosses.clean("(literary) ally (of a state (esp. a small one))") == ["ally"])
    }

    @Test func keepsParenthesesInTheMiddle() {
        #expect(CEDICTGlosses.clean("reserve (fund) account") == ["reserve (fund) account"])
    }

    @Test func dropsDefinitionsThatAreAllParenthesis() {
        #expect(CEDICTGlosses.clean("(completed action marker)") == [])
    }

    @Test func dropsClassifierGlosses() {
        #expect(CEDICTGlosses.clean("CL:個|个[ge4]") == [])
        #expect(CEDICTGlosses.clean("CL:個|个[ge4],所[suo3]") == [])
        #expect(CEDICTGlosses.clean("classifier for military units") == [])
    }

    @Test func dropsVariantSeeSurnameAndAbbreviationGlosses() {
        for meta in [
            "variant of 瞭|了[liao3]", "old variant of 韌|韧[ren4]", "erhua variant of 散座[san3 zuo4]",
            "nonstandard simplified variant of 罵|骂", "see 打野炮[da3 ye3 pao4]", "see also 銅|铜[tong2]",
            "surname Meng", "surname", "surname Lü", "abbr. for 鄭州|郑州[Zheng4 zhou1]", "abbr. to 超跑|超跑[chao1 pao3]",
            "same as 租金", "also written 坐落[zuo4 luo4]", "also pr. [ge1 bi4]", "Taiwan pr. [fan2]",
            "used in 參差|参差[cen1 ci1]", "used in place names", "lit. to add oil and vinegar",
        ] {
            #expect(CEDICTGlosses.clean(meta) == [], "\(meta)")
        }
    }

    @Test func removesChineseCrossReferencesKeepingTheEnglish() {
        #expect(CEDICTGlosses.clean("Wangcang county in Guangyuan 廣元|广元[Guang3 yuan2], Sichuan")
                == ["Wangcang county in Guangyuan, Sichuan"])
        #expect(CEDICTGlosses.clean("Cao Xueqin (c. 1715-c. 1764), author of A Dream of Red Mansions 紅樓夢|红楼梦[Hong2 lou2 Meng4]")
                == ["Cao Xueqin (c. 1715-c. 1764), author of A Dream of Red Mansions"])
        #expect(CEDICTGlosses.clean("the classic 《史記》 (Records of the Historian) in full") == ["the classic (Records of the Historian) in full"])
    }

    @Test func dropsWhatIsLeftOfAReferenceGloss() {
        #expect(CEDICTGlosses.clean("see 敖包[ao2 bao1]") == [])
        #expect(CEDICTGlosses.clean("used in 參差|参差[cen1 ci1]") == [])
        #expect(CEDICTGlosses.clean("name of 峚山[Mi4 Shan1]") == ["name of"])
    }

    @Test func dropsGlossesWithoutLatinLettersOrDigits() {
        #expect(CEDICTGlosses.clean("☰") == [])
        #expect(CEDICTGlosses.clean("100") == ["100"])
    }

    @Test func stripsQualifierHoldingAReference() {
        #expect(CEDICTGlosses.clean("(bound form) having; with; -ful; -al (as in 有意[you3 yi4] intentional)")
                == ["having", "with", "-ful", "-al"])
    }

    @Test func keepsEnglishAfterFigurativeAndAlsoKnownAsMarkers() {
        #expect(CEDICTGlosses.clean("fig. criterion") == ["criterion"])
        #expect(CEDICTGlosses.clean("also known as Amoy") == ["Amoy"])
    }

    @Test func keepsSeeWhenItIsTheMeaning() {
        #expect(CEDICTGlosses.clean("see you tomorrow") == ["see you tomorrow"])
    }

    @Test func dropsLeadingInfinitiveMarker() {
        #expect(CEDICTGlosses.clean("to ally") == ["ally"])
        #expect(CEDICTGlosses.clean("to be about to") == ["be about to"])
    }

    @Test func keepsToBeforeDeterminersAndAnd() {
        #expect(CEDICTGlosses.clean("to the utmost") == ["to the utmost"])
        #expect(CEDICTGlosses.clean("to and fro") == ["to and fro"])
        #expect(CEDICTGlosses.clean("to date") == ["to date"])
    }

    @Test func dropsRepeatsAcrossDefinitionsKeepingFirst() {
        #expect(CEDICTGlosses.clean(["standard", "norm; standard", "(Tw) norm"]) == ["standard", "norm"])
    }

    @Test func collapsesRunsOfSpaces() {
        #expect(CEDICTGlosses.clean("quasi   ally") == ["quasi ally"])
    }
}

extension CEDICTGlossesTests {
    @Test func keepsSurnameAsAnEnglishWord() {
        #expect(CEDICTGlosses.clean("surname and given name") == ["surname and given name"])
    }
}
