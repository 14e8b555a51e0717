import ArgumentParser
import FoundationEssentials
import Glibc
import SnapshotKit

/// `snapgen verify`: proves in CI that a snapshot is sound, bootable, current, reproducible and
/// behaves. The exit code names the first kind of failure (see `VerifyReport.Outcome`).
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a snapshot: format, compatibility, staleness, reproducibility and expectations.",
    discussion: """
      Exit codes: 0 all checks passed, 1 a check could not run, 2 invalid snapshot, \
      3 incompatible snapshot, 4 stale snapshot, 5 not reproducible, 6 an expectation failed, \
      7 not signed by a trusted key (with --trusted-key).
      """)

  @Argument(help: "The snapshot file.")
  var snapshot: String = "snapshot.bin"

  @Option(help: "snapgen.json (or its folder) to check staleness against. Default: next to the snapshot.")
  var config: String?

  @Flag(help: "Rebuild in a fresh process and compare bytes.")
  var rebuild = false

  @Option(name: .customLong("expect"), help: "An expression that must be truthy after boot (repeatable).")
  var expectations: [String] = []

  @Option(name: .customLong("v8-flag"), help: "V8 flag of the runtime (repeatable). Default: the config's flags.")
  var v8Flags: [String] = []

  @Option(parsing: .unconditional, help: "Seconds one --expect expression (its promise included) may run before it is stopped.")
  var expectTimeout: Int = 30

  @Option(name: .customLong("trusted-key"), help: "A public key file (snapgen keygen) that must have signed the snapshot (repeatable).")
  var trustedKeys: [String] = []

  @Flag(help: "Print the report as JSON on stdout.")
  var json = false

  func validate() throws {
    guard (1...86_400).contains(expectTimeout) else {
      throw ValidationError("--expect-timeout must be from 1 to 86400 seconds, not \(expectTimeout)")
    }
  }

  func run() throws {
    var verifier = SnapshotVerifier(snapshotPath: snapshot)
    verifier.configPath = config
    verifier.v8Flags = v8Flags.isEmpty ? nil : v8Flags
    verifier.rebuild = rebuild
    verifier.executable = Terminal.selfExecutable
    verifier.expectations = expectations
    verifier.expectationTimeLimit = .seconds(expectTimeout)
    do { verifier.trustedKeys = try trustedKeys.map(SigningKeyFile.readPublicKey) } catch {
      Terminal.error("\(error.path): error: \(error.reason)")
      throw ExitCode.failure
    }
    let report = verifier.verify()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      for check in report.checks {
        let mark = switch check.status {
        case .passed: "ok  "
        case .failed: "FAIL"
        case .skipped: "skip"
        }
        Terminal.out("\(mark) \(String(cFormat: "%-16@", String(check.name.prefix(16)))) \(check.message)")
        for detail in check.details {
          Terminal.out("       " + detail.replacing("\n", with: "\n       "))
        }
      }
      Terminal.out("\(snapshot): \(report.outcome.rawValue) (exit \(report.exitCode))")
    }
    for check in report.checks where check.status == .failed {
      Terminal.error("\(snapshot): error: \(check.name): \(check.message)")
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }
}
