import StageKit
import SegmentStage

/// The symbol the daemon looks up after dlopen of libtextpiped_segment.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(SegmentFactory())
}
