import Foundation
import Testing

/// Holds SnapshotKit's layering rule by reading its sources: only `Engine/` imports the V8 shim,
/// and a folder uses types only from the folders below it:
/// Engine ← Ops ← Format ← Runtime ← Build ← Verify, Bench ← Anatomy; `Text/` (formatting helpers
/// that use nothing else of SnapshotKit) sits at the bottom beside Engine.
@Suite("layering")
struct LayeringTests {
  static let order = ["Text": 0, "Engine": 0, "Ops": 1, "Format": 2, "Runtime": 3, "Build": 4, "Verify": 5, "Bench": 5, "Anatomy": 6]

  /// `Sources/` of this package.
  static var sources: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
  }

  /// Every Swift file under `folder`, as (path relative to `folder`, contents).
  static func swiftFiles(under folder: URL) throws -> [(path: String, text: String)] {
    let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
    return try paths.filter { $0.hasSuffix(".swift") }.sorted().map {
      ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
    }
  }

  @Test("only SnapshotKit/Engine imports CV8Shim")
  func shimConfinedToEngine() throws {
    let importers = try Self.swiftFiles(under: Self.sources).filter { file in
      file.text.split(separator: "\n").contains { $0.wholeMatch(of: /\s*(public |package |internal )?import CV8Shim\s*/) != nil }
    }.map(\.path)
    #expect(!importers.isEmpty)
    #expect(importers.filter { !$0.hasPrefix("SnapshotKit/Engine/") } == [])
  }

  @Test("SnapshotKit's folders use only the folders below them")
  func foldersPointDown() throws {
    let files = try Self.swiftFiles(under: Self.sources.appendingPathComponent("SnapshotKit"))
    // The folder that declares each top-level type.
    var home: [String: String] = [:]
    for file in files {
      let folder = String(file.path.prefix { $0 != "/" })
      for line in file.text.split(separator: "\n") {
        if let match = line.prefixMatch(
          of: /(?:public |package |private |fileprivate )?(?:final )?(?:struct|class|enum|protocol|typealias|actor) (\w+)/)
        {
          home[String(match.1)] = folder
        }
      }
    }
    var upward: [String] = []
    for file in files {
      let folder = String(file.path.prefix { $0 != "/" })
      let rank = try #require(Self.order[folder], "\(folder) has no place in the layering")
      let code = file.text.split(separator: "\n").map { $0.split(separator: "//", maxSplits: 1).first ?? "" }.joined(separator: "\n")
      let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
      for (type, owner) in home where words.contains(type) && Self.order[owner]! > rank {
        upward.append("\(file.path) uses \(owner)'s \(type)")
      }
    }
    #expect(!home.isEmpty)
    #expect(upward.sorted() == [])
  }
}
