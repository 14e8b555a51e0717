import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// How `snapgen build` behaves when SwiftPM's build plugin runs it: diagnostics with absolute
/// paths (SwiftPM shows the tool's stderr verbatim, and editors open absolute locations), the
/// output folder created, no summary on success, and every input confined to the target folder.
struct PluginMode: ParsableArguments {
  @Flag(help: ArgumentHelp(
    "Build-plugin mode: absolute paths in diagnostics, the output's folder created, no summary."))
  var plugin = false

  @Option(help: ArgumentHelp(
    "Refuse, before reading it, any input outside this folder (SwiftPM tracks only inputs inside a target's folder).",
    valueName: "folder"))
  var inputsWithin: String?

  @Option(help: ArgumentHelp(
    "Build-plugin mode: the base target SwiftPM's build plan names (\"base\": \"target:Name\"); a config that now names another fails.",
    valueName: "name"))
  var baseTarget: String?

  /// In plugin mode, fails when the config's `"base": "target:…"` is not the one the plugin saw
  /// when SwiftPM planned the build: SwiftPM asks a build plugin for its commands only when it
  /// re-plans, not when an input's contents change, so the `--base` it passes would be stale.
  func checkPlannedBase(of configuration: BuildConfiguration) throws(DiagnosticError) {
    guard plugin, configuration.baseTarget != baseTarget else { return }
    func describe(_ target: String?) -> String { target.map { "target '\($0)'" } ?? "no target" }
    throw DiagnosticError([
      .error(
        "'base' names \(describe(configuration.baseTarget)), but SwiftPM planned this build when it named \(describe(baseTarget)); "
          + "SwiftPM asks build plugins for their commands only when it re-plans a build: touch Package.swift and build again",
        file: configuration.configPath.map(FilePaths.absolute))
    ])
  }

  /// The diagnostics to print: in plugin mode their files and import chains carry absolute paths.
  func present(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard plugin else { return diagnostics }
    let importedFrom = "imported from "
    return diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.file = diagnostic.file.map(FilePaths.absolute)
      diagnostic.notes = diagnostic.notes.map { note in
        guard note.hasPrefix(importedFrom) else { return note }
        return importedFrom + FilePaths.absolute(String(note.dropFirst(importedFrom.count)))
      }
      return diagnostic
    }
  }
}
