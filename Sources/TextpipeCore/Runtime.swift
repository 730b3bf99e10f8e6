import StageKit

/// Everything the server needs to answer requests under one configuration: the configuration and
/// its built pipelines. A reload builds a new `Runtime` completely before it replaces the old one.
public final class Runtime: Sendable {
    public let config: DaemonConfig
    /// Pipelines in configuration order.
    public let pipelines: [Pipeline]
    public let defaultPipeline: String
    /// Plugin files the pipelines use, by stage name.
    public let pluginFiles: [String: String]

    init(config: DaemonConfig, pipelines: [Pipeline], pluginFiles: [String: String]) {
        self.config = config; self.pipelines = pipelines
        self.defaultPipeline = config.defaultPipeline; self.pluginFiles = pluginFiles
    }

    public func pipeline(named name: String) -> Pipeline? { pipelines.first(where: { $0.name == name }) }

    /// Loads the plugins the configuration names, checks every stage's options and inputs, and
    /// builds every stage. Throws `ConfigIssues` listing every problem with its file:line:column.
    /// `earlier` are problems already found in the file; they are reported together with these.
    public static func build(config: DaemonConfig, loader: PluginLoader, earlier: [ConfigIssue] = []) throws -> Runtime {
        var issues = earlier
        var pipelines: [Pipeline] = []
        var files: [String: String] = [:]
        for spec in config.pipelines {
            var steps: [Pipeline.Step] = []
            var available: Set<Field> = [.text]
            for item in spec.items {
                let loaded: PluginLoader.Loaded
                do { loaded = try loader.load(stage: item.name) } catch {
                    issues.append(ConfigIssue("\(error)", at: item.mark))
                    continue
                }
                files[item.name] = loaded.path
                let factory = loaded.factory
                let optionIssues = StageOptions.validate(item.options, specs: factory.options, stage: item.name)
                issues.append(contentsOf: optionIssues)
                let missing = factory.requires.filter { !available.contains($0) }
                if !missing.isEmpty {
                    let providers = missing.map { field in "\(field.rawValue) (provided by \(providerHint(field, loader)))" }
                    issues.append(ConfigIssue("stage '\(item.name)' in pipeline '\(spec.name)' needs \(providers.joined(separator: ", ")), but no earlier stage provides it; earlier stages provide: \(available.sorted().map(\.rawValue).joined(separator: ", "))", at: item.mark))
                }
                available.formUnion(factory.provides)
                guard optionIssues.isEmpty else { continue }
                let context = StageContext(resourceDirectory: loaded.resourceDirectory, configDirectory: config.directory)
                do {
                    let stage = try factory.makeStage(options: StageOptions(specs: factory.options, node: item.options, mark: item.mark), context: context)
                    steps.append(Pipeline.Step(name: item.name, stage: stage, provides: factory.provides))
                } catch let e as ConfigIssues {
                    issues.append(contentsOf: e.issues)
                } catch let e as ConfigIssue {
                    issues.append(ConfigIssue(e.message, at: e.mark ?? item.options?.mark ?? item.mark))
                } catch {
                    issues.append(ConfigIssue("stage '\(item.name)' could not be built: \(error)", at: item.mark))
                }
            }
            pipelines.append(Pipeline(name: spec.name, steps: steps))
        }
        if !issues.isEmpty { throw ConfigIssues(issues.sorted(by: issueOrder)) }
        return Runtime(config: config, pipelines: pipelines, pluginFiles: files)
    }

    /// Which stages on the search path provide `field`, for the error message.
    private static func providerHint(_ field: Field, _ loader: PluginLoader) -> String {
        let names = loader.discoverAll().loaded.filter { $0.factory.provides.contains(field) }.map(\.factory.name)
        return names.isEmpty ? "no stage found on the plugin path" : names.map { "'\($0)'" }.joined(separator: " or ")
    }
}
