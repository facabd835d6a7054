/// Properties of (folded) characters that the joining rules ask about, looked up in one
/// table instead of several sets on the hot path.
struct CharacterFlags: OptionSet, Sendable {
    let rawValue: UInt8

    /// A middle dot joining the parts of a transliterated name.
    static let nameDot = CharacterFlags(rawValue: 1 << 0)
    /// A character used to transliterate foreign names.
    static let transliteration = CharacterFlags(rawValue: 1 << 1)
    /// A Chinese numeral that can spell a year (〇 一 … 九).
    static let yearNumeral = CharacterFlags(rawValue: 1 << 2)
    /// A unit written straight after a number as one word.
    static let numberUnit = CharacterFlags(rawValue: 1 << 3)
    /// A sign that can start a number.
    static let numberSign = CharacterFlags(rawValue: 1 << 4)
    /// A Chinese numeral that makes up numbers (一 … 十 百 千 万 亿 零 〇 两): the model's
    /// number edges.
    static let numberNumeral = CharacterFlags(rawValue: 1 << 5)
    /// A numeral that combines with a classifier (the above and 几 多 半): never the start
    /// of an unknown word.
    static let quantityNumeral = CharacterFlags(rawValue: 1 << 6)
    /// A unit that makes one word with a number in Chinese numerals before it (十二月, 三十一日).
    static let dateUnit = CharacterFlags(rawValue: 1 << 7)

    /// Han characters used to transliterate foreign personal and place names (the
    /// characters of the Xinhua transliteration tables, as in 丽贝卡·利斯纳, 泽连斯基, 内塔尼亚胡).
    /// Characters that are far more often ordinary words next to a name (的, 在, 和, 与,
    /// 国, 总, 理, 士, …) are deliberately absent.
    static let transliterationCharacters = """
        阿埃艾爱安昂奥澳巴拜班邦保堡鲍贝本比彼毕庇宾波伯博布查察柴楚茨措达戴丹道德登邓迪蒂丁东杜敦\
        顿多厄恩尔法凡范菲费芬丰冯佛夫弗伏福富盖甘冈高戈哥格根贡古瓜圭哈海汉杭豪赫黑亨洪胡华怀惠霍\
        基吉季济加迦贾杰捷金京久喀卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽连列林琳凌\
        留柳卢鲁陆路伦罗洛吕马玛迈麦曼芒毛梅门蒙孟米密缅摩莫墨默姆穆纳娜乃奈南楠瑙内尼妮涅宁纽努诺\
        欧帕潘庞佩彭皮珀坡普奇齐恰乔切钦琴丘若撒萨塞赛桑瑟森沙莎珊尚绍舍什施史舒斯松苏索塔泰坦汤唐\
        陶特提汀廷图托瓦万旺威韦维魏温沃乌伍武西希锡夏谢辛欣休修雅亚扬耶叶伊依因英尤约泽扎詹兹佐卓\
        琼嘉荷娅黛薇丝罕芙琪伽
        """
    /// · (U+00B7), ・ (U+30FB, also the fold of ･ U+FF65), ‧ (U+2027), • (U+2022), ⋅ (U+22C5).
    static let nameDots = "\u{00B7}\u{30FB}\u{2027}\u{2022}\u{22C5}"
    static let yearNumerals = "〇○零一二三四五六七八九"
    static let numberUnits = "年月日号时分秒万亿%‰"
    static let numberSigns = "-+\u{2212}"
    static let numberNumerals = "一二三四五六七八九十百千万亿零〇○两"
    static let quantityNumerals = numberNumerals + "几多半"
    static let dateUnits = "月日号"

    /// The flags of every BMP scalar, built once per process.
    static let table: [CharacterFlags] = {
        var table = [CharacterFlags](repeating: [], count: 0x10000)
        for (characters, flag) in [(nameDots, nameDot), (transliterationCharacters, transliteration),
                                   (yearNumerals, yearNumeral), (numberUnits, numberUnit),
                                   (numberSigns, numberSign), (numberNumerals, numberNumeral),
                                   (quantityNumerals, quantityNumeral), (dateUnits, dateUnit)] {
            for scalar in characters.unicodeScalars where scalar.value < 0x10000 {
                table[Int(scalar.value)].insert(flag)
            }
        }
        return table
    }()
}
