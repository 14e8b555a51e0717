import SnapshotFuzzer

// snapgen-fuzz [count] [seed]: feeds `count` mutated snapshot files to the reader.
// The documented long run: swift run -c release snapgen-fuzz 1000000
let arguments = CommandLine.arguments.dropFirst()
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
