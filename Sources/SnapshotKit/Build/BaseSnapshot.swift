public import BundleResolver
import SnapgenCrypto

/// The base snapshot of a layered build (`snapgen build --base`), read and checked before any
/// of its bytes reach V8: a sound snapgen file, signed by a trusted key when keys are given (and
/// never with a signature that does not match), not itself layered, built for this V8, platform
/// and flags, and with exactly the op table of the app.
struct BaseSnapshot {
  /// Absolute path.
  var path: String
  var file: SnapshotFile

  /// How diagnostics name the base.
  var display: String { FilePaths.display(path) }

  /// The modules `base:` specifiers name, in the base's data-slot order.
  var modules: BaseModules

  /// Loads and checks the base of `configuration`, whose app is built against `manifest`.
  static func load(for configuration: BuildConfiguration, manifest: OpManifest) throws(DiagnosticError) -> BaseSnapshot? {
    guard let path = configuration.base else { return nil }
    let display = FilePaths.display(path)
    func refuse(_ message: String, notes: [String] = []) -> DiagnosticError {
      DiagnosticError([.error(message, file: display, notes: notes)])
    }
    let file: SnapshotFile
    do { file = try SnapshotFile.load(contentsOf: path) } catch {
      throw refuse("cannot use this file as the base snapshot: \(error)")
    }
    if file.header.isSigned || !configuration.baseTrustedKeys.isEmpty {
      var keys: [Ed25519.PublicKey] = []
      for keyPath in configuration.baseTrustedKeys {
        do { keys.append(try SigningKeyFile.readPublicKey(keyPath)) } catch {
          throw DiagnosticError([.error(error.reason, file: FilePaths.display(error.path))])
        }
      }
      // Without trusted keys a signed base must still carry an intact signature of its own signer.
      if keys.isEmpty, let signer = file.signature?.publicKey, let key = try? Ed25519.PublicKey(rawRepresentation: signer) {
        keys = [key]
      }
      do { try file.checkSignature(trustedKeys: keys) } catch {
        throw refuse("the base snapshot is not accepted: \(error)")
      }
    }
    if file.metadata.base != nil {
      throw refuse(
        "the base snapshot is itself built on a base (\(file.metadata.base!.file)); snapgen builds one layer on a runtime snapshot, not layers on layers",
        notes: ["build the app on the runtime snapshot that base was built on"])
    }
    let environment = RuntimeEnvironment(
      v8Version: V8Engine.version, v8Flags: configuration.v8Flags, platform: Platform.current, ops: manifest)
    do { try environment.check(file.metadata) } catch {
      if case .opTableMismatch(let difference) = error {
        throw refuse(
          "the app's op table differs from the base snapshot's: \(difference.described(snapshot: "the base", runtime: "the app"))",
          notes: ["an app built on a base uses the base's ops; give it the same \"ops\" as the base's snapgen.json (`snapgen inspect \(display)` lists them)"])
      }
      throw refuse("the base snapshot is incompatible with this build: \(error)")
    }
    return BaseSnapshot(path: path, file: file, modules: BaseModules(names: file.metadata.modules.map(\.name), file: display))
  }

  /// `path` relative to the folder `root` (with `../` where needed), so that no machine path
  /// reaches a header or an input digest.
  static func location(of path: String, from root: String) -> String {
    let target = (FilePaths.canonical(path) ?? FilePaths.normalize(path)).split(separator: "/")
    let base = (FilePaths.canonical(root) ?? FilePaths.normalize(root)).split(separator: "/")
    var common = 0
    while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
    return (Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)).joined(separator: "/")
  }

  /// What the app's header records about this base.
  func record(relativeTo root: String) -> SnapshotMetadata.BaseRecord {
    SnapshotMetadata.BaseRecord(
      file: Self.location(of: path, from: root),
      inputDigest: file.metadata.inputDigest,
      payloadDigest: InputDigest.sha256(file.payload),
      compatibilityKey: file.header.compatibilityKey.hexString,
      signer: file.signature?.publicKey.hexString,
      moduleCount: modules.names.count)
  }
}

extension BuildConfiguration {
  /// ``resolveGraph()`` for a configuration that may have a base: the base is loaded and
  /// checked, `base:` imports resolve to its modules, and `record` receives what an app's
  /// header records about it (for the input digest).
  public func resolveGraph(withBase record: inout SnapshotMetadata.BaseRecord?) throws(DiagnosticError) -> ModuleGraph {
    guard base != nil else { return try resolveGraph() }
    let loaded = try BaseSnapshot.load(for: self, manifest: try opManifest())
    var configuration = self
    configuration.resolver.baseModules = loaded?.modules
    record = loaded?.record(relativeTo: root)
    return try configuration.resolveGraph()
  }
}
