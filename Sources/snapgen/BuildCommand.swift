import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
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

  @Option(parsing: .unconditional, help: "Seconds the build may take before it is stopped (the JS may never finish).")
  var timeout: Int = 300

  @Option(help: ArgumentHelp("Sign the snapshot with this private key (snapgen keygen).", valueName: "key-file"))
  var sign: String?

  @OptionGroup var pluginMode: PluginMode

  @Option(help: ArgumentHelp("Build on top of this runtime snapshot (an app snapshot; overrides \"base\" in snapgen.json).", valueName: "snapshot.bin"))
  var base: String?

  @Option(name: .customLong("base-trusted-key"), help: ArgumentHelp("Accept only a base signed by this public key (repeatable).", valueName: "key.pub"))
  var baseTrustedKeys: [String] = []

  @OptionGroup var cacheOptions: CacheOptions

  func validate() throws {
    guard (1...604_800).contains(timeout) else {
      throw ValidationError("--timeout must be from 1 to 604800 seconds (a week), not \(timeout)")
    }
  }

  func run() throws {
    let start = ContinuousClock.now
    let output: BuildOutput
    let outcome: AtomicFileWriter.Outcome
    do {
      var pipeline = SnapshotPipeline(configuration: try makeConfiguration())
      pipeline.cacheSettings = try cacheOptions.settings(configuredRemoteURL: pipeline.configuration.remoteCache)
      pipeline.isolation = .childProcess(executable: Terminal.selfExecutable, timeout: .seconds(timeout))
      if let sign { try pipeline.sign(withKeyFile: sign) }
      output = try pipeline.run()
      diagnostics.print(pluginMode.present(output.warnings))
      outcome = try output.write(
        to: self.output, depfile: depfile, createFolder: pluginMode.plugin, beforeRename: Terminal.testingStallBeforeRename)
    } catch {
      throw diagnostics.fail(pluginMode.present(error.diagnostics))
    }
    if pluginMode.plugin { return }
    let elapsed = (ContinuousClock.now - start).milliseconds
    var summary = BuildSummary(output: self.output, file: output.file, outcome: outcome, milliseconds: elapsed)
    summary.cache = output.cache
    Terminal.out(json ? try summary.json() : summary.text)
  }

  private func makeConfiguration() throws(DiagnosticError) -> BuildConfiguration {
    var configuration = try inputOptions.configuration(confinedTo: pluginMode.inputsWithin)
    if !v8Flags.isEmpty { configuration.v8Flags = v8Flags }
    if let base { configuration.base = FilePaths.absolute(base) }
    try pluginMode.checkPlannedBase(of: configuration)
    if configuration.base == nil, let target = configuration.baseTarget {
      throw DiagnosticError([
        .error(
          "'base' names the SwiftPM target '\(target)', whose snapshot SnapgenBuildPlugin builds; outside the plugin, give that snapshot with --base snapshot.bin",
          file: configuration.configPath.map(FilePaths.display))
      ])
    }
    if !baseTrustedKeys.isEmpty { configuration.baseTrustedKeys = baseTrustedKeys.map(FilePaths.absolute) }
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
