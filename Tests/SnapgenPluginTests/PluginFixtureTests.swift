import Foundation
import Testing

/// Drives `swift build` on a copy of IntegrationTests/PluginConsumer. Slow (each build is a real
/// SwiftPM build), so every test shares one copy and runs one at a time.
@Suite("SnapgenBuildPlugin in a consumer package", .serialized)
struct PluginFixtureTests {
  let workspace = FixtureWorkspace.shared

  /// Resets the copy to the fixture and builds it, so a test starts from a built, current state.
  func buildBaseline() async throws -> Tool.Result {
    try await workspace.reset()
    let result = try await workspace.build()
    try #require(result.status == 0, "baseline build failed:\n\(result.log)")
    return result
  }

  @Test("the first build of a copy produces the snapshot as a resource; once settled, a build with no change does not run snapgen")
  func cleanThenNoOp() async throws {
    let snapshot = await workspace.snapshot
    #expect(!FileManager.default.fileExists(atPath: snapshot), "a new copy has its own, empty plugin work folder")
    _ = try await buildBaseline()
    #expect(FileManager.default.fileExists(atPath: snapshot))
    #expect(try await Tool.modules(of: snapshot) == ["js/greet.js", "js/lib/shout.js", "js/main.js"])
    let before = try #require(FileStamp(snapshot))
    // SwiftPM 6.3 relinks its host copy of snapgen once more on the build after it planned one
    // afresh, and reruns the command; the bytes are the same, so the file is not rewritten.
    let settling = try await workspace.build()
    #expect(settling.status == 0, "\(settling.log)")
    #expect(FileStamp(snapshot) == before)
    let unchanged = try await workspace.build()
    #expect(unchanged.status == 0, "\(unchanged.log)")
    #expect(!unchanged.ranSnapgen, "\(unchanged.log)")
    #expect(FileStamp(snapshot) == before)
  }

  @Test("touching a JS file reruns snapgen and leaves identical bytes unwritten; editing one rewrites it")
  func touchAndEdit() async throws {
    let snapshot = await workspace.snapshot
    _ = try await buildBaseline()
    let before = try #require(FileStamp(snapshot))
    try await workspace.touch("Sources/ConsumerJS/js/greet.js")
    let touched = try await workspace.build()
    #expect(touched.status == 0, "\(touched.log)")
    #expect(touched.ranSnapgen, "\(touched.log)")
    #expect(FileStamp(snapshot) == before, "same bytes must not be rewritten")

    try await workspace.write(["Sources/ConsumerJS/js/greet.js": "export function greet(name) {\n  return `hi, ${name}`;\n}\n"])
    let edited = try await workspace.build()
    #expect(edited.status == 0, "\(edited.log)")
    #expect(edited.ranSnapgen)
    let after = try #require(FileStamp(snapshot))
    #expect(after.bytes != before.bytes)
  }

  @Test("adding, deleting and renaming modules rebuild correctly without touching Package.swift")
  func graphChanges() async throws {
    let snapshot = await workspace.snapshot
    _ = try await buildBaseline()
    let main = try await workspace.read("Sources/ConsumerJS/js/main.js")

    try await workspace.write([
      "Sources/ConsumerJS/js/extra.js": "export const extra = 42;\n",
      "Sources/ConsumerJS/js/main.js": "import { extra } from \"./extra.js\";\n" + main,
    ])
    let added = try await workspace.build()
    #expect(added.status == 0, "\(added.log)")
    #expect(try await Tool.modules(of: snapshot) == ["js/extra.js", "js/greet.js", "js/lib/shout.js", "js/main.js"])

    try await workspace.write(["Sources/ConsumerJS/js/extra.js": nil, "Sources/ConsumerJS/js/main.js": main])
    let deleted = try await workspace.build()
    #expect(deleted.status == 0, "\(deleted.log)")
    #expect(try await Tool.modules(of: snapshot) == ["js/greet.js", "js/lib/shout.js", "js/main.js"])

    let shout = try await workspace.read("Sources/ConsumerJS/js/lib/shout.js")
    try await workspace.write([
      "Sources/ConsumerJS/js/lib/shout.js": nil,
      "Sources/ConsumerJS/js/lib/yell.js": shout,
      "Sources/ConsumerJS/js/main.js": main.replacingOccurrences(of: "./lib/shout.js", with: "./lib/yell.js"),
    ])
    let renamed = try await workspace.build()
    #expect(renamed.status == 0, "\(renamed.log)")
    #expect(try await Tool.modules(of: snapshot) == ["js/greet.js", "js/lib/yell.js", "js/main.js"])
    #expect(try await workspace.read("Package.swift").contains("exclude: [\"js\", \"snapgen.json\"]"))
  }

