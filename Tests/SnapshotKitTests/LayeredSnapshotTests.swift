import BundleResolver
import Foundation
import SnapgenCrypto
import SnapshotKit
import Testing

/// App snapshots built on a runtime snapshot (`snapgen build --base`): the app links to the
/// base's own module instances, its main function runs after boot, and every broken base or app
/// is refused with the file named before anything is written. Built and booted for real, in
/// this process (the runtimes are freed before the next build: see the README's known limits).
@Suite("layered snapshots")
struct LayeredSnapshotTests {
  init() throws { try Fixtures.prepareEngine() }

  /// A runtime whose `counter.js` holds module-level state, reachable from the base's own code
  /// as `globalThis.baseBump`.
  static let baseTree: [String: String] = [
    "main.js": "import { bump } from './lib/counter.js';\nglobalThis.baseBump = bump;\nbump();\n",
    "lib/counter.js": "export let count = 0;\nexport function bump() { count += 1; return count; }\n",
  ]

  /// Builds the base tree into `folder/base.bin` and returns the folder.
  func makeBase(ops: [OpDescriptor]? = nil, sign key: Ed25519.PrivateKey? = nil) throws -> String {
    let root = try Fixtures.moduleTree(Self.baseTree)
    var configuration = BuildConfiguration(root: root, entryPoints: ["main.js"], ops: ops)
    configuration.options.deterministic = true
    var file = try SnapshotBuilder(configuration: configuration).build().file
    if let key { file = try file.signed(with: key) }
    try Data(file.serialized()).write(to: URL(fileURLWithPath: root + "/base.bin"))
    return root
  }

  /// An app configuration in `root/app` on the base `root/base.bin`.
  func appConfiguration(_ root: String, _ files: [String: String], main: String? = nil) throws -> BuildConfiguration {
    for (name, text) in files {
      let path = root + "/app/" + name
      try FileManager.default.createDirectory(atPath: FilePaths.directory(of: path), withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    var configuration = BuildConfiguration(root: root + "/app", entryPoints: ["app.js"])
    configuration.base = root + "/base.bin"
    configuration.main = main
    return configuration
  }

  func buildError(_ configuration: BuildConfiguration) -> String {
    do {
      _ = try SnapshotBuilder(configuration: configuration).build()
      return "built"
    } catch {
      return error.description
    }
  }

  @Test("base: imports link to the base's module instance: module-level state is shared, and main runs after boot")
  func sharedInstanceAndMain() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = try appConfiguration(root, [
      "app.js": """
        import { bump, count } from "base:lib/counter.js";
        globalThis.appCount = () => count;
        export const atBuild = count;
        export function main(args) { bump(); return count * 10 + args.length; }
        """,
    ], main: "app.js#main")
    let file = try SnapshotBuilder(configuration: configuration).build().file
    #expect(file.metadata.base?.moduleCount == 2)
    #expect(file.metadata.modules.map(\.name) == ["app.js"])
    let main = try #require(file.metadata.main)
    #expect(main.module == "app.js" && main.export == "main")
    let runtime = try JSRuntime.boot(from: file)
    // The base ran bump() once at build time; main bumps the same counter again.
    #expect(try runtime.runMain(function: main, arguments: ["a", "b", "c"]) == 23)
    // The base's own function and the app's live binding see one module, not two copies.
    #expect(try runtime.evaluate("baseBump()") == "3")
    #expect(try runtime.evaluate("appCount()") == "3")
  }

  @Test("an unknown base: module is an error at the import, with the closest exposed name")
  func unknownBaseModule() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let message = buildError(try appConfiguration(root, ["app.js": "import 'base:lib/countr.js';\n"]))
    #expect(message.contains("app.js:1:8: error: 'base:lib/countr.js' is not a module of the base snapshot"))
    #expect(message.contains("did you mean 'base:lib/counter.js'?"))
  }

  @Test("an app whose op table differs from the base's is refused, naming the base")
  func opTableDiffers() throws {
    let root = try makeBase(ops: [OpDescriptor(name: "op_a", kind: .sync, arity: 0)])
    defer { try? FileManager.default.removeItem(atPath: root) }
    var configuration = try appConfiguration(root, ["app.js": "export {};\n"])
    configuration.ops = [OpDescriptor(name: "op_b", kind: .sync, arity: 0)]
    let message = buildError(configuration)
    #expect(message.contains("base.bin: error: the app's op table differs from the base snapshot's"))
    #expect(message.contains("missing in the app: op_a"), "\(message)")
    #expect(message.contains("not in the base: op_b"), "\(message)")
  }

