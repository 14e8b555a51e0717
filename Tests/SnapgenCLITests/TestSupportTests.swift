import Foundation
import SnapgenTestSupport
import Testing

/// SnapgenTestSupport itself: the runner's stdin, environment and time limit, temporary trees,
/// what the golden scrubber replaces and what a golden mismatch reports.
@Suite("test support")
struct TestSupportTests {
  @Test("the runner feeds stdin, adds environment variables and runs in the given folder")
  func runner() async throws {
    let tree = try TemporaryTree(["here.txt": "x"])
    let cat = try await SnapgenCLI.run([], program: "/bin/cat", stdin: "line one\n")
    #expect(cat.status == 0 && cat.stdout == "line one\n", "\(cat)")
    let env = try await SnapgenCLI.run(["-c", "echo $SNAPGEN_PROBE; ls"], program: "/bin/sh", environment: ["SNAPGEN_PROBE": "seen"], in: tree.path)
    #expect(env.stdout == "seen\nhere.txt\n", "\(env)")
    let failing = try await SnapgenCLI.run(["-c", "echo oops >&2; exit 3"], program: "/bin/sh")
    #expect(failing.status == 3 && failing.stderr == "oops\n" && !failing.timedOut)
  }

  @Test("a run over its time limit is killed with everything it started and says so")
  func timeLimit() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    // The shell's background sleep holds stdout open: only killing it too ends the run early.
    let result = try await SnapgenCLI.run(["-c", "sleep 60 & wait"], program: "/bin/sh", timeLimit: .seconds(1))
    #expect(result.timedOut)
    #expect(result.status == 128 + 9)
    #expect(clock.now - start < .seconds(30))
  }

  @Test("a temporary tree holds its files and is removed when released")
  func temporaryTree() throws {
    var path = ""
    do {
      let tree = try TemporaryTree(["a/b.txt": "b"])
      path = tree.path
      #expect(tree.contents(of: "a/b.txt") == Data("b".utf8))
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: tree("a"))
    }
    #expect(!path.isEmpty && !FileManager.default.fileExists(atPath: path))
  }

  @Test("the standard scrubber replaces paths (plain and JSON-escaped), durations and V8/platform strings only")
  func scrubber() {
    let scrubber = OutputScrubber.standard(paths: ["work": "/scratch/snapgen-x", "nested": "/scratch/snapgen-x/out"])
    let text = #"wrote /scratch/snapgen-x/out/a.bin in 12 ms; {"milliseconds":3.5,"output":"\/scratch\/snapgen-x\/b.bin"} V8 10.2.154.26-node.37 for linux-x86_64, 473288 bytes"#
    #expect(
      scrubber.scrub(text)
        == #"wrote <nested>/a.bin in <ms> ms; {"milliseconds":<ms>,"output":"<work>\/b.bin"} V8 <v8> for <platform>, 473288 bytes"#)
  }

  @Test("a line diff marks removed and added lines and folds distant context")
  func diff() {
    let expected = (1...20).map { "line \($0)" }.joined(separator: "\n")
    let actual = expected.replacingOccurrences(of: "line 10\n", with: "line ten\n")
    let diff = LineDiff.render(expected: expected, actual: actual, context: 1)
    #expect(diff == "  …\n  line 9\n- line 10\n+ line ten\n  line 11\n  …")
  }

  @Test("a mismatch and a missing golden are recorded as failures")
  func mismatchFails() throws {
    let tree = try TemporaryTree(["out.txt": "expected\n"])
    let golden = Golden(folder: tree.path)
    guard !Golden.isRecording else { return }
    withKnownIssue("the mismatch must be recorded") {
      try golden.expect("actual\n", matches: "out.txt")
    }
    withKnownIssue("the missing golden must be recorded") {
      try golden.expect("anything\n", matches: "missing.txt")
    }
    #expect(throws: Never.self) { try golden.expect("expected\n", matches: "out.txt") }
  }
}
