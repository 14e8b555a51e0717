public import BundleResolver
public import SnapgenCrypto

/// The one way to build a snapshot: configuration → resolved module graph → evaluation and
/// serialisation in a `SnapshotCreator` isolate → snapshot bytes, the files read and warnings.
///
/// ```swift
/// let configuration = try BuildConfiguration.locate("internal-js")
/// let output = try SnapshotPipeline(configuration: configuration,
///                                   isolation: .childProcess(executable: snapgenPath)).run()
/// try output.write(to: "snapshot.bin", depfile: "snapshot.d")
/// ```
///
/// With ``Isolation/childProcess(executable:timeout:)`` every V8 call that the inputs can
/// influence — parsing for resolution included — runs in a child process, so a V8 FATAL, a
/// crash or an endless loop becomes a diagnostic. The graph is resolved once, in that child.
public struct SnapshotPipeline: Sendable {
  /// Where V8 runs.
  public enum Isolation: Sendable {
    /// In this process: fastest, for tests and trusted inputs; a V8 crash ends the process.
    case inProcess
    /// In a child process running `executable`, which must implement
    /// ``IsolatedBuild/childCommand`` (`snapgen` does), stopped after `timeout`.
    case childProcess(executable: String, timeout: Duration = .seconds(300))
  }

  /// What to build. Set the resolver option `confinedTo` (through
  /// ``BuildConfiguration/load(from:confinedTo:)``) to confine every input to a folder.
  public var configuration: BuildConfiguration
  /// Where V8 runs.
  public var isolation: Isolation
  /// Extra environment entries (`NAME=value`) for a child build.
  public var environment: [String] = []
  /// Sign the snapshot with this key (in this process: the key never reaches a child).
  public var signingKey: Ed25519.PrivateKey?
  /// The snapshot caches (local, remote) to consult and fill; nil builds without a cache.
  public var cacheSettings: CacheSettings?
  /// The key file ``sign(withKeyFile:)`` read: an input the output must never overwrite.
  private var signingKeyFile: String?

  /// Creates a pipeline.
  public init(configuration: BuildConfiguration, isolation: Isolation = .inProcess) {
    self.configuration = configuration
    self.isolation = isolation
  }

  /// Signs the output with the private key in `path` (a `snapgen keygen` file).
  public mutating func sign(withKeyFile path: String) throws(DiagnosticError) {
    do { signingKey = try SigningKeyFile.readPrivateKey(path) } catch {
      throw DiagnosticError([.error(error.reason, file: path)])
    }
    signingKeyFile = path
  }

  /// Runs every stage and returns the snapshot with its inputs and warnings.
  ///
  /// - Throws: every diagnostic found: resolution errors with their import chains, JavaScript
  ///   errors with file, line and column, pre-flight findings, explained V8 crashes, time-outs.
  public func run() throws(DiagnosticError) -> BuildOutput {
    var output: BuildOutput
    // The cache's direct mode may serve the snapshot before anything is parsed or started.
    let direct = cacheSettings.map { DirectLookup(configuration: configuration, settings: $0).run() }
    let cacheSettings: CacheSettings?
    switch direct {
    case .hit(let hit)?:
      output = hit
      return try signed(output)
    case .miss(let settings, _)?: cacheSettings = settings
    case nil: cacheSettings = nil
    }
    switch isolation {
    case .inProcess:
      var builder = SnapshotBuilder(configuration: configuration)
      builder.cacheSettings = cacheSettings
      output = try builder.build().output
    case .childProcess(let executable, let timeout):
      var build = IsolatedBuild(configuration: configuration, executable: executable)
      build.timeout = timeout
      build.environment = environment
      build.cacheSettings = cacheSettings
      output = try build.build()
    }
    if case .miss(_, let warnings)? = direct { output.warnings = warnings + output.warnings }
    return try signed(output)
  }

  private func signed(_ unsigned: BuildOutput) throws(DiagnosticError) -> BuildOutput {
    var output = unsigned
    output.otherInputs = [signingKeyFile].compactMap { $0 } + configuration.baseTrustedKeys
    if let signingKey {
      do { output.file = try output.file.signed(with: signingKey) } catch {
        throw DiagnosticError([.error(error.description)])
      }
    }
    return output
  }
}
