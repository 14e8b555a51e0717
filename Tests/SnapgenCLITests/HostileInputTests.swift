import Foundation
import SnapgenTestSupport
import Testing

/// Hostile inputs that need more than files: FIFOs, device outputs, symlinks, signatures,
/// relative folders and a killed parent.
@Suite("hostile input", .serialized)
struct HostileInputTests {
  @Test("a FIFO where a snapshot or a config is expected is refused at once, not waited on")
  func fifos() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = 1;\n"])
    #expect(mkfifo(tree("pipe.bin"), 0o600) == 0)
    #expect(mkfifo(tree("snapgen.json"), 0o600) == 0)
    let inspect = try await SnapgenCLI.run(["inspect", tree("pipe.bin")], timeLimit: .seconds(30))
    #expect(!inspect.timedOut && inspect.status == 1)
    #expect(inspect.stderr.contains("not a regular file (a FIFO)"), "\(inspect.stderr)")
    let build = try await SnapgenCLI.run(["build", tree.path, "-o", tree("out.bin")], timeLimit: .seconds(30))
    #expect(!build.timedOut && build.status == 1)
    #expect(build.stderr.contains("cannot read snapgen.json: not a regular file (a FIFO)"), "\(build.stderr)")
  }

  @Test("an output that is a device or a pipe is refused; a symlink to a file is written through")
  func outputs() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = 1;\n"])
    let device = try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", "/dev/null"])
    #expect(device.status == 1)
    #expect(device.stderr.contains("cannot write /dev/null: it is a device, not a regular file"), "\(device.stderr)")
    try Data("old".utf8).write(to: URL(fileURLWithPath: tree("real.bin")))
    try FileManager.default.createSymbolicLink(atPath: tree("link.bin"), withDestinationPath: "real.bin")
    let linked = try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("link.bin")])
    #expect(linked.status == 0, "\(linked.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: tree("link.bin")) == "real.bin")
    let inspect = try await SnapgenCLI.run(["inspect", tree("real.bin")])
    #expect(inspect.status == 0, "\(inspect.stderr)")
  }

  @Test("verify --config with a relative folder finds its snapgen.json")
  func verifyRelativeConfig() async throws {
    let built = try await FixtureSnapshots.shared.build("probe-js")
    let result = try await SnapgenCLI.run(["verify", built.snapshot, "--config", "."], in: built.project)
    #expect(result.stdout.contains("ok   staleness"), "\(result.stdout)\(result.stderr)")
  }

  @Test("verify --expect awaits promises and stops an expression that never ends (--expect-timeout)")
  func expectationsAwaitAndStop() async throws {
    let built = try await FixtureSnapshots.shared.build("probe-js")
    let arguments = [
      "verify", built.snapshot, "--expect-timeout", "1", "--json",
      "--expect", "Promise.resolve(greet('x').length > 0)",
      "--expect", "Promise.reject(new Error('nope'))",
      "--expect", "new Promise(() => {})",
      "--expect", "(() => { for (;;) {} })()",
      "--expect", "1 + 1 === 2",
    ]
    let result = try await SnapgenCLI.run(arguments, timeLimit: .seconds(60))
    #expect(result.status == 6, "\(result)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let outcomes = (report["expectations"] as? [[String: Any]] ?? []).map { ($0["passed"] as? Bool ?? false, $0["result"] as? String ?? "") }
    #expect(outcomes.count == 5)
    guard outcomes.count == 5 else { return }
    #expect(outcomes[0] == (true, "true"))
    #expect(outcomes[1] == (false, "Error: nope"))
    #expect(outcomes[2] == (false, "the promise never settled"))
    #expect(outcomes[3] == (false, "did not finish within 1 s and was stopped"))
    #expect(outcomes[4] == (true, "true"), "the runtime runs JavaScript again after a stopped expression")
  }

  @Test("heap exhaustion and deep recursion at run time end in errors, not in a V8 abort or SIGSEGV")
  func runtimeLimits() async throws {
    let allocate = "const a = []; for (;;) a.push(new Array(1000).fill(1));"
    let heap = try await SnapgenCLI.run(
      ["run", "--from-sources", Repository.root + "/internal-js", "--v8-flag=--max-old-space-size=64", "--eval", allocate])
    #expect(heap.status == 1, "\(heap)")
    #expect(heap.stderr.contains("JavaScript ran out of memory"), "\(heap.stderr)")
    let inTimer = try await SnapgenCLI.run(
      ["run", "--from-sources", Repository.root + "/internal-js", "--v8-flag=--max-old-space-size=64",
       "--eval", "setTimeout(() => { \(allocate) }, 1); 0"])
    #expect(inTimer.status == 1 && inTimer.stderr.contains("JavaScript ran out of memory"), "\(inTimer)")
    // A stack bigger than the process's own is refused; an allowed one overflows politely.
    let recurse = "function f() { return f() + 1; } f()"
    let tooBig = try await SnapgenCLI.run(
      ["run", "--from-sources", Repository.root + "/internal-js", "--v8-flag=--stack-size=100000", "--eval", recurse],
      prefix: ["prlimit", "--stack=8388608"])
    #expect(tooBig.status == 1 && tooBig.stderr.contains("asks for a 100000 KB stack"), "\(tooBig)")
    let allowed = try await SnapgenCLI.run(
      ["run", "--from-sources", Repository.root + "/internal-js", "--v8-flag=--stack-size=7000", "--eval", recurse],
      prefix: ["prlimit", "--stack=8388608"])
    #expect(allowed.status == 1 && allowed.stderr.contains("RangeError: Maximum call stack size exceeded"), "\(allowed)")
  }

  @Test("signed snapshots: keygen, build --sign, verify --trusted-key passes; other keys, no signature and tampering fail with 7")
  func signing() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = 1;\n"])
    #expect(try await SnapgenCLI.run(["keygen", tree("key")]).status == 0)
    #expect(try await SnapgenCLI.run(["keygen", tree("other")]).status == 0)
    let again = try await SnapgenCLI.run(["keygen", tree("key")])
    #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
    let mode = try FileManager.default.attributesOfItem(atPath: tree("key"))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("signed.bin"), "--sign", tree("key")]).status == 0)
    #expect(try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("plain.bin")]).status == 0)
    let good = try await SnapgenCLI.run(["verify", tree("signed.bin"), "--trusted-key", tree("key.pub")])
    #expect(good.status == 0 && good.stdout.contains("ok   signature"), "\(good.stdout)")
    let other = try await SnapgenCLI.run(["verify", tree("signed.bin"), "--trusted-key", tree("other.pub")])
    #expect(other.status == 7 && other.stderr.contains("not trusted here"), "\(other.stderr)")
    let unsigned = try await SnapgenCLI.run(["verify", tree("plain.bin"), "--trusted-key", tree("key.pub")])
    #expect(unsigned.status == 7 && unsigned.stderr.contains("not signed"), "\(unsigned.stderr)")
    let runSigned = try await SnapgenCLI.run(["run", "-s", tree("signed.bin"), "--trusted-key", tree("key.pub"), "--eval", "x + 1"])
    #expect(runSigned.status == 0 && runSigned.stdout == "2\n", "\(runSigned.stderr)")
    let runUnsigned = try await SnapgenCLI.run(["run", "-s", tree("plain.bin"), "--trusted-key", tree("key.pub"), "--eval", "1"])
    #expect(runUnsigned.status == 7 && runUnsigned.stderr.contains("plain.bin: error: the snapshot is not signed"), "\(runUnsigned.stderr)")
    let wrongKind = try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("x.bin"), "--sign", tree("key.pub")])
    #expect(wrongKind.status == 1 && wrongKind.stderr.contains("this is a public key"), "\(wrongKind.stderr)")
  }

  @Test("killing a build leaves no child running (an endless module would keep a core busy)")
  func childDiesWithParent() async throws {
    let marker = "snapgen-orphan-\(UUID().uuidString)"
    let tree = try TemporaryTree(["\(marker).js": "for (;;) {}\n"])
    // Only the parent is killed (the test runner's own time limit would kill the whole tree),
    // spawned and reaped here directly.
    let arguments = [SnapgenCLI.executable, "build", tree.path, "--entry", "\(marker).js", "-o", tree("s.bin"), "--timeout", "600"]
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    #expect(posix_spawn(&pid, SnapgenCLI.executable, nil, nil, argv, environ) == 0)
    var child: pid_t?
    for _ in 0..<100 where child == nil {
      try await Task.sleep(for: .milliseconds(100))
      child = Self.children(of: pid, running: "_build-child").first
    }
    let builder = try #require(child, "the build child never started")
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    // The parent is gone; its child must notice and exit within about a second.
    var alive = true
    for _ in 0..<30 where alive {
      try await Task.sleep(for: .milliseconds(100))
      let state = (try? String(contentsOfFile: "/proc/\(builder)/stat", encoding: .utf8)) ?? ""
      alive = !state.isEmpty && !state.contains(") Z ")
    }
    #expect(!alive, "a build child outlived its parent")
    if alive { kill(builder, SIGKILL) }
  }

  /// The children of `parent` whose command line contains `text`.
  static func children(of parent: pid_t, running text: String) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { pid_t($0) }.filter { pid in
      let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
      let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
      return status.split(separator: "\n").contains("PPid:\t\(parent)") && command.contains(text)
    }
  }
}
