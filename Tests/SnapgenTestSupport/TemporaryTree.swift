public import Foundation

/// A fresh folder under the system's temporary folder, filled from a dictionary of files and
/// removed when the value goes away (or on `remove()`).
///
/// Keep the value alive while the folder is in use: `let tree = try TemporaryTree([...])`,
/// then pass `tree.path` around.
public final class TemporaryTree: Sendable {
  /// The folder's absolute path with symbolic links resolved (so it matches what snapgen prints).
  public let path: String

  /// False for ``kept(_:name:)`` folders, which outlive the value.
  private let removesWhenDone: Bool

  /// Creates the folder and writes `files` (relative path → UTF-8 contents) into it.
  public convenience init(_ files: [String: String] = [:], name: String = "snapgen-test") throws {
    try self.init(files, name: name, removesWhenDone: true)
  }

  private init(_ files: [String: String], name: String, removesWhenDone: Bool) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.resolvingSymlinksInPath().path
    self.removesWhenDone = removesWhenDone
    try write(files)
  }

  /// A folder filled with `files` that is not removed automatically: for helpers that hand out
  /// a path. The caller removes it (`FileManager.removeItem`) when done.
  public static func kept(_ files: [String: String] = [:], name: String = "snapgen-test") throws -> String {
    try TemporaryTree(files, name: name, removesWhenDone: false).path
  }

  /// Creates the folder as a copy of `source`'s contents (a fixture folder on disk).
  public convenience init(copying source: String, name: String = "snapgen-test") throws {
    try self.init(name: name)
    for entry in try FileManager.default.contentsOfDirectory(atPath: source) {
      try FileManager.default.copyItem(atPath: source + "/" + entry, toPath: path + "/" + entry)
    }
  }

  deinit { if removesWhenDone { remove() } }

  /// `path/relative`.
  public func callAsFunction(_ relative: String) -> String { path + "/" + relative }

  /// Writes text files (relative path → contents), creating folders as needed.
  public func write(_ files: [String: String]) throws {
    try write(files.mapValues { Data($0.utf8) })
  }

  /// Writes files byte for byte (for contents a Swift string cannot hold).
  public func write(_ files: [String: Data]) throws {
    for (relative, contents) in files {
      let full = path + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(to: URL(fileURLWithPath: full))
    }
  }

  /// The bytes of `relative`, or nil when it does not exist.
  public func contents(of relative: String) -> Data? {
    FileManager.default.contents(atPath: path + "/" + relative)
  }

  /// Names in `folder` (relative; the root when empty) that look like an atomic write's
  /// leftover temporary file.
  public func temporaries(in folder: String = "") -> [String] {
    let full = folder.isEmpty ? path : path + "/" + folder
    return ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).filter { $0.contains(".tmp-") }.sorted()
  }

  /// Deletes the folder, first making read-only subfolders writable again.
  public func remove() {
    if let walker = FileManager.default.enumerator(atPath: path) {
      for case let relative as String in walker {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/" + relative)
      }
    }
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    try? FileManager.default.removeItem(atPath: path)
  }
}
