/// What a plugin exports: a stage's name, its options, what it needs and adds, and how to build it.
/// Like a spaCy factory or a Fluent Bit plugin descriptor.
public protocol StageFactory: Sendable {
    /// The name used in YAML pipelines, e.g. `segment`. The plugin file is `libtextpiped_<name>.so`.
    var name: String { get }
    /// One line for `textpiped stages`.
    var summary: String { get }
    /// Fields an earlier stage (or the request, for `text`) must have provided.
    var requires: [Field] { get }
    /// Fields this stage adds or replaces.
    var provides: [Field] { get }
    /// The options this stage accepts; anything else is rejected at load time.
    var options: [OptionSpec] { get }
    /// Name of the folder of data files the build puts next to the plugin (SwiftPM's
    /// `<package>_<target>.resources`), or nil when the stage has no data files.
    var resourceBundle: String? { get }
    /// Builds a stage from checked options. Throws `ConfigIssue`/`ConfigIssues` for problems the specs
    /// could not catch (a bad pattern, a missing data file).
    func makeStage(options: StageOptions, context: StageContext) throws -> any Stage
}

extension StageFactory {
    public var resourceBundle: String? { nil }
}

/// Where a stage finds its data: the folder of its resource bundle, if any.
public struct StageContext: Sendable {
    /// Folder that holds the stage's `data/` folder; nil when none was found.
    public var resourceDirectory: String?
    /// Folder of the configuration file, against which relative paths in options resolve.
    public var configDirectory: String
    public init(resourceDirectory: String?, configDirectory: String) {
        self.resourceDirectory = resourceDirectory; self.configDirectory = configDirectory
    }

    /// Full path of `data/<name>` in the resource directory, or nil.
    public func dataPath(_ name: String) -> String? {
        guard let dir = resourceDirectory else { return nil }
        return dir + "/data/" + name
    }

    /// A path from an option, resolved against the configuration file's folder when relative.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : configDirectory + "/" + path
    }
}

/// A failure while processing one document. The server answers `stage_failed` with this message.
public struct StageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
