#if canImport(Glibc)
import Glibc
#endif
import StageKit

/// Finds stage plugins (`libtextpiped_<stage>.so`) on a search path and loads them with `dlopen`.
///
/// Search order: the configured folders, the executable's own folder, then
/// `/usr/lib/textpiped/plugins` (and `/usr/local/lib/textpiped/plugins`). A loaded plugin is never
/// unloaded; loading the same file twice returns the same factory.
public final class PluginLoader: @unchecked Sendable {
    /// A factory and where it came from.
    public struct Loaded: Sendable {
        public var factory: any StageFactory
        public var path: String
        /// The folder that holds the stage's `data/`, when the stage has data files and they were found.
        public var resourceDirectory: String?
    }

    public static let systemDirectories = ["/usr/lib/textpiped/plugins", "/usr/local/lib/textpiped/plugins"]
    public static let filePrefix = "libtextpiped_"

    public let searchPath: [String]
    private var cache: [String: Loaded] = [:]
    private let lock = Mutex()

    public init(configured: [String]) {
        var dirs = configured
        if let exe = executableDirectory() { dirs.append(exe); dirs.append(exe + "/plugins") }
        dirs.append(contentsOf: Self.systemDirectories)
        var seen: Set<String> = []
        searchPath = dirs.filter { seen.insert($0).inserted }
    }

    public static func fileName(forStage name: String) -> String { filePrefix + name + ".so" }

    /// Loads the plugin for stage `name`. Throws `PluginError` saying what was searched and found.
    public func load(stage name: String) throws -> Loaded {
        try lock.withLock {
            if let hit = cache[name] { return hit }
            guard isValidStageName(name) else {
                throw PluginError.notFound(stage: name, searched: searchPath, available: availableStageNames())
            }
            let file = Self.fileName(forStage: name)
            guard let path = searchPath.map({ $0 + "/" + file }).first(where: fileExists) else {
                throw PluginError.notFound(stage: name, searched: searchPath, available: availableStageNames())
            }
            let loaded = try open(path: path)
            guard loaded.factory.name == name else {
                throw PluginError.invalid(path: path, reason: "it declares stage '\(loaded.factory.name)', not '\(name)'")
            }
            cache[name] = loaded
            return loaded
        }
    }

    /// Every `libtextpiped_*.so` on the search path (first one wins for a name), loaded.
    /// Plugins that fail to load are returned as errors beside the good ones.
    public func discoverAll() -> (loaded: [Loaded], failures: [(path: String, error: Error)]) {
        var loaded: [Loaded] = []
        var failures: [(String, Error)] = []
        for name in availableStageNames() {
            do { loaded.append(try load(stage: name)) } catch { failures.append((Self.fileName(forStage: name), error)) }
        }
        return (loaded, failures)
    }

    /// Names of the stages whose files are on the search path, in search order.
    public func availableStageNames() -> [String] {
        var names: [String] = []
        for dir in searchPath {
            guard let d = opendir(dir) else { continue }
            defer { closedir(d) }
            var found: [String] = []
            while let entry = readdir(d) {
                let fname = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard fname.hasPrefix(Self.filePrefix), fname.hasSuffix(".so") else { continue }
                let stage = String(fname.dropFirst(Self.filePrefix.count).dropLast(3))
                if isValidStageName(stage) && !names.contains(stage) && !found.contains(stage) { found.append(stage) }
            }
            names.append(contentsOf: found.sorted())
        }
        return names
    }

    private func open(path: String) throws -> Loaded {
        // RTLD_LOCAL keeps each plugin's entry symbol to itself; RTLD_NOW reports missing symbols here.
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginError.invalid(path: path, reason: dlerror().map { String(cString: $0) } ?? "dlopen failed")
        }
        guard let symbol = dlsym(handle, PluginEntry.symbolName) else {
            throw PluginError.invalid(path: path, reason: "it does not export \(PluginEntry.symbolName)")
        }
        typealias EntryFunction = @convention(c) () -> UnsafeMutableRawPointer
        let entry = unsafeBitCast(symbol, to: EntryFunction.self)
        let object = Unmanaged<AnyObject>.fromOpaque(entry()).takeRetainedValue()
        guard let plugin = object as? PluginEntry else {
            throw PluginError.invalid(path: path, reason: "its entry object is not a StageKit PluginEntry; the plugin was probably built against another copy of StageKit (it must link the shared libStageKit.so)")
        }
        guard plugin.apiVersion == stageKitAPIVersion else {
            throw PluginError.invalid(path: path, reason: "it was built for StageKit API \(plugin.apiVersion); this daemon speaks \(stageKitAPIVersion)")
        }
        var resources: String?
        if let bundle = plugin.factory.resourceBundle {
            let candidate = parentDirectory(of: path) + "/" + bundle
            if isDirectory(candidate) { resources = candidate }
        }
        return Loaded(factory: plugin.factory, path: path, resourceDirectory: resources)
    }
}

func isValidStageName(_ s: String) -> Bool {
    !s.isEmpty && s.utf8.allSatisfy { ASCII.isLower($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") }
}

/// Why a plugin could not be used.
public enum PluginError: Error, CustomStringConvertible {
    case notFound(stage: String, searched: [String], available: [String])
    case invalid(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let stage, let searched, let available):
            let found = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "unknown stage '\(stage)': no \(PluginLoader.fileName(forStage: stage)) in \(searched.joined(separator: ", ")) (stages found: \(found))"
        case .invalid(let path, let reason):
            return "cannot load plugin \(path): \(reason)"
        }
    }
}
