import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// `snapgen anatomy`: where a snapshot's heap, bytes and boot time go, module by module.
struct AnatomyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "anatomy",
    abstract: "Show which modules a snapshot's heap, blob bytes and boot time go to.",
    discussion: """
      Builds the input twice in child processes (as snapgen build does, and once more with a V8 heap \
      snapshot and V8's serialisation statistics taken just before serialising), attributes every \
      heap object to the module whose code, closures or namespace alone retain it, and boots the \
      snapshot to measure its phases. Text on stdout by default; --json for machines; --html for a \
      self-contained report.
      """)

  @OptionGroup var inputOptions: InputOptions

  @Flag(help: "Print the report as JSON on stdout.")
  var json = false

  @Option(help: "Also write a self-contained HTML report here (written atomically).")
  var html: String?

  @Option(help: "Also write the raw V8 heap snapshot here (opens in Chrome DevTools' Memory tab).")
  var heapSnapshot: String?

  @Option(parsing: .unconditional, help: "Warm boots to measure for the boot estimate and histogram (0: none).")
  var boots: Int = 30

  @Option(help: "A snapgen bench --json report whose warm-boot phases to use.")
  var bench: String?

  @Option(parsing: .unconditional, help: "Seconds each build may take before it is stopped.")
  var timeout: Int = 300

  @OptionGroup var diagnostics: DiagnosticOptions

  func validate() throws {
    guard (0...10_000).contains(boots) else { throw ValidationError("--boots must be from 0 to 10000, not \(boots)") }
    guard (1...604_800).contains(timeout) else {
      throw ValidationError("--timeout must be from 1 to 604800 seconds (a week), not \(timeout)")
    }
  }

  func run() throws {
    let report: AnatomyReport
    do throws(DiagnosticError) {
      var anatomy = SnapshotAnatomy(configuration: try inputOptions.configuration(), executable: Terminal.selfExecutable)
      anatomy.timeout = .seconds(timeout)
      anatomy.boots = boots
      if let bench { anatomy.bench = try Self.loadBench(bench) }
      anatomy.heapSnapshotDestination = heapSnapshot
      anatomy.htmlDestination = html
      report = try anatomy.run()
    } catch {
      throw diagnostics.fail(error.diagnostics)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      Terminal.out(report.text)
    }
  }

  private static func loadBench(_ path: String) throws(DiagnosticError) -> BenchReport {
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch { throw DiagnosticError([.error(error.reason, file: path)]) }
    do { return try JSONDecoder().decode(BenchReport.self, from: Data(bytes)) } catch {
      throw DiagnosticError([.error("not a snapgen bench --json report: \(error)", file: path)])
    }
  }
}
