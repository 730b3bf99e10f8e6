import StageKit

/// The Unicode normalization `clean` applies.
public enum NormalizationForm: String, Sendable { case none, nfc, nfkc }

/// The options of the `clean` stage, read once in `makeStage`.
public struct CleanSettings: Sendable {
    public enum Mode: String, Sendable { case auto, always, never }

    public var html = Mode.auto
    public var markdown = Mode.auto
    /// Drop containers by class/id/role, hidden elements and link-dense blocks (HTML).
    public var htmlHeuristics = true
    /// Keep only the densest clusters of sentence-like lines of an HTML page (and what lies between them).
    public var htmlDensity = true
    /// Decode `&…;` references in plain text and Markdown (HTML always decodes them).
    public var entities = true
    public var mojibake = true
    public var normalize = NormalizationForm.nfc
    public var controls = true
    public var whitespace = true
    public var boilerplate = true
    public var boilerplateDefaults = true
    public var boilerplatePatterns: [String] = []
    public var boilerplateMaxLength = 200
    public var meta = true
    /// Read schema.org FAQPage JSON-LD and microdata into `Document.declaredFAQ`.
    public var declaredFAQ = true

    public init() {}

    static let specs: [OptionSpec] = [
        OptionSpec("html", .choice(["auto", "always", "never"]), default: "auto",
                   "treat the text as HTML: auto detects tags such as <html>, <p>, <div>, <br> in the first 8 KB"),
        OptionSpec("html_boilerplate", .bool, default: "true",
                   "HTML: also drop elements whose class/id/role marks menus, cookie banners, share bars, comments, related links, ads; hidden elements; link-dense lists and blocks"),
        OptionSpec("html_density", .bool, default: "true",
                   "HTML: keep the article by text density — drop short lines before the first and after the last cluster of long, sentence-like lines"),
        OptionSpec("meta", .bool, default: "true", "HTML: put <title> and <meta name=description> into meta.title / meta.description"),
        OptionSpec("declared_faq", .bool, default: "true",
                   "HTML: read schema.org FAQPage JSON-LD and microdata into the declared FAQ pairs the faq stage takes as ground truth"),
        OptionSpec("markdown", .choice(["auto", "always", "never"]), default: "auto",
                   "strip Markdown markup, keeping structure: auto detects headings, fences, links, tables, lists…"),
        OptionSpec("entities", .bool, default: "true", "decode complete character references (&amp; &#8217;) in plain text and Markdown"),
        OptionSpec("mojibake", .bool, default: "true", "repair UTF-8 text that was decoded as Windows-1252/Latin-1 (â€™ → ’, Ã© → é)"),
        OptionSpec("normalize", .choice(["nfc", "nfkc", "none"]), default: "nfc", "Unicode normalization form"),
        OptionSpec("controls", .bool, default: "true", "remove control, zero-width, bidi and soft-hyphen characters"),
        OptionSpec("whitespace", .bool, default: "true",
                   "tabs and no-break/other spaces to a space, runs of spaces to one, lines trimmed"),
        OptionSpec("boilerplate", .bool, default: "true", "remove whole boilerplate lines (subscribe, share, cookies, all rights reserved…) and report them in removed"),
        OptionSpec("boilerplate_defaults", .bool, default: "true", "use the built-in patterns of data/boilerplate.txt"),
        OptionSpec("boilerplate_patterns", .stringList, default: "[]",
                   "more whole-line patterns, `[tag] text with * wildcards` (tag optional, default custom)"),
        OptionSpec("boilerplate_max_length", .int(1...100_000), default: "200", "lines longer than this many bytes are never boilerplate"),
    ]

    init(_ o: StageOptions) throws {
        html = Mode(rawValue: o.string("html", default: "auto")) ?? .auto
        markdown = Mode(rawValue: o.string("markdown", default: "auto")) ?? .auto
        htmlHeuristics = o.bool("html_boilerplate", default: true)
        htmlDensity = o.bool("html_density", default: true)
        meta = o.bool("meta", default: true)
        declaredFAQ = o.bool("declared_faq", default: true)
        entities = o.bool("entities", default: true)
        mojibake = o.bool("mojibake", default: true)
        switch o.string("normalize", default: "nfc") {
        case "nfkc": normalize = .nfkc
        case "none": normalize = .none
        default: normalize = .nfc
        }
        controls = o.bool("controls", default: true)
        whitespace = o.bool("whitespace", default: true)
        boilerplate = o.bool("boilerplate", default: true)
        boilerplateDefaults = o.bool("boilerplate_defaults", default: true)
        boilerplatePatterns = o.stringList("boilerplate_patterns", default: [])
        boilerplateMaxLength = o.int("boilerplate_max_length", default: 200)
    }
}
