import BundleResolver
public import SnapgenCrypto
import FoundationEssentials
import Glibc

/// Proves that a `snapshot.bin` is sound, bootable here, current, reproducible and behaves:
/// the engine of `snapgen verify`.
///
/// Checks, in order: `format` (header, metadata, sizes, checksums), `compatibility` (V8,
/// flags, platform, op table), `staleness` (input digest against the sources, naming the
/// modules that changed), `reproducibility` (a rebuild in a fresh process gives the same bytes)
/// and `expectations` (expressions that must be truthy in a runtime booted from the snapshot).
public struct SnapshotVerifier {
  /// The snapshot to verify.
  public var snapshotPath: String
  /// A `snapgen.json` or its folder; nil looks for `snapgen.json` next to the snapshot.
  public var configPath: String?
  /// The V8 flags of the runtime the snapshot must boot in; nil uses the config's flags.
  public var v8Flags: [String]?
  /// Rebuild (in a child process running `executable`) and compare bytes.
  public var rebuild = false
  /// An executable that implements ``IsolatedBuild/childCommand`` (for `rebuild`).
  public var executable: String?
  /// Expressions that must be truthy in the booted runtime.
  public var expectations: [String] = []
  /// How long one `--expect` expression may run (its promise included) before it is stopped.
  public var expectationTimeLimit: Duration = .seconds(30)
  /// Keys one of which must have signed the snapshot; empty reports the signature unchecked.
  public var trustedKeys: [Ed25519.PublicKey] = []

  public init(snapshotPath: String) {
    self.snapshotPath = snapshotPath
  }

  /// Runs every check that applies. Never throws: failures are in the report.
  public func verify() -> VerifyReport {
    var report = VerifyReport(snapshot: snapshotPath)
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(snapshotPath, maximumSize: SnapshotHeader.maximumHeaderSize + SnapshotHeader.maximumRawSize) } catch {
      report.record(.init(name: "format", status: .failed, message: error.description), failing: .error)
      return report
    }
    let file: SnapshotFile
    do {
      file = try SnapshotFile.parse(bytes)
    } catch {
      report.record(.init(name: "format", status: .failed, message: error.description), failing: .invalid)
      for name in ["signature", "compatibility", "staleness", "reproducibility", "expectations"] {
        report.checks.append(.init(name: name, status: .skipped, message: "the file is not a valid snapshot"))
      }
      return report
    }
    report.record(.init(
      name: "format", status: .passed,
      message: "format \(SnapshotHeader.formatVersion), \(file.header.rawSize) byte V8 blob, \(file.header.codec.name) payload, checksums match"),
      failing: .invalid)

    checkSignature(file, into: &report)

    // The config: given, or snapgen.json next to the snapshot.
    var configuration: BuildConfiguration?
    var configProblem: String?
    if let location = locateConfig() {
      report.config = location
      do { configuration = try BuildConfiguration.load(from: location) } catch {
        configProblem = error.description
      }
    } else if configPath != nil {
      configProblem = "no snapgen.json at \(configPath!)"
    }

    // V8 for this process: the runtime's flags, fixed seeds (harmless for booting).
    let flags = v8Flags ?? configuration?.v8Flags ?? []
    do { try V8Engine.initialize(flags: flags, fixedSeeds: true) } catch {
      report.record(.init(name: "compatibility", status: .failed, message: error.message), failing: .error)
      return report
    }
    let manifest: OpManifest
    do { manifest = try configuration?.opManifest() ?? .standard } catch {
      manifest = .standard
      configProblem = error.description
    }
    var compatible = true
    do {
      try file.checkCompatibility(with: .current(ops: manifest))
      report.record(.init(
        name: "compatibility", status: .passed,
        message: "V8 \(file.metadata.v8Version), \(file.metadata.platform), flags \(flags.isEmpty ? "(none)" : flags.joined(separator: " ")), \(file.metadata.ops.count) ops"),
        failing: .incompatible)
    } catch {
      compatible = false
      report.record(.init(name: "compatibility", status: .failed, message: error.description), failing: .incompatible)
    }

