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
        ],
        inputFiles: module.inputs,
        outputFiles: [output])
    ]
  }
}
