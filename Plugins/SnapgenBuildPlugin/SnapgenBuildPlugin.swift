import Foundation
import PackagePlugin

/// Builds the V8 startup snapshot of a target's JavaScript with `snapgen` and ships it as the
/// target's resource `snapshot.bin` (found at run time with `Bundle.module`).
///
/// The target's folder must hold exactly one `snapgen.json`. Every other file in the folder
/// that SwiftPM does not compile (JS modules, import maps, package.json files, the config)
/// is declared as an input, so `swift build` reruns snapgen when, and only when, one of them
/// changes, is added, removed or renamed.
///
/// When the config's `"base"` names another target (`"target:RuntimeJS"`), that target's
/// snapshot is built first, from its own files, and the target's snapshot is built on it as an
/// app snapshot (see ``BaseTarget``).
@main
struct SnapgenBuildPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
    let module = try SnapshotTarget(target)
    let output = context.pluginWorkDirectoryURL.appending(path: "snapshot.bin")
    let snapgen = try context.tool(named: "snapgen").url
    var commands: [Command] = []
    var baseArguments: [String] = []
    var baseInputs: [URL] = []
    if let base = try BaseTarget(for: module, appName: target.name, in: context.package) {
      // An app snapshot on another target's: that target's snapshot is built here first.
      let baseOutput = context.pluginWorkDirectoryURL.appending(path: "base/\(base.name).snapshot.bin")
      commands.append(
        .buildCommand(
          displayName: "snapgen: building base \(base.name) for the app snapshot of \(target.name)",
          executable: snapgen,
          arguments: [
            "build", base.snapshot.config.path, "--output", baseOutput.path,
            "--plugin", "--inputs-within", base.snapshot.folder.path,
          ] + Self.cacheArguments(context),
          inputFiles: base.snapshot.inputs,
          outputFiles: [baseOutput]))
      baseArguments = ["--base", baseOutput.path, "--base-target", base.name]
      baseInputs = [baseOutput]
    }
    commands.append(
      .buildCommand(
        displayName: "snapgen: building the snapshot of \(target.name)",
        executable: snapgen,
        arguments: [
          "build", module.config.path, "--output", output.path,
          "--plugin", "--inputs-within", module.folder.path,
        ] + baseArguments + Self.cacheArguments(context),
        inputFiles: module.inputs + baseInputs,
        outputFiles: [output]))
    return commands
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
