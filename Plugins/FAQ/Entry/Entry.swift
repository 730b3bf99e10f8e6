import StageKit
import FAQStage

/// The symbol the daemon looks up after dlopen of libtextpiped_faq.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(FAQFactory())
}
