import Foundation
import PackagePlugin

/// A target the plugin can build a snapshot for: a Swift target whose folder holds exactly one
/// `snapgen.json`, with the files that may affect the snapshot.
struct SnapshotTarget {
  /// The target's folder; every input lives inside it.
  var folder: URL
  /// The target's `snapgen.json`.
  var config: URL
  /// Every file under the folder that SwiftPM does not compile, hidden files and folders aside.
  var inputs: [URL]

  init(_ target: any Target) throws(PluginProblem) {
    guard let module = target as? SwiftSourceModuleTarget, module.kind != .macro else {
      throw PluginProblem(
        "SnapgenBuildPlugin can't be applied to target '\(target.name)': it ships snapshot.bin as a resource "
          + "that Swift code loads with Bundle.module, so apply it to a Swift library, executable or test target")
    }
    folder = module.directoryURL.standardizedFileURL
    let compiled = Set(module.sourceFiles.filter { $0.type == .source || $0.type == .header }.map { $0.url.standardizedFileURL.path })
    inputs = Self.files(under: folder).filter { !compiled.contains($0.path) }
    let configs = inputs.filter { $0.lastPathComponent == "snapgen.json" }
    switch configs.count {
    case 1:
      config = configs[0]
    case 0:
      throw PluginProblem(
        "target '\(target.name)' has no snapgen.json: add \(folder.appending(path: "snapgen.json").path) "
          + "with {\"entryPoints\": [\"main.js\"]} (paths relative to it), or remove SnapgenBuildPlugin from the target")
    default:
      let list = configs.map { "    " + $0.path }.joined(separator: "\n")
      throw PluginProblem(
        "target '\(target.name)' has \(configs.count) snapgen.json files; a target builds one snapshot, so keep one:\n\(list)")
    }
  }

  /// Regular files under `folder`, recursively, in a stable order; skips hidden entries such as
  /// `.build` and `.git`.
  static func files(under folder: URL) -> [URL] {
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
      return []
    }
    var found: [URL] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
      found.append(url.standardizedFileURL)
    }
    return found.sorted { $0.path < $1.path }
  }
}

/// A mistake in how the plugin is used, reported to SwiftPM as the build's error.
struct PluginProblem: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
