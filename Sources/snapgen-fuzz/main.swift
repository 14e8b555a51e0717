import SnapshotFuzzer
import Glibc
import SnapshotKit

// snapgen-fuzz [count] [seed]: feeds `count` mutated snapshot files to the reader.
// The documented long run: swift run -c release snapgen-fuzz 1000000
//
// snapgen-fuzz payload SNAPSHOT [count] [seed]: mutates the V8 blob inside SNAPSHOT (built with
// the standard ops, e.g. internal-js), wraps each mutant in a well-formed file and boots it with
// signatures required; every mutant must be refused before V8 sees it.
//
// snapgen-fuzz unsigned-boot SNAPSHOT SNAPGEN [count] [seed]: what happens WITHOUT signatures:
// each unsigned mutant (valid CRCs) is booted by `SNAPGEN run --snapshot mutant --eval 1`
// in a child process, and the outcomes are counted (README, "Fuzzing").
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "unsigned-boot" {
  guard arguments.count >= 3 else {
    print("usage: snapgen-fuzz unsigned-boot SNAPSHOT SNAPGEN [count] [seed]")
    exit(64)
  }
  let count = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
  let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1
  do {
    var fuzzer = try PayloadFuzzer(snapshot: try SnapshotFile.load(contentsOf: arguments[1]), seed: seed)
    let mutantPath = "snapgen-fuzz-mutant-\(getpid()).bin"
    defer { unlink(mutantPath) }
    var outcomes: [String: Int] = [:]
    for _ in 0..<count {
      let bytes = try fuzzer.nextMutant(only: .unsigned).bytes
      let file = fopen(mutantPath, "wb")
      _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
      fclose(file)
      let outcome = try ChildProcess.run(
        arguments[2], arguments: ["run", "--snapshot", mutantPath, "--eval", "1"], timeout: .seconds(30))
      let name: String
      switch outcome.termination {
      case _ where outcome.timedOut: name = "hung (killed after 30 s)"
      case .exited(0): name = "booted and ran"
      case .exited(let code): name = "exit \(code)"
      case .signaled(let signal): name = "killed by signal \(signal)"
      }
      outcomes[name, default: 0] += 1
    }
    print("seed \(seed), \(count) unsigned mutants booted without trusted keys:")
    for (name, number) in outcomes.sorted(by: { $0.value > $1.value }) { print("  \(number) \(name)") }
    exit(0)
  } catch {
    print("error: \(error)")
    exit(1)
  }
}
if arguments.first == "payload" {
  guard arguments.count >= 2 else {
    print("usage: snapgen-fuzz payload SNAPSHOT [count] [seed]")
    exit(64)
  }
  let path = arguments[1]
  let count = arguments.count > 2 ? Int(arguments[2]) ?? 1_000 : 1_000
  let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
  do {
    try V8Engine.initialize()
    var fuzzer = try PayloadFuzzer(snapshot: try SnapshotFile.load(contentsOf: path), seed: seed)
    let summary = try fuzzer.run(count: count, ops: .standard)
    print("seed \(seed): \(summary)")
    exit(summary.booted == 0 && summary.otherRefusals.isEmpty ? 0 : 1)
  } catch {
    print("error: \(error)")
    exit(1)
  }
}
let count = arguments.first.flatMap { Int($0) } ?? 1_000_000
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 1
var fuzzer = ReaderFuzzer(seed: seed)
var total = ReaderFuzzer.Summary()
let batch = 100_000
var done = 0
while done < count {
  let summary = fuzzer.run(count: min(batch, count - done))
  done += summary.inputs
  total.inputs += summary.inputs
  total.accepted += summary.accepted
  total.resealed += summary.resealed
  total.rejections.merge(summary.rejections, uniquingKeysWith: +)
  print("\(done) inputs, no crash")
}
print("seed \(seed): \(total)")
