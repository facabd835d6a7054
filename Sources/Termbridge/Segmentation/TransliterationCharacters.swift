/// Han characters used to transliterate foreign personal and place names into Chinese
/// (the characters of the Xinhua transliteration tables, as in 丽贝卡·利斯纳, 泽连斯基,
/// 内塔尼亚胡). The segmenter uses them to find how far a name written with a middle dot
/// reaches, and to join runs of such characters that ICU cuts into single characters.
///
/// Characters that are far more often ordinary words than name syllables next to a name
/// (的, 在, 和, 与, 国, 总, 理, 士, …) are deliberately absent.
enum TransliterationCharacters {
    static let all: Set<UInt32> = Set(
        """
        阿埃艾爱安昂奥澳巴拜班邦保堡鲍贝本比彼毕庇宾波伯博布查察柴楚茨措达戴丹道德登邓迪蒂丁东杜敦\
        顿多厄恩尔法凡范菲费芬丰冯佛夫弗伏福富盖甘冈高戈哥格根贡古瓜圭哈海汉杭豪赫黑亨洪胡华怀惠霍\
        基吉季济加迦贾杰捷金京久喀卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽连列林琳凌\
        留柳卢鲁陆路伦罗洛吕马玛迈麦曼芒毛梅门蒙孟米密缅摩莫墨默姆穆纳娜乃奈南楠瑙内尼妮涅宁纽努诺\
        欧帕潘庞佩彭皮珀坡普奇齐恰乔切钦琴丘若撒萨塞赛桑瑟森沙莎珊尚绍舍什施史舒斯松苏索塔泰坦汤唐\
        陶特提汀廷图托瓦万旺威韦维魏温沃乌伍武西希锡夏谢辛欣休修雅亚扬耶叶伊依因英尤约泽扎詹兹佐卓\
        琼嘉荷蒂娅莱妮黛薇丝
        """.unicodeScalars.map(\.value)
    )

    /// Middle dots that join the parts of a transliterated name: · (U+00B7), ・ (U+30FB),
    /// ‧ (U+2027), • (U+2022), ･ (U+FF65, folded to U+30FB) and the dot operator ⋅ (U+22C5).
    static let nameDots: Set<UInt32> = [0x00B7, 0x30FB, 0x2027, 0x2022, 0x22C5, 0xFF65]
}
