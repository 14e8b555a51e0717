import Foundation
import SnapgenTestSupport
import Testing

extension FixtureWorkspace {
  /// Where the plugin writes the app snapshot of the fixture's ConsumerApp target, built on
  /// ConsumerJS's snapshot (`"base": "target:ConsumerJS"`).
  var appSnapshot: String {
    let identity = (root as NSString).lastPathComponent.lowercased()
    return Self.scratch + "/plugins/outputs/\(identity)/ConsumerApp/destination/SnapgenBuildPlugin/snapshot.bin"
  }
}

extension Tool.Result {
  /// Whether the build ran the command that builds ConsumerJS's snapshot as ConsumerApp's base.
  var builtAppBase: Bool { log.contains("snapgen: building base ConsumerJS for the app snapshot of ConsumerApp") }
  /// Whether the build ran ConsumerApp's own snapgen command.
  var builtApp: Bool { log.contains("snapgen: building the snapshot of ConsumerApp") }
}

/// The fixture's ConsumerApp, an app snapshot on ConsumerJS's. In PluginFixtureTests' shared
/// copy (two copies cannot share the scratch folder); this file's name sorts after
/// PluginFixtureTests.swift so that its first test still meets an empty plugin work folder.
extension PluginFixtureTests {
  @Test("an app target built on another target's snapshot: runs its main, settles, and rebuilds when a base module changes")
  func appSnapshotOnABaseTarget() async throws {
    let app = await workspace.appSnapshot
    _ = try await buildBaseline()
    #expect(try await Tool.modules(of: app).contains("js/app.js"))
    let run = try await SnapgenCLI.run(["run", app, "one", "two", "three"])
    #expect(run.status == 3, "main returns the number of its arguments: \(run.stderr)")

    _ = try await workspace.build()  // SwiftPM 6.3's settling build (see cleanThenNoOp)
    let before = try #require(FileStamp(app))
    let unchanged = try await workspace.build()
    #expect(unchanged.status == 0, "\(unchanged.log)")
    #expect(!unchanged.builtAppBase && !unchanged.builtApp, "\(unchanged.log)")
    #expect(FileStamp(app) == before)

    try await workspace.touch("Sources/ConsumerJS/js/greet.js")
    let touched = try await workspace.build()
    #expect(touched.status == 0, "\(touched.log)")
    #expect(touched.builtAppBase, "a base module is an input of the base command:\n\(touched.log)")

    try await workspace.write(["Sources/ConsumerJS/js/greet.js": "export function greet(name) {\n  return `hi, ${name}`;\n}\n"])
    let edited = try await workspace.build()
    #expect(edited.status == 0, "\(edited.log)")
    #expect(edited.builtAppBase && edited.builtApp, "\(edited.log)")
    let after = try #require(FileStamp(app))
    #expect(after.bytes != before.bytes, "the app snapshot holds the base's heap, so a changed base changes it")
    #expect(try await SnapgenCLI.run(["run", app, "x"]).status == 1)
  }

  @Test("a changed base target is refused until SwiftPM re-plans; then a missing one fails with the config and the targets there are")
  func appSnapshotOnAMissingTarget() async throws {
    _ = try await buildBaseline()
    try await workspace.write([
      "Sources/ConsumerApp/snapgen.json": "{\"entryPoints\": [\"js/app.js\"], \"base\": \"target:NoSuchTarget\", \"main\": \"js/app.js#main\"}\n"
    ])
    // An edited config does not make SwiftPM ask the plugin again: snapgen sees the stale plan.
    let stale = try await workspace.build()
    #expect(stale.status != 0)
    #expect(stale.log.contains("'base' names target 'NoSuchTarget', but SwiftPM planned this build when it named target 'ConsumerJS'"), "\(stale.log)")
    #expect(stale.log.contains("touch Package.swift"), "\(stale.log)")

    try await workspace.touch("Package.swift")
    let replanned = try await workspace.build()
    #expect(replanned.status != 0)
    #expect(replanned.log.contains("'base' names target 'NoSuchTarget', which is not a target of this package"), "\(replanned.log)")
    #expect(replanned.log.contains("ConsumerApp/snapgen.json"), "\(replanned.log)")

    try await workspace.reset()
    try await workspace.touch("Package.swift")
    let fixed = try await workspace.build()
    #expect(fixed.status == 0, "\(fixed.log)")
  }
}
