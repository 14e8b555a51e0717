import Foundation
import SnapgenTestSupport
import Testing

/// `snapgen graph`, `--diagnostics-format json`, `--depfile` and the resolution config keys.
@Suite("snapgen graph and resolution options", .serialized)
struct GraphCommandTests {
  static let tree = [
    "snapgen.json": #"{"entryPoints": ["main.js"], "importMap": "map.json", "schemes": {"internal": "lib"}}"#,
    "map.json": #"{"imports": {"util": "./lib/util.js"}}"#,
    "main.js": "import 'util';\nimport 'internal:extra';\n",
    "lib/util.js": "export const u = 1;\n",
    "lib/extra.js": "import './util.js';\n",
  ]

  @Test("text, JSON and DOT output")
  func formats() async throws {
    let tree = try TemporaryTree(Self.tree)
    let folder = tree.path
    let text = try await SnapgenCLI.run(["graph", folder], in: folder)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("3 modules, 3 imports, 0 cycles; evaluation order:\n1. lib/util.js\n2. lib/extra.js\n"))
    #expect(text.stdout.contains("     1:8 'util' → lib/util.js"))
    let json = try await SnapgenCLI.run(["graph", folder, "--json"], in: folder)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["modules"] as? [Any])?.count == 3)
    #expect((object["inputFiles"] as? [String])?.sorted() == ["lib/extra.js", "lib/util.js", "main.js", "map.json", "snapgen.json"])
    let dot = try await SnapgenCLI.run(["graph", folder, "--format", "dot"], in: folder)
    #expect(dot.stdout.hasPrefix("digraph modules {"))
    #expect(dot.stdout.contains("[label=\"util\"]"))
  }

  @Test("--depfile writes a Make rule with every input, config and import map included")
  func depfile() async throws {
    let tree = try TemporaryTree(Self.tree)
    let folder = tree.path
    let result = try await SnapgenCLI.run(["build", folder, "-o", "out.bin", "--depfile", "out.d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: folder + "/out.d", encoding: .utf8)
    #expect(text == "out.bin: \\\n" + ["lib/extra.js", "lib/util.js", "main.js", "map.json", "snapgen.json"].map { "  \(folder)/\($0)" }.joined(separator: " \\\n") + "\n")
  }

  @Test("--diagnostics-format json prints every error as one JSON document")
  func jsonDiagnostics() async throws {
    let tree = try TemporaryTree(["main.js": "import './nope.js';\nimport 'missing-pkg';\n"])
    let folder = tree.path
    let result = try await SnapgenCLI.run(["build", folder, "--entry", "main.js", "--diagnostics-format", "json"], in: folder)
    #expect(result.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.map { $0["line"] as? Int } == [1, 2])
    #expect(diagnostics.allSatisfy { $0["file"] as? String == "main.js" && $0["severity"] as? String == "error" })
    #expect((diagnostics[0]["message"] as? String)?.hasPrefix("cannot find module './nope.js'") == true)
  }

  @Test("a JSON module builds and boots through the CLI")
  func jsonModule() async throws {
    let tree = try TemporaryTree(["main.js": "import c from './c.json' assert { type: 'json' };\nglobalThis.c = c;\n", "c.json": "{\"k\": [1, 2]}"])
    let folder = tree.path
    let build = try await SnapgenCLI.run(["build", folder, "--entry", "main.js", "-o", "s.bin"], in: folder)
    #expect(build.status == 0, "\(build.stderr)")
    let run = try await SnapgenCLI.run(["run", "-s", "s.bin", "--eval", "c.k.length"], in: folder)
    #expect(run.stdout == "2\n", "\(run.stderr)")
  }

  @Test("bad values of the resolution keys are config errors")
  func configErrors() async throws {
    let tree = try TemporaryTree([
      "snapgen.json": #"{"entryPoints": ["main.js"], "importMap": 3, "schemes": {"x": "a", "file": "b"}, "packageRoots": "v", "bundlerResolution": "yes", "dynamicImports": "ignore", "conditions": []}"#,
      "main.js": "",
    ])
    let folder = tree.path
    let result = try await SnapgenCLI.run(["graph", folder], in: folder)
    #expect(result.status == 1)
    for expected in [
      "'importMap' must be the path of an import map JSON file",
      "'schemes' key 'file' is not a usable URL scheme",
      "'schemes' key 'x' is not a usable URL scheme",
      "'packageRoots' must be an array of strings",
      "'bundlerResolution' must be true or false",
      "'dynamicImports' must be \"warning\" or \"error\"",
      "'conditions' must be a non-empty array of strings",
    ] {
      // Each problem is located at its key: snapgen.json:LINE:COLUMN: error: …
      let located = result.stderr.split(separator: "\n").contains { line in
        line.hasPrefix("snapgen.json:") && line.contains(": error: " + expected) && line.split(separator: ":").count >= 4
      }
      #expect(located, "\(expected)\n\(result.stderr)")
    }
  }
}
