import Foundation
import SnapgenTestSupport
import Testing

/// `snapgen build` never writes its snapshot or depfile over a file the build reads: a module,
/// the config, the base snapshot, the signing key. Each was destroyed before (the build
/// succeeded and replaced the input with snapshot bytes).
@Suite("outputs that are inputs (CLI)", .serialized)
struct OutputOverlapTests {
  private static let module = "export const answer = 42;\n"
  private static let config = #"{"entryPoints": ["main.js"]}"#

  private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test("-o naming the entry module, or a symbolic link to it, is refused and the module kept")
  func outputIsAModule() async throws {
    let tree = try TemporaryTree(["p/main.js": Self.module, "p/snapgen.json": Self.config])
    try FileManager.default.createSymbolicLink(atPath: tree("p/link.js"), withDestinationPath: "main.js")
    for output in ["p/main.js", "p/link.js"] {
      let result = try await SnapgenCLI.run(["build", tree("p"), "-o", tree(output), "--no-cache"], in: tree.path)
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.hasPrefix("\(output): error: refusing to write the snapshot over a file this build reads"), "\(result.stderr)")
      #expect(String(decoding: try bytes(tree("p/main.js")), as: UTF8.self) == Self.module)
    }
  }

  @Test("--depfile naming the config, or the snapshot's own path, is refused and nothing is written")
  func depfileIsAnInput() async throws {
    let tree = try TemporaryTree(["p/main.js": Self.module, "p/snapgen.json": Self.config])
    let result = try await SnapgenCLI.run(
      ["build", tree("p"), "-o", tree("p/out.bin"), "--depfile", tree("p/snapgen.json"), "--no-cache"], in: tree.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("p/snapgen.json: error: refusing to write the depfile over a file this build reads"), "\(result.stderr)")
    #expect(String(decoding: try bytes(tree("p/snapgen.json")), as: UTF8.self) == Self.config)
    #expect(!FileManager.default.fileExists(atPath: tree("p/out.bin")))
    // The depfile and the snapshot at one (existing) path.
    let first = try await SnapgenCLI.run(["build", tree("p"), "-o", tree("p/out.bin"), "--no-cache"], in: tree.path)
    #expect(first.status == 0, "\(first.stderr)")
    let before = try bytes(tree("p/out.bin"))
    let same = try await SnapgenCLI.run(
      ["build", tree("p"), "-o", tree("p/out.bin"), "--depfile", tree("p/out.bin"), "--no-cache"], in: tree.path)
    #expect(same.status == 1)
    #expect(same.stderr.contains("the depfile and the snapshot are the same file"), "\(same.stderr)")
    #expect(try bytes(tree("p/out.bin")) == before)
  }

  @Test("-o naming the --base snapshot or the --sign key is refused and the file kept")
  func outputIsTheBaseOrTheKey() async throws {
    let tree = try TemporaryTree(["runtime/main.js": Self.module, "app/app.js": "export const x = 1;\n"])
    let runtime = try await SnapgenCLI.run(["build", tree("runtime"), "--entry", "main.js", "-o", tree("base.bin")])
    #expect(runtime.status == 0, "\(runtime.stderr)")
    let base = try bytes(tree("base.bin"))
    let onBase = try await SnapgenCLI.run(
      ["build", tree("app"), "--entry", "app.js", "--base", tree("base.bin"), "-o", tree("base.bin"), "--no-cache"],
      in: tree.path)
    #expect(onBase.status == 1)
    #expect(onBase.stderr.hasPrefix("base.bin: error: refusing to write the snapshot over a file this build reads"), "\(onBase.stderr)")
    #expect(try bytes(tree("base.bin")) == base)

    let keygen = try await SnapgenCLI.run(["keygen", tree("key")])
    #expect(keygen.status == 0, "\(keygen.stderr)")
    let key = try bytes(tree("key"))
    let onKey = try await SnapgenCLI.run(
      ["build", tree("runtime"), "--entry", "main.js", "--sign", tree("key"), "-o", tree("key")], in: tree.path)
    #expect(onKey.status == 1)
    #expect(onKey.stderr.hasPrefix("key: error: refusing to write the snapshot over a file this build reads"), "\(onKey.stderr)")
    #expect(try bytes(tree("key")) == key)
  }

  @Test("anatomy --html or --heap-snapshot naming an input is refused and the input kept")
  func anatomyReportsOverInputs() async throws {
    let tree = try TemporaryTree(["p/main.js": Self.module, "p/snapgen.json": Self.config])
    let html = try await SnapgenCLI.run(["anatomy", tree("p"), "--boots", "0", "--html", tree("p/main.js")], in: tree.path)
    #expect(html.status == 1)
    #expect(html.stderr.hasPrefix("p/main.js: error: refusing to write the HTML report over a file this build reads"), "\(html.stderr)")
    #expect(String(decoding: try bytes(tree("p/main.js")), as: UTF8.self) == Self.module)
    let heap = try await SnapgenCLI.run(
      ["anatomy", tree("p"), "--boots", "0", "--heap-snapshot", tree("p/out.heapsnapshot"), "--html", tree("p/out.heapsnapshot")],
      in: tree.path)
    #expect(heap.status == 1)
    // The path does not exist yet: written twice, the report would replace the heap snapshot.
    #expect(heap.stderr.contains("the HTML report and the heap snapshot are the same file"), "\(heap.stderr)")
    #expect(!FileManager.default.fileExists(atPath: tree("p/out.heapsnapshot")))
  }
}
