@testable import BundleResolver
import SnapshotKit
import Testing

/// package.json `exports` against the cases of Node's packages documentation.
@Suite("package exports")
struct PackageExportsTests {

  let exports = PackageExports(conditions: ["import", "module", "default"])

  func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

  func target(_ subpath: String, _ text: String) throws -> String {
    try exports.resolve(subpath, exports: json(text))
  }

  func failure(_ subpath: String, _ text: String) throws -> PackageExports.Failure? {
    do {
      _ = try exports.resolve(subpath, exports: try json(text))
      return nil
    } catch let failure as PackageExports.Failure {
      return failure
    }
  }

  @Test("a string, an array or a conditions object stands for the main export only")
  func sugar() throws {
    #expect(try target(".", #""./index.js""#) == "./index.js")
    #expect(try target(".", #"["./index.js"]"#) == "./index.js")
    #expect(try target(".", #"{"import": "./index.mjs", "require": "./index.cjs"}"#) == "./index.mjs")
    #expect(try failure("./other", #""./index.js""#) == .notExported)
  }

  @Test("conditions match in the package's order, not snapgen's; nested conditions work")
  func conditions() throws {
    #expect(try target(".", #"{"default": "./d.js", "import": "./i.js"}"#) == "./d.js")
    #expect(try target(".", #"{"node": "./n.js", "module": "./m.js", "default": "./d.js"}"#) == "./m.js")
    #expect(try target(".", #"{".": {"node": {"import": "./n.mjs"}, "default": {"import": "./feature.mjs", "default": "./f.js"}}}"#) == "./feature.mjs")
    #expect(try failure(".", #"{"require": "./c.cjs", "node": "./n.js"}"#) == .notExported)
  }

  @Test("subpath exports and patterns, the most specific pattern first, null excludes")
  func subpaths() throws {
    let map = #"""
      {
        ".": "./index.js",
        "./features/*.js": "./src/features/*.js",
        "./features/private-internal/*": null,
        "./features/special/*": "./special/*/index.js",
        "./package.json": "./package.json"
      }
      """#
    #expect(try target("./features/x.js", map) == "./src/features/x.js")
    #expect(try target("./features/a/b.js", map) == "./src/features/a/b.js")
    #expect(try target("./features/special/y", map) == "./special/y/index.js")
    #expect(try target("./package.json", map) == "./package.json")
    #expect(try failure("./features/private-internal/m.js", map) == .excluded)
    #expect(try failure("./features/x.ts", map) == .notExported)
    #expect(try failure("./missing", map) == .notExported)
    #expect(try target("./a/x", #"{"./a/*": "./b/*/*.js"}"#) == "./b/x/x.js")
  }

  @Test("arrays fall back past invalid targets")
  func fallbacks() throws {
    #expect(try target(".", #"["not-relative.js", "./b.js"]"#) == "./b.js")
    #expect(try target(".", #"[{"worker": "./w.js"}, "./b.js"]"#) == "./b.js")
  }

  @Test("targets that leave the package, are not './'-relative or hold bad segments are errors")
  func invalidTargets() throws {
    #expect(try failure(".", #""../outside.js""#) == .escapes("../outside.js"))
    #expect(try failure(".", #""./../outside.js""#) == .escapes("./../outside.js"))
    #expect(try failure("./x", #"{"./x": "./a/../../b.js"}"#) == .escapes("./a/../../b.js"))
    #expect(try failure(".", #""/etc/passwd""#) == .escapes("/etc/passwd"))
    guard case .invalidTarget? = try failure(".", #""index.js""#) else { Issue.record("accepted a bare target"); return }
    guard case .invalidTarget? = try failure(".", #""./node_modules/x/index.js""#) else { Issue.record("accepted node_modules"); return }
    guard case .invalidTarget? = try failure("./f/../../x.js", #"{"./f/*": "./src/*"}"#) else { Issue.record("accepted '..' in a pattern match"); return }
    guard case .invalidConfig? = try failure(".", #"{"0": "./a.js"}"#) else { Issue.record("accepted a numeric condition"); return }
  }
}
