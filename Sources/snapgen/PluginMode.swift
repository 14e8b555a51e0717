import ArgumentParser
import BundleResolver
import Foundation
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
