import BundleResolver
import SnapgenCrypto

extension SnapshotVerifier {
  /// The `base` check of a layered snapshot: the base it records must be here, a sound
  /// snapshot, intact when signed, compatible with this process like the app itself, and the
  /// very base the app was built on (a changed base makes the app stale).
  func checkBase(_ file: SnapshotFile, configuration: BuildConfiguration?, flags: [String], manifest: OpManifest, into report: inout VerifyReport) {
    guard let record = file.metadata.base else { return }
    let root = configuration?.root ?? FilePaths.directory(of: FilePaths.canonical(snapshotPath) ?? snapshotPath)
    let path = configuration?.base ?? FilePaths.join(root, record.file)
    let display = FilePaths.display(path)
    func fail(_ message: String, _ outcome: VerifyReport.Outcome) {
      report.record(.init(name: "base", status: .failed, message: "\(display): \(message)"), failing: outcome)
    }
    let base: SnapshotFile
    do { base = try SnapshotFile.load(contentsOf: path) } catch {
      if case .unreadable = error {
        // Without a config the recorded path is taken from the snapshot's folder, which need not
        // be the folder the app was built from (`build src --entry app.js -o out/app.bin`).
        let hint =
          configuration == nil
          ? " (the app records its base as '\(record.file)' from the folder it was built in; pass --config with that folder, or its snapgen.json)"
          : ""
        return fail("the base snapshot cannot be read: \(error)\(hint)", .error)
      }
      return fail("the base snapshot is not valid: \(error)", .invalid)
    }
    if let signer = base.signature?.publicKey {
      let keys = trustedKeys.isEmpty ? [(try? Ed25519.PublicKey(rawRepresentation: signer))].compactMap { $0 } : trustedKeys
      do { try base.checkSignature(trustedKeys: keys) } catch { return fail("the base snapshot is not accepted: \(error)", .untrusted) }
    } else if !trustedKeys.isEmpty {
      return fail("the base snapshot is not signed", .untrusted)
    }
    do {
      try base.checkCompatibility(
        with: RuntimeEnvironment(v8Version: V8Engine.version, v8Flags: flags, platform: Platform.current, ops: manifest))
    } catch {
      return fail("the base snapshot is incompatible: \(error)", .incompatible)
    }
    let payloadDigest = InputDigest.sha256(base.payload)
    guard payloadDigest == record.payloadDigest, base.header.compatibilityKey.hexString == record.compatibilityKey else {
      let sources = base.metadata.inputDigest == record.inputDigest ? "same sources, other bytes" : "its sources changed"
      return fail("stale: the base snapshot changed since this app was built on it (\(sources)); rebuild the app", .stale)
    }
    report.record(.init(
      name: "base", status: .passed,
      message: "built on \(display) (input digest \(record.inputDigest.prefix(12))), which is unchanged and compatible"),
      failing: .stale)
  }
}
