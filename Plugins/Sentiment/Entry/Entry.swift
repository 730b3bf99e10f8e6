import StageKit
import SentimentStage

/// The symbol the daemon looks up after dlopen of libtextpiped_sentiment.so.
@_cdecl("textpiped_stage_factory")
public func textpipedStageFactory() -> UnsafeMutableRawPointer {
    PluginEntry.export(SentimentFactory())
}