  @Test("an app that freezes or removes globals the runtime installed fails the build")
  func frozenRuntimeGlobal() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let message = buildError(try appConfiguration(root, [
      "app.js": "Object.defineProperty(globalThis, 'baseBump', { writable: false });\ndelete globalThis.setTimeoutNotThere;\n",
    ]))
    #expect(message.contains("app.js: error: the app changes globals the base runtime installed"))
    #expect(message.contains("'baseBump' was made read-only"))
    let frozen = buildError(try appConfiguration(root, ["app.js": "Object.freeze(globalThis.baseBump);\n"]))
    #expect(frozen.contains("'baseBump' was frozen, sealed or made non-extensible"))
    // Freezing the global object itself is caught by the pre-flight check every build has.
    let global = buildError(try appConfiguration(root, ["app.js": "Object.freeze(globalThis);\n"]))
    #expect(global.contains("app.js: error: the global object was made non-extensible"))
  }

  @Test("a corrupt base (a flipped payload byte), or one built for other V8 flags, is refused before V8 sees it")
  func corruptOrIncompatibleBase() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var configuration = try appConfiguration(root, ["app.js": "export {};\n"])
    configuration.v8Flags = ["--no-lazy"]
    let flags = buildError(configuration)
    #expect(flags.contains("base.bin: error: the base snapshot is incompatible with this build"), "\(flags)")
    configuration.v8Flags = []
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/base.bin")))
    bytes[bytes.count - 100] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: root + "/base.bin"))
    let corrupt = buildError(configuration)
    #expect(corrupt.contains("base.bin: error: cannot use this file as the base snapshot: the snapshot payload is corrupt"), "\(corrupt)")
  }

  @Test("a layered snapshot cannot be a base")
  func layeredBaseRefused() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let app = try SnapshotBuilder(configuration: try appConfiguration(root, ["app.js": "export {};\n"])).build().file
    try Data(app.serialized()).write(to: URL(fileURLWithPath: root + "/app.bin"))
    var configuration = try appConfiguration(root, ["app.js": "export {};\n"])
    configuration.base = root + "/app.bin"
    #expect(buildError(configuration).contains("app.bin: error: the base snapshot is itself built on a base"))
  }

  @Test("a signed base: another trusted key, or a changed file, is refused; the right key is accepted")
  func signedBase() throws {
    let key = try Ed25519.PrivateKey()
    let root = try makeBase(sign: key)
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try SigningKeyFile.generate(at: root + "/other")
    var configuration = try appConfiguration(root, ["app.js": "export {};\n"])
    configuration.baseTrustedKeys = [root + "/other.pub"]
    #expect(buildError(configuration).contains("base.bin: error: the base snapshot is not accepted"))
    configuration.baseTrustedKeys = []
    #expect(buildError(configuration) == "built")
    // A payload byte changed and every CRC fixed up: the signature no longer matches.
    let base = try SnapshotFile.load(contentsOf: root + "/base.bin")
    var bytes = base.serialized()
    let (headerSize, storedSize) = (base.header.headerSize, base.header.storedSize)
    bytes[headerSize + storedSize / 2] ^= 0x40
    let payloadCRC = CRC32.checksum(Array(bytes[headerSize..<(headerSize + storedSize)]))
    withUnsafeBytes(of: payloadCRC.littleEndian) { bytes.replaceSubrange(40..<44, with: $0) }
    var header = Array(bytes[0..<headerSize])
    header.replaceSubrange(20..<24, with: [0, 0, 0, 0])
    withUnsafeBytes(of: CRC32.checksum(header).littleEndian) { bytes.replaceSubrange(20..<24, with: $0) }
    try Data(bytes).write(to: URL(fileURLWithPath: root + "/base.bin"))
    #expect(buildError(configuration).contains("base.bin: error: the base snapshot is not accepted"))
  }

  @Test("verify reports an app whose base changed as stale")
  func verifyChangedBase() throws {
    let root = try makeBase()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = try appConfiguration(root, ["app.js": "import 'base:lib/counter.js';\n"])
    let app = try SnapshotBuilder(configuration: configuration).build().file
    try Data(app.serialized()).write(to: URL(fileURLWithPath: root + "/app/app.bin"))
    try #"{"entryPoints": ["app.js"], "base": "../base.bin"}"#.write(toFile: root + "/app/snapgen.json", atomically: true, encoding: .utf8)
    #expect(SnapshotVerifier(snapshotPath: root + "/app/app.bin").verify().outcome == .ok)
    // The base is rebuilt from other sources.
    try "export let count = 100;\nexport function bump() { count += 1; return count; }\n"
      .write(toFile: root + "/lib/counter.js", atomically: true, encoding: .utf8)
    let rebuilt = try SnapshotBuilder(configuration: BuildConfiguration(root: root, entryPoints: ["main.js"])).build().file
    try Data(rebuilt.serialized()).write(to: URL(fileURLWithPath: root + "/base.bin"))
    let report = SnapshotVerifier(snapshotPath: root + "/app/app.bin").verify()
    #expect(report.outcome == .stale)
    #expect(report.checks.contains { $0.name == "base" && $0.status == .failed && $0.message.contains("the base snapshot changed") })
  }
}
