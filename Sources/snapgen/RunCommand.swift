import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapgenCrypto
import SnapshotKit

/// `snapgen run`: boot a runtime from a snapshot and run a script or expression in it.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Boot from a snapshot and run an ES module script or an expression.",
    discussion: """
      The script runs until its timers and async operations are done, then snapgen exits with \
      the code the script passed to runtime.exit(), or 0. An uncaught exception or unhandled \
      promise rejection is reported with its location and exits with 1.
      """)

  @Option(name: .shortAndLong, help: "The snapshot to boot from. Default: the one that shipped with InternalJS.")
  var snapshot: String?

  @Option(help: ArgumentHelp(
    "Instead of a snapshot, evaluate the internal JS of this folder (or snapgen.json) from source.",
    discussion: "For comparison: the runtime a snapshot replaces."))
  var fromSources: String?

  @Option(name: .customLong("trusted-key"), help: "Boot only a snapshot signed by this public key (repeatable; snapgen keygen).")
  var trustedKeys: [String] = []

  @Option(name: .shortAndLong, help: "An expression to evaluate after boot; its value is printed.")
  var eval: String?

  @Option(name: .customLong("v8-flag"), help: "V8 flag (repeatable); must match the snapshot's.")
  var v8Flags: [String] = []

  @Flag(help: "Print the boot phases on stderr.")
  var timing = false

  @Flag(name: .customLong("throw-sites"), help: "Record where values are thrown, so that an uncaught error names its throw site (slower).")
  var throwSites = false

  @Argument(help: "An ES module to run (its relative imports are resolved).")
  var script: String?

  @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (runtime.args).")
  var scriptArguments: [String] = []

  func validate() throws {
    if script == nil && eval == nil && snapshot == nil {
      throw ValidationError("give a script to run or --eval 'expression' (an app snapshot with a main function runs as: snapgen run app.snapshot.bin [args…])")
    }
  }

  /// `snapgen run app.snapshot.bin [args…]`: the first argument is a snapshot file, not a
  /// script, when it starts with snapgen's magic bytes or is named `*.bin` (so an emptied or
  /// damaged app snapshot is refused as a snapshot instead of running as an empty module).
  private var appSnapshot: String? {
    guard snapshot == nil, fromSources == nil, let script else { return nil }
    if script.hasSuffix(".bin") && FilePaths.kind(of: script) == .file { return script }
    guard let prefix = try? FileBytes.readPrefix(script, count: SnapshotHeader.magic.count),
      prefix.bytes == SnapshotHeader.magic
    else { return nil }
    return script
  }

  func run() throws {
    do { try V8Engine.initialize(flags: v8Flags) } catch {
      Terminal.error("error: \(error)")
      throw ExitCode.failure
    }
    let runtime: JSRuntime
    let appSnapshot = self.appSnapshot
    let script = appSnapshot == nil ? self.script : nil
    let ops = OpRegistry.standard(arguments: scriptArguments)
    var main: SnapshotMetadata.MainRecord?
    if let fromSources {
      do {
        let configuration = try BuildConfiguration.load(from: fromSources)
        let graph = try configuration.resolveGraph()
        runtime = try JSRuntime.fromSources(graph, ops: ops)
      } catch let error as DiagnosticError {
        throw Terminal.fail(error.diagnostics)
      } catch let error as RuntimeError {
        throw Terminal.fail(error, snapshot: fromSources)
      }
    } else {
      let snapshot = try appSnapshot ?? snapshot ?? ShippedSnapshot.path()
      var keys: [Ed25519.PublicKey] = []
      for path in trustedKeys {
        do { keys.append(try SigningKeyFile.readPublicKey(path)) } catch {
          Terminal.error("\(error.path): error: \(error.reason)")
          throw ExitCode.failure
        }
      }
      do {
        if script == nil && eval == nil {
          // An app snapshot: its header names the main function to call.
          let file: SnapshotFile
          do { file = try SnapshotFile.load(contentsOf: snapshot) } catch {
            switch error {
            case .invalid(let problem): throw RuntimeError.snapshot(problem)
            case .unreadable(let problem): throw RuntimeError.io("cannot read snapshot \(snapshot): \(problem.reason)")
            }
          }
          guard let function = file.metadata.main else {
            Terminal.error("\(snapshot): error: the snapshot has no main function (\"main\" in snapgen.json); give a script or --eval")
            throw ExitCode.failure
          }
          main = function
          runtime = try JSRuntime.boot(from: file, ops: ops, trustedKeys: keys)
        } else {
          runtime = try JSRuntime.boot(snapshotAt: snapshot, ops: ops, trustedKeys: keys)
        }
      } catch let error as RuntimeError {
        throw Terminal.fail(error, snapshot: snapshot)
      }
    }
    if throwSites {
      do { try runtime.recordThrowSites() } catch { throw Terminal.fail(error, snapshot: snapshot ?? "") }
    }
    if timing {
      let phases = runtime.timings.phases.map { "\($0.name) \(String(cFormat: "%.3f", $0.milliseconds)) ms" }
      Terminal.error("boot: " + phases.joined(separator: ", ") + String(cFormat: "; total %.3f ms", runtime.timings.total.milliseconds))
    }
    if let eval {
      do {
        let value = try runtime.evaluate(eval, name: "<eval>")
        if let code = runtime.exitCode { throw ExitCode(code) }
        Terminal.out(value)
        try runtime.runEventLoop()
      } catch let error as JSException {
        if let code = runtime.exitCode { throw ExitCode(code) }
        throw Terminal.fail([withThrowSiteHint(error.diagnostic())])
      }
      if let code = runtime.exitCode { throw ExitCode(code) }
    }
    if let main {
      let code: Int32
      let started = ContinuousClock.now
      do { code = try runtime.runMain(function: main, arguments: scriptArguments) } catch {
        throw Terminal.fail(error.diagnostics)
      }
      if timing { Terminal.error(String(cFormat: "main: %.3f ms", (ContinuousClock.now - started).milliseconds)) }
      if code != 0 { throw ExitCode(code) }
    }
    if let script {
      let code: Int32
      let started = ContinuousClock.now
      defer {
        if timing { Terminal.error(String(cFormat: "script (resolve, evaluate, run): %.3f ms", (ContinuousClock.now - started).milliseconds)) }
      }
      // A missing or unreadable script is not a thrown value: no --throw-sites hint for it.
      let scriptIsFile = FilePaths.kind(of: script) == .file
      do {
        code = try runtime.runMain(scriptAt: script)
      } catch {
        throw Terminal.fail(scriptIsFile ? error.diagnostics.map(withThrowSiteHint) : error.diagnostics)
      }
      if code != 0 { throw ExitCode(code) }
    }
  }

  /// A diagnostic without a location gets a note on how to find where its value was thrown.
  private func withThrowSiteHint(_ diagnostic: Diagnostic) -> Diagnostic {
    guard !throwSites, diagnostic.file == nil, diagnostic.severity == .error else { return diagnostic }
    var hinted = diagnostic
    hinted.notes.append("note: run again with --throw-sites to see where the value was thrown")
    return hinted
  }
}
