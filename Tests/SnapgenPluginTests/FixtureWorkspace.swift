import Foundation
import SnapgenTestSupport

/// One working copy of `IntegrationTests/PluginConsumer` in a temporary folder, shared by every
/// plugin test and built with a scratch folder that persists under the root `.build`, so that
/// only the first build of a machine is cold.
///
/// The copy's name is unique per test run, which gives it its own SwiftPM identity and so its
/// own plugin work folder: the first build of a run starts without any snapshot.bin.
actor FixtureWorkspace {
  static let shared = FixtureWorkspace()

  /// The repository root.
  static let packageRoot = Repository.root

  static let fixture = packageRoot + "/IntegrationTests/PluginConsumer"
  /// Persistent build folder, shared with `scripts/test.sh`'s build of the fixture.
  static let scratch = packageRoot + "/.build/plugin-fixture"

  /// The copy's folder (created on first use).
  let root: String
  private var created = false

  private init() {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-plugin-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    let canonical = parent.resolvingSymlinksInPath().path
    root = canonical + "/PluginConsumer-" + UUID().uuidString.prefix(8).lowercased()
  }

  /// The JS target's folder in the copy.
  var target: String { root + "/Sources/ConsumerJS" }

  /// Where the plugin writes the snapshot for this copy.
  var snapshot: String {
    let identity = (root as NSString).lastPathComponent.lowercased()
    return Self.scratch + "/plugins/outputs/\(identity)/ConsumerJS/destination/SnapgenBuildPlugin/snapshot.bin"
  }

  /// Makes the copy match the fixture: changed files are rewritten, missing ones restored and
  /// extra ones removed; files that already match keep their timestamps, so builds stay warm.
  func reset() throws {
    let manager = FileManager.default
    created = true
    var wanted: Set<String> = []
    for relative in Self.files(under: Self.fixture) {
      wanted.insert(relative)
      var data = try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/" + relative))
      if relative == "Package.swift" {
        let text = String(decoding: data, as: UTF8.self)
          .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(Self.packageRoot)\"")
        data = Data(text.utf8)
      }
      let destination = root + "/" + relative
      if manager.contents(atPath: destination) != data {
        try manager.createDirectory(
          atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: destination))
      }
    }
    for relative in Self.files(under: root) where !wanted.contains(relative) {
      try manager.removeItem(atPath: root + "/" + relative)
    }
    for folder in Self.folders(under: root).reversed() where (try? manager.contentsOfDirectory(atPath: root + "/" + folder))?.isEmpty == true {
      try manager.removeItem(atPath: root + "/" + folder)
    }
  }

  /// Writes (or with nil, deletes) files of the copy, paths relative to its root.
  func write(_ files: [String: String?]) throws {
    if !created { try reset() }
    for (path, contents) in files {
      let full = root + "/" + path
      if let contents {
        try FileManager.default.createDirectory(
          atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: false, encoding: .utf8)
      } else if FileManager.default.fileExists(atPath: full) {
        try FileManager.default.removeItem(atPath: full)
      }
    }
  }

  func read(_ path: String) throws -> String {
    try String(contentsOfFile: root + "/" + path, encoding: .utf8)
  }

  /// Sets a file's modification time to now without changing its bytes.
  func touch(_ path: String) throws {
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: root + "/" + path)
  }

  /// `swift build` of the copy; the log is stdout and stderr together.
  func build() async throws -> Tool.Result {
    if !created { try reset() }
    return try await Tool.run(["build", "--package-path", root, "--scratch-path", Self.scratch], in: root)
  }

  /// `swift package snapgen …` in the copy.
  func packageSnapgen(_ arguments: [String]) async throws -> Tool.Result {
    if !created { try reset() }
    return try await Tool.run(
      ["package", "--package-path", root, "--scratch-path", Self.scratch, "snapgen"] + arguments, in: root)
  }

  static func files(under folder: String) -> [String] {
    entries(under: folder).filter { !$0.isDirectory }.map(\.path)
  }

  static func folders(under folder: String) -> [String] {
    entries(under: folder).filter(\.isDirectory).map(\.path).sorted()
  }

  /// Entries under `folder`, relative, skipping hidden ones (.build, .swiftpm) and Package.resolved.
  private static func entries(under folder: String) -> [(path: String, isDirectory: Bool)] {
    let base = URL(fileURLWithPath: folder)
    guard let walker = FileManager.default.enumerator(
      at: base, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
    else { return [] }
    var found: [(String, Bool)] = []
    let prefix = base.resolvingSymlinksInPath().path + "/"
    for case let url as URL in walker {
      let path = url.resolvingSymlinksInPath().path
      guard path.hasPrefix(prefix) else { continue }
      let relative = String(path.dropFirst(prefix.count))
      if relative == "Package.resolved" { continue }
      found.append((relative, (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true))
    }
    return found
  }
}

/// Runs the `swift` driver and snapgen.
enum Tool {
  struct Result: Sendable {
    var status: Int32
    /// stdout followed by stderr.
    var log: String

    /// Whether the build ran the plugin's snapgen command.
    var ranSnapgen: Bool { log.contains("snapgen: building the snapshot of ConsumerJS") }
  }

  /// `swift arguments…` in `folder`. A build that hangs is stopped (with every process it
  /// started) after 30 minutes, a cold build of the fixture on a 2-core machine being far less.
  static func run(_ arguments: [String], in folder: String) async throws -> Result {
    let result = try await SnapgenCLI.run(arguments, program: "swift", in: folder, timeLimit: .seconds(1800))
    return Result(status: result.status, log: result.stdout + result.stderr)
  }

  /// The module names recorded in a snapshot, through `snapgen inspect --json`.
  static func modules(of snapshot: String) async throws -> [String] {
    let result = try await SnapgenCLI.run(["inspect", snapshot, "--json"])
    guard result.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      let metadata = object["metadata"] as? [String: Any],
      let modules = metadata["modules"] as? [[String: Any]]
    else { return [] }
    return modules.compactMap { $0["name"] as? String }.sorted()
  }
}

/// Identity and timestamp of a file: equal before and after means it was not rewritten.
struct FileStamp: Equatable {
  var inode: UInt64
  var modified: Date
  var bytes: Data

  init?(_ path: String) {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
      let modified = attributes[.modificationDate] as? Date,
      let bytes = FileManager.default.contents(atPath: path)
    else { return nil }
    self.inode = inode
    self.modified = modified
    self.bytes = bytes
  }
}
