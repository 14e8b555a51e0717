import Foundation
import SnapgenTestSupport
import Testing

@Suite("snapgen build and run", .serialized)
struct BuildCommandTests {
  @Test("internal-js builds and boots with its web globals in place")
  func internalJS() async throws {
    let tree = try TemporaryTree()
    let build = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("snapshot.bin")])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stdout.contains("modules"))
    let run = try await SnapgenCLI.run(["run", "-s", tree("snapshot.bin"), "--eval", "typeof URL + ' ' + typeof setTimeout"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "function function\n")
  }

  @Test("what a snapshot's JavaScript installed at build time is there after boot (probe-js fixture)")
  func probeFixture() async throws {
    let snapshot = try await FixtureSnapshots.snapshot("probe-js")
    let run = try await SnapgenCLI.run(["run", "-s", snapshot, "--eval", "greet('tests')"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "Hello, tests, from snapgen's snapshot!\n")
  }

  @Test("two builds in two processes give identical bytes")
  func reproducibleAcrossProcesses() async throws {
    let tree = try TemporaryTree()
    for name in ["a.bin", "b.bin"] {
      // --no-cache: the second build must really build, not copy the first from the cache.
      let build = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree(name), "--no-cache"])
      #expect(build.status == 0, "\(build.stderr)")
    }
    let a = try #require(tree.contents(of: "a.bin"))
    let b = try #require(tree.contents(of: "b.bin"))
    #expect(a.count > 1000)
    #expect(a == b)
  }

  @Test("a second identical build does not rewrite the file")
  func unchangedNotRewritten() async throws {
    let tree = try TemporaryTree()
    let output = tree("snapshot.bin")
    let first = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", output])
    #expect(first.stdout.hasPrefix("wrote"), "\(first)")
    let inode = try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int
    let again = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", output])
    #expect(again.stdout.hasPrefix("unchanged"))
    #expect(try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int == inode)
  }

  @Test("snapgen run executes an ES module script with relative imports")
  func runScript() async throws {
    let snapshot = try await FixtureSnapshots.snapshot("probe-js")
    let tree = try TemporaryTree([
      "app/main.js": "import { name } from './name.js';\nprint(greet(name));\n",
      "app/name.js": "export const name = 'module script';\n",
    ])
    let run = try await SnapgenCLI.run(["run", "-s", snapshot, tree("app/main.js")])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "Hello, module script, from snapgen's snapshot!\n")
  }

  @Test("inspect --json reports the header with stable keys")
  func inspectJSON() async throws {
    let tree = try TemporaryTree()
    _ = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("snapshot.bin")])
    let inspect = try await SnapgenCLI.run(["inspect", tree("snapshot.bin"), "--json"])
    #expect(inspect.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["formatVersion", "headerSize", "rawSize", "storedSize", "codec", "payloadCRC32", "metadata"])
    let metadata = try #require(object["metadata"] as? [String: Any])
    let modules = try #require(metadata["modules"] as? [[String: Any]])
    #expect(modules.compactMap { $0["name"] as? String }.contains("src/main.js"))
    #expect(metadata["v8Version"] as? String == "10.2.154.26-node.37")
  }
}
