import Foundation
import SnapgenTestSupport
import Testing

/// `snapgen build --base` and `snapgen run app.snapshot.bin args…` through the real CLI (the
/// build runs in the crash-isolated child), and what `inspect` and `verify` say about the chain.
@Suite("app snapshots (CLI)", .serialized)
struct AppSnapshotCommandTests {
  /// A tree with internal-js built as `runtime.bin` and an app in `app/` whose snapgen.json
  /// names `main` and that base, with `source` as its `app.js`.
  func appOnInternalJS(main: String = "app.js#main", source: String) async throws -> TemporaryTree {
    let tree = try TemporaryTree()
    _ = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("runtime.bin")])
    try tree.write([
      "app/snapgen.json": #"{"entryPoints": ["app.js"], "main": "\#(main)", "base": "../runtime.bin"}"#,
      "app/app.js": source,
    ])
    return tree
  }

  @Test("an app built on internal-js runs its main with the arguments, awaits it, and exits with its result")
  func runMain() async throws {
    let tree = try TemporaryTree()
    _ = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("runtime.bin")])
    try tree.write([
      "app/snapgen.json": #"{"entryPoints": ["app.js"], "main": "app.js#main"}"#,
      "app/app.js": """
        import { EventTarget } from "base:src/events/event_target";
        const target = new EventTarget();
        export async function main(args) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          console.log(args.join("+"), target instanceof globalThis.EventTarget, runtime.args.length);
          return args.length + 40;
        }
        """,
    ])
    let build = try await SnapgenCLI.run(["build", tree("app"), "--base", tree("runtime.bin"), "-o", tree("app.bin")])
    #expect(build.status == 0, "\(build.stderr)")
    let run = try await SnapgenCLI.run(["run", tree("app.bin"), "a", "b"])
    #expect(run.status == 42, "\(run.stderr)")
    #expect(run.stdout == "a+b true 2\n")
    let inspect = try await SnapgenCLI.run(["inspect", tree("app.bin")])
    #expect(inspect.stdout.contains("  base        ../runtime.bin: 42 modules exposed"), "\(inspect.stdout)")
    #expect(inspect.stdout.contains("  main        app.js#main (data slot 0)"))
    // The runtime snapshot has no main: running it that way says so.
    let noMain = try await SnapgenCLI.run(["run", tree("runtime.bin")])
    #expect(noMain.status == 1)
    #expect(noMain.stderr.contains("the snapshot has no main function"), "\(noMain.stderr)")
  }

  @Test("a main that throws exits with 1 and names the function")
  func mainThrows() async throws {
    let tree = try await appOnInternalJS(source: "export function main() {\n  throw new TypeError('no input');\n}\n")
    _ = try await SnapgenCLI.run(["build", tree("app"), "-o", tree("app.bin")])
    let run = try await SnapgenCLI.run(["run", tree("app.bin")])
    #expect(run.status == 1)
    #expect(run.stderr.contains("app.js#main: TypeError: no input"), "\(run.stderr)")
  }

  @Test("only a number main returns is its exit code, and it must be a whole number from 0 to 255")
  func mainResults() async throws {
    let tree = try await appOnInternalJS(source: """
      export function main(args) {
        return { number: 7, max: 255, string: "3", object: { valueOf: () => 4 }, huge: 2 ** 40, half: 1.5, minus: -1, nan: NaN, infinite: -Infinity }[args[0]];
      }
      """)
    let build = try await SnapgenCLI.run(["build", tree("app"), "-o", tree("app.bin")])
    try #require(build.status == 0, "\(build.stderr)")
    for (argument, status) in [("number", 7), ("max", 255), ("string", 0), ("object", 0), ("none", 0)] {
      let run = try await SnapgenCLI.run(["run", tree("app.bin"), argument])
      #expect(run.status == Int32(status), "\(argument): \(run)")
    }
    for (argument, shown) in [("huge", "1099511627776"), ("half", "1.5"), ("minus", "-1"), ("nan", "NaN"), ("infinite", "-Infinity")] {
      let run = try await SnapgenCLI.run(["run", tree("app.bin"), argument])
      #expect(run.status == 1, "\(argument): \(run)")
      #expect(run.stderr.contains("app.js#main: main returned \(shown), which is not an exit code (a whole number from 0 to 255)"), "\(run.stderr)")
    }
  }

  @Test("a main that is not an exported function fails the build, and nothing is written")
  func mainNotAFunction() async throws {
    let tree = try await appOnInternalJS(main: "app.js#start", source: "export const start = 3;\n")
    let build = try await SnapgenCLI.run(["build", tree("app"), "-o", tree("app.bin")])
    #expect(build.status == 1)
    #expect(build.stderr.contains("snapgen.json:1:29: error: 'main' app.js#start: main 'start' is not a function: the export is not a function"), "\(build.stderr)")
    #expect(!FileManager.default.fileExists(atPath: tree("app.bin")))
  }

  @Test("the build cache keys an app snapshot by its base: a cached app is not served for another base")
  func cacheKeysByBase() async throws {
    let tree = try TemporaryTree()
    try tree.write([
      "base/snapgen.json": #"{"entryPoints": ["lib.js"]}"#,
      "base/lib.js": "export const name = 'one';\n",
      "app/snapgen.json": #"{"entryPoints": ["app.js"], "main": "app.js#main"}"#,
      "app/app.js": "import { name } from 'base:lib';\nexport function main() {\n  return name === 'two' ? 2 : 1;\n}\n",
    ])
    func buildApp() async throws -> String? {
      let result = try await SnapgenCLI.run([
        "build", tree("app"), "--base", tree("base.bin"), "-o", tree("app.bin"), "--json", "--cache-dir", tree("cache"),
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      return summary?["cache"] as? String
    }
    _ = try await SnapgenCLI.run(["build", tree("base"), "-o", tree("base.bin"), "--no-cache"])
    #expect(try await buildApp() == "miss")
    #expect(try await buildApp() == "hit-local")
    try tree.write(["base/lib.js": "export const name = 'two';\n"])
    _ = try await SnapgenCLI.run(["build", tree("base"), "-o", tree("base.bin"), "--no-cache"])
    #expect(try await buildApp() == "miss")
    // The app built on the second base sees it (its main returns 2 for 'two').
    let run = try await SnapgenCLI.run(["run", tree("app.bin")])
    #expect(run.status == 2, "\(run.stderr)")
  }
}
