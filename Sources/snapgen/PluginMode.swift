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
    "Fail when a module lies outside this folder (SwiftPM tracks only inputs inside a target's folder).",
    valueName: "folder"))
  var inputsWithin: String?

  /// Builds, checks that every module lies inside `inputsWithin`, then writes `output`; the
  /// existing file stays as it is on any error and when the bytes are the same.
  func build(
    _ builder: SnapshotBuilder, writingTo output: String
  ) throws(DiagnosticError) -> (SnapshotBuilder.Result, AtomicFileWriter.Outcome) {
    guard plugin || inputsWithin != nil else { return try builder.build(writingTo: output) }
    let result = try builder.build()
    if let inputsWithin {
      try Self.confine(result.graph, to: inputsWithin, configuration: builder.configuration)
    }
    do {
      let folder = FilePaths.directory(of: output)
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      return (result, try AtomicFileWriter.write(result.file.serialized(), to: output))
    } catch {
      throw DiagnosticError([.error("\(error)", file: output)])
    }
  }

  /// The diagnostics to print: in plugin mode their files and import chains carry absolute paths.
  func present(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard plugin else { return diagnostics }
    let cwd = FileManager.default.currentDirectoryPath
    func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : FilePaths.join(cwd, path) }
    let importedFrom = "imported from "
    return diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.file = diagnostic.file.map(absolute)
      diagnostic.notes = diagnostic.notes.map { note in
        guard note.hasPrefix(importedFrom) else { return note }
        return importedFrom + absolute(String(note.dropFirst(importedFrom.count)))
      }
      return diagnostic
    }
  }

  /// Reports every module outside `folder` where it enters the graph: at the import that
  /// reaches it from inside, or at the config's entry point.
  static func confine(_ graph: ModuleGraph, to folder: String, configuration: BuildConfiguration) throws(DiagnosticError) {
    let root = FilePaths.canonical(folder) ?? FilePaths.normalize(folder)
    let inside = { (path: String) in FilePaths.relative(path, to: root) != nil }
    let why = "outside the target folder \(root); SwiftPM tracks only inputs inside it, so move the file into that folder"
    var problems: [Diagnostic] = []
    for id in graph.entryPoints where !inside(graph.modules[id].path) {
      let path = graph.modules[id].path
      let location = configuration.configPath.flatMap { config in
        configuration.entryPoints.first { FilePaths.canonical(FilePaths.join(configuration.root, $0)) == path }
          .flatMap { Self.location(of: "\"\($0)\"", inFile: config) }
      }
      problems.append(.error(
        "entry point \(path) is \(why)", file: configuration.configPath.map { FilePaths.display($0) },
        line: location?.line, column: location?.column))
    }
    for importer in graph.modules where inside(importer.path) {
      for edge in importer.imports where !inside(graph.modules[edge.target].path) {
        problems.append(.error(
          "'\(edge.specifier)' resolves to \(graph.modules[edge.target].path), \(why)",
          file: FilePaths.display(importer.path), line: edge.line, column: edge.column))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }

  /// The 1-based line and column of the first occurrence of `text` in a file.
  static func location(of text: String, inFile path: String) -> (line: Int, column: Int)? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let contents = String(decoding: data, as: UTF8.self)
    guard let range = contents.range(of: text) else { return nil }
    let before = contents[..<range.lowerBound]
    let line = before.count(where: { $0 == "\n" }) + 1
    let lineStart = before.lastIndex(of: "\n").map { contents.index(after: $0) } ?? contents.startIndex
    return (line, contents[lineStart..<range.lowerBound].count + 1)
  }
}
