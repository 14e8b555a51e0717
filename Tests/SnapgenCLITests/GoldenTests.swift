import Foundation
import SnapgenTestSupport
import Testing

/// snapgen's user-facing output compared with the golden files in `Goldens/`.
///
/// After an intended change of output, re-record with
/// `SNAPGEN_RECORD_GOLDENS=1 swift test --no-parallel --filter GoldenTests` and review the diff.
/// The scrubber (see `OutputScrubber.standard`) replaces temporary paths, the repository path,
/// durations and the V8 version/platform strings with placeholders; everything else must match.
@Suite("golden outputs", .serialized)
struct GoldenTests {
  static let folder = Repository.root + "/Tests/SnapgenCLITests/Goldens"

  /// The scrubber for a run that touched `paths` (placeholder name → absolute path).
  func golden(_ paths: [String: String] = [:]) -> Golden {
    Golden(folder: Self.folder, scrubber: .standard(paths: paths.merging(["repo": Repository.root]) { a, _ in a }))
  }

  /// ArgumentParser wraps help at $COLUMNS (or the terminal's width): pin it.
  static let width = ["COLUMNS": "80"]

  static let subcommands = ["build", "inspect", "run", "verify", "bench", "graph"]

  @Test("snapgen --help")
  func rootHelp() async throws {
    let result = try await SnapgenCLI.run(["--help"], environment: Self.width)
    #expect(result.status == 0, "\(result)")
    try golden().expect(result.stdout, matches: "help.txt")
  }

  @Test("snapgen <subcommand> --help", arguments: subcommands)
  func subcommandHelp(_ subcommand: String) async throws {
    let result = try await SnapgenCLI.run([subcommand, "--help"], environment: Self.width)
    #expect(result.status == 0, "\(result)")
    try golden().expect(result.stdout, matches: "help-\(subcommand).txt")
  }

  @Test("inspect, text and --json, of the probe-js fixture")
  func inspect() async throws {
    let built = try await FixtureSnapshots.shared.build("probe-js")
    let paths = ["fixture": built.project]
    let text = try await SnapgenCLI.run(["inspect", built.snapshot])
    #expect(text.status == 0, "\(text)")
    try golden(paths).expect(text.stdout, matches: "inspect.txt")
    let json = try await SnapgenCLI.run(["inspect", built.snapshot, "--json"])
    #expect(json.status == 0, "\(json)")
    try golden(paths).expect(json.stdout, matches: "inspect.json")
  }

  @Test("graph as text, DOT and JSON, of the probe-js fixture")
  func graph() async throws {
    let project = Repository.fixtures + "/probe-js"
    for (arguments, name) in [([String](), "graph.txt"), (["--format", "dot"], "graph.dot"), (["--json"], "graph.json")] {
      // Input files are shown relative to the working directory.
      let result = try await SnapgenCLI.run(["graph", project] + arguments, in: project)
      #expect(result.status == 0, "\(result)")
      try golden(["fixture": project]).expect(result.stdout, matches: name)
    }
  }

  @Test("verify, text and --json, of the probe-js fixture")
  func verify() async throws {
    let built = try await FixtureSnapshots.shared.build("probe-js")
    let paths = ["fixture": built.project]
    let arguments = ["verify", built.snapshot, "--rebuild", "--expect", "greet('x') !== ''"]
    let text = try await SnapgenCLI.run(arguments)
    #expect(text.status == 0, "\(text)")
    try golden(paths).expect(text.stdout, matches: "verify.txt")
    let json = try await SnapgenCLI.run(arguments + ["--json"])
    #expect(json.status == 0, "\(json)")
    try golden(paths).expect(json.stdout, matches: "verify.json")
  }

  @Test("build --json of the probe-js fixture")
  func buildJSON() async throws {
    let tree = try TemporaryTree(copying: Repository.fixtures + "/probe-js")
    // A cache folder of its own: always a miss, whatever other tests built.
    let result = try await SnapgenCLI.run(["build", tree.path, "-o", tree("out.bin"), "--json", "--cache-dir", tree("cache")])
    #expect(result.status == 0, "\(result)")
    try golden(["fixture": tree.path]).expect(result.stdout, matches: "build.json")
  }
}
