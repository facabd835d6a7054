import Testing
@testable import Termbridge

@Suite struct NumberedPinyinTests {
    @Test func marksEachSyllable() {
        #expect(Pinyin.toneMarked(fromNumbered: "zhun3 meng2 you3") == "zhǔn méng yǒu")
    }

    @Test(arguments: [
        ("hao3", "hǎo"), ("mei2", "méi"), ("dou1", "dōu"), ("gui4", "guì"), ("liu2", "liú"),
        ("xue2", "xué"), ("er4", "èr"), ("zhuang4", "zhuàng"), ("yi1", "yī"),
    ])
    func placesTheMarkWherePinyinPutsIt(_ numbered: String, _ marked: String) {
        #expect(Pinyin.toneMarked(fromNumbered: numbered) == marked)
    }

    @Test func writesUmlautFromColonOrV() {
        #expect(Pinyin.toneMarked(fromNumbered: "lu:4") == "lǜ")
        #expect(Pinyin.toneMarked(fromNumbered: "nv3") == "nǚ")
        #expect(Pinyin.toneMarked(fromNumbered: "lu:e4") == "lüè")
        #expect(Pinyin.toneMarked(fromNumbered: "Lu:3") == "Lǚ")
    }

    @Test func leavesNeutralToneUnmarked() {
        #expect(Pinyin.toneMarked(fromNumbered: "zhun3 pu3 r5") == "zhǔn pǔ r")
        #expect(Pinyin.toneMarked(fromNumbered: "le5") == "le")
    }

    @Test func keepsCapitalsOfProperNouns() {
        #expect(Pinyin.toneMarked(fromNumbered: "Zhong1 guo2") == "Zhōng guó")
        #expect(Pinyin.toneMarked(fromNumbered: "Ou1 zhou1") == "Ōu zhōu")
        #expect(Pinyin.toneMarked(fromNumbered: "A1 er3") == "Ā ěr")
    }

    @Test func marksSyllabicNasals() {
        #expect(Pinyin.toneMarked(fromNumbered: "ng2") == "ńg")
        #expect(Pinyin.toneMarked(fromNumbered: "m2") == "ḿ")
    }

    @Test func passesNonSyllablesThrough() {
        #expect(Pinyin.toneMarked(fromNumbered: "A A zhi4") == "A A zhì")
        #expect(Pinyin.toneMarked(fromNumbered: "Li4 bei4 ka3 · Li4 si1 na4") == "Lì bèi kǎ · Lì sī nà")
        #expect(Pinyin.toneMarked(fromNumbered: "san1 C") == "sān C")
        #expect(Pinyin.toneMarked(fromNumbered: "Zhong1 guo2 , Mei3 guo2") == "Zhōng guó , Měi guó")
        #expect(Pinyin.toneMarked(fromNumbered: "tuh-ku") == "tuh-ku")
    }
}
