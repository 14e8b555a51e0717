@testable import BundleResolver
import SnapshotKit
import Testing

/// Import maps against the examples of the WICG import maps proposal and the HTML specification.
@Suite("import maps")
struct ImportMapTests {

  func map(_ json: String, at path: String = "/app/import-map.json") throws(DiagnosticError) -> ImportMap {
    try ImportMap(bytes: Array(json.utf8), path: path)
  }

  func resolve(_ map: ImportMap, _ specifier: String, from referrer: String = "/app/main.js") -> ImportMap.Match? {
    let base = ModuleURL.file(referrer)
    return map.resolve(ModuleURL.parseURLLike(specifier, base: base) ?? specifier, referrer: base)
  }

  @Test("bare specifiers map to addresses; a key ending in '/' maps a whole prefix")
  func bareAndPrefix() throws {
    let map = try map("""
      {"imports": {
        "moment": "/node_modules/moment/src/moment.js",
        "moment/": "/node_modules/moment/src/",
        "lodash": "/node_modules/lodash-es/lodash.js"
      }}
      """)
    #expect(resolve(map, "moment") == .resolved("file:///node_modules/moment/src/moment.js"))
    #expect(resolve(map, "moment/locale/zh-cn.js") == .resolved("file:///node_modules/moment/src/locale/zh-cn.js"))
    #expect(resolve(map, "lodash") == .resolved("file:///node_modules/lodash-es/lodash.js"))
    #expect(resolve(map, "lodash/fp") == nil)
    #expect(resolve(map, "other") == nil)
  }

  @Test("the most specific prefix wins")
  func mostSpecific() throws {
    let map = try map(#"{"imports": {"a/": "/one/", "a/b/": "/two/"}}"#)
    #expect(resolve(map, "a/b/c.js") == .resolved("file:///two/c.js"))
    #expect(resolve(map, "a/x.js") == .resolved("file:///one/x.js"))
  }

  @Test("addresses and URL-like keys are relative to the map's own location")
  func relativeToMap() throws {
    let map = try map(#"{"imports": {"x": "./lib/x.js", "./old.js": "./new.js", "up/": "../shared/"}}"#, at: "/app/config/map.json")
    #expect(resolve(map, "x") == .resolved("file:///app/config/lib/x.js"))
    #expect(resolve(map, "./old.js", from: "/app/config/main.js") == .resolved("file:///app/config/new.js"))
    #expect(resolve(map, "./old.js", from: "/app/main.js") == nil)
    #expect(resolve(map, "up/y.js") == .resolved("file:///app/shared/y.js"))
  }

  @Test("scopes apply to modules under their prefix, the most specific scope first, then imports")
  func scopes() throws {
    // The scope example of the WICG proposal.
    let map = try map("""
      {"imports": {"a": "/a-1.mjs", "b": "/b-1.mjs", "c": "/c-1.mjs"},
       "scopes": {"/scope2/": {"a": "/a-2.mjs"}, "/scope2/scope3/": {"b": "/b-3.mjs"}}}
      """)
    #expect(resolve(map, "a", from: "/scope1/foo.mjs") == .resolved("file:///a-1.mjs"))
    #expect(resolve(map, "b", from: "/scope1/foo.mjs") == .resolved("file:///b-1.mjs"))
    #expect(resolve(map, "a", from: "/scope2/foo.mjs") == .resolved("file:///a-2.mjs"))
    #expect(resolve(map, "b", from: "/scope2/foo.mjs") == .resolved("file:///b-1.mjs"))
    #expect(resolve(map, "a", from: "/scope2/scope3/foo.mjs") == .resolved("file:///a-2.mjs"))
    #expect(resolve(map, "b", from: "/scope2/scope3/foo.mjs") == .resolved("file:///b-3.mjs"))
    #expect(resolve(map, "c", from: "/scope2/scope3/foo.mjs") == .resolved("file:///c-1.mjs"))
  }

  @Test("null, invalid addresses and backtracking block the specifier; invalid entries warn at their key")
  func invalidEntries() throws {
    let map = try map("""
      {"imports": {
        "blocked": null,
        "bare": "not-a-url",
        "number": 1,
        "dir/": "/no-trailing-slash",
        "pkg/": "/node_modules/pkg/"
      }, "extra": {}}
      """)
    guard case .blocked? = resolve(map, "blocked") else { Issue.record("null did not block"); return }
    guard case .blocked? = resolve(map, "bare") else { Issue.record("a bare address did not block"); return }
    guard case .blocked? = resolve(map, "dir/x.js") else { Issue.record("a slash mismatch did not block"); return }
    guard case .blocked? = resolve(map, "pkg/../../etc/passwd") else { Issue.record("backtracking did not block"); return }
    let warnings = map.warnings.map { "\($0.line!):\($0.column!) \($0.message)" }
    #expect(warnings.count == 5)
    #expect(warnings.contains { $0.hasPrefix("3:3 invalid address 'not-a-url' for 'bare'") })
    #expect(warnings.contains { $0.hasPrefix("4:3 invalid address for 'number': expected a string, not a number") })
    #expect(warnings.contains { $0.hasPrefix("5:3 invalid address '/no-trailing-slash' for 'dir/'") })
    #expect(warnings.contains { $0.hasPrefix("2:3 invalid address for 'blocked'") })
    #expect(warnings.contains { $0.hasPrefix("7:4 unknown import map key 'extra'") })
  }

  @Test("a map that is not valid JSON, or has the wrong shape, is an error with its location")
  func invalidMaps() throws {
    #expect(throws: DiagnosticError.self) { try map("{\"imports\": {\"a\": \"./a.js\",}}") }
    do {
      _ = try map("{\n  \"imports\": {\"a\": \"./a.js\",}\n}")
      Issue.record("parsed")
    } catch {
      #expect(error.diagnostics.first?.message == "import map is not valid JSON: expected a string key in double quotes")
      #expect(error.diagnostics.first?.line == 2)
      #expect(error.diagnostics.first?.column == 29)
    }
    do {
      _ = try map("{\"imports\": [], \"scopes\": {\"/x/\": 3}}")
      Issue.record("parsed")
    } catch {
      #expect(error.diagnostics.map(\.message) == [
        "import map 'imports' must be an object, not an array",
        "import map scope '/x/' must be an object, not a number",
      ])
    }
  }
}
