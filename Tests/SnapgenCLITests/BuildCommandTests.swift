import Foundation
import Testing

@Suite("snapgen build and run", .serialized)
struct BuildCommandTests {
  @Test("internal-js builds and boots, printing what internal JS produces")
  func internalJS() async throws {
    let folder = try CLI.temporaryFolder()
    let build = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/snapshot.bin"])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stdout.contains("modules"))
    let run = try await CLI.run(["run", "-s", folder + "/snapshot.bin", "--eval", "greet('tests')"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "Hello, tests, from snapgen's snapshot!\n")
  }

  @Test("two builds in two processes give identical bytes")
  func reproducibleAcrossProcesses() async throws {
    let folder = try CLI.temporaryFolder()
    for name in ["a.bin", "b.bin"] {
      let build = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/" + name])
      #expect(build.status == 0, "\(build.stderr)")
    }
    let a = try #require(FileManager.default.contents(atPath: folder + "/a.bin"))
    let b = try #require(FileManager.default.contents(atPath: folder + "/b.bin"))
    #expect(a.count > 1000)
    #expect(a == b)
  }

  @Test("a second identical build does not rewrite the file")
  func unchangedNotRewritten() async throws {
    let folder = try CLI.temporaryFolder()
    let output = folder + "/snapshot.bin"
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", output])
    let inode = try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int
    let again = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", output])
    #expect(again.stdout.hasPrefix("unchanged"))
    #expect(try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int == inode)
  }

  @Test("snapgen run executes an ES module script with relative imports")
  func runScript() async throws {
    let folder = try CLI.temporaryFolder()
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/snapshot.bin"])
    try CLI.write([
      "app/main.js": "import { name } from './name.js';\nprint(greet(name));\n",
      "app/name.js": "export const name = 'module script';\n",
    ], into: folder)
    let run = try await CLI.run(["run", "-s", folder + "/snapshot.bin", folder + "/app/main.js"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "Hello, module script, from snapgen's snapshot!\n")
  }

  @Test("inspect --json reports the header with stable keys")
  func inspectJSON() async throws {
    let folder = try CLI.temporaryFolder()
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/snapshot.bin"])
    let inspect = try await CLI.run(["inspect", folder + "/snapshot.bin", "--json"])
    #expect(inspect.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["formatVersion", "headerSize", "rawSize", "storedSize", "codec", "payloadCRC32", "metadata"])
    let metadata = try #require(object["metadata"] as? [String: Any])
    let modules = try #require(metadata["modules"] as? [[String: Any]])
    #expect(modules.compactMap { $0["name"] as? String }.contains("src/main.js"))
    #expect(metadata["v8Version"] as? String == "10.2.154.26-node.37")
  }
}
