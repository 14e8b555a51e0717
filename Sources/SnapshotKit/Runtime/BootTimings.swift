/// How long each phase of a boot took.
public struct BootTimings: Sendable, Equatable {
  public var read: Duration = .zero
  public var validate: Duration = .zero
  public var decompress: Duration = .zero
  public var isolateAndContext: Duration = .zero
  /// The part of ``isolateAndContext`` spent in `Isolate::New` (deserialising the isolate).
  public var isolate: Duration = .zero
  /// The part of ``isolateAndContext`` spent in `Context::New` (deserialising the context).
  public var context: Duration = .zero
  /// Only for runtimes made from sources.
  public var evaluateSources: Duration = .zero

  public init() {}

  public var total: Duration { read + validate + decompress + isolateAndContext + evaluateSources }

  /// Phase names and durations in milliseconds, in boot order.
  public var phases: [(name: String, milliseconds: Double)] {
    [("read", read), ("validate", validate), ("decompress", decompress),
     ("isolate+context", isolateAndContext), ("evaluate sources", evaluateSources)]
      .filter { $0.1 != .zero || $0.0 != "evaluate sources" }
      .map { ($0.0, $0.1.milliseconds) }
  }
}

extension Duration {
  /// The duration in milliseconds.
  public var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }
}
