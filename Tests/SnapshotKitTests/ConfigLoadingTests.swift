import BundleResolver
import Foundation
import SnapshotKit
import Testing

@Suite("snapgen.json: strict, located errors")
struct ConfigLoadingTests {
  private func problems(_ json: String) throws -> [Diagnostic] {
    let root = try Fixtures.moduleTree(["snapgen.json": json, "main.js": ""])
    defer { try? FileManager.default.removeItem(atPath: root) }
    do {
      _ = try BuildConfiguration.load(from: root)
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test("values of the wrong JSON type are refused at their key (1 is not true, true is not 9)")
  func wrongTypes() throws {
    let found = try problems("{\n  \"entryPoints\": [\"main.js\"],\n  \"deterministic\": 1,\n  \"compressionLevel\": true\n}")
    let deterministic = try #require(found.first { $0.message.hasPrefix("'deterministic' must be true or false, not a number") })
    #expect(deterministic.line == 3 && deterministic.column == 3)
    let level = try #require(found.first { $0.message.hasPrefix("'compressionLevel' must be a whole number") })
    #expect(level.line == 4 && level.column == 3)
    #expect(found.allSatisfy { $0.file?.hasSuffix("snapgen.json") == true })
  }

  @Test("a duplicate key is an error naming both places")
  func duplicateKeys() throws {
    let found = try problems(#"{"entryPoints": ["main.js"], "entryPoints": ["other.js"]}"#)
    #expect(found.count == 1)
    #expect(found.first?.message == "duplicate key 'entryPoints' (first at line 1, column 2)")
    #expect(found.first?.column == 30)
  }

  @Test("syntax errors, non-objects and inline ops of the wrong shape are located")
  func shapes() throws {
    let syntax = try problems("{\"entryPoints\": [\"main.js\",]}")
    #expect(syntax.first?.message.hasPrefix("snapgen.json is not valid JSON") == true && syntax.first?.line == 1)
    #expect(try problems("[1]").first?.message == "snapgen.json must contain a JSON object, not an array")
    let ops = try problems(#"{"entryPoints": ["main.js"], "ops": [{"name": "op_a", "arity": "2"}]}"#)
    #expect(ops.first?.message.hasPrefix("'ops'[0] must be") == true)
    let kind = try problems(#"{"entryPoints": ["main.js"], "ops": [{"name": "op_a", "kind": "later", "arity": 1}]}"#)
    #expect(kind.first?.message == "'ops'[0].kind must be \"sync\" or \"async\"")
  }

  @Test("a valid config loads every key")
  func validConfig() throws {
    let root = try Fixtures.moduleTree([
      "snapgen.json": #"{"entryPoints": ["main.js"], "v8Flags": ["--no-lazy"], "functionCode": "clear", "compression": "none", "compressionLevel": 3, "deterministic": false, "ops": [{"name": "op_a", "kind": "async", "arity": 1}], "schemes": {"internal": "."}, "conditions": ["worker"], "dynamicImports": "error"}"#,
      "main.js": "",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = try BuildConfiguration.load(from: root)
    #expect(configuration.v8Flags == ["--no-lazy"])
    #expect(configuration.options.functionCode == .clear && configuration.options.codec == .none)
    #expect(configuration.options.compressionLevel == 3 && configuration.options.deterministic == false)
    #expect(configuration.ops == [OpDescriptor(name: "op_a", kind: .async, arity: 1)])
    #expect(configuration.resolver.schemes == ["internal": "."] && configuration.resolver.conditions == ["worker"])
    #expect(configuration.resolver.dynamicImportSeverity == .error)
  }
}
