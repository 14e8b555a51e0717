// An embedder of SnapshotKit: its own ops, a snapshot of its own internal JS that captures
// them, and a runtime booted from that snapshot.
//
//   swift run snapgen-embedder-example
//
// It imports FoundationEssentials, not Foundation, as SnapshotKit does: a runtime process then
// does not load full Foundation and its own copy of ICU.
import FoundationEssentials
import Glibc
import SnapshotKit

let jsFolder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "js").path

do {
  // 1. The op table is declared once, in js/ops.json: snapgen reads it to build (snapgen.json
  //    names it), and the runtime reads it to bind implementations in the same order.
  let manifest = try OpManifest(contentsOf: jsFolder + "/ops.json")
  let ops = try OpRegistry(
    manifest: manifest,
    sync: [
      "op_log": { call throws(OpError) in
        print("[js]", try call.string(0))
        return .undefined
      },
      "op_greeting_prefix": { _ throws(OpError) in .string("Hello from Swift") },
    ],
    async: [
      "op_lookup_number": { arguments throws(OpError) in
        guard case .string(let key) = arguments[0] else { throw .typeError("lookup: the key must be a string") }
        try? await Task.sleep(for: .milliseconds(5))  // pretend to ask a service
        return .number(Double(key.count * 7))
      }
    ])

  // 2. Build the snapshot. A real runtime does this at build time (snapgen build, or the
  //    SwiftPM plugin) and ships snapshot.bin; it is done here to keep the example whole.
  try V8Engine.initialize(fixedSeeds: true)
  let configuration = try BuildConfiguration.load(from: jsFolder)
  let snapshot = try SnapshotBuilder(configuration: configuration).build().file

  // 3. Boot from it: no JS is parsed or run at startup; the op table is checked first.
  let runtime = try JSRuntime.boot(from: snapshot, ops: ops)
  try runtime.evaluate("log(greet('embedder'))")
  try runtime.evaluate("lookup('answer').then((text) => log(text))")
  try runtime.runEventLoop()
  print("booted in \((runtime.timings.total.milliseconds * 100).rounded() / 100) ms")
} catch {
  let message = Array("error: \(error)\n".utf8)
  _ = write(STDERR_FILENO, message, message.count)
  exit(1)
}
