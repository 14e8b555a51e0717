import Foundation
import SnapgenTestSupport

/// One case of the bad-input catalogue: a folder under `Tests/Fixtures/bad-inputs` holding the
/// project files and `expected.json` (the format is described in that folder's README.md).
struct BadInputFolder: Sendable, CustomStringConvertible {
  /// What `expected.json` says must happen.
  struct Expectation: Decodable, Sendable {
    var description: String
    var command: [String]
    var exitCode: Int32
    var stderrStartsWith: String?
    var stderrContains: [String]?
    /// Text that must not appear (the contents of a file that must not have been read).
    var stderrLacks: [String]?
    var outputUntouched: Bool?
    var outputAbsent: String?

    static let keys: Set<String> = [
      "description", "command", "exitCode", "stderrStartsWith", "stderrContains", "stderrLacks", "outputUntouched",
      "outputAbsent",
    ]
  }

  /// The folder's name, e.g. `js-syntax-error`.
  var name: String
  /// The folder's absolute path.
  var path: String

  var description: String { name }

  /// The catalogue's folder.
  static var root: String { Repository.fixtures + "/bad-inputs" }

  /// Every case folder, sorted by name.
  static var all: [BadInputFolder] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.sorted().compactMap { name in
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder), isFolder.boolValue
      else { return nil }
      return BadInputFolder(name: name, path: root + "/" + name)
    }
  }

  /// The parsed `expected.json`, refusing unknown keys.
  func expectation() throws -> Expectation {
    let data = try Data(contentsOf: URL(fileURLWithPath: path + "/expected.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    let unknown = Set(object.keys).subtracting(Expectation.keys)
    guard unknown.isEmpty else { throw CatalogueError("\(name)/expected.json: unknown keys \(unknown.sorted())") }
    let expectation = try JSONDecoder().decode(Expectation.self, from: data)
    guard expectation.stderrStartsWith != nil || !(expectation.stderrContains ?? []).isEmpty else {
      throw CatalogueError("\(name)/expected.json: say what the user is told (stderrStartsWith or stderrContains)")
    }
    return expectation
  }

  /// A fresh copy of the project files (everything but expected.json).
  func copy() throws -> TemporaryTree {
    let tree = try TemporaryTree(name: "snapgen-bad-\(name)")
    for entry in try FileManager.default.contentsOfDirectory(atPath: path) where entry != "expected.json" {
      try FileManager.default.copyItem(atPath: path + "/" + entry, toPath: tree(entry))
    }
    return tree
  }
}

/// A malformed catalogue entry.
struct CatalogueError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
