import StageKit
import ExampleStage

/// The symbol the daemon looks up after dlopen of libtextpiped_wordcount.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(ExampleFactory())
}
