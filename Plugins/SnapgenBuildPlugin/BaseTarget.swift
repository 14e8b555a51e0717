import Foundation
import PackagePlugin

/// The base of an app snapshot when the app target's `snapgen.json` names another target:
/// `"base": "target:InternalJS"`.
///
/// SwiftPM 6.3 does not let a plugin name a file that another target's plugin invocation
/// generates (that target's plugin work folder is not part of the API). So the app target's
/// invocation builds the base snapshot itself, from the base target's own files, into its own
/// work folder, and declares those files as the inputs of that command; the app's command then
/// takes the base file as an input. Changing a file of the base target reruns both commands;
/// nothing else does. The base target's own plugin run builds the same snapshot a second time.
struct BaseTarget {
  /// The prefix of a `"base"` value that names a target instead of a file.
  static let prefix = "target:"

  /// The base target's name.
  var name: String
  /// Its folder, config and inputs.
  var snapshot: SnapshotTarget

  /// The base target that `app`'s config names, or nil when the config names no target
  /// (no `"base"`, or a snapshot file).
  ///
  /// The target is looked up in the app's own package first, then in the packages it depends on.
  init?(for app: SnapshotTarget, appName: String, in package: Package) throws(PluginProblem) {
    guard let name = Self.targetName(inConfig: app.config) else { return nil }
    guard !name.isEmpty else {
      throw PluginProblem("\(app.config.path): 'base' must name a target after '\(Self.prefix)', e.g. \"\(Self.prefix)InternalJS\"")
    }
    guard name != appName else {
      throw PluginProblem("\(app.config.path): target '\(appName)' names itself as its base; name the target whose snapshot it builds on")
    }
    let candidates = package.targets + package.dependencies.flatMap { $0.package.targets }
    guard let target = candidates.first(where: { $0.name == name }) else {
      let known = package.targets.compactMap { $0 is SwiftSourceModuleTarget && $0.name != appName ? $0.name : nil }
      throw PluginProblem(
        "\(app.config.path): 'base' names target '\(name)', which is not a target of this package or of a package it depends on"
          + (known.isEmpty ? "" : " (targets here: \(known.joined(separator: ", ")))"))
    }
    let snapshot = try SnapshotTarget(target)
    if Self.targetName(inConfig: snapshot.config) != nil {
      throw PluginProblem(
        "\(app.config.path): base target '\(name)' is itself built on a target (\(snapshot.config.path)); snapgen builds one layer on a runtime snapshot")
    }
    self.name = name
    self.snapshot = snapshot
  }

  /// The name after `target:` in the config's `"base"`, or nil when it has no such value. A
  /// config that cannot be read or parsed yields nil: snapgen reports it with its location.
  static func targetName(inConfig config: URL) -> String? {
    guard let data = try? Data(contentsOf: config),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let base = object["base"] as? String, base.hasPrefix(prefix)
    else { return nil }
    return String(base.dropFirst(prefix.count))
  }
}
