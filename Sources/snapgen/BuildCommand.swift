import ArgumentParser
import BundleResolver
import Foundation
import SnapshotKit

/// `snapgen build`: internal JS in, snapshot.bin out.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Resolve the module graph, evaluate it in a snapshot isolate and write snapshot.bin.")

  @Argument(help: "A folder with snapgen.json, or a config file. Default: the current folder.")
  var input: String = "."

  @Option(name: .shortAndLong, help: "Where to write the snapshot (written atomically).")
  var output: String = "snapshot.bin"

  @Option(name: .customLong("entry"), help: "Entry module (repeatable); replaces the config's entryPoints. With no snapgen.json, the folder is the root.")
  var entryPoints: [String] = []

  @Option(name: .customLong("v8-flag"), help: "V8 flag to build with (repeatable); runtimes must use the same set.")
  var v8Flags: [String] = []

  @Option(help: "keep: store bytecode; clear: recompile lazily after boot.")
  var functionCode: String?

  @Option(help: "Payload codec: zlib or none.")
  var compression: String?

  @Flag(help: "Print a JSON summary on stdout.")
  var json = false

  @OptionGroup var pluginMode: PluginMode

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let configuration: BuildConfiguration
    do { configuration = try makeConfiguration() } catch { throw Terminal.fail(pluginMode.present(error.diagnostics)) }
    let result: SnapshotBuilder.Result
    let outcome: AtomicFileWriter.Outcome
    do {
      (result, outcome) = try pluginMode.build(SnapshotBuilder(configuration: configuration), writingTo: output)
    } catch {
      throw Terminal.fail(pluginMode.present(error.diagnostics))
    }
    if pluginMode.plugin { return }
    let elapsed = (clock.now - start).milliseconds
    let header = result.file.header
    if json {
      let summary: [String: Any] = [
        "output": output, "written": outcome == .written, "modules": result.graph.modules.count,
        "rawSize": header.rawSize, "storedSize": header.storedSize, "codec": header.codec.name,
        "inputDigest": result.file.metadata.inputDigest, "milliseconds": elapsed,
      ]
      let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
      Terminal.out(String(decoding: data, as: UTF8.self))
    } else {
      let ratio = header.rawSize > 0 ? Double(header.storedSize) * 100 / Double(header.rawSize) : 0
      let verb = outcome == .written ? "wrote" : "unchanged"
      Terminal.out(
        "\(verb) \(output): \(result.graph.modules.count) modules, \(Double.byteCount(header.rawSize)) V8 blob → \(Double.byteCount(header.storedSize)) \(header.codec.name) (\(String(format: "%.0f", ratio))%) in \(String(format: "%.0f", elapsed)) ms")
    }
  }

  private func makeConfiguration() throws(DiagnosticError) -> BuildConfiguration {
    var configuration: BuildConfiguration
    let hasConfig = FilePaths.kind(of: input) == .file
      || FilePaths.kind(of: FilePaths.join(absolute(input), "snapgen.json")) == .file
    if hasConfig {
      configuration = try BuildConfiguration.load(from: input)
      if !entryPoints.isEmpty { configuration.entryPoints = entryPoints }
    } else if !entryPoints.isEmpty {
      configuration = BuildConfiguration(root: absolute(input), entryPoints: entryPoints)
    } else {
      configuration = try BuildConfiguration.load(from: input)  // reports the missing file
    }
    if !v8Flags.isEmpty { configuration.v8Flags = v8Flags }
    if let functionCode {
      guard let mode = BuildOptions.FunctionCode(rawValue: functionCode) else {
        throw DiagnosticError([.error("--function-code must be keep or clear")])
      }
      configuration.options.functionCode = mode
    }
    if let compression {
      guard let codec = PayloadCodec(name: compression) else {
        throw DiagnosticError([.error("--compression must be zlib or none")])
      }
      configuration.options.codec = codec
    }
    return configuration
  }

  private func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