  @Test("a syntax error fails the build at the file and line, keeps the previous snapshot, and the fix builds")
  func syntaxError() async throws {
    let snapshot = await workspace.snapshot
    _ = try await buildBaseline()
    let before = try #require(FileStamp(snapshot))
    let target = await workspace.target
    try await workspace.write(["Sources/ConsumerJS/js/greet.js": "export function greet(name) {\n  return name +;\n}\n"])
    let broken = try await workspace.build()
    #expect(broken.status != 0)
    #expect(broken.log.contains("\(target)/js/greet.js:2:"), "\(broken.log)")
    #expect(broken.log.contains("error: SyntaxError"), "\(broken.log)")
    #expect(FileStamp(snapshot) == before)

    try await workspace.reset()
    let fixed = try await workspace.build()
    #expect(fixed.status == 0, "\(fixed.log)")
    #expect(fixed.ranSnapgen)
  }

  @Test("a module outside the target folder, by entry point or by import, fails with the location")
  func outsideTheTarget() async throws {
    _ = try await buildBaseline()
    let target = await workspace.target
    let root = workspace.root
    try await workspace.write([
      "Sources/outside.js": "export const outside = 1;\n",
      "Sources/ConsumerJS/js/main.js": "import { outside } from \"../../outside.js\";\n" + (try await workspace.read("Sources/ConsumerJS/js/main.js")),
    ])
    let imported = try await workspace.build()
    #expect(imported.status != 0)
    #expect(imported.log.contains("\(target)/js/main.js:1:"), "\(imported.log)")
    #expect(imported.log.contains("resolves to \(root)/Sources/outside.js, outside the target folder \(target)"), "\(imported.log)")

    try await workspace.reset()
    try await workspace.write([
      "Sources/outside.js": "export const outside = 1;\n",
      "Sources/ConsumerJS/snapgen.json": "{\n  \"entryPoints\": [\"js/main.js\", \"../outside.js\"]\n}\n",
    ])
    let entry = try await workspace.build()
    #expect(entry.status != 0)
    #expect(entry.log.contains("\(target)/snapgen.json:2:"), "\(entry.log)")
    #expect(entry.log.contains("entry point \(root)/Sources/outside.js is outside the target folder"), "\(entry.log)")
  }

  @Test("no snapgen.json, or two of them, fail with the file to add or the files to merge")
  func configCount() async throws {
    try await workspace.reset()
    let target = await workspace.target
    try await workspace.write(["Sources/ConsumerJS/snapgen.json": nil])
    let missing = try await workspace.build()
    #expect(missing.status != 0)
    #expect(missing.log.contains("target 'ConsumerJS' has no snapgen.json: add \(target)/snapgen.json"), "\(missing.log)")

    try await workspace.reset()
    try await workspace.write(["Sources/ConsumerJS/js/lib/snapgen.json": "{\"entryPoints\": [\"shout.js\"]}\n"])
    let two = try await workspace.build()
    #expect(two.status != 0)
    #expect(two.log.contains("target 'ConsumerJS' has 2 snapgen.json files"), "\(two.log)")
    #expect(two.log.contains("\(target)/js/lib/snapgen.json"), "\(two.log)")
  }

  @Test("the plugin applied to a C target is refused with the reason")
  func wrongKindOfTarget() async throws {
    try await workspace.reset()
    let manifest = try await workspace.read("Package.swift")
    try await workspace.write([
      "Sources/CHelper/helper.c": "int helper(void) { return 1; }\n",
      "Sources/CHelper/include/helper.h": "int helper(void);\n",
      "Package.swift": manifest.replacingOccurrences(
        of: "    .testTarget(",
        with: "    .target(name: \"CHelper\", plugins: [.plugin(name: \"SnapgenBuildPlugin\", package: \"snapgen\")]),\n    .testTarget(",
        range: manifest.range(of: "    .testTarget(")),
    ])
    let result = try await workspace.build()
    #expect(result.status != 0)
    #expect(result.log.contains("SnapgenBuildPlugin can't be applied to target 'CHelper'"), "\(result.log)")
  }

  @Test("swift package snapgen forwards its arguments to the CLI and fails when it fails")
  func commandPlugin() async throws {
    let snapshot = await workspace.snapshot
    _ = try await buildBaseline()
    let inspect = try await workspace.packageSnapgen(["inspect", snapshot])
    #expect(inspect.status == 0, "\(inspect.log)")
    #expect(inspect.log.contains("js/lib/shout.js"), "\(inspect.log)")
    let failing = try await workspace.packageSnapgen(["inspect", "/nonexistent/snapshot.bin"])
    #expect(failing.status != 0)
    #expect(failing.log.contains("/nonexistent/snapshot.bin: error: cannot read the file"), "\(failing.log)")
  }
}
