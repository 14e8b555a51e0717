import BundleResolver
import Foundation
import SnapshotKit
import Testing

@Suite("the build pipeline", .serialized)
struct PipelineTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("one call returns the snapshot, every input file (config, op manifest, warm-up) and warnings")
  func outputNamesInputs() throws {
    let root = try Fixtures.moduleTree([
      "main.js": "import './dep.js';\nexport function later() { return import('./dep.js'); }\n",
      "dep.js": "globalThis.dep = 1;\n",
      "ops.json": "[{\"name\": \"op_x\", \"kind\": \"sync\", \"arity\": 0}]",
      "warm.js": "globalThis.dep;\n",
      "snapgen.json": "{\"entryPoints\": [\"main.js\"], \"ops\": \"ops.json\", \"warmup\": \"warm.js\"}",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let output = try SnapshotPipeline(configuration: BuildConfiguration.load(from: root)).run()
    #expect(output.inputFiles == ["dep.js", "main.js", "ops.json", "snapgen.json", "warm.js"].map { root + "/" + $0 })
    #expect(output.warnings.contains { $0.severity == .warning && $0.message.contains("cannot run while the snapshot is built") })
    #expect(output.file.metadata.modules.map(\.name) == ["dep.js", "main.js"])
  }

  @Test("confinement refuses modules, package.json files, the op manifest and the warm-up outside the folder")
  func confinement() throws {
    let outer = try Fixtures.moduleTree([
      "outside.js": "export const o = 1;\n",
      "outside-ops.json": "[]",
      "outside-warm.js": "1;\n",
      "target/main.js": "import { o } from '../outside.js';\nimport 'pkg';\n",
      "node_modules/pkg/package.json": "{\"name\": \"pkg\", \"exports\": \"./index.js\"}",
      "node_modules/pkg/index.js": "export {};\n",
      "target/snapgen.json": "{\"entryPoints\": [\"main.js\"]}",
      "target/bad.json": "{\"entryPoints\": [\"main.js\"], \"ops\": \"../outside-ops.json\", \"warmup\": \"../outside-warm.js\"}",
    ])
    defer { try? FileManager.default.removeItem(atPath: outer) }
    let target = outer + "/target"
    // The config's own files are refused at load, before they are read.
    #expect {
      try BuildConfiguration.load(from: target + "/bad.json", confinedTo: target)
    } throws: { error in
      let text = (error as? DiagnosticError)?.description ?? ""
      return text.contains("'ops' names") && text.contains("'warmup' names") && text.contains("outside the target folder")
    }
    // Unconfined, the graph resolves (the package is found above the folder) …
    #expect(throws: Never.self) { try BuildConfiguration.load(from: target).resolveGraph() }
    // … confined, neither the module nor the package above the folder is used.
    let confined = try BuildConfiguration.load(from: target, confinedTo: target)
    #expect {
      try confined.resolveGraph()
    } throws: { error in
      let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
      let outside = diagnostics.first { $0.message.contains("'../outside.js' resolves to \(outer)/outside.js, outside the target folder \(target)") }
      return outside?.line == 1 && outside?.column != nil && diagnostics.contains { $0.message.contains("'pkg'") }
    }
  }

  @Test("a symlink inside the folder that points outside is refused on its real path")
  func symlinkEscape() throws {
    let outer = try Fixtures.moduleTree([
      "secret.js": "export const secret = 1;\n",
      "target/main.js": "import { secret } from './link.js';\n",
      "target/snapgen.json": "{\"entryPoints\": [\"main.js\"]}",
    ])
    defer { try? FileManager.default.removeItem(atPath: outer) }
    try FileManager.default.createSymbolicLink(atPath: outer + "/target/link.js", withDestinationPath: outer + "/secret.js")
    let confined = try BuildConfiguration.load(from: outer + "/target", confinedTo: outer + "/target")
    #expect {
      try confined.resolveGraph()
    } throws: { error in
      (error as? DiagnosticError)?.description.contains("resolves to \(outer)/secret.js, outside the target folder") == true
    }
  }
}
