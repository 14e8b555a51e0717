import Foundation
import PackagePlugin

/// `swift package snapgen <arguments>`: runs the package's `snapgen` CLI with the arguments as
/// given (`verify`, `bench`, `inspect`, `build` …) and fails when it fails.
@main
struct SnapgenCommandPlugin: CommandPlugin {
  func performCommand(context: PluginContext, arguments: [String]) async throws {
    let tool = try context.tool(named: "snapgen")
    let process = Process()
    process.executableURL = tool.url
    process.arguments = arguments.isEmpty ? ["--help"] : arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw SnapgenFailed(status: process.terminationStatus, arguments: arguments)
    }
  }
}

/// snapgen exited with a failure; its own diagnostics are already on stderr.
struct SnapgenFailed: Error, CustomStringConvertible {
  var status: Int32
  var arguments: [String]
  var description: String { "snapgen \(arguments.joined(separator: " ")) exited with \(status)" }
}
