import ArgumentParser
import BundleResolver
import Foundation
import SnapshotKit

/// `snapgen build`: internal JS in, snapshot.bin out.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Resolve the module graph, evaluate it in a snapshot isolate and write snapshot.bin.")

  @OptionGroup var inputOptions: InputOptions

  @Option(name: .shortAndLong, help: "Where to write the snapshot (written atomically).")
  var output: String = "snapshot.bin"

  @Option(name: .customLong("v8-flag"), help: "V8 flag to build with (repeatable); runtimes must use the same set.")
  var v8Flags: [String] = []

  @Option(help: "keep: store bytecode; clear: recompile lazily after boot.")
  var functionCode: String?

  @Option(help: "Payload codec: lz4 (fastest boot), zlib (smallest) or none.")
  var compression: String?

  @Flag(help: "Print a JSON summary on stdout.")
  var json = false

  @Option(help: "Also write a Make-syntax depfile listing every input file (modules, package.json files, import map, config).")
  var depfile: String?

  @OptionGroup var diagnostics: DiagnosticOptions

  @Option(help: "Seconds the build may take before it is stopped (the JS may never finish).")
  var timeout: Int = 300

  @OptionGroup var pluginMode: PluginMode

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let configuration: BuildConfiguration
    do { configuration = try makeConfiguration() } catch { throw diagnostics.fail(pluginMode.present(error.diagnostics)) }
    // Resolve here first: resolution errors and warnings come without starting a child, and the
    // graph gives the depfile its inputs. V8 then evaluates and serialises in a child process,
    // so a FATAL or a crash in the serialiser becomes a diagnostic.
    let graph: ModuleGraph
    do {
      graph = try SnapshotBuilder(configuration: configuration).resolveGraph()
      if let folder = pluginMode.inputsWithin {
        try PluginMode.confine(graph, to: folder, configuration: configuration)
      }
    } catch {
      throw diagnostics.fail(pluginMode.present(error.diagnostics))
    }
    let file: SnapshotFile
    do {
      var build = IsolatedBuild(configuration: configuration, executable: Terminal.selfExecutable)
      build.timeout = .seconds(max(1, timeout))
      file = try build.build()
    } catch {
      throw diagnostics.fail(pluginMode.present(error.diagnostics))
    }
    diagnostics.print(graph.warnings)
    if let depfile {
      do {
        let text = Depfile.render(target: output, inputs: graph.inputFiles + (configuration.warmup.map { [$0] } ?? []))
        _ = try AtomicFileWriter.write(Array(text.utf8), to: depfile)
      } catch {
        throw diagnostics.fail([.error("cannot write the depfile: \(error)", file: depfile)])
      }
    }
    let outcome: AtomicFileWriter.Outcome
    do {
      if pluginMode.plugin {
        try FileManager.default.createDirectory(atPath: FilePaths.directory(of: output), withIntermediateDirectories: true)
      }
      outcome = try AtomicFileWriter.write(file.serialized(), to: output, beforeRename: Terminal.testingStallBeforeRename)
    } catch let error as AtomicFileWriter.WriteError {
      throw diagnostics.fail(pluginMode.present([.error(error.description)]))
    } catch {
      throw diagnostics.fail(pluginMode.present([.error("\(error)", file: output)]))
    }
    if pluginMode.plugin { return }
    let elapsed = (clock.now - start).milliseconds
    let header = file.header
    let moduleCount = file.metadata.modules.count
    if json {
      let summary: [String: Any] = [
        "output": output, "written": outcome == .written, "modules": moduleCount,
        "rawSize": header.rawSize, "storedSize": header.storedSize, "codec": header.codec.name,
        "inputDigest": file.metadata.inputDigest, "milliseconds": elapsed,
      ]
      let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
      Terminal.out(String(decoding: data, as: UTF8.self))
    } else {
      let ratio = header.rawSize > 0 ? Double(header.storedSize) * 100 / Double(header.rawSize) : 0
      let verb = outcome == .written ? "wrote" : "unchanged"
      Terminal.out(
        "\(verb) \(output): \(moduleCount) modules, \(Double.byteCount(header.rawSize)) V8 blob → \(Double.byteCount(header.storedSize)) \(header.codec.name) (\(String(format: "%.0f", ratio))%) in \(String(format: "%.0f", elapsed)) ms")
    }
  }

  private func makeConfiguration() throws(DiagnosticError) -> BuildConfiguration {
    var configuration = try inputOptions.configuration()
    if !v8Flags.isEmpty { configuration.v8Flags = v8Flags }
    if let functionCode {
      guard let mode = BuildOptions.FunctionCode(rawValue: functionCode) else {
        throw DiagnosticError([.error("--function-code must be keep or clear")])
      }
      configuration.options.functionCode = mode
    }
    if let compression {
      guard let codec = PayloadCodec(name: compression) else {
        throw DiagnosticError([.error("--compression must be lz4, zlib or none")])
      }
      configuration.options.codec = codec
    }
    return configuration
  }

}
