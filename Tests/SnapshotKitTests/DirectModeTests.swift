import BundleResolver
import Foundation
import SnapgenTestSupport
@testable import SnapshotKit
import Testing

/// The cache's direct mode: a build manifest lets the next build find its key without resolving,
/// only while the file system answers every question resolution asked the same way.
@Suite("snapshot cache direct mode", .serialized)
struct DirectModeTests {
  init() throws { try Fixtures.prepareEngine() }

  static let tree = [
    "main.js": "import { value } from './util';\nglobalThis.answer = value;\n",
    "util.js": "export const value = 'from util.js';\n",
  ]

  func pipeline(root: String, cache: String) -> SnapshotPipeline {
    var configuration = Fixtures.smallConfiguration(root: root)
    configuration.resolver.bundlerResolution = true  // './util' probes util, util/index.js, util.js
    var pipeline = SnapshotPipeline(configuration: configuration)
    pipeline.cacheSettings = CacheSettings(folder: cache)
    return pipeline
  }

  func direct(_ pipeline: SnapshotPipeline) -> BuildOutput? {
    guard case .hit(let output) = DirectLookup(configuration: pipeline.configuration, settings: pipeline.cacheSettings!).run() else {
      return nil
    }
    return output
  }

  @Test("after a build, the next one is served without resolving, with the same bytes and inputs")
  func hitWithoutResolving() throws {
    let root = try Fixtures.moduleTree(Self.tree)
    let cache = try Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: cache)
    }
    let pipeline = pipeline(root: root, cache: cache)
    #expect(direct(pipeline) == nil, "nothing cached yet")
    let cold = try pipeline.run()
    #expect(cold.cache == .miss)
    let hit = try #require(direct(pipeline))
    #expect(hit.cache == .hitLocal)
    #expect(hit.file.serialized() == cold.file.serialized())
    #expect(hit.inputFiles == cold.inputFiles)
  }

  @Test("a new file that changes what an import resolves to is noticed: no direct hit, a correct rebuild")
  func shadowingFile() throws {
    let root = try Fixtures.moduleTree(Self.tree)
    let cache = try Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: cache)
    }
    let pipeline = pipeline(root: root, cache: cache)
    let cold = try pipeline.run()
    #expect(cold.file.metadata.modules.map(\.name).contains("util.js"))
    // './util' now resolves to the folder's index.js (a folder wins over the .js extension).
    try FileManager.default.createDirectory(atPath: root + "/util", withIntermediateDirectories: true)
    try Data("export const value = 'from util/index.js';\n".utf8).write(to: URL(fileURLWithPath: root + "/util/index.js"))
    #expect(direct(pipeline) == nil)
    let rebuilt = try pipeline.run()
    #expect(rebuilt.cache == .miss)
    #expect(rebuilt.file.metadata.modules.map(\.name).contains("util/index.js"), "\(rebuilt.file.metadata.modules.map(\.name))")
    #expect(rebuilt.file.metadata.inputDigest != cold.file.metadata.inputDigest)
  }

  @Test("an edited module, a removed file or a changed folder listing disables the direct hit")
  func edits() throws {
    let root = try Fixtures.moduleTree(Self.tree)
    let cache = try Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: cache)
    }
    let pipeline = pipeline(root: root, cache: cache)
    _ = try pipeline.run()
    #expect(direct(pipeline) != nil)
    try Data("export const value = 'edited';\n".utf8).write(to: URL(fileURLWithPath: root + "/util.js"))
    #expect(direct(pipeline) == nil)
    let edited = try pipeline.run()
    #expect(edited.cache == .miss)
    #expect(direct(pipeline) != nil, "the rebuild recorded a new manifest")

    // A manifest whose observations no longer hold is never used, whatever it names.
    var observations = FileSystemObservations()
    observations.kinds[root + "/util.js"] = "missing"
    #expect(!observations.stillHold())
    observations.kinds[root + "/util.js"] = "file"
    observations.reads[root + "/util.js"] = .some(InputDigest.sha256(Array("export const value = 'edited';\n".utf8)))
    #expect(observations.stillHold())
    observations.listings[root] = ["main.js"]
    #expect(!observations.stillHold())
  }
}
