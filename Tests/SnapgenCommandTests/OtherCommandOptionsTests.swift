import ArgumentParser
import Testing

@testable import snapgen

@Suite("snapgen graph, inspect, run, verify, bench: options")
struct OtherCommandOptionsTests {
  @Test("graph: text by default; --format, --json and --dot")
  func graph() throws {
    let plain = try GraphCommand.parse([])
    #expect(plain.format == .text && !plain.json && !plain.dot)
    #expect(plain.inputOptions.input == ".")
    #expect(try GraphCommand.parse(["--format", "dot"]).format == .dot)
    #expect(try GraphCommand.parse(["--json"]).json)
    #expect(try GraphCommand.parse(["--dot"]).dot)
    let withEntries = try GraphCommand.parse(["app", "--entry", "main.js", "--diagnostics-format", "json"])
    #expect(withEntries.inputOptions.input == "app")
    #expect(withEntries.inputOptions.entryPoints == ["main.js"])
    #expect(withEntries.diagnostics.diagnosticsFormat == .json)
    #expect(usageError(GraphCommand.self, ["--format", "svg"])?.code == 64)
  }

  @Test("inspect: snapshot.bin by default; --json")
  func inspect() throws {
    let plain = try InspectCommand.parse([])
    #expect(plain.snapshot == "snapshot.bin")
    #expect(!plain.json)
    let json = try InspectCommand.parse(["other.bin", "--json"])
    #expect(json.snapshot == "other.bin" && json.json)
    #expect(usageError(InspectCommand.self, ["a.bin", "b.bin"])?.code == 64)
  }

  @Test("run: needs a script or --eval; script arguments pass through untouched")
  func run() throws {
    let missing = usageError(RunCommand.self, [])
    #expect(missing?.code == 64)
    #expect(missing?.message.contains("give a script to run or --eval") == true, "\(String(describing: missing))")
    let eval = try RunCommand.parse(["-s", "s.bin", "-e", "1 + 1", "--v8-flag=--no-lazy", "--timing"])
    #expect(eval.snapshot == "s.bin")
    #expect(eval.eval == "1 + 1")
    #expect(eval.v8Flags == ["--no-lazy"])
    #expect(eval.timing)
    #expect(eval.script == nil && eval.fromSources == nil)
    let script = try RunCommand.parse(["--from-sources", "internal-js", "main.js", "input.txt", "--verbose", "-x"])
    #expect(script.fromSources == "internal-js")
    #expect(script.snapshot == nil)
    #expect(script.script == "main.js")
    #expect(script.scriptArguments == ["input.txt", "--verbose", "-x"])
  }

  @Test("verify: snapshot.bin by default; repeatable --expect and --v8-flag")
  func verify() throws {
    let plain = try VerifyCommand.parse([])
    #expect(plain.snapshot == "snapshot.bin")
    #expect(plain.config == nil && !plain.rebuild && !plain.json)
    #expect(plain.expectations == [] && plain.v8Flags == [])
    let full = try VerifyCommand.parse([
      "s.bin", "--config", "app", "--rebuild", "--expect", "a", "--expect", "b", "--v8-flag=--no-lazy", "--json",
    ])
    #expect(full.snapshot == "s.bin")
    #expect(full.config == "app")
    #expect(full.rebuild && full.json)
    #expect(full.expectations == ["a", "b"])
    #expect(full.v8Flags == ["--no-lazy"])
    #expect(usageError(VerifyCommand.self, ["--expect"])?.code == 64)
  }

  @Test("bench: the documented defaults; numbers are checked")
  func bench() throws {
    let plain = try BenchCommand.parse([])
    #expect(plain.snapshot == "snapshot.bin")
    #expect(plain.sources == nil)
    #expect(plain.iterations == 100)
    #expect(plain.processes == 15)
    #expect(plain.call == "typeof globalThis")
    #expect(!plain.ops && !plain.json)
    #expect(plain.baseline == nil)
    #expect(plain.maxRegression == 10)
    let tuned = try BenchCommand.parse(["--iterations", "3", "--processes", "2", "--ops", "--max-regression", "2.5"])
    #expect(tuned.iterations == 3 && tuned.processes == 2 && tuned.ops && tuned.maxRegression == 2.5)
    #expect(usageError(BenchCommand.self, ["--iterations", "many"])?.code == 64)
    #expect(plain.poolSize == 2)
    #expect(try BenchCommand.parse(["--pool-size", "0"]).poolSize == 0)
    #expect(usageError(BenchCommand.self, ["--pool-size", "65"])?.code == 64)
  }

  @Test("the root command dispatches to each subcommand and refuses unknown ones with 64")
  func root() throws {
    #expect(try Snapgen.parseAsRoot(["build", "-o", "x.bin"]) is BuildCommand)
    #expect(try Snapgen.parseAsRoot(["graph", "--dot"]) is GraphCommand)
    #expect(try Snapgen.parseAsRoot(["inspect"]) is InspectCommand)
    #expect(try Snapgen.parseAsRoot(["verify"]) is VerifyCommand)
    #expect(try Snapgen.parseAsRoot(["bench"]) is BenchCommand)
    #expect(try Snapgen.parseAsRoot(["run", "-e", "1"]) is RunCommand)
    do {
      _ = try Snapgen.parseAsRoot(["compile"])
      Issue.record("an unknown subcommand parsed")
    } catch {
      #expect(Snapgen.exitCode(for: error).rawValue == 64)
    }
  }

  @Test("the build child's command is hidden from help")
  func hiddenChild() {
    let help = Snapgen.helpMessage()
    let child = ChildBuildCommand.configuration.commandName ?? ""
    #expect(!child.isEmpty)
    #expect(!help.contains(child), "\(help)")
    #expect(help.contains("build") && help.contains("verify"))
  }
}
