import ArgumentParser
import Testing

@testable import snapgen

@Suite("snapgen build: options")
struct BuildOptionsTests {
  @Test("the defaults: the current folder, snapshot.bin, text diagnostics, a 300 s limit")
  func defaults() throws {
    let command = try BuildCommand.parse([])
    #expect(command.inputOptions.input == ".")
    #expect(command.inputOptions.entryPoints == [])
    #expect(command.output == "snapshot.bin")
    #expect(command.v8Flags == [])
    #expect(command.functionCode == nil)
    #expect(command.compression == nil)
    #expect(command.json == false)
    #expect(command.depfile == nil)
    #expect(command.diagnostics.diagnosticsFormat == .text)
    #expect(command.timeout == 300)
    #expect(command.pluginMode.plugin == false)
    #expect(command.pluginMode.inputsWithin == nil)
  }

  @Test("every option, with repeatable --entry and --v8-flag in order")
  func everyOption() throws {
    let command = try BuildCommand.parse([
      "project", "--entry", "a.js", "--entry", "b.js", "-o", "out.bin", "--v8-flag=--no-lazy",
      "--v8-flag=--stack-size=900", "--function-code", "clear", "--compression", "zlib", "--json",
      "--depfile", "out.d", "--diagnostics-format", "json", "--timeout", "5", "--plugin",
      "--inputs-within", "Sources/JS",
    ])
    #expect(command.inputOptions.input == "project")
    #expect(command.inputOptions.entryPoints == ["a.js", "b.js"])
    #expect(command.output == "out.bin")
    #expect(command.v8Flags == ["--no-lazy", "--stack-size=900"])
    #expect(command.functionCode == "clear")
    #expect(command.compression == "zlib")
    #expect(command.json)
    #expect(command.depfile == "out.d")
    #expect(command.diagnostics.diagnosticsFormat == .json)
    #expect(command.timeout == 5)
    #expect(command.pluginMode.plugin)
    #expect(command.pluginMode.inputsWithin == "Sources/JS")
  }

  @Test("--output has the short form -o")
  func shortOutput() throws {
    #expect(try BuildCommand.parse(["-o", "x.bin"]).output == "x.bin")
    #expect(try BuildCommand.parse(["--output", "y.bin"]).output == "y.bin")
  }

  @Test(
    "usage errors exit with 64 and name the problem",
    arguments: [
      (["--timeout", "soon"], "soon"),
      (["--diagnostics-format", "xml"], "xml"),
      (["--bogus"], "--bogus"),
      (["one", "two"], "two"),
      (["--output"], "--output"),
    ])
  func usageErrors(_ arguments: [String], _ named: String) {
    let error = usageError(BuildCommand.self, arguments)
    #expect(error?.code == 64, "\(arguments)")
    #expect(error?.message.contains(named) == true, "\(String(describing: error?.message))")
  }
}
