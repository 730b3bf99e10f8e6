import Foundation
import StageKit

/// `clean`: turns text as users have it (plain text, HTML pages, Markdown, mis-decoded text) into clean
/// plain text with structure hints (`layout`), metadata and a list of removed boilerplate.
public struct CleanFactory: StageFactory {
    public init() {}
    public let name = "clean"
    public let summary = "HTML/Markdown to clean text with structure hints; entities, mojibake, Unicode, whitespace, boilerplate lines"
    public let requires: [Field] = [.text]
    public let provides: [Field] = [.text, .meta, .removed, .layout]
    public let resourceBundle: String? = "textpiped_CleanPlugin.resources"
    public var options: [OptionSpec] { CleanSettings.specs }

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        let settings = try CleanSettings(options)
        return try CleanStage(settings: settings, context: context, patternsMark: options.node?["boilerplate_patterns"]?.mark ?? options.mark)
    }
}
