import ArgumentParser
import FoundationEssentials
import Glibc
import SnapshotKit

/// `snapgen inspect`: what a snapshot.bin holds and whether this snapgen can boot it.
struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", abstract: "Show a snapshot's header and module list.")

  @Argument(help: "The snapshot file.")
  var snapshot: String = "snapshot.bin"

  @Flag(help: "Print the header as JSON on stdout.")
  var json = false

  func run() throws {
    let file: SnapshotFile
    do { file = try SnapshotFile.load(contentsOf: snapshot) } catch {
      switch error {
      case .unreadable(let failure):
        Terminal.error("\(snapshot): error: cannot read the file: \(failure.reason)")
        throw ExitCode.failure
      case .invalid(let problem):
        Terminal.error("\(snapshot): error: \(problem)")
        throw ExitCode(ExitStatus.invalidSnapshot.rawValue)
      }
    }
    let metadata = file.metadata
    let header = file.header
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      let report = InspectReport(
        formatVersion: Int(SnapshotHeader.formatVersion), headerSize: header.headerSize, rawSize: header.rawSize,
        storedSize: header.storedSize, codec: header.codec.name,
        payloadCRC32: header.payloadChecksum, metadata: metadata)
      Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
      return
    }
    Terminal.out("""
      \(snapshot): snapgen snapshot, format \(SnapshotHeader.formatVersion)
        built by    snapgen \(metadata.snapgenVersion) with V8 \(metadata.v8Version) for \(metadata.platform)
        V8 flags    \(metadata.v8Flags.isEmpty ? "(none)" : metadata.v8Flags.joined(separator: " "))
        payload     \(header.codec.name), \(header.storedSize) bytes stored, \(header.rawSize) raw
        signature   \(file.signature.map { "Ed25519, key \(SnapshotSignature.fingerprint(of: $0.publicKey)) (not checked here: verify --trusted-key)" } ?? "none")
        options     function code \(metadata.options.functionCode.rawValue), deterministic \(metadata.options.deterministic)
        ops         \(metadata.ops.map(\.name).joined(separator: ", "))
        op digest   \(metadata.opTableDigest)
        input       \(metadata.inputDigest)
        entry       \(metadata.entryPoints.joined(separator: ", "))
        modules     \(metadata.modules.count)
      """)
    for module in metadata.modules {
      Terminal.out("      \(module.name) (\(module.size) bytes)")
    }
    if let base = metadata.base {
      Terminal.out("""
          base        \(base.file): \(base.moduleCount) modules exposed, signer \(base.signer.map { String($0.prefix(16)) } ?? "none")
                      input \(base.inputDigest)
                      payload sha256 \(base.payloadDigest)
                      compatibility \(base.compatibilityKey)
        """)
    }
    if let main = metadata.main { Terminal.out("  main        \(main.module)#\(main.export) (data slot \(main.slot))") }
  }
}

/// The JSON shape of `snapgen inspect --json`.
struct InspectReport: Encodable {
  var formatVersion: Int
  var headerSize: Int
  var rawSize: Int
  var storedSize: Int
  var codec: String
  var payloadCRC32: UInt32
  var metadata: SnapshotMetadata
}
