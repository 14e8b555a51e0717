import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// Where the module graph comes from: a folder with snapgen.json, a config file, or `--entry`
/// modules. Shared by `build` and `graph`.
struct InputOptions: ParsableArguments {
  @Argument(help: "A folder with snapgen.json, or a config file. Default: the current folder.")
  var input: String = "."

  @Option(name: .customLong("entry"), help: "Entry module (repeatable); replaces the config's entryPoints. With no snapgen.json, the folder is the root.")
  var entryPoints: [String] = []

  /// The configuration these options describe (see ``BuildConfiguration/locate(_:entryPoints:confinedTo:)``).
  func configuration(confinedTo folder: String? = nil) throws(DiagnosticError) -> BuildConfiguration {
    try BuildConfiguration.locate(input, entryPoints: entryPoints, confinedTo: folder)
  }
}

/// `--diagnostics-format text|json`.
struct DiagnosticOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "How diagnostics are printed on stderr: text (path:line:col: error: message) or json.")
  var diagnosticsFormat: Format = .text

  /// Prints diagnostics (errors or warnings) in the chosen format; nothing when empty.
  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    switch diagnosticsFormat {
    case .text:
      for diagnostic in diagnostics { Terminal.error(diagnostic.description) }
    case .json:
      Terminal.error(Diagnostic.renderJSON(diagnostics))
    }
  }

  /// Prints the diagnostics and returns the failure exit code.
  func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
    print(diagnostics)
    return ExitCode.failure
  }
}
