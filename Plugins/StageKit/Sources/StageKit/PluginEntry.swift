/// The version of this API. The loader refuses plugins that report another one.
public let stageKitAPIVersion = 1

/// The object a plugin's entry symbol returns. Plugins export
///
///     @_cdecl("textpiped_stage_factory")
///     public func textpipedStageFactory() -> UnsafeMutableRawPointer {
///         PluginEntry.export(MyFactory())
///     }
///
/// and the loader turns the pointer back into a `PluginEntry`. Because StageKit is one shared
/// library, the class is the same on both sides of `dlopen`.
public final class PluginEntry: @unchecked Sendable {
    public let apiVersion: Int
    public let factory: any StageFactory

    public init(factory: any StageFactory) {
        self.apiVersion = stageKitAPIVersion
        self.factory = factory
    }

    /// Wraps a factory for the entry symbol; the retained object is never released (plugins stay loaded).
    public static func export(_ factory: any StageFactory) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(PluginEntry(factory: factory) as AnyObject).toOpaque()
    }

    /// The symbol every plugin exports.
    public static let symbolName = "textpiped_stage_factory"
}
