import Foundation
import BundleResolver
import SnapshotKit
import Testing

@Suite("concurrent boots")
struct ConcurrentBootTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("runtimes boot from one snapshot on several threads at once")
  func concurrentBoots() async throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder + "/snapshot.bin"
    try AtomicFileWriter.write(try InternalJSSnapshot.file.get().serialized(), to: path)
    let results = try await withThrowingTaskGroup(of: String.self) { group in
      for thread in 0..<4 {
        group.addTask {
          try await onOwnThread {
            var last = ""
            for round in 0..<25 {
              let runtime = try JSRuntime.boot(snapshotAt: path, ops: .standard)
              last = try runtime.evaluate("new URL('https://t\(thread).example/\(round)').host")
            }
            return last
          }
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.sorted() == (0..<4).map { "t\($0).example" })
  }
}

@Suite("isolate origins")
struct IsolateOriginTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("an isolate from V8's built-in snapshot is refused, not a crash, while a booted runtime lives")
  func builtInIsolateRefusedWhileBooted() throws {
    let file = try Fixtures.smallSnapshot()
    let graph = try resolveSmallTree()
    do {
      let runtime = try JSRuntime.boot(from: file, ops: Fixtures.smallRegistry())
      #expect(throws: RuntimeError.self) { try JSRuntime.fromSources(graph, ops: Fixtures.smallRegistry()) }
      #expect(throws: ModuleSourceParser.ParseError.self) { try ModuleSourceParser() }
      #expect(try runtime.evaluate("answer") == "42")
    }
    // Once the booted runtime is gone, isolates from sources work again.
    let cold = try JSRuntime.fromSources(graph, ops: Fixtures.smallRegistry())
    #expect(try cold.evaluate("answer") == "42")
  }

  private func resolveSmallTree() throws -> ModuleGraph {
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    return try ModuleGraphBuilder(root: root, entryPoints: ["main.js"]).build(parser: ModuleSourceParser())
  }
}
