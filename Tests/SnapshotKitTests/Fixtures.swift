import BundleResolver
import Foundation
import SnapgenTestSupport
import SnapshotKit

/// Temporary module trees and small snapshots for tests.
enum Fixtures {
  /// Initialises V8 for this test process: fixed seeds, so in-process builds are reproducible.
  static func prepareEngine() throws {
    try V8Engine.initialize(flags: [], fixedSeeds: true)
  }

  /// A new empty folder under the system's temporary folder (the caller removes it).
  static func temporaryFolder(_ name: String = "snapgen-test") throws -> String {
    try TemporaryTree.kept(name: name)
  }

  /// Writes `files` (relative path → contents) into a new folder and returns its path (the
  /// caller removes it).
  static func moduleTree(_ files: [String: String]) throws -> String {
    try TemporaryTree.kept(files)
  }

  /// A two-module tree whose snapshot installs `globalThis.answer` and an `add` function over
  /// the op `op_add`.
  static let smallTree: [String: String] = [
    "main.js": """
      import { double } from "./lib/math.js";
      globalThis.answer = double(21);
      globalThis.add = (a, b) => core.ops.op_add(a, b);
      globalThis.fail = () => core.ops.op_fail();
      globalThis.echo = (value) => core.ops.op_echo(value);
      """,
    "lib/math.js": "export function double(x) { return x * 2; }\n",
  ]

  static let smallOps = [
    OpDescriptor(name: "op_add", kind: .sync, arity: 2),
    OpDescriptor(name: "op_fail", kind: .sync, arity: 0),
    OpDescriptor(name: "op_echo", kind: .sync, arity: 1),
  ]

  /// The Swift side of `smallOps`.
  static func smallRegistry() throws -> OpRegistry {
    var registry = OpRegistry()
    try registry.register("op_add", arity: 2) { call throws(OpError) in
      guard case .number(let a) = try call.argument(0), case .number(let b) = try call.argument(1) else {
        throw .typeError("op_add takes two numbers")
      }
      return .number(a + b)
    }
    try registry.register("op_fail", arity: 0) { _ throws(OpError) in throw .error("op_fail failed on purpose") }
    try registry.register("op_echo", arity: 1) { call throws(OpError) in try call.argument(0) }
    return registry
  }

  static func smallConfiguration(root: String, codec: PayloadCodec = .zlib) -> BuildConfiguration {
    BuildConfiguration(
      root: root, entryPoints: ["main.js"], options: BuildOptions(codec: codec), ops: smallOps)
  }

  /// Builds the small tree into an in-memory snapshot.
  static func smallSnapshot(codec: PayloadCodec = .zlib) throws -> SnapshotFile {
    try prepareEngine()
    let root = try moduleTree(smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    return try SnapshotBuilder(configuration: smallConfiguration(root: root, codec: codec)).build().file
  }
}
