import Foundation
import SnapgenTestSupport
import Testing

/// `verify` of an app built with `--entry` from another folder than the snapshot's: the base
/// is recorded relative to the build folder, so it is looked for in the wrong place; the error
/// now says so and how to point verify at the build folder.
@Suite("verify: where an app's base is looked for (CLI)", .serialized)
struct VerifyAppBaseHintTests {
  @Test("without a config, a base that is not found names the recorded path and --config")
  func baseNotFoundWithoutConfig() async throws {
    let tree = try TemporaryTree(["runtime/main.js": "export const x = 1;\n", "src/app/app.js": "export const y = 2;\n"])
    let runtime = try await SnapgenCLI.run(["build", tree("runtime"), "--entry", "main.js", "-o", tree("base.bin")])
    #expect(runtime.status == 0, "\(runtime.stderr)")
    let app = try await SnapgenCLI.run(
      ["build", tree("src/app"), "--entry", "app.js", "--base", tree("base.bin"), "-o", tree("app.bin"), "--no-cache"])
    #expect(app.status == 0, "\(app.stderr)")
    let verify = try await SnapgenCLI.run(["verify", tree("app.bin")])
    #expect(verify.status == 1)
    #expect(verify.stderr.contains("the app records its base as '../../base.bin' from the folder it was built in; pass --config"), "\(verify.stderr)")
    // Pointed at the build folder, the same file verifies.
    try Data("{\"entryPoints\": [\"app.js\"]}".utf8).write(to: URL(fileURLWithPath: tree("src/app/snapgen.json")))
    // (The config differs from the --entry build, so staleness fails; the base check passes.)
    let pointed = try await SnapgenCLI.run(["verify", tree("app.bin"), "--config", tree("src/app")], in: tree.path)
    #expect(pointed.stdout.contains("ok   base             built on base.bin"), "\(pointed.stdout)")
  }
}
