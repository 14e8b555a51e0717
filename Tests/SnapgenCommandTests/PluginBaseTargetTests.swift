import ArgumentParser
import BundleResolver
import SnapshotKit
import Testing

@testable import snapgen

/// `--base-target`: the base target SnapgenBuildPlugin planned with, checked against the config.
@Suite("build --base-target (plugin mode)")
struct PluginBaseTargetTests {
  func configuration(baseTarget: String?) -> BuildConfiguration {
    var configuration = BuildConfiguration(root: "/project", entryPoints: ["app.js"], configPath: "/project/snapgen.json")
    configuration.baseTarget = baseTarget
    return configuration
  }

  func message(_ mode: PluginMode, _ configuration: BuildConfiguration) -> String? {
    do {
      try mode.checkPlannedBase(of: configuration)
      return nil
    } catch {
      return error.diagnostics.map(\.description).joined(separator: "\n")
    }
  }

  @Test("is parsed with --base, and a config naming the same target passes")
  func parsedAndMatching() throws {
    let command = try BuildCommand.parse(["app", "--plugin", "--base", "base.bin", "--base-target", "RuntimeJS"])
    #expect(command.base == "base.bin")
    #expect(command.pluginMode.baseTarget == "RuntimeJS")
    #expect(message(command.pluginMode, configuration(baseTarget: "RuntimeJS")) == nil)
  }

  @Test("a config whose base target differs from the plan's fails, naming both, the config and the way out")
  func stalePlan() throws {
    let planned = try BuildCommand.parse(["app", "--plugin", "--base", "base.bin", "--base-target", "RuntimeJS"]).pluginMode
    let other = try #require(message(planned, configuration(baseTarget: "OtherJS")))
    #expect(other.hasPrefix("/project/snapgen.json: error: 'base' names target 'OtherJS', but SwiftPM planned this build when it named target 'RuntimeJS'"))
    #expect(other.contains("touch Package.swift"))
    let removed = try #require(message(planned, configuration(baseTarget: nil)))
    #expect(removed.contains("'base' names no target, but SwiftPM planned this build when it named target 'RuntimeJS'"))
    let unplanned = try BuildCommand.parse(["app", "--plugin"]).pluginMode
    let added = try #require(message(unplanned, configuration(baseTarget: "RuntimeJS")))
    #expect(added.contains("'base' names target 'RuntimeJS', but SwiftPM planned this build when it named no target"))
  }

  @Test("outside plugin mode the option is not consulted")
  func outsidePluginMode() throws {
    let command = try BuildCommand.parse(["app"])
    #expect(message(command.pluginMode, configuration(baseTarget: "RuntimeJS")) == nil)
  }
}