    checkBase(file, configuration: configuration, flags: flags, manifest: manifest, into: &report)
    checkStaleness(file, configuration: configuration, problem: configProblem, into: &report)
    checkReproducibility(bytes, configuration: configuration, problem: configProblem, into: &report)
    checkExpectations(file, manifest: manifest, compatible: compatible, into: &report)
    return report
  }

  // MARK: - Signature

  func checkSignature(_ file: SnapshotFile, into report: inout VerifyReport) {
    let signer = file.signature.map { "key \(SnapshotSignature.fingerprint(of: $0.publicKey))" }
    guard !trustedKeys.isEmpty else {
      report.checks.append(.init(
        name: "signature", status: .skipped,
        message: signer.map { "signed by \($0); pass --trusted-key to check it" } ?? "not signed; pass --trusted-key to require a signature"))
      return
    }
    do {
      try file.checkSignature(trustedKeys: trustedKeys)
      report.record(.init(name: "signature", status: .passed, message: "signed by trusted \(signer ?? "key")"), failing: .untrusted)
    } catch {
      report.record(.init(name: "signature", status: .failed, message: error.description), failing: .untrusted)
    }
  }

  /// The config file to use, if one exists.
  func locateConfig() -> String? {
    let candidate = FilePaths.absolute(configPath ?? FilePaths.directory(of: FilePaths.canonical(snapshotPath) ?? snapshotPath))
    switch FilePaths.kind(of: candidate) {
    case .file: return candidate
    case .directory:
      let inside = FilePaths.join(candidate, "snapgen.json")
      return FilePaths.kind(of: inside) == .file ? inside : nil
    case .missing: return nil
    }
  }

  // MARK: - Staleness

  func checkStaleness(
    _ file: SnapshotFile, configuration: BuildConfiguration?, problem: String?, into report: inout VerifyReport
  ) {
    guard let configuration else {
      if let problem {
        report.record(.init(name: "staleness", status: .failed, message: problem), failing: .error)
      } else {
        report.checks.append(.init(
          name: "staleness", status: .skipped,
          message: "no snapgen.json next to the snapshot; pass --config to check the sources"))
      }
      return
    }
    let metadata = file.metadata
    var stale = VerifyReport.StaleModules()
    var baseRecord: SnapshotMetadata.BaseRecord?
    let graph: ModuleGraph
    do {
      graph = try configuration.resolveGraph(withBase: &baseRecord)
    } catch {
      // Sources that no longer resolve are stale; name the recorded modules that are gone.
      stale.removed = metadata.modules.map(\.name).filter {
        FilePaths.kind(of: FilePaths.join(configuration.root, $0)) == .missing
      }
      report.staleModules = stale
      report.record(.init(
        name: "staleness", status: .failed, message: "the sources no longer build: " + summary(stale),
        details: error.diagnostics.map(\.description)), failing: .stale)
      return
    }
    let digest = InputDigest.compute(configuration: configuration, graph: graph, base: baseRecord)
    guard digest != metadata.inputDigest else {
      report.record(.init(
        name: "staleness", status: .passed, message: "up to date with \(graph.modules.count) modules (input digest \(digest.prefix(12)))"),
        failing: .stale)
      return
    }
    let recorded = Dictionary(metadata.modules.map { ($0.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    let current = Dictionary(graph.modules.map { ($0.name, InputDigest.sha256($0.source)) }, uniquingKeysWith: { a, _ in a })
    stale.changed = metadata.modules.map(\.name).filter { current[$0] != nil && current[$0] != recorded[$0] }
    stale.added = graph.evaluationOrder.filter { graph.modules[$0].kind != .base }.map { graph.modules[$0].name }.filter { recorded[$0] == nil }
    stale.removed = metadata.modules.map(\.name).filter { current[$0] == nil }
    let sameModules = stale.changed.isEmpty && stale.added.isEmpty && stale.removed.isEmpty
    stale.configurationChanged = sameModules || metadata.snapgenVersion != SnapgenVersion.current
    report.staleModules = stale
    report.record(.init(name: "staleness", status: .failed, message: "stale: " + summary(stale)), failing: .stale)
  }

  func summary(_ stale: VerifyReport.StaleModules) -> String {
    var parts: [String] = []
    if !stale.changed.isEmpty { parts.append("changed \(stale.changed.joined(separator: ", "))") }
    if !stale.added.isEmpty { parts.append("added \(stale.added.joined(separator: ", "))") }
    if !stale.removed.isEmpty { parts.append("removed \(stale.removed.joined(separator: ", "))") }
    if stale.configurationChanged { parts.append("the config, entry points or snapgen version changed") }
    return parts.isEmpty ? "the module graph changed" : parts.joined(separator: "; ")
  }

  // MARK: - Reproducibility

  func checkReproducibility(
    _ bytes: [UInt8], configuration: BuildConfiguration?, problem: String?, into report: inout VerifyReport
  ) {
    guard rebuild else {
      report.checks.append(.init(name: "reproducibility", status: .skipped, message: "pass --rebuild to rebuild and compare"))
      return
    }
    guard let configuration, let executable else {
      report.record(.init(
        name: "reproducibility", status: .failed,
        message: problem ?? (configuration == nil ? "--rebuild needs the snapshot's snapgen.json (pass --config)" : "no executable to rebuild with")),
        failing: .error)
      return
    }
    let rebuilt: [UInt8]
    do {
      rebuilt = try IsolatedBuild(configuration: configuration, executable: executable).build().file.serialized()
    } catch {
      report.record(.init(
        name: "reproducibility", status: .failed, message: "the rebuild failed",
        details: error.diagnostics.map(\.description)), failing: .error)
      return
    }
    guard let difference = SnapshotDifference.compare(bytes, rebuilt) else {
      report.record(.init(
        name: "reproducibility", status: .passed, message: "a rebuild in a fresh process gives identical bytes (\(bytes.count))"),
        failing: .nonReproducible)
      return
    }
    report.firstDifference = difference
    var details: [String] = []
    if report.staleModules != VerifyReport.StaleModules() {
      details.append("the snapshot is stale, so a rebuild from the current sources is expected to differ")
    }
    report.record(.init(
      name: "reproducibility", status: .failed, message: "a rebuild gives other bytes: \(difference)", details: details),
      failing: .nonReproducible)
  }

  // MARK: - Expectations

  func checkExpectations(_ file: SnapshotFile, manifest: OpManifest, compatible: Bool, into report: inout VerifyReport) {
    guard !expectations.isEmpty else {
      report.checks.append(.init(name: "expectations", status: .skipped, message: "no --expect expressions"))
      return
    }
    guard compatible else {
      report.checks.append(.init(name: "expectations", status: .skipped, message: "the snapshot cannot boot here"))
      return
    }
    let runtime: JSRuntime
    do { runtime = try JSRuntime.boot(from: file, ops: Self.registry(for: manifest)) } catch {
      report.record(.init(name: "expectations", status: .failed, message: "cannot boot: \(error)"), failing: .expectationFailed)
      return
    }
    var failures: [String] = []
    for expression in expectations {
      // The value is awaited (a promise's result is what counts), with timers and async ops
      // run, under a time limit: an expression that never settles or loops forever fails.
      let probe = """
        (async () => { const value = await (
        \(expression)
        ); let text; try { text = String(value); } catch { text = typeof value; } return (value ? "T" : "F") + text; })()
          .then((r) => { globalThis[Symbol.for("snapgen.expect")] = r; },
                (e) => { let t; try { t = String(e); } catch { t = typeof e; } globalThis[Symbol.for("snapgen.expect")] = "E" + t; });
        """
      var outcome = VerifyReport.Expectation(expression: expression, passed: false, result: "")
      let timedOut = runtime.withTimeLimit(expectationTimeLimit) {
        do throws(JSException) {
          try runtime.evaluate(probe, name: "<expect>")
          try runtime.runEventLoop()
          let result = try runtime.evaluate(
            "(() => { const r = globalThis[Symbol.for('snapgen.expect')]; delete globalThis[Symbol.for('snapgen.expect')]; return r ?? 'U'; })()",
            name: "<expect>")
          switch result.first {
          case "T": outcome = .init(expression: expression, passed: true, result: String(result.dropFirst()))
          case "F", "E": outcome = .init(expression: expression, passed: false, result: String(result.dropFirst()))
          default: outcome = .init(expression: expression, passed: false, result: "the promise never settled")
          }
        } catch {
          outcome = .init(expression: expression, passed: false, result: error.message)
        }
      }
      if timedOut {
        outcome = .init(
          expression: expression, passed: false,
          result: "did not finish within \(expectationTimeLimit.components.seconds) s and was stopped")
      }
      report.expectations.append(outcome)
      if !outcome.passed { failures.append("\(expression) → \(outcome.result)") }
    }
    if failures.isEmpty {
      report.record(.init(name: "expectations", status: .passed, message: "\(expectations.count) expressions are truthy"), failing: .expectationFailed)
    } else {
      report.record(.init(
        name: "expectations", status: .failed,
        message: "\(failures.count) of \(expectations.count) expressions are not truthy", details: failures),
        failing: .expectationFailed)
    }
  }

  /// The standard ops, or stubs (of each op's declared kind) that throw for a snapshot built
  /// with its own op table.
  static func registry(for manifest: OpManifest) -> OpRegistry {
    if manifest == .standard { return .standard }
    return .stubs(for: manifest) { "op \($0) is not available in snapgen verify" }
  }

}
