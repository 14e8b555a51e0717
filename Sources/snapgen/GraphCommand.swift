import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// `snapgen graph`: resolve the module graph and print it, without building a snapshot.
struct GraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Resolve the module graph and print it as text, JSON or Graphviz DOT.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot
  }

  @OptionGroup var inputOptions: InputOptions

  @Option(help: "Output format: text, json or dot.")
  var format: Format = .text

  @Flag(help: "Same as --format json.")
  var json = false

  @Flag(help: "Same as --format dot.")
  var dot = false

  @OptionGroup var diagnostics: DiagnosticOptions

  func validate() throws {
    if json && dot { throw ValidationError("--json and --dot exclude each other") }
  }

  func run() throws {
    let graph: ModuleGraph
    do {
      let configuration = try inputOptions.configuration()
      graph = try configuration.resolveGraph()
    } catch {
      throw diagnostics.fail(error.diagnostics)
    }
    diagnostics.print(graph.warnings)
    switch json ? .json : dot ? .dot : format {
    case .text: Terminal.out(graph.renderText())
    case .json: Terminal.out(try graph.renderJSON())
    case .dot: Terminal.out(graph.renderDOT())
    }
  }
}
