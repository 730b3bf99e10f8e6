import StageKit
import CleanStage

/// The symbol the daemon looks up after dlopen of libtextpiped_clean.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(CleanFactory())
}
