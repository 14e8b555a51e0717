import Foundation
import PackagePlugin

/// Builds the V8 startup snapshot of a target's JavaScript with `snapgen` and ships it as the
/// target's resource `snapshot.bin` (found at run time with `Bundle.module`).
///
/// The target's folder must hold exactly one `snapgen.json`. Every other file in the folder
/// that SwiftPM does not compile (JS modules, import maps, package.json files, the config)
/// is declared as an input, so `swift build` reruns snapgen when, and only when, one of them
/// changes, is added, removed or renamed.
@main
struct SnapgenBuildPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
    let module = try SnapshotTarget(target)
    let output = context.pluginWorkDirectoryURL.appending(path: "snapshot.bin")
    return [
      .buildCommand(
        displayName: "snapgen: building the snapshot of \(target.name)",
        executable: try context.tool(named: "snapgen").url,
        arguments: [
          "build", module.config.path, "--output", output.path,
          "--plugin", "--inputs-within", module.folder.path,
        ] + Self.cacheArguments(context),
        inputFiles: module.inputs,
        outputFiles: [output])
    ]
  }

  /// Where snapgen keeps its snapshot cache. On macOS the plugin sandbox lets the command write
  /// only inside the plugin work directory, so the cache lives there (one per package build
  /// folder); elsewhere (Linux has no plugin sandbox) snapgen uses the user's cache folder, shared
  /// by every package. A remote cache named by the config's `remoteCache` key is used either
  /// way (on macOS only when the sandbox is off, since it also blocks the network).
  static func cacheArguments(_ context: PluginContext) -> [String] {
    #if os(macOS)
      return ["--cache-dir", context.pluginWorkDirectoryURL.appending(path: "snapgen-cache").path]
    #else
      return []
    #endif
  }
}
