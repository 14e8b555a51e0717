import ArgumentParser

/// `snapgen`: builds, inspects and runs V8 startup snapshots of a runtime's internal JS.
@main
struct Snapgen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapgen",
    abstract: "Build, inspect and run V8 startup snapshots of a runtime's internal JavaScript.",
    version: "0.1.0",
    subcommands: [BuildCommand.self, InspectCommand.self, RunCommand.self, GraphCommand.self]
  )
}
