import Foundation
import Testing

@Suite("snapgen run programs", .serialized)
struct RunCommandTests {
  @Test("a script using timers, async file reads and environment variables exits with its chosen code")
  func programExitCode() async throws {
    let folder = try CLI.temporaryFolder()
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/snapshot.bin"])
    try CLI.write([
      "input.txt": "twelve",
      "main.js": """
        const started = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
        const text = await runtime.readTextFile(runtime.args[0]);
        const home = runtime.env.get("HOME");
        console.log(`read ${text.length} chars after ${performance.now() - started >= 19 ? "waiting" : "no wait"}; HOME is ${typeof home}`);
        setTimeout(() => runtime.exit(text.length), 5);
        """,
    ], into: folder)
    let result = try await CLI.run(["run", "-s", folder + "/snapshot.bin", folder + "/main.js", folder + "/input.txt"])
    #expect(result.status == 6, "\(result.stderr)")
    #expect(result.stdout == "read 6 chars after waiting; HOME is string\n")
  }

  @Test("an uncaught error in a timer exits with 1 and names the location")
  func timerError() async throws {
    let folder = try CLI.temporaryFolder()
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", folder + "/snapshot.bin"])
    try CLI.write(["main.js": "setTimeout(() => {\n  JSON.parse('{');\n}, 1);\n"], into: folder)
    let result = try await CLI.run(["run", "-s", folder + "/snapshot.bin", "main.js"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("main.js:2:8: error: Uncaught (in promise) SyntaxError"), "\(result.stderr)")
  }
}

@Suite("embedder example")
struct EmbedderExampleTests {
  @Test("the example builds a snapshot capturing its own ops, boots it and calls sync and async ops")
  func example() async throws {
    let binary = (CLI.executable as NSString).deletingLastPathComponent + "/snapgen-embedder-example"
    let result = try await CLI.run([], as: [binary])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("[js] Hello from Swift, embedder!\n[js] answer = 42\nbooted in "), "\(result.stdout)")
  }
}
