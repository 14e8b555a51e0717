import ArgumentParser
import SnapshotKit

/// `snapgen _build-child`: the hidden half of a crash-isolated build. Reads a build
/// configuration on stdin and answers on stdout (see `IsolatedBuild`).
struct ChildBuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: IsolatedBuild.childCommand, abstract: "Internal: build one snapshot for a parent snapgen.",
    shouldDisplay: false)

  func run() throws {
    throw ExitCode(IsolatedBuild.serveChild())
  }
}
