import ArgumentParser
import BundleResolver
import Foundation
import SnapshotKit

/// `snapgen run`: boot a runtime from a snapshot and run a script or expression in it.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Boot from a snapshot and run an ES module script or an expression.")

  @Option(name: .shortAndLong, help: "The snapshot to boot from.")
  var snapshot: String = "snapshot.bin"

  @Argument(help: "An ES module to run (its relative imports are resolved).")
  var script: String?

  @Option(name: .shortAndLong, help: "An expression to evaluate after boot; its value is printed.")
  var eval: String?

  @Option(name: .customLong("v8-flag"), help: "V8 flag (repeatable); must match the snapshot's.")
  var v8Flags: [String] = []

  @Flag(help: "Print the boot phases on stderr.")
  var timing = false

  func validate() throws {
    if script == nil && eval == nil {
      throw ValidationError("give a script to run or --eval 'expression'")
    }
  }

  func run() throws {
    do { try V8Engine.initialize(flags: v8Flags) } catch {
      Terminal.error("error: \(error)")
      throw ExitCode.failure
    }
    let runtime: JSRuntime
    do { runtime = try JSRuntime.boot(snapshotAt: snapshot) } catch {
      throw Terminal.fail(error, snapshot: snapshot)
    }
    if timing {
      let phases = runtime.timings.phases.map { "\($0.name) \(String(format: "%.3f", $0.milliseconds)) ms" }
      Terminal.error("boot: " + phases.joined(separator: ", ") + String(format: "; total %.3f ms", runtime.timings.total.milliseconds))
    }
    if let script {
      do {
        let parser = try ModuleSourceParser()
        let folder = FilePaths.directory(of: FilePaths.canonical(script) ?? script)
        let graph = try ModuleGraphBuilder(root: folder, entryPoints: [FilePaths.canonical(script) ?? script]).build(parser: parser)
        try runtime.run(graph)
      } catch let error as DiagnosticError {
        throw Terminal.fail(error.diagnostics)
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode.failure
      }
    }
    if let eval {
      do { Terminal.out(try runtime.evaluate(eval, name: "<eval>")) } catch {
        throw Terminal.fail([error.diagnostic()])
      }
    }
  }
}
