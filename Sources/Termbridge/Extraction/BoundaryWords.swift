/// Words that never belong to a term and so bound candidates, as punctuation does: Chinese
/// function words (particles, prepositions, conjunctions, pronouns, determiners, auxiliary
/// and copular verbs, verbs of saying and naming) and English stop words (RAKE's idea: a
/// keyphrase is a run of content words between stop words and punctuation).
///
/// The lists are judgement calls, kept short and explicit; a word that is part of real terms
/// (非 in 非北约, 核 in 核保护伞, 准 in 准盟友) is deliberately absent.
enum BoundaryWords {
    /// Chinese function words, as the segmenter emits them (Simplified).
    static let chinese = Set<String>([
        // particles and aspect markers
        "的", "了", "着", "过", "地", "得", "之", "所", "吗", "呢", "吧", "啊", "么", "嘛", "呀", "也", "都",
        "又", "就", "才", "还", "再", "便", "则", "却", "即", "乃", "而", "并", "且", "亦", "均", "皆", "已",
        // prepositions and coverbs
        "在", "于", "对", "向", "从", "自", "由", "被", "把", "将", "让", "使", "给", "为", "为了", "以", "与",
        "和", "跟", "同", "及", "或", "按", "按照", "根据", "依据", "通过", "经过", "关于", "对于", "至于",
        "随着", "除了", "除", "比", "据", "凭", "沿", "朝", "往", "到", "至", "因", "因为", "由于", "围绕",
        "借助", "作为", "当", "针对", "就连", "连",
        // conjunctions and connectives
        "以及", "或者", "或是", "并且", "而且", "但", "但是", "但从", "但在", "可是", "然而", "不过", "虽然",
        "虽", "尽管", "如果", "若", "假如", "只要", "只有", "一旦", "因此", "所以", "于是", "从而", "同时",
        "此外", "另外", "甚至", "即使", "既", "既然", "无论", "不论", "不管", "还是", "而是", "而非", "而不是",
        "与其", "不如", "以便", "以免", "首先", "其次", "最后", "第三", "总之", "例如", "比如", "包括",
        "与此同时", "相比之下", "其中", "然后", "之后", "之前", "以后", "以前", "以来", "之间", "之下", "之上",
        "之中", "期间", "时候", "时", "中", "上", "下", "里", "内", "外", "前", "后", "间",
        // pronouns, determiners, quantifiers
        "这", "那", "这些", "那些", "这个", "那个", "这种", "那种", "这一", "那一", "这样", "那样", "这里",
        "那里", "此", "其", "其他", "其它", "其余", "该", "本", "各", "每", "每个", "每一", "某", "某些", "任何",
        "所有", "一切", "一些", "一个", "一种", "一项", "一张", "一批", "一场", "一笔", "一道", "一次", "一方",
        "一样", "一直", "它", "它们", "它的", "他", "她", "他们", "她们", "他的", "她的", "我", "我们", "你",
        "你们", "自己", "自身", "本身", "彼此", "双方", "对方", "人们", "大家", "什么", "怎么", "怎样", "如何",
        "为何", "为什么", "哪", "哪里", "哪些", "谁", "多少", "几", "许多", "很多", "大量", "大多数", "多数",
        "部分", "大部分", "一部分", "有些", "有的", "之类", "等", "等等",
        // auxiliaries, copulas, modal and frequent light verbs
        "是", "有", "没有", "没", "无", "不", "非常", "很", "更", "最", "太", "较", "比较", "十分", "极",
        "会", "能", "能够", "可", "可以", "可能", "应", "应该", "应当", "必须", "需要", "需", "要", "想",
        "愿意", "得以", "不能", "不会", "不是", "也是", "就是", "都是", "只是", "正是", "并非", "已经", "曾",
        "曾经", "正在", "正", "将会", "仍", "仍然", "依然", "始终", "一直", "总是", "往往", "常常", "经常",
        "也许", "或许", "大概", "恰恰", "究竟", "到底", "终于", "随即", "随后", "立即", "马上", "只", "仅",
        "仅仅", "几乎", "近", "约", "大约", "进行", "加以", "予以", "作出", "做出",
        // verbs of saying, naming and judging
        "说", "称", "称为", "被称为", "叫做", "叫", "表示", "指出", "认为", "坚称", "暗示", "看来", "来说",
        "而言", "例", "为例", "像", "像是", "似乎", "好像", "如同", "类似", "类似于",
    ])

    /// English stop words: function words, auxiliaries, and frequent verbs and adverbs that
    /// do not occur inside noun-phrase terms (after SMART, the list RAKE uses, shortened).
    static let english = Set<String>([
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "alone", "along",
        "already", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone",
        "anything", "are", "around", "as", "at", "be", "became", "because", "become", "becomes", "been",
        "before", "behind", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "enough", "even",
        "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "inside", "into",
        "is", "it", "its", "itself", "just", "less", "many", "may", "me", "might", "more", "most", "much",
        "must", "my", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "now", "of",
        "off", "often", "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our",
        "ours", "out", "over", "own", "per", "perhaps", "quite", "rather", "same", "several", "shall", "she",
        "should", "since", "so", "some", "someone", "something", "sometimes", "still", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "therefore", "these",
        "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards", "under",
        "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
        "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yet", "you", "your", "yours",
        // frequent verbs and adverbs of argument, not of terms
        "said", "says", "say", "put", "made", "make", "makes", "get", "gets", "got", "give", "gives", "given",
        "take", "takes", "took", "came", "come", "comes", "go", "goes", "went", "know", "knows", "seem",
        "seems", "like", "far", "first", "second", "third", "finally", "later", "soon", "nearly", "mainly",
        "largely", "actually", "exactly", "openly", "quickly", "loudly", "bluntly", "deliberately",
        "consistently", "possible", "wherever", "whoever", "ago", "mr", "mrs", "ms", "dr", "gen",
    ])

    /// Whether a Chinese token bounds candidates.
    static func isChineseBoundary(_ folded: String) -> Bool { chinese.contains(folded) }

    /// Whether an English word (folded, lower case) bounds candidates.
    static func isEnglishStopWord(_ folded: String) -> Bool { english.contains(folded) }
}
