import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// Tests/Fixtures/esm-packages: an app laid out like real third-party ESM packages (node_modules
/// with package.json exports, conditions, subpath patterns, a module-field package, a scoped
/// package, an import map with a scope, a scheme and a JSON module) builds into a snapshot, and
/// the booted runtime calls into it.
@Suite("ESM packages fixture")
struct ESMPackagesFixtureTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  static var fixture: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<2 { url = url.deletingLastPathComponent() }
    return url.appendingPathComponent("Fixtures/esm-packages").path
  }

  @Test("it resolves to the ES builds of every package, through exports, module, the map and the scheme")
  func graph() throws {
    try Fixtures.prepareEngine()
    let configuration = try BuildConfiguration.load(from: Self.fixture)
    let graph = try configuration.resolveGraph()
    let names = Set(graph.modules.map(\.name))
    #expect(names == [
      "src/main.js", "src/config.json", "src/utils/math.js", "src/internal/version.js",
      "vendor/tiny-events/index.js", "node_modules/greeter/lib/index.js", "node_modules/greeter/lib/format.mjs",
      "node_modules/@acme/strings/src/index.js", "node_modules/@acme/strings/src/case/kebab.js",
      "node_modules/@acme/strings/src/case/camel.js", "node_modules/colors-lite/dist/index.mjs",
    ])
    #expect(graph.warnings.isEmpty)
    let inputs = graph.inputFiles.compactMap { FilePaths.relative($0, to: graph.root) }
    #expect(inputs.contains("snapgen.json") && inputs.contains("import-map.json"))
    #expect(inputs.contains("node_modules/greeter/package.json") && inputs.contains("node_modules/colors-lite/package.json"))
  }

  @Test("it builds, boots and the runtime calls into the packages")
  func buildAndBoot() throws {
    try Fixtures.prepareEngine()
    let configuration = try BuildConfiguration.load(from: Self.fixture)
    let runtime = try JSRuntime.boot(from: SnapshotBuilder(configuration: configuration).build().file)
    #expect(try runtime.evaluate("app.hello('ada')") == "*Hello, ada!*")
    #expect(try runtime.evaluate("app.title('Snap Gen')") == "Snap-gen!")
    #expect(try runtime.evaluate("app.camel('make-it camel')") == "makeItCamel")
    #expect(try runtime.evaluate("app.clamp(42)") == "10")
    #expect(try runtime.evaluate("app.version") == "fixture-1.0")
    #expect(try runtime.evaluate("app.seen.join()") == "ada")
    #expect(try runtime.evaluate("Object.keys(app.strings).join()") == "camel,decorate,kebab")
    #expect(try runtime.evaluate("app.strings.decorate('x')") == "*x*")
  }
}
