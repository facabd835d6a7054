/// The typographic conventions a Chinese translation is held to by the typography checks
/// (`punctuation-width`, `cjk-latin-spacing`). Without a convention (nil, the default) a
/// check imposes no house style: it reports only *mixing* within the file — the forms used
/// less often where another is the file's majority — so a file that consistently writes
/// ASCII `,` `:` `;` between Chinese characters (as the corpus and the seed compilation do)
/// is left alone.
public struct TypographyConvention: Sendable, Hashable {
    /// How the commas, colons, semicolons, question and exclamation marks and brackets
    /// written between Chinese characters should look.
    public enum PunctuationWidth: String, Sendable, CaseIterable {
        /// Full-width forms (，：；？！（）), as the Chinese national standard GB/T 15834 says.
        case full
        /// ASCII forms (, : ; ? ! ( )), as some web and compiled texts write them.
        case half
    }

    /// Whether a space separates Chinese characters from Latin letters and digits next to
    /// them (`美国 ATACMS 导弹` or `美国ATACMS导弹`).
    public enum Spacing: String, Sendable, CaseIterable {
        /// A space on each side of a Latin word or a number inside Chinese text.
        case space
        /// No space (`none` on the command line).
        case noSpace = "none"
    }

    /// The punctuation convention of the Chinese text; nil: the file's own majority.
    public var punctuation: PunctuationWidth?
    /// The spacing convention; nil: the file's own majority.
    public var spacing: Spacing?

    public init(punctuation: PunctuationWidth? = nil, spacing: Spacing? = nil) {
        self.punctuation = punctuation
        self.spacing = spacing
    }
}
