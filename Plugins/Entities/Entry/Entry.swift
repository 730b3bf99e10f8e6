import StageKit
import EntitiesStage

/// The symbol the daemon looks up after dlopen of libtextpiped_entities.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(EntitiesFactory())
}
