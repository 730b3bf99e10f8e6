/// The HTML elements the extractor treats specially. Everything else is `.other` (inline, kept).
enum HTMLTag: UInt8 {
    case other
    // structure
    case html, head, body, title, meta, article, main, section, div, p, br, hr, span, a
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, blockquote, pre, table, tr, td, th, caption, thead, tbody, tfoot
    case figure, figcaption, address, details, summary, center, hgroup, fieldset, legend, option
    // dropped with their content
    case script, style, noscript, template, nav, header, footer, aside, form, svg, iframe, math
    case button, select, textarea, object, embed, canvas, audio, video, map, dialog, xmp, noembed, noframes, plaintext
    // void
    case img, input, link, wbr, area, base, col, param, source, track

    /// Key from a lower-cased name: the first 7 bytes and the length.
    static func key<C: Collection>(_ name: C) -> UInt64 where C.Element == UInt8 {
        var k: UInt64 = 0
        var n = 0
        for b in name {
            if n < 7 { k |= UInt64(b) << (8 * UInt64(n)) }
            n += 1
        }
        return k | (UInt64(min(n, 255)) << 56)
    }

    private static let byKey: [UInt64: HTMLTag] = {
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("article", .article),
            ("main", .main), ("section", .section), ("div", .div), ("p", .p), ("br", .br), ("hr", .hr), ("span", .span), ("a", .a),
            ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
            ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("blockquote", .blockquote),
            ("pre", .pre), ("listing", .pre), ("table", .table), ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption),
            ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("figure", .figure), ("figcaption", .figcaption),
            ("address", .address), ("details", .details), ("summary", .summary), ("center", .center), ("hgroup", .hgroup),
            ("fieldset", .fieldset), ("legend", .legend), ("option", .option),
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template), ("nav", .nav),
            ("header", .header), ("footer", .footer), ("aside", .aside), ("form", .form), ("svg", .svg), ("iframe", .iframe),
            ("math", .math), ("button", .button), ("select", .select), ("textarea", .textarea), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("audio", .audio), ("video", .video), ("map", .map), ("dialog", .dialog),
            ("xmp", .xmp), ("noembed", .noembed), ("noframes", .noframes), ("plaintext", .plaintext),
            ("img", .img), ("input", .input), ("link", .link), ("wbr", .wbr), ("area", .area), ("base", .base),
            ("col", .col), ("param", .param), ("source", .source), ("track", .track),
        ]
        var t: [UInt64: HTMLTag] = [:]
        for (n, tag) in names { t[key(Array(n.utf8))] = tag }
        return t
    }()

    static func lookup(_ key: UInt64) -> HTMLTag { byKey[key] ?? .other }

    /// Elements without an end tag.
    var isVoid: Bool {
        switch self {
        case .br, .hr, .img, .input, .link, .meta, .wbr, .area, .base, .col, .param, .source, .track, .embed: return true
        default: return false
        }
    }

    /// Elements whose content is raw text up to their end tag (no tags inside).
    var isRawText: Bool {
        switch self {
        case .script, .style, .title, .textarea, .xmp, .iframe, .noembed, .noframes, .noscript, .plaintext: return true
        default: return false
        }
    }

    /// Elements dropped with everything inside (`header` is handled apart: kept inside `article`/`main`).
    var isDropped: Bool {
        switch self {
        case .script, .style, .noscript, .template, .nav, .footer, .aside, .form, .svg, .iframe, .math, .button,
             .select, .textarea, .object, .canvas, .audio, .video, .map, .dialog, .xmp, .noembed, .noframes:
            return true
        default: return false
        }
    }

    /// Elements that end a line and stand apart as a block.
    var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .div, .p, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt,
             .dd, .blockquote, .pre, .table, .tr, .caption, .figure, .figcaption, .address, .details, .summary, .center,
             .hgroup, .fieldset, .legend, .header, .footer, .nav, .aside, .form, .option, .thead, .tbody, .tfoot:
            return true
        default: return false
        }
    }

    var headingLevel: UInt8 {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }
}
