import ArgumentParser
import SnapshotKit

/// `snapgen keygen`: a new Ed25519 key pair for signed snapshots.
struct KeygenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keygen",
    abstract: "Create an Ed25519 key pair for signing snapshots (build --sign, verify --trusted-key).")

  @Argument(help: "The private key file to create (mode 0600); the public key goes to <file>.pub. Existing files are never overwritten.")
  var keyFile: String

  func run() throws {
    do {
      let publicKey = try SigningKeyFile.generate(at: keyFile)
      Terminal.out("wrote \(keyFile) (private, keep it secret) and \(keyFile).pub (key \(SnapshotSignature.fingerprint(of: publicKey)))")
    } catch {
      Terminal.error("\(error.path): error: \(error.reason)")
      throw ExitCode.failure
    }
  }
}
