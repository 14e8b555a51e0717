import BundleResolver
import Foundation
import SnapshotKit

/// Inputs shared by the benchmarks: the internal-js snapshot and graph, and generated trees.
enum Fixtures {
  /// The repository's internal-js folder.
  static let internalJS: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url = url.deletingLastPathComponent() }
    return url.appendingPathComponent("internal-js").path
  }()

  static let scratch: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-bench-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  static func configuration() throws -> BuildConfiguration {
    try BuildConfiguration.load(from: internalJS)
  }

  /// internal-js built once per process and written to disk, as a runtime would ship it.
  static let snapshotPath: String = {
    let path = scratch + "/internal-js.snapshot.bin"
    do {
      try V8Engine.initialize(flags: [], fixedSeeds: true)
      let file = try SnapshotBuilder(configuration: configuration()).build().file
      try AtomicFileWriter.write(file.serialized(), to: path)
    } catch {
      fatalError("cannot build the internal-js snapshot for benchmarking: \(error)")
    }
    return path
  }()

  static let internalGraph: ModuleGraph = {
    do { return try configuration().resolveGraph() } catch {
      fatalError("cannot resolve internal-js: \(error)")
    }
  }()

  /// A generated module tree: `count` modules, each importing up to three later ones (and every
  /// 50th importing an earlier one, making cycles). Returns its folder.
  static func generatedTree(modules count: Int) -> String {
    let root = scratch + "/tree-\(count)"
    if FileManager.default.fileExists(atPath: root + "/m0.js") { return root }
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for index in 0..<count {
      var lines: [String] = []
      for step in [1, 7, 31] where index + step < count { lines.append("import './m\(index + step).js';") }
      if index % 50 == 49 { lines.append("import './m\(index - 40).js';") }
      lines.append("export const value\(index) = \(index);")
      try? lines.joined(separator: "\n").write(toFile: root + "/m\(index).js", atomically: false, encoding: .utf8)
    }
    return root
  }
}
