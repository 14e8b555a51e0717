import Foundation
import SnapgenTestSupport
import Testing

@Suite("snapgen run programs", .serialized)
struct RunCommandTests {
  @Test("a script using timers, async file reads and environment variables exits with its chosen code")
  func programExitCode() async throws {
    let tree = try TemporaryTree()
    _ = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("snapshot.bin")])
    try tree.write([
      "input.txt": "twelve",
      "main.js": """
        const started = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
        const text = await runtime.readTextFile(runtime.args[0]);
        const home = runtime.env.get("HOME");
        console.log(`read ${text.length} chars after ${performance.now() - started >= 19 ? "waiting" : "no wait"}; HOME is ${typeof home}`);
        setTimeout(() => runtime.exit(text.length), 5);
        """,
    ])
    let result = try await SnapgenCLI.run(["run", "-s", tree("snapshot.bin"), tree("main.js"), tree("input.txt")])
    #expect(result.status == 6, "\(result.stderr)")
    #expect(result.stdout == "read 6 chars after waiting; HOME is string\n")
  }

  @Test("an uncaught error in a timer exits with 1 and names the location")
  func timerError() async throws {
    let tree = try TemporaryTree()
    _ = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", tree("snapshot.bin")])
    try tree.write(["main.js": "setTimeout(() => {\n  JSON.parse('{');\n}, 1);\n"])
    let result = try await SnapgenCLI.run(["run", "-s", tree("snapshot.bin"), "main.js"], in: tree.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("main.js:2:8: error: Uncaught (in promise) SyntaxError"), "\(result.stderr)")
  }
}

@Suite("embedder example")
struct EmbedderExampleTests {
  @Test("the example builds a snapshot capturing its own ops, boots it and calls sync and async ops")
  func example() async throws {
    let result = try await SnapgenCLI.run([], program: Repository.binFolder + "/snapgen-embedder-example")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("[js] Hello from Swift, embedder!\n[js] answer = 42\nbooted in "), "\(result.stdout)")
  }
}

@Suite("what a snapgen process loads")
struct ProcessLibrariesTests {
  /// The shared libraries the dynamic loader maps for `snapgen` (glibc's loader lists them and
  /// exits when LD_TRACE_LOADED_OBJECTS is set, without running the program).
  private func loadedLibraries() async throws -> [String] {
    let result = try await SnapgenCLI.run([], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
    #expect(result.status == 0, "\(result)")
    return result.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
  }

  @Test("snapgen links FoundationEssentials, not full Foundation or its ICU copy (issue 15)")
  func noFullFoundation() async throws {
    let libraries = try await loadedLibraries()
    #expect(libraries.contains("libnode.so.108"), "\(libraries)")
    #expect(libraries.contains("libFoundationEssentials.so"), "\(libraries)")
    for unwanted in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
      #expect(!libraries.contains(unwanted), "\(unwanted) is loaded: \(libraries)")
    }
  }
}
