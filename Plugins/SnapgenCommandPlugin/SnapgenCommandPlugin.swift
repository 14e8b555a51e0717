import Foundation
import PackagePlugin

/// `swift package snapgen <arguments>`: runs the `snapgen` CLI with the arguments as given
/// (`verify`, `bench`, `inspect`, `build` …) and fails when it fails.
///
/// snapgen is built through `packageManager.build` in the ordinary debug build rather than
/// declared as a plugin tool: SwiftPM rebuilds plugin tools of command plugins from scratch on
/// every invocation, in a separate copy that `swift build` then rebuilds in turn.
@main
struct SnapgenCommandPlugin: CommandPlugin {
  func performCommand(context: PluginContext, arguments: [String]) async throws {
    var parameters = PackageManager.BuildParameters(configuration: .debug)
    parameters.logging = .concise
    let build = try packageManager.build(.product("snapgen"), parameters: parameters)
    guard build.succeeded,
      let tool = build.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "snapgen" })
    else {
      throw SnapgenFailed(description: "could not build snapgen:\n\(build.logText)")
    }
    let process = Process()
    process.executableURL = tool.url
    process.arguments = arguments.isEmpty ? ["--help"] : arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw SnapgenFailed(
        description: "snapgen \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
  }
}

/// snapgen could not be built or failed; its own diagnostics are already on stderr.
struct SnapgenFailed: Error, CustomStringConvertible {
  var description: String
}
