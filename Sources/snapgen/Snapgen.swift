import Glibc
import ArgumentParser
import SnapshotKit

/// `snapgen`: builds, inspects and runs V8 startup snapshots of a runtime's internal JavaScript.
@main
struct Snapgen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapgen",
    abstract: "Build, inspect, verify and run V8 startup snapshots of a runtime's internal JavaScript.",
    version: SnapgenVersion.current,
    subcommands: [
      BuildCommand.self, InspectCommand.self, RunCommand.self, VerifyCommand.self, BenchCommand.self,
      GraphCommand.self, KeygenCommand.self, ChildBuildCommand.self, AnatomyCommand.self, CacheCommand.self,
    ]
  )

  static func main() {
    // A write past RLIMIT_FSIZE must fail with EFBIG (and be reported), not kill snapgen; a
    // child that dies while we feed it must not kill us either.
    signal(SIGXFSZ, SIG_IGN)
    signal(SIGPIPE, SIG_IGN)
    runWithoutCommandTree()
    main(nil)
  }

  /// `snapgen run …` is the path a runtime process takes on every start, and `snapgen build`
  /// on a cache hit does little else. ArgumentParser's root parse first builds the argument sets
  /// of every subcommand (reflection and protocol-conformance lookups: about 10 M instructions);
  /// parsing the named subcommand alone skips the others. Whatever that parse refuses (help,
  /// errors) returns here and goes the usual way, so every message stays the same. Commands with
  /// subcommands of their own (`cache`) always go the usual way.
  private static func runWithoutCommandTree() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first,
      let type = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
      type.configuration.subcommands.isEmpty,
      var command = try? type.parse(Array(arguments.dropFirst()))
    else { return }
    do {
      try command.run()
    } catch {
      exit(withError: error)
    }
    exit()
  }
}
