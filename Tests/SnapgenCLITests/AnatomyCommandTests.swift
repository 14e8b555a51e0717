import Foundation
import SnapgenTestSupport
import Testing

/// `snapgen anatomy` end to end on Tests/Fixtures/anatomy-js, whose big.js keeps about 160 KB of
/// doubles alive and whose small.js keeps one small function.
@Suite("snapgen anatomy", .serialized)
struct AnatomyCommandTests {
  static var fixture: String { Repository.fixtures + "/anatomy-js" }

  @Test("the module that keeps the big table is charged for it, and the modules and remainder add up to the heap")
  func attributesTheTable() async throws {
    let tree = try TemporaryTree()
    let result = try await SnapgenCLI.run([
      "anatomy", Self.fixture, "--json", "--boots", "3", "--html", tree("report.html"), "--heap-snapshot", tree("heap.heapsnapshot"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let modules = try #require(report["modules"] as? [[String: Any]])
    let byName = Dictionary(uniqueKeysWithValues: modules.map { ($0["name"] as! String, $0) })
    #expect(Set(byName.keys) == ["big.js", "small.js", "main.js"])
    let big = try #require(byName["big.js"]?["bytes"] as? Int)
    let small = try #require(byName["small.js"]?["bytes"] as? Int)
    #expect(big >= 160_000, "20000 doubles are at least 160000 bytes")
    #expect(small < 20_000)
    // twice() and the module's own top-level function.
    #expect(byName["small.js"]?["functions"] as? Int == 2)
    let remainder = try #require((report["unattributed"] as? [String: Any])?["bytes"] as? Int)
    let heap = try #require(report["heapBytes"] as? Int)
    #expect(modules.reduce(0) { $0 + ($1["bytes"] as! Int) } + remainder == heap)
    // The table's retaining path goes through big.js's own function or module record.
    let biggest = try #require((byName["big.js"]?["biggestObjects"] as? [[String: Any]])?.first)
    #expect((biggest["retainedBytes"] as? Int ?? 0) >= 160_000)
    // V8's serialisation statistics, the V8 floor and the boot measurement are there.
    let serialization = try #require(report["serialization"] as? [String: Any])
    #expect(!((serialization["blobParts"] as? [Any]) ?? []).isEmpty)
    let floor = try #require(report["floor"] as? [String: Any])
    #expect((floor["heapBytes"] as? Int ?? 0) > 0 && (floor["heapBytes"] as? Int ?? 0) < heap)
    let boot = try #require(report["boot"] as? [String: Any])
    #expect((boot["totals"] as? [Double])?.count == 3)
    // The HTML names every module once in its treemap; the heap snapshot is V8's JSON.
    let html = try String(contentsOfFile: tree("report.html"), encoding: .utf8)
    for name in byName.keys { #expect(html.components(separatedBy: "<g class=\"module\" data-module=\"\(name)\"").count == 2) }
    #expect(!html.contains("<script"))
    let heapSnapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tree("heap.heapsnapshot"))))
    #expect((heapSnapshot as? [String: Any])?["nodes"] != nil)
  }

  @Test("an app snapshot on a base is inspected without V8's flag statistics, against an empty app on the same base")
  func appOnBase() async throws {
    let tree = try TemporaryTree([
      "base/snapgen.json": #"{"entryPoints": ["lib.js"]}"#,
      "base/lib.js": "export const table = Array.from({ length: 5000 }, (_, i) => i + 0.5);\n",
      "app/snapgen.json": #"{"entryPoints": ["app.js"], "base": "../base.bin"}"#,
      "app/app.js": "import { table } from 'base:lib';\nexport const mine = Array.from({ length: 20000 }, (_, i) => i + 0.25);\nexport const sum = table.length;\n",
    ])
    let base = try await SnapgenCLI.run(["build", tree("base"), "-o", tree("base.bin"), "--no-cache"])
    try #require(base.status == 0, "\(base)")
    let result = try await SnapgenCLI.run(["anatomy", tree("app"), "--json", "--boots", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let modules = try #require(report["modules"] as? [[String: Any]])
    #expect(modules.map { $0["name"] as? String } == ["app.js"])
    #expect((modules.first?["bytes"] as? Int ?? 0) >= 160_000, "the app's own 20000 doubles")
    let floor = try #require(report["floor"] as? [String: Any])
    #expect(floor["base"] as? String == "../base.bin")
    // The empty app on the base carries the base's table: more heap than V8's own floor.
    let bare = try await SnapgenCLI.run(["anatomy", tree("base"), "--json", "--boots", "0"])
    let bareFloor = try #require((try JSONSerialization.jsonObject(with: Data(bare.stdout.utf8)) as? [String: Any])?["floor"] as? [String: Any])
    #expect((floor["heapBytes"] as? Int ?? 0) >= (bareFloor["heapBytes"] as? Int ?? .max) + 40_000)
    let text = try await SnapgenCLI.run(["anatomy", tree("app"), "--boots", "0"])
    #expect(text.stdout.contains("an empty module's snapshot on the base ../base.bin (V8's and the base's share)"), "\(text)")
  }

  @Test("module names that look like markup are escaped in the HTML report")
  func hostileNames() async throws {
    let name = "<img src=x onerror=alert(1)>&\"q'.js"
    let tree = try TemporaryTree(["main.js": "import \"./\(name.replacingOccurrences(of: "\"", with: "\\\""))\";\n", name: "globalThis.y = 1;\n"])
    let result = try await SnapgenCLI.run(["anatomy", tree.path, "--entry", "main.js", "--boots", "0", "--html", tree("report.html")])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: tree("report.html"), encoding: .utf8)
    #expect(!html.contains("<img"))
    #expect(html.contains("data-module=\"&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&#39;.js\""))
  }

  @Test("--bench takes the boot phases from a snapgen bench --json report")
  func benchReport() async throws {
    let tree = try TemporaryTree()
    let build = try await SnapgenCLI.run(["build", Self.fixture, "-o", tree("snapshot.bin")])
    #expect(build.status == 0, "\(build.stderr)")
    let bench = try await SnapgenCLI.run(["bench", tree("snapshot.bin"), "--iterations", "3", "--processes", "0", "--json"])
    #expect(bench.status == 0, "\(bench.stderr)")
    try Data(bench.stdout.utf8).write(to: URL(fileURLWithPath: tree("bench.json")))
    let result = try await SnapgenCLI.run(["anatomy", Self.fixture, "--boots", "0", "--bench", tree("bench.json"), "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let boot = try #require(report["boot"] as? [String: Any])
    #expect((boot["source"] as? String)?.hasPrefix("snapgen bench report (3 warm boots)") == true)
    #expect(((boot["phases"] as? [String: Double])?["isolate"] ?? 0) > 0)
    #expect((boot["totals"] as? [Double]) == [])
  }

  @Test("the text report lists every module and the remainder")
  func textReport() async throws {
    let result = try await SnapgenCLI.run(["anatomy", Self.fixture, "--boots", "0"])
    #expect(result.status == 0, "\(result.stderr)")
    for name in ["big.js", "small.js", "main.js", "(unattributed)", "V8 serialisation statistics"] {
      #expect(result.stdout.contains(name), "\(name) missing from:\n\(result.stdout)")
    }
    #expect(result.stderr.isEmpty)
  }
}
